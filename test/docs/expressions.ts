// A small evaluator of GitHub Actions expressions (`${{ … }}`), enough for the documented workflows: literals,
// property paths, ! == != && || with GitHub's semantics (&& and || return an operand), parentheses, and the
// functions format(), contains(), startsWith(), endsWith(), always(), success(), failure(), cancelled().
// Reference: https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
// It records every `github.…` path that resolved to nothing, so a test can say "this value depends on context the
// event does not have" (on push, github.event.number is empty). Other contexts (steps, matrix, secrets, vars, env,
// needs, inputs) are known only at run time: they evaluate to a placeholder naming the path.

type Value = string | number | boolean | null | Record<string, unknown>

export interface Evaluation {
  readonly value: Value
  /** `github.…` paths that were read and had no value in the context. */
  readonly missing: readonly string[]
}

const TOKEN =
  /\s*(?:(\|\||&&|==|!=|<=|>=|[!<>(),])|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)\b|([A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*)*))/y

function tokenize(text: string): string[][] {
  const tokens: string[][] = []
  TOKEN.lastIndex = 0
  let index = 0
  while (index < text.length && text.slice(index).trim() !== '') {
    TOKEN.lastIndex = index
    const match = TOKEN.exec(text)
    if (!match) throw new Error(`cannot read the expression at '${text.slice(index)}'`)
    if (match[1] !== undefined) tokens.push(['op', match[1]])
    else if (match[2] !== undefined) tokens.push(['string', match[2].replaceAll("''", "'")])
    else if (match[3] !== undefined) tokens.push(['number', match[3]])
    else tokens.push(['name', match[4] as string])
    index = TOKEN.lastIndex
  }
  return tokens
}

const truthy = (value: Value): boolean => value !== null && value !== false && value !== 0 && value !== ''

const text = (value: Value): string =>
  value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase()
  if (a === null || b === null) return a === b
  if (typeof a === 'object' || typeof b === 'object') return a === b
  return Number(a) === Number(b) || a === b
}

class Parser {
  private position = 0
  readonly missing: string[] = []

  constructor(
    private readonly tokens: string[][],
    private readonly context: Record<string, unknown>,
  ) {}

  parse(): Value {
    const value = this.or()
    if (this.position !== this.tokens.length) throw new Error(`unexpected '${this.tokens[this.position]?.[1]}'`)
    return value
  }

  private peek(op: string): boolean {
    const token = this.tokens[this.position]
    return token?.[0] === 'op' && token[1] === op
  }

  private take(op: string): void {
    if (!this.peek(op)) throw new Error(`expected '${op}'`)
    this.position++
  }

  private or(): Value {
    let value = this.and()
    while (this.peek('||')) {
      this.position++
      value = this.shortCircuit(truthy(value), value, () => this.and())
    }
    return value
  }

  private and(): Value {
    let value = this.comparison()
    while (this.peek('&&')) {
      this.position++
      value = this.shortCircuit(!truthy(value), value, () => this.comparison())
    }
    return value
  }

  /** The right operand is read either way (to move past it), but what it found missing counts only if it is used. */
  private shortCircuit(done: boolean, left: Value, right: () => Value): Value {
    const before = this.missing.length
    const value = right()
    if (!done) return value
    this.missing.length = before
    return left
  }

  private comparison(): Value {
    const left = this.unary()
    if (this.peek('==') || this.peek('!=')) {
      const op = this.tokens[this.position++]?.[1]
      const right = this.unary()
      return op === '==' ? equal(left, right) : !equal(left, right)
    }
    return left
  }

  private unary(): Value {
    if (this.peek('!')) {
      this.position++
      return !truthy(this.unary())
    }
    return this.primary()
  }

  private primary(): Value {
    const token = this.tokens[this.position++]
    if (!token) throw new Error('unexpected end of expression')
    const [kind, raw] = token as [string, string]
    if (kind === 'op' && raw === '(') {
      const value = this.or()
      this.take(')')
      return value
    }
    if (kind === 'string') return raw
    if (kind === 'number') return Number(raw)
    if (kind !== 'name') throw new Error(`unexpected '${raw}'`)
    if (raw === 'true' || raw === 'false') return raw === 'true'
    if (raw === 'null') return null
    if (this.peek('(')) return this.call(raw)
    return this.lookup(raw)
  }

  private call(name: string): Value {
    this.take('(')
    const args: Value[] = []
    while (!this.peek(')')) {
      args.push(this.or())
      if (!this.peek(')')) this.take(',')
    }
    this.take(')')
    const [first = null, second = null] = args
    switch (name.toLowerCase()) {
      case 'format':
        return text(first).replace(/\{(\d+)\}/g, (_, i: string) => text(args[Number(i) + 1] ?? null))
      case 'contains':
        return text(first).toLowerCase().includes(text(second).toLowerCase())
      case 'startswith':
        return text(first).toLowerCase().startsWith(text(second).toLowerCase())
      case 'endswith':
        return text(first).toLowerCase().endsWith(text(second).toLowerCase())
      case 'always':
      case 'success':
        return true
      case 'failure':
      case 'cancelled':
        return false
      default:
        throw new Error(`function ${name}() is not supported by this evaluator`)
    }
  }

  private lookup(path: string): Value {
    const [root, ...rest] = path.split('.')
    if (root !== 'github') return `<${path}>`
    let value: unknown = this.context.github
    for (const part of rest) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined
    }
    if (value === undefined || value === null) {
      this.missing.push(path)
      return null
    }
    return value as Value
  }
}

/** Evaluates one expression (the text inside `${{ }}`, or an `if:` condition without it). */
export function evaluate(expression: string, context: Record<string, unknown>): Evaluation {
  const parser = new Parser(tokenize(expression), context)
  const value = parser.parse()
  return { value, missing: parser.missing }
}

/** A workflow value with `${{ }}` parts replaced by their values (a value that is one expression keeps its type). */
export function interpolate(value: unknown, context: Record<string, unknown>): Evaluation {
  if (typeof value !== 'string') return { value: (value ?? null) as Value, missing: [] }
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value)
  if (whole) return evaluate(whole[1] as string, context)
  const missing: string[] = []
  const out = value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => {
    const result = evaluate(expression, context)
    missing.push(...result.missing)
    return text(result.value)
  })
  return { value: out, missing }
}

/** Whether a job's or step's `if:` holds (`${{ }}` optional, as in workflows). An absent condition holds. */
export function condition(value: unknown, context: Record<string, unknown>): boolean {
  if (value === undefined) return true
  if (typeof value === 'boolean') return value
  const expression = String(value).replace(/^\s*\$\{\{([\s\S]*)\}\}\s*$/, '$1')
  return truthy(evaluate(expression, context).value)
}
