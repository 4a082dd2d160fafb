// The load engine's own HTTP/1.1 dispatcher: N keep-alive connections to one origin, one request per connection at a
// time (no pipelining), requests beyond them wait in a FIFO queue. It implements undici's Dispatcher contract as the
// engine uses it (dispatch with a legacy handler, close, destroy), so the engine still takes any Dispatcher.
import { isIP } from 'node:net'
import { Dispatcher } from 'undici'
import { Connection, type ConnectionOwner, type Endpoint, type Job } from './connection.js'
import { RequestAbortedError } from './errors.js'
import { RequestEncoder } from './request-bytes.js'

export interface Http1PoolOptions {
  /** The most connections open at once (1 for a closed-model virtual user). */
  readonly connections: number
  /** Skip TLS certificate checks (`tls.insecure`). */
  readonly insecureTls: boolean
}

function endpointOf(origin: URL, insecureTls: boolean): Endpoint {
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:')
    throw new TypeError(`the HTTP/1.1 load client speaks http: and https:, not ${origin.protocol}`)
  const secure = origin.protocol === 'https:'
  const hostname = origin.hostname.startsWith('[') ? origin.hostname.slice(1, -1) : origin.hostname
  return {
    hostname,
    port: origin.port ? Number(origin.port) : secure ? 443 : 80,
    tls: secure,
    servername: secure && isIP(hostname) === 0 ? hostname : undefined,
    rejectUnauthorized: !insecureTls,
  }
}

/** A pool of HTTP/1.1 connections to one origin (see the file comment). */
export class Http1Pool extends Dispatcher implements ConnectionOwner {
  private readonly endpoint: Endpoint
  private readonly encoder: RequestEncoder
  private readonly maxConnections: number
  private readonly connections = new Set<Connection>()
  private readonly idle: Connection[] = []
  private readonly queue: Job[] = []
  private closing = false
  private destroyed = false
  private readonly whenClosed: (() => void)[] = []

  constructor(origin: URL, options: Http1PoolOptions) {
    super()
    this.endpoint = endpointOf(origin, options.insecureTls)
    this.encoder = new RequestEncoder(origin.host)
    this.maxConnections = Math.max(1, options.connections)
  }

  /** Sends a request; invalid requests and requests after close/destroy fail through `handler.onError`. */
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (this.closing || this.destroyed) {
      handler.onError?.(new RequestAbortedError('the dispatcher is closed', 'UND_ERR_DESTROYED'))
      return false
    }
    if (typeof handler.onHeaders !== 'function') {
      handler.onError?.(new TypeError('the HTTP/1.1 load client drives the legacy handler shape (onHeaders, …)'))
      return false
    }
    let job: Job
    try {
      job = { request: this.encoder.encode(options), handler }
    } catch (error) {
      handler.onError?.(error as Error)
      return false
    }
    const connection = this.idle.pop()
    if (connection) {
      if (!connection.run(job)) this.idle.push(connection)
    } else if (this.connections.size < this.maxConnections) this.open(job)
    else this.queue.push(job)
    return true
  }

  private open(job: Job): void {
    const connection = new Connection(this.endpoint, this)
    this.connections.add(connection)
    connection.run(job)
  }

  /** A connection is free: it takes the oldest queued request, or waits in the idle list. */
  released(connection: Connection): void {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) if (connection.run(job)) return
    this.idle.push(connection)
    this.settle()
  }

  /** A connection closed: forget it; a queued request gets a new connection in its place. */
  gone(connection: Connection): void {
    this.connections.delete(connection)
    const index = this.idle.indexOf(connection)
    if (index >= 0) this.idle.splice(index, 1)
    const job = this.destroyed ? undefined : this.queue.shift()
    if (job) this.open(job)
    else this.settle()
  }

  /** Resolves the close() waiters once nothing is queued or running. */
  private settle(): void {
    if (!this.closing || this.queue.length > 0 || this.idle.length < this.connections.size) return
    for (const connection of [...this.idle]) connection.destroy(new RequestAbortedError('closed', 'UND_ERR_CLOSED'))
    for (const resolve of this.whenClosed.splice(0)) resolve()
  }

  override close(): Promise<void>
  override close(callback: () => void): void
  override close(callback?: () => void): Promise<void> | void {
    this.closing = true
    const done = new Promise<void>((resolve) => {
      this.whenClosed.push(resolve)
      this.settle()
    })
    if (!callback) return done
    done.then(callback)
  }

  override destroy(): Promise<void>
  override destroy(error: Error | null): Promise<void>
  override destroy(callback: () => void): void
  override destroy(error: Error | null, callback: () => void): void
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const callback = typeof first === 'function' ? first : second
    const error =
      (typeof first === 'function' ? null : first) ??
      new RequestAbortedError('the dispatcher was destroyed', 'UND_ERR_DESTROYED')
    this.destroyed = true
    this.closing = true
    for (const job of this.queue.splice(0)) job.handler.onError?.(error)
    for (const connection of [...this.connections]) connection.destroy(error)
    for (const resolve of this.whenClosed.splice(0)) resolve()
    const done = new Promise<void>((resolve) => setImmediate(resolve))
    if (!callback) return done
    done.then(callback)
  }
}
