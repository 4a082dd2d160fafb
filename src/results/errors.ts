/** A RunResult (or baseline) file that cannot be read: corrupt, truncated, too large or from an unknown format. */
export class ResultFormatError extends Error {
  constructor(
    /** The file or artifact the text came from. */
    readonly origin: string,
    problem: string,
  ) {
    super(`${origin}: ${problem}`)
    this.name = 'ResultFormatError'
  }
}
