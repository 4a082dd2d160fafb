// The error of an import: a file that is not the tool's output, or is truncated. Names the file, line and column.

/** Where in an input file a problem is: 1-based line, and column when known. */
export interface ImportLocation {
  readonly file: string
  readonly line: number
  readonly column?: number
}

/**
 * A file that cannot be imported: wrong format, truncated, or missing a field the importer needs. The message names
 * the file, the 1-based line (and column when known), what was found, and what was expected, e.g.
 * "k6.json:3: not a k6 JSON output: line 3 has no 'type'; run k6 with --out json=FILE".
 * The CLI prints it without a stack and exits 2.
 */
export class ImportError extends Error {
  constructor(
    readonly location: ImportLocation,
    /** What is wrong, e.g. "not a k6 JSON output: line 3 has no 'type'". */
    readonly problem: string,
    /** How to get a file that imports, e.g. "run k6 with --out json=FILE". */
    readonly fix: string,
  ) {
    const column = location.column === undefined ? '' : `:${location.column}`
    super(`${location.file}:${location.line}${column}: ${problem}; ${fix}`)
    this.name = 'ImportError'
  }
}

/** 1-based line and column of a 0-based character offset in `text`. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length))
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: clamped - lineStart + 1 }
}
