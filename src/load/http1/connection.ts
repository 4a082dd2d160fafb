// One keep-alive connection (TCP, or TLS for https:) that carries one request at a time: it writes the request's
// bytes in one write, feeds the socket's pieces to the response parser and drives undici's legacy handler shape
// (onConnect, onHeaders, onData, onComplete, onError). Anything that leaves a response unread closes the connection.
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

function openSocket(endpoint: Endpoint): net.Socket {
  if (!endpoint.tls) return net.connect({ host: endpoint.hostname, port: endpoint.port })
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
    this.socket = openSocket(endpoint)
    this.socket.setNoDelay(true)
    this.socket.on(endpoint.tls ? 'secureConnect' : 'connect', () => this.onConnected())
    this.socket.on('data', (chunk: Buffer) => this.onSocketData(chunk))
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
    if (handler.onHeaders?.(head.statusCode, head.rawHeaders, this.resume, head.statusText) === false)
      this.socket.pause()
  }

  onResponseBody(chunk: Buffer): void {
    if ((this.job as Job).handler.onData?.(chunk) === false) this.socket.pause()
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
