/** A RunResult (or baseline) file that cannot be read: corrupt, truncated, too large or from an unknown format. */
export class ResultFormatError extends Error {
  constructor(
    /** The file or artifact the text came from. */
    readonly origin: string,
    problem: string,
  ) {
    super(oneLine(`${origin}: ${problem}`))
    this.name = 'ResultFormatError'
  }
}

/**
 * Line breaks and other control characters as escapes, so the message stays one line whatever the file held (a key
 * with a newline, JSON.parse quoting the broken text).
 */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
