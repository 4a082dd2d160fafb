// GitHub Actions expressions (`${{ … }}` and bare `if:` conditions), as the runner evaluates them: literals, context
// property paths, `!`, comparisons (strings compared case-insensitively, mixed types as numbers), `&&`/`||` returning
// an operand, and the functions the documented workflows use (format, contains, startsWith, endsWith, join, toJSON,
// fromJSON, success, failure, always, cancelled). Unknown syntax throws, so a workflow the harness cannot read fails
// the test instead of being misread. One evaluator for both users: the workflow harness (test/helpers/workflows/)
// runs workflows with it, and test/docs/workflow-events.test.ts reads the documented workflows statically with
// `evaluateTracked`/`interpolateTracked` (which `github.…` paths came out empty; run-time-only contexts as `<path>`).
// Reference: https://docs.github.com/en/actions/reference/workflows-and-actions/expressions

export type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value }

/** The contexts an expression may read, plus the job status the status functions answer from. */
export interface ExpressionContext {
  readonly contexts: Readonly<Record<string, Value>>
  /** Whether an earlier step (or, for a job, a needed job) failed. */
  readonly failed: boolean
  /**
   * For reading a workflow without running it: a context missing from `contexts` (steps, secrets, matrix, …, known
   * only at run time) evaluates to the placeholder `<path>` instead of throwing.
   */
  readonly placeholders?: boolean
}

/** A value, and the `github.…` paths it read that had no value (on push, `github.event.number`). */
export interface Evaluation {
  readonly value: Value
  readonly missing: readonly string[]
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
  return evaluateTracked(source, context).value
}

/** `evaluate`, also naming the `github.…` paths read that had no value (only those of operands that were used). */
export function evaluateTracked(source: string, context: ExpressionContext): Evaluation {
  const missing: string[] = []
  const tokens = tokenize(source)
  let at = 0
  const peek = () => tokens[at]
  const isOp = (value: string) => peek()?.kind === 'op' && peek()?.value === value
  const expect = (value: string) => {
    if (!isOp(value)) throw new Error(`expected '${value}' in '${source}'`)
    at++
  }

  // The right operand is always read (to move past it); what it found missing counts only if it is the result.
  const shortCircuit = (leftDecides: boolean, left: Value, right: () => Value): Value => {
    const before = missing.length
    const value = right()
    if (!leftDecides) return value
    missing.length = before
    return left
  }
  const or = (): Value => {
    let left = and()
    while (isOp('||')) {
      at++
      left = shortCircuit(truthy(left), left, and)
    }
    return left
  }
  const and = (): Value => {
    let left = comparison()
    while (isOp('&&')) {
      at++
      left = shortCircuit(!truthy(left), left, comparison)
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
    const root = tokens[at]
    const call = tokens[at + 1]?.kind === 'op' && tokens[at + 1]?.value === '('
    const fromContext = root?.kind === 'name' && !call && !KEYWORDS.has(root.value)
    return postfix(primary(), fromContext ? root.value : null)
  }
  /** Property access; `path` names a context path (`github.event.number`) while it is one, for `missing`. */
  const postfix = (value: Value, contextPath: string | null): Value => {
    let current = value
    let path = contextPath
    const placeholder = path !== null && !(path in context.contexts)
    for (;;) {
      let key: string
      if (isOp('.')) {
        at++
        const name = tokens[at++]
        if (name?.kind !== 'name') throw new Error(`expected a property name in '${source}'`)
        key = name.value
      } else if (isOp('[')) {
        at++
        key = String(or())
        expect(']')
      } else break
      path = path === null ? null : `${path}.${key}`
      current = placeholder ? `<${path}>` : property(current, key)
    }
    if (current === null && path?.startsWith('github.')) missing.push(path)
    return current
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
    if (token.value in context.contexts) return context.contexts[token.value]!
    if (context.placeholders) return `<${token.value}>`
    throw new Error(`unknown context '${token.value}' in '${source}'`)
  }

  const value = or()
  if (at !== tokens.length) throw new Error(`unexpected '${tokens[at]!.value}' in '${source}'`)
  return { value, missing }
}

const KEYWORDS = new Set(['true', 'false', 'null'])

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
 * A workflow value with its `${{ }}` parts replaced (a value that is one expression keeps its type; a non-string
 * value, e.g. an absent input, is returned as it is), and the `github.…` paths it read that had no value.
 */
export function interpolateTracked(value: unknown, context: ExpressionContext): Evaluation {
  if (typeof value !== 'string') return { value: (value ?? null) as Value, missing: [] }
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value)
  if (whole) return evaluateTracked(whole[1]!, context)
  const missing: string[] = []
  const text = value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, inner: string) => {
    const result = evaluateTracked(inner, context)
    missing.push(...result.missing)
    return asText(result.value)
  })
  return { value: text, missing }
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
