// Faulty HTTP servers for the reliability suite, each on 127.0.0.1 port 0 and closed in teardown: a refused port,
// a reset after the headers, a response that never ends, a slowloris-style trickle, 100% 503, a TLS handshake that
// fails, a server that dies mid-run and comes back, and a huge (streamed, never buffered) response. Plus the
// `.invalid` URL whose name resolution fails locally (RFC 6761: nothing is sent anywhere). Every server answers
// HEALTH_PATH at once, so the action's readiness probe passes and the fault hits the load itself.
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { refusedUrl } from './servers.js'

/** A fault server: where it listens, how many requests reached it, and how to stop it (idempotent). */
export interface FaultServer {
  /** `http://127.0.0.1:<port>` (or https://), no trailing path. */
  readonly url: URL
  /** Requests whose headers reached the server (0 for a refused port or a failed handshake). */
  readonly requests: () => number
  close(): Promise<void>
}

/** A host name that cannot resolve: `.invalid` is reserved (RFC 6761), so resolution fails locally. */
export const UNRESOLVABLE_URL = new URL('http://tailgate-test.invalid')

/** Every fault server answers this path 200 at once (the action's readiness probe, `health-path`). */
export const HEALTH_PATH = '/health'

/** Delay between bytes of the trickle server (ms). */
export const TRICKLE_INTERVAL_MS = 200

/** Tracks sockets and timers so close() leaves nothing behind. */
class Tracked {
  readonly sockets = new Set<Socket>()
  readonly timers = new Set<NodeJS.Timeout>()
  count = 0

  watch(server: Server): void {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket)
      socket.once('close', () => this.sockets.delete(socket))
    })
  }

  every(ms: number, tick: () => void): NodeJS.Timeout {
    const timer = setInterval(tick, ms)
    this.timers.add(timer)
    return timer
  }

  after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    this.timers.add(timer)
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer)
    this.timers.clear()
    for (const socket of this.sockets) socket.destroy()
  }
}

/** Answers the health path (true) or leaves the request to the fault (false). */
function answeredHealth(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.url !== HEALTH_PATH) return false
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('ok')
  return true
}

async function listenOn(server: Server, port = 0): Promise<number> {
  server.listen(port, '127.0.0.1')
  await once(server, 'listening')
  return (server.address() as AddressInfo).port
}

async function closeServer(server: Server, tracked: Tracked): Promise<void> {
  tracked.stop()
  if (!server.listening) return
  const closed = once(server, 'close')
  server.closeAllConnections()
  server.close()
  await closed
}

/** Starts an http (or https) server whose handler sees a request counter and the tracker. */
async function startFault(
  handler: (req: IncomingMessage, res: ServerResponse, tracked: Tracked) => void,
  tls?: { cert: string; key: string },
): Promise<FaultServer> {
  const tracked = new Tracked()
  const listener: RequestListener = (req, res) => {
    if (answeredHealth(req, res)) return
    tracked.count++
    handler(req, res, tracked)
  }
  const server = tls ? createHttpsServer({ ...tls }, listener) : createServer(listener)
  tracked.watch(server)
  if (tls) server.on('tlsClientError', () => undefined)
  const port = await listenOn(server)
  let closing: Promise<void> | undefined
  return {
    url: new URL(`${tls ? 'https' : 'http'}://127.0.0.1:${port}`),
    requests: () => tracked.count,
    close: () => {
      closing ??= closeServer(server, tracked)
      return closing
    },
  }
}

/** A port that was listened on and closed: every connection is refused (ECONNREFUSED). */
export async function startRefusedPort(): Promise<FaultServer> {
  const url = await refusedUrl()
  return { url, requests: () => 0, close: async () => undefined }
}

/** Sends the status line and headers (announcing a body), flushes them, then destroys the socket. */
export function startResetAfterHeaders(): Promise<FaultServer> {
  return startFault((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' })
    res.flushHeaders()
    res.write('partial')
    setImmediate(() => res.socket?.destroy())
  })
}

/** Sends headers, then nothing, ever: only the client's total request timeout ends the exchange. */
export function startNeverEnding(): Promise<FaultServer> {
  return startFault((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.flushHeaders()
  })
}

/**
 * Slowloris-style trickle: headers at once, then one body byte every TRICKLE_INTERVAL_MS, for `totalBytes` bytes.
 * An idle timeout never fires on it; only a total-time timeout does.
 */
export function startTrickle(totalBytes = 10_000): Promise<FaultServer> {
  return startFault((_req, res, tracked) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(totalBytes) })
    res.flushHeaders()
    let sent = 0
    const timer = tracked.every(TRICKLE_INTERVAL_MS, () => {
      if (res.destroyed || sent >= totalBytes) {
        clearInterval(timer)
        tracked.timers.delete(timer)
        if (!res.destroyed) res.end()
        return
      }
      res.write('x')
      sent++
    })
  })
}

/** Answers every request 503 with a short body (100% 5xx). */
export function startAlways503(): Promise<FaultServer> {
  return startFault((_req, res) => {
    res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' })
    res.end('unavailable')
  })
}

/** Answers 200 with a small JSON body: the healthy server. */
export function startHealthy(): Promise<FaultServer> {
  return startFault((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"ok":true}')
  })
}

/**
 * A server with a certificate the client cannot verify. With `openssl` on PATH: a real HTTPS server with a
 * self-signed certificate made now (DEPTH_ZERO_SELF_SIGNED_CERT). Without it: a plain HTTP server spoken to as
 * https (the handshake fails with a protocol error). Both classify as `tls`.
 */
export async function startTlsFault(): Promise<FaultServer & { readonly kind: 'self-signed' | 'not-tls' }> {
  const pair = selfSignedCertificate()
  if (pair) return { ...(await startFault((_req, res) => res.end('ok'), pair)), kind: 'self-signed' }
  const plain = await startFault((_req, res) => res.end('ok'))
  return { ...plain, url: new URL(plain.url.href.replace(/^http:/, 'https:')), kind: 'not-tls' }
}

/** A self-signed certificate for 127.0.0.1 from `openssl req -x509`, or null when openssl is not available. */
export function selfSignedCertificate(): { cert: string; key: string } | null {
  const dir = mkdtempSync(join(tmpdir(), 'tailgate-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore', timeout: 10_000 },
    )
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') }
  } catch {
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A server that dies mid-run (and may come back). */
export interface FlappingServer extends FaultServer {
  /** Resolves when the server listens again after its outage (never, for a server that stays down). */
  readonly back: Promise<void>
}

/**
 * A healthy server that dies (drops every connection, stops listening: later connections are refused) `upMs` after
 * the first load request (the health path does not count), or, with `upRequests`, right after answering that many
 * load requests (a share of the load that no busy scheduler can change); and listens again on the same port `downMs`
 * later; with `downMs: null` it stays down.
 */
export async function startFlapping(
  options: ({ upMs: number } | { upRequests: number }) & { downMs: number | null },
): Promise<FlappingServer> {
  const tracked = new Tracked()
  let stopped = false
  let settleBack: () => void = () => undefined
  let comeBack: () => void = () => undefined
  const back = new Promise<void>((resolve) => {
    settleBack = resolve
  })
  const die = () => {
    server.closeAllConnections()
    for (const socket of tracked.sockets) socket.destroy()
    server.close(() => {
      if (!stopped && options.downMs !== null) tracked.after(options.downMs, comeBack)
    })
  }
  let dying = false
  const server = createServer((req, res) => {
    if (answeredHealth(req, res)) return
    const count = ++tracked.count
    if ('upMs' in options && count === 1) tracked.after(options.upMs, die)
    // Requests read in the same turn as the last one it answers (a starved loop reads many at once) are reset.
    if (dying) return req.socket.destroy()
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"ok":true}')
    if ('upRequests' in options && count === options.upRequests) {
      dying = true
      setImmediate(() => {
        die()
        dying = false
      })
    }
  })
  tracked.watch(server)
  const port = await listenOn(server)
  comeBack = () => {
    listenOn(server, port).then(settleBack, settleBack)
  }
  let closing: Promise<void> | undefined
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    requests: () => tracked.count,
    back,
    close: () => {
      // Closing during the outage cancels the comeback; `back` settles either way.
      stopped = true
      closing ??= closeServer(server, tracked).finally(settleBack)
      return closing
    },
  }
}

/**
 * Streams `totalBytes` of body per request in 64 KiB chunks, honouring back-pressure: the server never holds more
 * than one chunk, so any memory growth is the client's.
 */
export function startHugeResponse(totalBytes: number): Promise<FaultServer> {
  const chunk = Buffer.alloc(64 * 1024, 'x')
  return startFault((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(totalBytes) })
    let sent = 0
    const pump = () => {
      while (sent < totalBytes) {
        const size = Math.min(chunk.length, totalBytes - sent)
        sent += size
        if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          res.once('drain', pump)
          return
        }
      }
      res.end()
    }
    res.on('close', () => res.removeListener('drain', pump))
    pump()
  })
}
