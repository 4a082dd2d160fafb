// fast-check arbitraries that turn a valid document into a broken one the way people and attackers do: a key
// renamed or deleted, a value swapped for one of the wrong type, a hostile key (`__proto__`, `constructor`) or a
// deeply nested value inserted; and text-level damage (truncation, stray characters). Plus the check every parser
// under fuzz must pass: a typed error with a one-line message, never a TypeError, RangeError or stack.
import fc from 'fast-check'

/** A JSON-like value (plain objects, arrays, scalars). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

type Path = readonly (string | number)[]

/** Every path to a value inside `doc` (the root included), depth first. */
export function pathsOf(doc: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix]
  if (Array.isArray(doc)) {
    for (const [index, item] of doc.entries()) paths.push(...pathsOf(item, [...prefix, index]))
  } else if (doc !== null && typeof doc === 'object') {
    for (const [key, value] of Object.entries(doc)) paths.push(...pathsOf(value, [...prefix, key]))
  }
  return paths
}

const OPERATIONS = ['delete', 'replace', 'rename', 'hostile-key', 'deep', 'wrap'] as const
type Operation = (typeof OPERATIONS)[number]

/** Keys that pollute prototypes when a parser copies objects naively. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** One mutation, drawn independently of the document and applied to whichever path `at` lands on. */
interface Mutation {
  readonly at: number
  readonly operation: Operation
  readonly value: Json
  readonly key: string
}

/** Strings that break one-line messages and log formats: line breaks, control characters, workflow commands. */
export const HOSTILE_STRINGS = [
  'a\nb',
  '10\r\n::error::injected',
  '\u0000',
  '\u2028x',
  '%0A::warning::x',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
  '${{ secrets.X }}',
  '$(touch /tmp/tailgate-pwned)',
] as const

/** Values of every JSON type, including the ones that break naive code: NaN-like strings, huge numbers, empty. */
export const anyJsonValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, '', -1, 0, 1e308, -1e308, 'NaN', 'Infinity', '1e999', [], {}, true, '__proto__'),
  fc.constantFrom<Json>(...HOSTILE_STRINGS),
)

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  operation: fc.constantFrom(...OPERATIONS),
  value: anyJsonValue,
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...HOSTILE_KEYS, ...HOSTILE_STRINGS)),
})

/** Nesting of arrays `depth` deep around `inner`. */
export function nested(depth: number, inner: Json = 1): Json {
  let value: Json = inner
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** A deep copy with own-property semantics for every key (JSON round trip keeps `__proto__` as data). */
const clone = (doc: Json): Json => JSON.parse(JSON.stringify(doc)) as Json

function apply(doc: Json, m: Mutation): Json {
  const root = clone(doc)
  const paths = pathsOf(root)
  const path = paths[m.at % paths.length] as Path
  if (path.length === 0) return m.operation === 'wrap' ? [root] : m.value
  const parentPath = path.slice(0, -1)
  const last = path.at(-1) as string | number
  let parent: Json = root
  for (const part of parentPath) parent = (parent as Record<string | number, Json>)[part] as Json
  const container = parent as Record<string | number, Json>
  const current = container[last] as Json
  const define = (target: Record<string | number, Json>, key: string | number, value: Json) =>
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  switch (m.operation) {
    case 'delete':
      if (Array.isArray(container)) container.splice(last as number, 1)
      else delete container[last]
      break
    case 'replace':
      define(container, last, m.value)
      break
    case 'rename':
      if (!Array.isArray(container)) {
        delete container[last]
        define(container, m.key, current)
      }
      break
    case 'hostile-key':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
        define(current, m.key.length % 3 === 0 ? '__proto__' : m.key, { polluted: true, toString: 'x' })
      } else {
        const hostile: Record<string, Json> = {}
        define(hostile, '__proto__', { polluted: true })
        define(container, last, hostile)
      }
      break
    case 'deep':
      define(container, last, nested(64, current))
      break
    case 'wrap':
      define(container, last, [current])
      break
  }
  return root
}

/** `doc` with 1 to 3 mutations applied. */
export function mutatedDocument(doc: Json): fc.Arbitrary<Json> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce(apply, doc))
}

/** Text damage: cut at a point, insert stray characters, or delete a slice. */
export function damagedText(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: text.length }).map((at) => text.slice(0, at)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }))
      .map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.nat({ max: 40 }))
      .map(([at, length]) => text.slice(0, at) + text.slice(at + length)),
  )
}

/** Errors that mean "a bug, not bad input": they must never escape a parser. */
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError]

/**
 * The contract of a parser under fuzz for one input: it returns, or throws an instance of one of `allowed` whose
 * message is one line (per reported problem) and matches `shape`. Returns the thrown error (or null) for more checks.
 */
export function expectTypedFailure(
  parse: () => unknown,
  allowed: readonly (abstract new (...args: never[]) => Error)[],
  shape: RegExp,
): Error | null {
  try {
    parse()
    return null
  } catch (error) {
    if (!(error instanceof Error)) throw new Error(`threw a non-Error: ${String(error)}`)
    if (PROGRAMMING_ERRORS.some((type) => error.constructor === type) || !allowed.some((t) => error instanceof t)) {
      throw new Error(`threw ${error.name} instead of ${allowed.map((t) => t.name).join('/')}: ${error.message}`)
    }
    for (const line of error.message.split('\n')) {
      if (!shape.test(line)) throw new Error(`message line does not match ${shape}: ${JSON.stringify(line)}`)
    }
    return error
  }
}

/** Object.prototype is untouched (no `polluted` property reachable from a fresh object). */
export function prototypeIsClean(): boolean {
  return (
    !('polluted' in {}) &&
    !('polluted' in Object.prototype) &&
    typeof ({} as { toString: unknown }).toString === 'function'
  )
}
