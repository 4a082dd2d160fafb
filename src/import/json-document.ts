// Parses a whole-file JSON document (autocannon, Artillery) and turns JSON.parse failures into ImportErrors that name
// the file, the 1-based line and the column, on Node 20 and Node 24 alike (their messages differ).
import { ImportError, lineAndColumnAt } from './errors.js'

/** What the importer expects, for the error messages: e.g. `an autocannon JSON result` and the fix. */
export interface DocumentExpectation {
  /** e.g. "an autocannon JSON result". */
  readonly what: string
  /** e.g. "run autocannon with -j and redirect stdout to the file". */
  readonly fix: string
}

/**
 * JSON.parse with located errors. An empty file, a truncated file (the error is at the end of the text) and a
 * syntax error each give an ImportError with the file, line and column. Runs in O(n) for valid text; O(n log n) to
 * locate an error whose V8 message carries no position ("Unexpected token 'x', ... is not valid JSON").
 */
export function parseJsonDocument(text: string, file: string, expected: DocumentExpectation): unknown {
  if (text.trim() === '') {
    throw new ImportError({ file, line: 1 }, `not ${expected.what}: the file is empty`, expected.fix)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    const offset = errorOffset(text, (error as Error).message)
    const { line, column } = lineAndColumnAt(text, offset)
    const truncated = text.slice(offset).trim() === ''
    const problem = truncated
      ? `not ${expected.what}: the JSON ends early at line ${line} (the file looks truncated)`
      : `not ${expected.what}: invalid JSON at line ${line}, column ${column} (${shortMessage(error)})`
    throw new ImportError({ file, line, column }, problem, expected.fix)
  }
}

/** The 0-based offset of a JSON.parse error: from the message when V8 gives a position, else by bisection. */
function errorOffset(text: string, message: string): number {
  if (/Unexpected end of JSON input/.test(message)) return text.trimEnd().length
  const position = /at position (\d+)/.exec(message)
  if (position) return Number(position[1])
  // The shortest prefix whose error is not "input ended" contains the bad character as its last one.
  let low = 0
  let high = text.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (endsEarly(text.slice(0, mid + 1))) low = mid + 1
    else high = mid
  }
  return low
}

/** True when `prefix` fails only because it stops (or parses): its error is at its very end. */
function endsEarly(prefix: string): boolean {
  try {
    JSON.parse(prefix)
    return true
  } catch (error) {
    const message = (error as Error).message
    if (/Unexpected end of JSON input/.test(message)) return true
    const position = /at position (\d+)/.exec(message)
    return position !== null && Number(position[1]) >= prefix.length
  }
}

function shortMessage(error: unknown): string {
  const message = (error as Error).message
  // V8 quotes the whole input in some messages: keep the first clause only.
  return message.split(/, "|\n/)[0]?.replace(/ in JSON at position \d+.*$/, '') ?? message
}

/**
 * The 1-based line and column of the first `"key"` in the text (for messages about a field of a valid document);
 * line 1, column 1 when the key does not occur.
 */
export function locateKey(text: string, key: string): { line: number; column: number } {
  const at = text.indexOf(JSON.stringify(key))
  return at === -1 ? { line: 1, column: 1 } : lineAndColumnAt(text, at)
}

/** The first problem zod found in a document, as an ImportError at the offending key's line. */
export function schemaIssueError(
  issue: { readonly path: readonly PropertyKey[]; readonly message: string },
  document: { readonly json: unknown; readonly text: string; readonly file: string },
  expected: DocumentExpectation,
): ImportError {
  const path = issue.path.map(String)
  const key = path.at(-1) ?? ''
  const { text, file } = document
  const missing = valueAt(document.json, path) === undefined
  const where = missing ? locateKey(text, path.at(-2) ?? '') : locateKey(text, key)
  const dotted = path.join('.') || '(root)'
  const problem = missing
    ? `not ${expected.what}: no '${dotted}'`
    : `not ${expected.what}: '${dotted}' is invalid (${issue.message})`
  return new ImportError({ file, ...where }, problem, expected.fix)
}

function valueAt(json: unknown, path: readonly string[]): unknown {
  let current = json
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}
