// Reading a sample file: a JSON array of numbers, or plain text with one number per line (`#` starts a comment).

/** A sample file that cannot be read as numbers; names the file and the 1-based line. */
export class SampleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${detail}`)
    this.name = 'SampleFileError'
  }
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/
const TEXT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const FORMAT_HINT = 'write a JSON array of numbers, or one number per line'

/**
 * Parses a sample file: a JSON array of numbers (when the first non-blank character is `[`), otherwise one number
 * per line, where blank lines and `#` comments (whole-line or trailing) are ignored. NaN, Infinity and anything
 * else that is not a finite number are rejected with a SampleFileError naming the file and the 1-based line.
 *
 * O(length of the text).
 * Method: none (input parsing for compareSamples); numbers as JavaScript's Number() reads them.
 * @see `tailgate compare --help` (the sample file format)
 * @example
 * parseSampleText('# ms\n12.5\n13\n', 'base.txt') // => [12.5, 13]
 */
export function parseSampleText(text: string, fileName: string): number[] {
  const values = /^\s*\[/.test(text) ? parseJsonArray(text, fileName) : parseLines(text, fileName)
  if (values.length === 0) throw new SampleFileError(fileName, null, `no numbers found; ${FORMAT_HINT}`)
  return values
}

function parseLines(text: string, fileName: string): number[] {
  const values: number[] = []
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const hash = rawLine.indexOf('#')
    const content = (hash === -1 ? rawLine : rawLine.slice(0, hash)).trim()
    if (content === '') continue
    values.push(toNumber(content, TEXT_NUMBER, fileName, index + 1))
  }
  return values
}

function toNumber(token: string, pattern: RegExp, fileName: string, line: number): number {
  const value = Number(token)
  if (!pattern.test(token) || !Number.isFinite(value)) {
    const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token
    throw new SampleFileError(fileName, line, `'${shown}' is not a finite number; ${FORMAT_HINT} (e.g. 12.5)`)
  }
  return value
}

/** A small scanner (JSON.parse does not say where a bad element is): top-level elements with their line. */
function parseJsonArray(text: string, fileName: string): number[] {
  let position = text.indexOf('[') + 1
  let line = 1 + countNewlines(text, 0, position)
  const values: number[] = []
  const skipBlank = (): void => {
    while (position < text.length && /\s/.test(text[position] as string)) {
      if (text[position] === '\n') line++
      position++
    }
  }
  const fail = (detail: string): never => {
    throw new SampleFileError(fileName, line, `${detail}; ${FORMAT_HINT}`)
  }
  skipBlank()
  if (text[position] === ']') position++
  else {
    for (;;) {
      skipBlank()
      const start = position
      const startLine = line
      position = endOfElement(text, position)
      const token = text.slice(start, position)
      line += countNewlines(text, start, position)
      if (token === '') fail(position >= text.length ? 'the JSON array is not closed' : 'an element is missing')
      values.push(toNumber(token, JSON_NUMBER, fileName, startLine))
      skipBlank()
      const separator = text[position]
      position++
      if (separator === ']') break
      if (separator !== ',')
        fail(separator === undefined ? 'the JSON array is not closed' : `unexpected '${separator}'`)
    }
  }
  skipBlank()
  if (position < text.length) fail('unexpected text after the JSON array')
  return values
}

/** End of one element: a string (with escapes), a nested array or object, or a bare token up to , ] or blank. */
function endOfElement(text: string, start: number): number {
  let position = start
  let depth = 0
  let inString = false
  while (position < text.length) {
    const char = text[position] as string
    if (inString) {
      if (char === '\\') position++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '[' || char === '{') depth++
    else if (char === ']' || char === '}') {
      if (depth === 0) return position
      depth--
    } else if (depth === 0 && (char === ',' || /\s/.test(char))) return position
    position++
    if (
      !inString &&
      depth === 0 &&
      (text[position - 1] === '"' || text[position - 1] === ']' || text[position - 1] === '}')
    ) {
      if (position - 1 > start) return position
    }
  }
  return position
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) if (text[i] === '\n') count++
  return count
}
