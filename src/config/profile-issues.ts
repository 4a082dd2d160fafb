// Turns zod issues into user-facing problems ("problem" + "fix" at a path), with did-you-mean suggestions.
// Knows zod 4's issue shapes and walks the schema to list the keys an object accepts; knows nothing of YAML.
import type * as z from 'zod'
import { closestMatch } from './suggest.js'

export type IssuePath = readonly (string | number)[]

/** One problem in a profile, before it is given a file location. */
export interface ProfileIssue {
  readonly path: IssuePath
  readonly problem: string
  readonly fix: string
  /** Point at the key of the last path element (unknown keys) rather than its value. */
  readonly atKey?: boolean
  /**
   * A value given outside the file (the `--target` flag, the `target` input): named by this instead of the path,
   * and reported without a file location, since the file is not where the mistake is.
   */
  readonly outside?: string
}

/** Formats a path the way users read it: `scenarios[0].steps[1].timeout`. */
export function formatPath(path: IssuePath): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`
  return out === '' ? '(profile)' : out
}

/** Splits our "problem; fix" messages; zod's own messages get a generic fix. */
export function splitMessage(message: string, fallbackFix: string): { problem: string; fix: string } {
  const at = message.indexOf('; ')
  return at < 0 ? { problem: message, fix: fallbackFix } : { problem: message.slice(0, at), fix: message.slice(at + 2) }
}

type Def = { type: string; [key: string]: unknown }
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

/** Object shapes the schema may have at `path` (several when unions are involved). */
export function shapesAt(schema: unknown, path: IssuePath): Record<string, unknown>[] {
  const def = defOf(schema)
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return shapesAt(def.innerType, path)
    case 'pipe':
      return shapesAt(def.in, path)
    case 'union':
      return (def.options as unknown[]).flatMap((option) => shapesAt(option, path))
    case 'object': {
      const shape = def.shape as Record<string, unknown>
      if (path.length === 0) return [shape]
      const [head, ...rest] = path
      const child = shape[String(head)]
      return child === undefined ? [] : shapesAt(child, rest)
    }
    case 'array':
      return path.length === 0 ? [] : shapesAt(def.element, path.slice(1))
    case 'record':
      return path.length === 0 ? [] : shapesAt(def.valueType, path.slice(1))
    default:
      return []
  }
}

const TYPE_FIX: Record<string, string> = {
  string: 'write text, e.g. "value"',
  number: 'write a number',
  boolean: 'write true or false',
  array: 'write a list (one "- item" per line)',
  object: 'write a mapping (key: value lines)',
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing'
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'a list'
  if (typeof input === 'object') return 'a mapping'
  return `${typeof input} '${String(input)}'`
}

/** Looks up the input value at a path in the parsed YAML (zod 4 does not carry it in issues). */
function valueAt(root: unknown, path: IssuePath): unknown {
  let node = root
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[part]
  }
  return node
}

/** Picks the union branch the user most likely meant: the one that got past the type check at its root. */
function bestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  const typed = branches.filter((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0))
  const candidates = typed.length > 0 ? typed : branches
  return candidates.reduce((best, issues) => (issues.length < best.length ? issues : best))
}

/**
 * Converts zod issues to ProfileIssues: every problem, with the field, what is wrong and how to fix it.
 * Unknown keys get "did you mean 'duration'?" from the keys the schema accepts at that place.
 */
export function issuesFromZod(options: {
  issues: readonly z.core.$ZodIssue[]
  schema: unknown
  input: unknown
  basePath?: IssuePath
}): ProfileIssue[] {
  const { issues, schema, input } = options
  const basePath = options.basePath ?? []
  const out: ProfileIssue[] = []
  for (const issue of issues) {
    const path = [...basePath, ...(issue.path as (string | number)[])]
    const value = valueAt(input, path)
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = [...new Set(shapesAt(schema, path).flatMap((shape) => Object.keys(shape)))]
        for (const key of issue.keys) {
          const guess = closestMatch(key, allowed)
          const fix = guess ? `did you mean '${guess}'?` : `remove it; keys allowed here: ${allowed.join(', ')}`
          out.push({ path: [...path, key], problem: 'unknown key', fix, atKey: true })
        }
        break
      }
      case 'invalid_union': {
        if (issue.errors.length === 0) {
          out.push({ path, ...splitMessage(issue.message, 'check the value') })
          break
        }
        out.push(...issuesFromZod({ issues: bestBranch(issue.errors), schema, input, basePath: path }))
        break
      }
      case 'invalid_type':
        out.push(typeIssue(path, value, issue.message, issue.expected))
        break
      case 'invalid_value': {
        const allowed = issue.values.map(String)
        const guess = typeof value === 'string' ? closestMatch(value, allowed) : undefined
        const fix = guess ? `did you mean '${guess}'?` : `use one of ${allowed.join(', ')}`
        out.push({ path, problem: `'${String(value)}' is not allowed`, fix })
        break
      }
      default: {
        const fallback = issue.code === 'too_small' || issue.code === 'too_big' ? 'change the value' : 'check the value'
        const { problem, fix } = splitMessage(issue.message, fallback)
        out.push({ path, problem: problem.replace(/^Too (small|big)/, 'too $1').replace(/^Invalid/, 'invalid'), fix })
      }
    }
  }
  return out
}

/** A value of the wrong type, or a missing one: what was expected, and how to write it. */
function typeIssue(path: IssuePath, value: unknown, message: string, expected: string): ProfileIssue {
  if (value !== undefined && message.includes('; ')) return { path, ...splitMessage(message, 'check the value') }
  if (value === undefined) {
    return { path, problem: 'missing', fix: `add ${formatPath(path)}: (${TYPE_FIX[expected] ?? expected})` }
  }
  const fix = TYPE_FIX[expected] ?? `write a ${expected}`
  return { path, problem: `expected ${expected}, got ${describeInput(value)}`, fix }
}
