// The errors the HTTP/1.1 client reports, with the `code`s that classify.ts maps to an error class.

/**
 * The server's bytes are not a valid HTTP/1.1 response (bad status line, bare LF, conflicting content-length, bad
 * chunk size, header block over 16 KiB, …). Classified as `other`, like undici's parser errors (`HPE_*`).
 */
export class ProtocolError extends Error {
  readonly code = 'TAILGATE_HTTP_PROTOCOL'
  constructor(message: string) {
    super(`invalid HTTP response: ${message}`)
    this.name = 'ProtocolError'
  }
}

/**
 * The connection closed (or the server reset it) before the response was complete. Carries undici's code
 * (`UND_ERR_SOCKET`, classified as `connection-reset`) so both clients' failures read the same.
 */
export class SocketClosedError extends Error {
  readonly code = 'UND_ERR_SOCKET'
  constructor(message = 'other side closed') {
    super(message)
    this.name = 'SocketClosedError'
  }
}

/** A request the client does not send (a stream body, an upgrade, a bad header): thrown before any byte is written. */
export class InvalidRequestError extends Error {
  readonly code = 'UND_ERR_INVALID_ARG'
  constructor(message: string) {
    super(message)
    this.name = 'InvalidRequestError'
  }
}

/** The request was aborted (by its handler's `abort()` without a reason) or its dispatcher destroyed or closed. */
export class RequestAbortedError extends Error {
  readonly code: string
  constructor(message: string, code = 'UND_ERR_ABORTED') {
    super(message)
    this.name = 'RequestAbortedError'
    this.code = code
  }
}
