// Errors a user can fix. The shells print `message` (never a stack) and exit 2.

/** Where in a file a problem is: 1-based line and column. */
export interface SourceLocation {
  readonly file: string
  readonly line: number
  readonly column: number
}

/**
 * A user mistake in a profile file, an action input or a CLI flag.
 * The message names the field (a dotted path or an input name), the file and line when known, and the fix.
 * e.g. "tailgate.yml:7:5: 'scenarios[0].steps[1].timeout': '10 parsecs' is not a duration; write e.g. 500ms, 10s, 2m"
 */
export class ConfigError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
    readonly location?: SourceLocation,
  ) {
    const where = location ? `${location.file}:${location.line}:${location.column}: ` : ''
    super(oneLine(`${where}'${field}': ${problem}; ${fix}`))
    this.name = 'ConfigError'
  }
}

/**
 * Line breaks and other control characters as escapes, so an error message stays one line whatever the value held
 * (a user's key with a newline, an env value, a payload, JSON.parse quoting broken text). Shared by every error type.
 */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Several ConfigErrors reported at once (every problem in a profile, not just the first). */
export class ConfigErrors extends Error {
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors.map((e) => e.message).join('\n'))
    this.name = 'ConfigErrors'
  }
}

/** True for the errors that mean "the user must change their input" (exit code 2, no stack trace). */
export function isUserError(error: unknown): error is ConfigError | ConfigErrors {
  return error instanceof ConfigError || error instanceof ConfigErrors
}
