// Sends one request through undici's dispatch() with a handler object (no promise, no stream per request: the
// fastest undici path, see the load-generation note) and reports one Exchange. Owns the total-time request timeout.
import type { Dispatcher } from 'undici'
import type { Clock } from './clock.js'
import type { RequestSpec } from './request-plan.js'

/** What happened to one request. */
export interface Exchange {
  /** HTTP status, or 0 when no response arrived. */
  readonly statusCode: number
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

const EMPTY_HEADERS: Readonly<Record<string, string>> = Object.freeze({})

/** One in-flight request: the undici handler, and the timeout bookkeeping the sweeper reads. */
class ExchangeHandler implements Dispatcher.DispatchHandler {
  controller: Dispatcher.DispatchController | null = null
  statusCode = 0
  headers: Readonly<Record<string, string | string[] | undefined>> = EMPTY_HEADERS
  bytes = 0
  chunks: Buffer[] | null
  sentAtMs: number
  finished = false

  constructor(
    private readonly tracker: InFlightTracker,
    readonly deadlineMs: number,
    readonly timeoutMs: number,
    keepBody: boolean,
    private readonly done: (exchange: Exchange) => void,
  ) {
    this.chunks = keepBody ? [] : null
    this.sentAtMs = tracker.clock.now()
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller
    this.sentAtMs = this.tracker.clock.now()
    if (this.finished) controller.abort(new RequestTimeoutError(this.timeoutMs))
  }

  onResponseStart(
    _c: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.statusCode = statusCode
    this.headers = headers
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length
    if (this.chunks) this.chunks.push(chunk)
  }

  onResponseEnd(): void {
    this.finish(null)
  }

  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    this.finish(error)
  }

  /** Reports the exchange once; later events (an abort after a timeout) are ignored. */
  finish(error: Error | null): void {
    if (this.finished) return
    this.finished = true
    this.tracker.inFlight.delete(this)
    const exchange: Exchange = {
      statusCode: error ? 0 : this.statusCode,
      headers: this.headers,
      bytesReceived: this.bytes,
      body: this.chunks ? Buffer.concat(this.chunks) : null,
      sentAtMs: this.sentAtMs,
      endMs: this.tracker.clock.now(),
      error,
    }
    // undici fails queued requests in a loop and asserts its queue is empty afterwards: a request dispatched
    // from inside that loop (the next iteration) would break it, so failures are reported on the next turn.
    if (error) setImmediate(this.done, exchange)
    else this.done(exchange)
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
      handler.controller?.abort(error)
    }
  }

  /** Fails every in-flight request with `error` (used after the grace period of a stop). */
  abandonAll(error: Error): void {
    for (const handler of this.inFlight) {
      handler.finish(error)
      handler.controller?.abort(error)
    }
  }
}

/** Options of one send. */
export interface SendOptions {
  readonly dispatcher: Dispatcher
  readonly origin: string
  readonly spec: RequestSpec
  readonly timeoutMs: number
  readonly keepBody: boolean
  readonly tracker: InFlightTracker
  readonly done: (exchange: Exchange) => void
}

/** Dispatches one request; `done` is called exactly once, asynchronously, with the exchange. */
export function sendRequest(options: SendOptions): void {
  const { spec, tracker } = options
  const handler = new ExchangeHandler(
    tracker,
    tracker.clock.now() + options.timeoutMs,
    options.timeoutMs,
    options.keepBody,
    options.done,
  )
  tracker.inFlight.add(handler)
  try {
    options.dispatcher.dispatch(
      {
        origin: options.origin,
        method: spec.method as Dispatcher.HttpMethod,
        path: spec.path,
        headers: spec.headers,
        body: spec.body,
      },
      handler,
    )
  } catch (error) {
    queueMicrotask(() => handler.finish(error as Error))
  }
}
