// The local server's failure, apart from the server code: the action's main checks for it without loading the
// readiness probe (and undici with it) before its first log line.

/** The server could not be started or did not become ready; its process group is already stopped. */
export class LocalServerError extends Error {
  constructor(
    message: string,
    readonly output: readonly string[],
  ) {
    super(message)
    this.name = 'LocalServerError'
  }
}
