// Sends one request through undici's dispatch() with a handler object (no promise, no stream per request: the
// fastest undici path, see the load-generation note) and reports one Exchange. Owns the total-time request timeout.
// The handler is itself the Exchange it reports, so a request allocates as little as possible on the hot path.
import type { Dispatcher } from 'undici'
import type { Clock } from './clock.js'

/** What happened to one request. */
export interface Exchange {
  /** HTTP status, or 0 when no response arrived. */
  readonly statusCode: number
  /** Response headers, lower-case names (parsed on first read). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly bytesReceived: number
  /** The body, only when the caller asked to keep it. */
  readonly body: Buffer | null
  /** When the request was written to a socket (ms, clock time); the dispatch time when it never was. */
  readonly sentAtMs: number
  readonly endMs: number
  readonly error: Error | null
}

/** The error a request fails with when it exceeds its timeout (classified as `timeout`). */
export class RequestTimeoutError extends Error {
  readonly code = 'TAILGATE_TIMEOUT'
  constructor(timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms`)
    this.name = 'RequestTimeoutError'
  }
}

/** Raw header pairs [name, value, name, value, …] -> lower-case names, repeated headers as arrays. */
function parseRawHeaders(raw: readonly Buffer[] | null): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  if (!raw) return headers
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as Buffer).toString('latin1').toLowerCase()
    const value = (raw[i + 1] as Buffer).toString('utf8')
    const previous = headers[name]
    headers[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value]
  }
  return headers
}

/**
 * One in-flight request: the undici handler, the Exchange it reports, and the timeout bookkeeping. It uses
 * undici's legacy handler shape (onConnect/onHeaders/…), which undici calls directly: the documented shape is
 * wrapped per request and parses every response's headers into an object, a measurable cost at 50k req/s
 * (see the load-generation note, §1). Headers are parsed here only when a check or capture reads them.
 */
class ExchangeHandler implements Dispatcher.DispatchHandler, Exchange {
  abort: ((error?: Error) => void) | null = null
  statusCode = 0
  rawHeaders: Buffer[] | null = null
  private parsedHeaders: Record<string, string | string[]> | null = null
  bytesReceived = 0
  chunks: Buffer[] | null
  sentAtMs: number
  endMs = 0
  error: Error | null = null
  finished = false
  /** The timeout counts from the dispatch, so time queued for a connection counts too. */
  readonly deadlineMs: number

  constructor(
    private readonly tracker: InFlightTracker,
    startMs: number,
    readonly timeoutMs: number,
    keepBody: boolean,
    private readonly done: (exchange: Exchange) => void,
  ) {
    this.chunks = keepBody ? [] : null
    this.sentAtMs = startMs
    this.deadlineMs = startMs + timeoutMs
  }

  get headers(): Readonly<Record<string, string | string[]>> {
    this.parsedHeaders ??= parseRawHeaders(this.rawHeaders)
    return this.parsedHeaders
  }

  get body(): Buffer | null {
    return this.chunks ? Buffer.concat(this.chunks) : null
  }

  onConnect(abort: (error?: Error) => void): void {
    this.abort = abort
    this.sentAtMs = this.tracker.clock.now()
    if (this.finished) abort(new RequestTimeoutError(this.timeoutMs))
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    this.statusCode = statusCode
    this.rawHeaders = rawHeaders
    return true
  }

  onData(chunk: Buffer): boolean {
    this.bytesReceived += chunk.length
    if (this.chunks) this.chunks.push(chunk)
    return true
  }

  onComplete(): void {
    this.finish(null)
  }

  onError(error: Error): void {
    this.finish(error)
  }

  /** Reports the exchange once; later events (an abort after a timeout) are ignored. */
  finish(error: Error | null): void {
    if (this.finished) return
    this.finished = true
    this.tracker.inFlight.delete(this)
    this.endMs = this.tracker.clock.now()
    if (error) {
      this.error = error
      this.statusCode = 0
      // undici fails queued requests in a loop and asserts its queue is empty afterwards: a request dispatched
      // from inside that loop (the next iteration) would break it, so failures are reported on the next turn.
      setImmediate(this.done, this)
    } else this.done(this)
  }
}

/**
 * Tracks in-flight requests and enforces each one's total timeout (queueing in the connection pool included):
 * `sweep()` fails every request past its deadline; the engine calls it every few milliseconds.
 */
export class InFlightTracker {
  readonly inFlight = new Set<ExchangeHandler>()
  constructor(readonly clock: Clock) {}

  get size(): number {
    return this.inFlight.size
  }

  /** Fails every request whose deadline has passed with RequestTimeoutError, and aborts its socket exchange. */
  sweep(): void {
    const now = this.clock.now()
    for (const handler of this.inFlight) {
      if (handler.deadlineMs > now) continue
      const error = new RequestTimeoutError(handler.timeoutMs)
      handler.finish(error)
      handler.abort?.(error)
    }
  }

  /** Fails every in-flight request with `error` (used after the grace period of a stop). */
  abandonAll(error: Error): void {
    for (const handler of this.inFlight) {
      handler.finish(error)
      handler.abort?.(error)
    }
  }
}

/** Options of one send. */
export interface SendOptions {
  readonly dispatcher: Dispatcher
  /** undici dispatch options (origin, method, path, headers, body); reused across requests when static. */
  readonly request: Dispatcher.DispatchOptions
  readonly timeoutMs: number
  readonly keepBody: boolean
  readonly tracker: InFlightTracker
  /** Clock time of the dispatch (the caller has just read the clock); the timeout counts from here. */
  readonly startMs: number
  readonly done: (exchange: Exchange) => void
}

/** Dispatches one request; `done` is called exactly once, asynchronously, with the exchange. */
export function sendRequest(options: SendOptions): void {
  const { tracker } = options
  const handler = new ExchangeHandler(tracker, options.startMs, options.timeoutMs, options.keepBody, options.done)
  tracker.inFlight.add(handler)
  try {
    options.dispatcher.dispatch(options.request, handler)
  } catch (error) {
    queueMicrotask(() => handler.finish(error as Error))
  }
}
