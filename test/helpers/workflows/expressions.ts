// GitHub Actions expressions (`${{ … }}` and bare `if:` conditions), as the runner evaluates them: literals, context
// property paths, `!`, comparisons (strings compared case-insensitively, mixed types as numbers), `&&`/`||` returning
// an operand, and the functions the documented workflows use (format, contains, startsWith, endsWith, join, toJSON,
// fromJSON, success, failure, always, cancelled). Unknown syntax throws, so a workflow the harness cannot read fails
// the test instead of being misread.

export type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value }

/** The contexts an expression may read, plus the job status the status functions answer from. */
export interface ExpressionContext {
  readonly contexts: Readonly<Record<string, Value>>
  /** Whether an earlier step (or, for a job, a needed job) failed. */
  readonly failed: boolean
}

type Token =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'op'; readonly value: string }

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ',', '.', '*']

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const c = source[i]!
    if (/\s/.test(c)) {
      i++
    } else if (c === "'") {
      let text = ''
      i++
      for (;;) {
        if (i >= source.length) throw new Error(`unterminated string in '${source}'`)
        if (source[i] === "'" && source[i + 1] === "'") {
          text += "'"
          i += 2
        } else if (source[i] === "'") {
          i++
          break
        } else text += source[i++]
      }
      tokens.push({ kind: 'string', value: text })
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const found = /^-?[0-9]+(\.[0-9]+)?/.exec(source.slice(i))![0]
      tokens.push({ kind: 'number', value: Number(found) })
      i += found.length
    } else if (/[A-Za-z_]/.test(c)) {
      const found = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i))![0]
      tokens.push({ kind: 'name', value: found })
      i += found.length
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i))
      if (!op) throw new Error(`unexpected '${c}' in expression '${source}'`)
      tokens.push({ kind: 'op', value: op })
      i += op.length
    }
  }
  return tokens
}

/** Evaluates one expression (the text inside `${{ }}`, or a bare `if:`). */
export function evaluate(source: string, context: ExpressionContext): Value {
  const tokens = tokenize(source)
  let at = 0
  const peek = () => tokens[at]
  const isOp = (value: string) => peek()?.kind === 'op' && peek()?.value === value
  const expect = (value: string) => {
    if (!isOp(value)) throw new Error(`expected '${value}' in '${source}'`)
    at++
  }

  const or = (): Value => {
    let left = and()
    while (isOp('||')) {
      at++
      const right = and()
      left = truthy(left) ? left : right
    }
    return left
  }
  const and = (): Value => {
    let left = comparison()
    while (isOp('&&')) {
      at++
      const right = comparison()
      left = truthy(left) ? right : left
    }
    return left
  }
  const comparison = (): Value => {
    const left = unary()
    const op = peek()
    if (op?.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(op.value)) {
      at++
      return compare(left, op.value, unary())
    }
    return left
  }
  const unary = (): Value => {
    if (isOp('!')) {
      at++
      return !truthy(unary())
    }
    return postfix(primary())
  }
  const postfix = (value: Value): Value => {
    let current = value
    for (;;) {
      if (isOp('.')) {
        at++
        const name = tokens[at++]
        if (name?.kind !== 'name') throw new Error(`expected a property name in '${source}'`)
        current = property(current, name.value)
      } else if (isOp('[')) {
        at++
        const key = or()
        expect(']')
        current = property(current, String(key))
      } else return current
    }
  }
  const primary = (): Value => {
    const token = tokens[at++]
    if (!token) throw new Error(`unexpected end of '${source}'`)
    if (token.kind === 'number' || token.kind === 'string') return token.value
    if (token.kind === 'op' && token.value === '(') {
      const value = or()
      expect(')')
      return value
    }
    if (token.kind !== 'name') throw new Error(`unexpected '${token.value}' in '${source}'`)
    if (token.value === 'true') return true
    if (token.value === 'false') return false
    if (token.value === 'null') return null
    if (isOp('(')) {
      at++
      const args: Value[] = []
      while (!isOp(')')) {
        args.push(or())
        if (isOp(',')) at++
      }
      expect(')')
      return call(token.value, args, context)
    }
    if (!(token.value in context.contexts)) throw new Error(`unknown context '${token.value}' in '${source}'`)
    return context.contexts[token.value]!
  }

  const value = or()
  if (at !== tokens.length) throw new Error(`unexpected '${tokens[at]!.value}' in '${source}'`)
  return value
}

function property(value: Value, name: string): Value {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const record = value as Record<string, Value>
  if (name in record) return record[name]!
  // Property names are case-insensitive.
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? null : record[key]!
}

/** GitHub's truthiness: false, 0, -0, '', null and NaN are falsy. */
export function truthy(value: Value): boolean {
  return !(value === false || value === 0 || value === '' || value === null || Number.isNaN(value))
}

function toNumber(value: Value): number {
  if (value === null) return 0
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value)
  return Number.NaN
}

function compare(left: Value, op: string, right: Value): boolean {
  let a: string | number
  let b: string | number
  if (typeof left === 'string' && typeof right === 'string') {
    a = left.toLowerCase()
    b = right.toLowerCase()
  } else if (typeof left === 'object' && left !== null) {
    return op === '==' ? left === right : op === '!=' ? left !== right : false
  } else {
    a = toNumber(left)
    b = toNumber(right)
  }
  switch (op) {
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '>':
      return a > b
    case '<=':
      return a <= b
    default:
      return a >= b
  }
}

/** A value as text, the way `${{ }}` interpolates it. */
export function asText(value: Value): string {
  if (value === null) return ''
  if (typeof value === 'object') return JSON.stringify(value, null, 2)
  return String(value)
}

function call(name: string, args: readonly Value[], context: ExpressionContext): Value {
  switch (name.toLowerCase()) {
    case 'success':
      return !context.failed
    case 'failure':
      return context.failed
    case 'always':
      return true
    case 'cancelled':
      return false
    case 'format':
      return asText(args[0] ?? '').replace(/\{(\d+)\}/g, (_, i: string) => asText(args[Number(i) + 1] ?? null))
    case 'contains': {
      const [haystack, needle] = args
      if (Array.isArray(haystack)) return haystack.some((item) => compare(item, '==', needle ?? null))
      return asText(haystack ?? null)
        .toLowerCase()
        .includes(asText(needle ?? null).toLowerCase())
    }
    case 'startswith':
      return asText(args[0] ?? null)
        .toLowerCase()
        .startsWith(asText(args[1] ?? null).toLowerCase())
    case 'endswith':
      return asText(args[0] ?? null)
        .toLowerCase()
        .endsWith(asText(args[1] ?? null).toLowerCase())
    case 'join':
      return Array.isArray(args[0]) ? args[0].map(asText).join(asText(args[1] ?? ',')) : asText(args[0] ?? null)
    case 'tojson':
      return JSON.stringify(args[0] ?? null, null, 2)
    case 'fromjson':
      return JSON.parse(asText(args[0] ?? null)) as Value
    default:
      throw new Error(`the harness does not know the function ${name}()`)
  }
}

/** Replaces every `${{ … }}` in `text` by its value as text. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, inner: string) => asText(evaluate(inner, context)))
}

/**
 * An `if:` condition: `${{ }}` around it is optional, and without a status function it means `success() && (…)`.
 * @example condition("github.event_name == 'push'", context) // false after a failed step
 */
export function condition(source: string | boolean | undefined, context: ExpressionContext): boolean {
  if (source === undefined) return !context.failed
  if (typeof source === 'boolean') return source && !context.failed
  const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(source)?.[1] ?? source
  const hasStatus = /\b(success|failure|always|cancelled)\s*\(/.test(inner)
  return truthy(evaluate(hasStatus ? inner : `success() && (${inner})`, context))
}
