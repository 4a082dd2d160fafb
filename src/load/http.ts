// Sends one request through undici's dispatch() with a handler object (no promise, no stream per request: the
// fastest undici path, see the load-generation note) and reports one Exchange. Owns the total-time request timeout.
// The handler is itself the Exchange it reports, so a request allocates as little as possible on the hot path.
import type { Dispatcher } from 'undici'
import type { Clock } from './clock.js'
import type { LazyHeadHandler, LazyRawHeaders } from './http1/connection.js'
import { parseRawHeaders } from './raw-headers.js'

/** What happened to one request. */
export interface Exchange {
  /** HTTP status, or 0 when no response arrived. */
  readonly statusCode: number
  /**
   * Response headers, lower-case names (parsed on first read). Readable while the listener's onExchange runs (the
   * engine's HTTP/1.1 client reuses the head's bytes for the connection's next response).
   */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly bytesReceived: number
  /** The body, only when the caller asked to keep it and it was at most MAX_KEPT_BODY_BYTES. */
  readonly body: Buffer | null
  /** The caller asked to keep the body but it was over MAX_KEPT_BODY_BYTES, so it was counted and dropped. */
  readonly bodyTooLarge: boolean
  /** When the request was written to a socket (ms, clock time); the dispatch time when it never was. */
  readonly sentAtMs: number
  readonly endMs: number
  readonly error: Error | null
}

/**
 * The most of one response body kept for checks and captures (16 MiB). A body is kept only when a step checks or
 * captures from it; past this size it is counted and dropped instead, so a check on an endpoint that answers
 * hundreds of MB cannot exhaust a runner's memory (each kept body costs about twice its size while it is joined).
 */
export const MAX_KEPT_BODY_BYTES = 16 * 1024 * 1024

/** The error a request fails with when it exceeds its timeout (classified as `timeout`). */
export class RequestTimeoutError extends Error {
  readonly code = 'TAILGATE_TIMEOUT'
  constructor(timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms`)
    this.name = 'RequestTimeoutError'
  }
}

/**
 * One in-flight request: the handler, the Exchange it reports, and the timeout bookkeeping. Handler shapes: undici's
 * legacy one (onConnect/onHeaders/…, which undici calls directly: its documented shape parses every response's
 * headers, see the load-generation note, §1) and the HTTP/1.1 client's lazier one. Headers are parsed only when read.
 */
class ExchangeHandler implements Dispatcher.DispatchHandler, LazyHeadHandler, Exchange {
  abort: ((error?: Error) => void) | null = null
  statusCode = 0
  rawHeaders: Buffer[] | null = null
  /** The head from the HTTP/1.1 client, raw headers not built yet (onHeadersLazy); dropped once reported. */
  private head: LazyRawHeaders | null = null
  private parsedHeaders: Record<string, string | string[]> | null = null
  bytesReceived = 0
  chunks: Buffer[] | null
  bodyTooLarge = false
  sentAtMs: number
  endMs = 0
  error: Error | null = null
  finished = false
  /** The timeout counts from the dispatch, so time queued for a connection counts too. */
  readonly deadlineMs: number
  readonly timeoutMs: number
  /** Neighbours in the tracker's in-flight list (intrusive: no Set, no allocation per request). */
  previous: ExchangeHandler | null = null
  next: ExchangeHandler | null = null

  constructor(
    private readonly tracker: InFlightTracker,
    startMs: number,
    policy: SendPolicy,
    readonly listener: ExchangeListener,
  ) {
    this.chunks = policy.keepBody ? [] : null
    this.timeoutMs = policy.timeoutMs
    this.sentAtMs = startMs
    this.deadlineMs = startMs + policy.timeoutMs
  }

  get headers(): Readonly<Record<string, string | string[]>> {
    if (this.parsedHeaders) return this.parsedHeaders
    // a status without raw headers or head: the head was dropped once reported (its bytes are another response's now)
    if (this.rawHeaders === null && this.head === null && this.statusCode > 0)
      throw new Error('response headers are readable only while the exchange is being reported')
    this.parsedHeaders = parseRawHeaders(this.rawHeaders ?? this.head?.rawHeaders ?? null)
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

  onHeadersLazy(statusCode: number, head: LazyRawHeaders): boolean {
    this.statusCode = statusCode
    this.head = head
    return true
  }

  onData(chunk: Buffer): boolean {
    this.bytesReceived += chunk.length
    if (this.chunks) this.keep(chunk, false)
    return true
  }

  /** The HTTP/1.1 client's body bytes, data[start, end): counted, and copied only when the body is kept. */
  onBodyLazy(data: Buffer, start: number, end: number): boolean {
    this.bytesReceived += end - start
    if (this.chunks) this.keep(data.subarray(start, end), true)
    return true
  }

  /** Keeps a body piece (a copy when it is a view of a buffer its client reuses) up to MAX_KEPT_BODY_BYTES. */
  private keep(chunk: Buffer, copy: boolean): void {
    if (this.bytesReceived > MAX_KEPT_BODY_BYTES) {
      this.chunks = null
      this.bodyTooLarge = true
    } else this.chunks?.push(copy ? Buffer.from(chunk) : chunk)
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
    this.tracker.remove(this)
    this.endMs = this.tracker.clock.now()
    if (error) {
      this.error = error
      this.statusCode = 0
      this.head = null
      // undici fails queued requests in a loop and asserts its queue is empty afterwards: a request dispatched
      // from inside that loop (the next iteration) would break it, so failures are reported on the next turn.
      setImmediate(notify, this)
    } else {
      this.listener.onExchange(this)
      this.head = null
    }
  }
}

function notify(handler: ExchangeHandler): void {
  handler.listener.onExchange(handler)
}

/** Receives the outcome of a request (an object rather than a closure: one less allocation per request). */
export interface ExchangeListener {
  onExchange(exchange: Exchange): void
}

/** How one step's requests are sent; built once per step. */
export interface SendPolicy {
  readonly timeoutMs: number
  /** Keep the response body (body checks, JSON captures). */
  readonly keepBody: boolean
}

/**
 * Sends requests and tracks the ones in flight, enforcing each one's total timeout (queueing in the connection
 * pool included): `sweep()` fails every request past its deadline; the engine calls it every few milliseconds.
 */
export class InFlightTracker {
  private head: ExchangeHandler | null = null
  private count = 0
  constructor(readonly clock: Clock) {}

  get size(): number {
    return this.count
  }

  /**
   * Dispatches one request; the listener hears exactly once, asynchronously, with the exchange. The timeout
   * counts from now: `nowMs` when the caller has just read the clock (one read less per request), else a new read.
   */
  send(
    dispatcher: Dispatcher,
    request: Dispatcher.DispatchOptions,
    policy: SendPolicy,
    listener: ExchangeListener,
    nowMs: number = this.clock.now(),
  ): void {
    const handler = new ExchangeHandler(this, nowMs, policy, listener)
    handler.next = this.head
    if (this.head) this.head.previous = handler
    this.head = handler
    this.count++
    try {
      dispatcher.dispatch(request, handler)
    } catch (error) {
      queueMicrotask(() => handler.finish(error as Error))
    }
  }

  /** Unlinks a finished request. */
  remove(handler: ExchangeHandler): void {
    if (handler.previous) handler.previous.next = handler.next
    else if (this.head === handler) this.head = handler.next
    if (handler.next) handler.next.previous = handler.previous
    handler.previous = null
    handler.next = null
    this.count--
  }

  /** Fails every request whose deadline has passed with RequestTimeoutError, and aborts its socket exchange. */
  sweep(): void {
    const now = this.clock.now()
    let handler = this.head
    while (handler) {
      const following = handler.next
      if (handler.deadlineMs <= now) {
        const error = new RequestTimeoutError(handler.timeoutMs)
        handler.finish(error)
        handler.abort?.(error)
      }
      handler = following
    }
  }

  /** Fails every in-flight request with `error` (used after the grace period of a stop). */
  abandonAll(error: Error): void {
    let handler = this.head
    while (handler) {
      const following = handler.next
      handler.finish(error)
      handler.abort?.(error)
      handler = following
    }
  }
}
