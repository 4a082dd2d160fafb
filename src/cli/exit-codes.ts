/** The CLI's exit codes (documented in README and `tailgate --help`). */
export const EXIT = {
  /** Passed: no configured fail-on outcome occurred. */
  pass: 0,
  /** A regression, a budget violation or an invalid run (per fail-on). */
  gateFailed: 1,
  /** Usage or configuration error: nothing was measured. */
  usage: 2,
  /** Tailgate itself failed (I/O error, bug); the message says what. */
  internal: 3,
  /** Interrupted (SIGINT/SIGTERM); the partial result was written. */
  interrupted: 130,
} as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]
