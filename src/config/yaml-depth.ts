// A guard run before the YAML parser: text nested deeper than any profile needs (100,000 '[' in a row) makes the
// parser recurse until the stack overflows, and an overflow inside V8's regular-expression compiler is a fatal
// out-of-memory crash, not a catchable error. So the depth is measured here, by a linear scan, first.

/** Flow collections (`[`, `{`) nested deeper than this are refused; a profile needs fewer than ten. */
export const MAX_FLOW_DEPTH = 64
/** Lines indented by more columns than this are refused (block nesting); a profile needs fewer than 40. */
export const MAX_INDENT_COLUMNS = 512

export interface DepthProblem {
  /** Where the character that went too deep is: 1-based line and column. */
  readonly line: number
  readonly column: number
  readonly problem: string
}

/** A quote opens a quoted scalar only where a token starts (`it's` in a plain scalar is an apostrophe). */
function startsToken(text: string, index: number): boolean {
  const previous = index === 0 ? '\n' : (text[index - 1] as string)
  return ' \t\n[{,:-'.includes(previous)
}

/**
 * Finds the first place where the text nests deeper than a profile can: flow brackets (ignoring quoted strings and
 * comments; a bracket inside a plain scalar counts, which only matters far beyond any real profile) or indentation.
 * @example yamlDepthProblem('a: [[1]]') // null
 */
export function yamlDepthProblem(text: string): DepthProblem | null {
  let depth = 0
  let quote: '"' | "'" | null = null
  let lineStart = true
  let indent = 0
  let line = 1
  let lineOffset = 0
  const at = (i: number, problem: string): DepthProblem => ({ line, column: i - lineOffset + 1, problem })
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') {
      lineStart = true
      indent = 0
      line++
      lineOffset = i + 1
      continue
    }
    if (lineStart) {
      if (char === ' ') {
        indent++
        if (indent > MAX_INDENT_COLUMNS) {
          return at(i, `a line is indented by more than ${MAX_INDENT_COLUMNS} columns`)
        }
        continue
      }
      lineStart = false
    }
    if (quote) {
      if (char === '\\' && quote === '"' && text[i + 1] !== '\n') i++
      else if (char === quote) quote = null
      continue
    }
    if ((char === '"' || char === "'") && startsToken(text, i)) quote = char
    else if (char === '#') {
      const end = text.indexOf('\n', i)
      i = end === -1 ? text.length : end - 1
    } else if (char === '[' || char === '{') {
      depth++
      if (depth > MAX_FLOW_DEPTH) {
        return at(i, `brackets are nested more than ${MAX_FLOW_DEPTH} levels deep`)
      }
    } else if ((char === ']' || char === '}') && depth > 0) depth--
  }
  return null
}
