// One keep-alive connection (TCP, or TLS for https:) that carries one request at a time: it writes the request's
// bytes in one write, feeds the socket's pieces to the response parser and drives undici's legacy handler shape
// (onConnect, onHeaders, onData, onComplete, onError), or the engine's lazier one (LazyHeadHandler). Anything that
// leaves a response unread closes the connection.
import net from 'node:net'
import tls from 'node:tls'
import type { Dispatcher } from 'undici'
import { RequestAbortedError, SocketClosedError } from './errors.js'
import type { RequestBytes } from './request-bytes.js'
import type { ResponseHead } from './response-head.js'
import { type ResponseEvents, ResponseParser } from './response-parser.js'

/** One request waiting for, or on, a connection. */
export interface Job {
  readonly request: RequestBytes
  readonly handler: Dispatcher.DispatchHandler
}

/** A response head whose raw headers are built only when read (response-head.ts). */
export interface LazyRawHeaders {
  readonly rawHeaders: Buffer[]
}

/**
 * A handler that takes the response without a Buffer made for it (each sub-Buffer costs ~70 ns and ~100 bytes, and
 * the engine reads headers and bodies only for checks and captures): `onHeadersLazy` instead of `onHeaders`, with a
 * head that stays readable until the handler's onComplete or onError returns, and `onBodyLazy` instead of `onData`,
 * with the body's bytes as offsets into a read buffer that is reused once it returns (copy what you keep). The
 * engine's ExchangeHandler is one.
 */
export interface LazyHeadHandler {
  onHeadersLazy(statusCode: number, head: LazyRawHeaders, resume: () => void, statusText: string): boolean
  onBodyLazy(data: Buffer, start: number, end: number): boolean
}

/**
 * The buffer plain TCP connections read into (`onread`: no Readable stream push, no new Buffer per read), shared by
 * them all: JavaScript handles one read at a time, and the parser keeps no view of it past a read (see
 * ResponseParser.execute). TLS sockets read as streams (a new Buffer per read).
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024)
/** The view of READ_BUFFER's first bytes the last read filled: reads of the same length (a server's same answer) share it. */
let readView = READ_BUFFER.subarray(0, 0)

function readBytes(length: number): Buffer {
  if (readView.length !== length) readView = READ_BUFFER.subarray(0, length)
  return readView
}

function isLazy(handler: Dispatcher.DispatchHandler): handler is Dispatcher.DispatchHandler & LazyHeadHandler {
  return typeof (handler as Partial<LazyHeadHandler>).onHeadersLazy === 'function'
}

/** Where connections go. */
export interface Endpoint {
  /** Host name or IP literal (IPv6 without brackets). */
  readonly hostname: string
  readonly port: number
  readonly tls: boolean
  /** SNI: the host name; absent for IP literals. */
  readonly servername: string | undefined
  readonly rejectUnauthorized: boolean
}

/** The pool that owns a connection hears when it is free again and when it is gone. */
export interface ConnectionOwner {
  released(connection: Connection): void
  gone(connection: Connection): void
}

function openSocket(endpoint: Endpoint, onRead: (length: number) => boolean): net.Socket {
  if (!endpoint.tls)
    return net.connect({
      host: endpoint.hostname,
      port: endpoint.port,
      onread: { buffer: READ_BUFFER, callback: onRead },
    })
  return tls.connect({
    host: endpoint.hostname,
    port: endpoint.port,
    servername: endpoint.servername,
    rejectUnauthorized: endpoint.rejectUnauthorized,
    ALPNProtocols: ['http/1.1'],
  })
}

/**
 * A connection. Events reach the handler of the current job only: once a job has ended (complete, failed or
 * aborted) nothing more reaches its handler. A request written to a kept-alive connection that the server closed
 * at the same moment fails with the socket's error (UND_ERR_SOCKET or ECONNRESET), as with undici: it is not
 * retried, since the server may have received it.
 */
export class Connection implements ResponseEvents {
  private readonly socket: net.Socket
  private readonly parser = new ResponseParser(this)
  private job: Job | null = null
  private connected = false
  private closed = false
  /** The current job's bytes went to the socket: aborting it now means closing the connection. */
  private written = false
  private readonly resume = () => {
    this.socket.resume()
  }

  constructor(
    endpoint: Endpoint,
    private readonly owner: ConnectionOwner,
  ) {
    this.socket = openSocket(endpoint, (length) => {
      this.onSocketData(readBytes(length))
      return true
    })
    this.socket.setNoDelay(true)
    this.socket.on(endpoint.tls ? 'secureConnect' : 'connect', () => this.onConnected())
    if (endpoint.tls) this.socket.on('data', (chunk: Buffer) => this.onSocketData(chunk))
    this.socket.on('end', () => this.onSocketEnd())
    this.socket.on('error', (error: Error) => this.fail(error))
    this.socket.on('close', () => this.fail(new SocketClosedError('the connection closed')))
  }

  /**
   * Takes a job: writes it now, or once connected. Returns false when its handler aborted it in onConnect, before
   * any byte was written: the connection is still free.
   */
  run(job: Job): boolean {
    this.job = job
    return this.connected ? this.send(job) : true
  }

  /** Fails the current job (if any) with `error` and closes the connection. */
  destroy(error: Error): void {
    this.fail(error)
  }

  private send(job: Job): boolean {
    this.written = false
    job.handler.onConnect?.((error?: Error) => this.abort(job, error))
    if (this.job !== job) return false
    this.written = true
    this.parser.start(job.request.isHead)
    this.socket.write(job.request.bytes)
    return true
  }

  private onConnected(): void {
    this.connected = true
    const job = this.job
    if (job && !this.send(job)) this.owner.released(this)
  }

  private abort(job: Job, error: Error | undefined): void {
    if (this.job !== job) return
    this.job = null
    if (this.written) {
      this.parser.halt()
      this.close()
    }
    job.handler.onError?.(error ?? new RequestAbortedError('request aborted'))
  }

  private onSocketData(chunk: Buffer): void {
    if (!this.job || !this.parser.reading) {
      this.fail(new SocketClosedError('the server sent bytes no request asked for'))
      return
    }
    try {
      this.parser.execute(chunk)
    } catch (error) {
      this.fail(error as Error)
    }
  }

  private onSocketEnd(): void {
    if (this.job && this.written && this.parser.endOfInput()) return
    this.fail(new SocketClosedError())
  }

  private fail(error: Error): void {
    const job = this.job
    this.job = null
    this.parser.halt()
    this.close()
    job?.handler.onError?.(error)
  }

  private close(): void {
    if (this.closed) return
    this.closed = true
    this.socket.destroy()
    this.owner.gone(this)
  }

  onResponseHead(head: ResponseHead): void {
    const { handler } = this.job as Job
    const proceed = isLazy(handler)
      ? handler.onHeadersLazy(head.statusCode, head, this.resume, head.statusText)
      : handler.onHeaders?.(head.statusCode, head.rawHeaders, this.resume, head.statusText)
    if (proceed === false) this.socket.pause()
  }

  onResponseBody(data: Buffer, start: number, end: number): void {
    const { handler } = this.job as Job
    // a handler of undici's shape may keep the chunk: it gets its own copy of the read buffer's bytes
    const proceed = isLazy(handler)
      ? handler.onBodyLazy(data, start, end)
      : handler.onData?.(Buffer.from(data.subarray(start, end)))
    if (proceed === false) this.socket.pause()
  }

  onResponseEnd(trailers: Buffer[], extraBytes: boolean): void {
    const job = this.job as Job
    this.job = null
    this.written = false
    const reusable = this.parser.keepAlive && !extraBytes && !job.request.closeAfter
    if (!reusable) this.close()
    job.handler.onComplete?.(trailers as unknown as string[])
    if (reusable && !this.closed && !this.job) this.owner.released(this)
  }
}
