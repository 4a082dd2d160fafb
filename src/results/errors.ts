// The error of a RunResult (or baseline) file that cannot be read, as one line.
import { oneLine } from '../config/errors.js'
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
