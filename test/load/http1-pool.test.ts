// The HTTP/1.1 load client's pool and lifecycle: the bytes of a request, the FIFO queue and the connection limit,
// aborts (in onConnect, mid-response, the engine's timeout sweep), destroy and close, TLS with and without checks.

import { execFile } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Dispatcher } from 'undici'
import { describe, expect, it, onTestFinished } from 'vitest'
import { InFlightTracker } from '../../src/load/http.js'
import { Http1Pool } from '../../src/load/http1/pool.js'
import { startTlsServer } from '../helpers/servers.js'
import { dispatcherFor, exchange, type LateEvents } from './http1-exchange.js'
import { startRawServer } from './http1-raw-server.js'

const execFileAsync = promisify(execFile)
const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'

/** A raw server that answers with OK after `delayMs`, or never when `delayMs` is null; closed in teardown. */
async function server(delayMs: number | null = 0) {
  const raw = await startRawServer(async (socket) => {
    if (delayMs === null) return
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
    if (!socket.destroyed) socket.write(OK)
  })
  onTestFinished(raw.close)
  return raw
}

function pool(url: URL, connections = 1): Http1Pool {
  const dispatcher = new Http1Pool(url, { connections, insecureTls: false })
  onTestFinished(() => dispatcher.destroy())
  return dispatcher
}

/** A handler that records every event it hears, and can abort at a chosen event. */
function recorder(abortAt: 'connect' | 'headers' | null = null) {
  const events: string[] = []
  let abort: ((error?: Error) => void) | null = null
  const handler = {
    onConnect(a: (error?: Error) => void) {
      abort = a
      events.push('connect')
      if (abortAt === 'connect') a(new Error('stop'))
    },
    onHeaders(status: number) {
      events.push(`headers ${status}`)
      if (abortAt === 'headers') abort?.(new Error('stop'))
      return true
    },
    onData() {
      events.push('data')
      return true
    },
    onComplete() {
      events.push('complete')
    },
    onError(error: Error) {
      events.push(`error ${error.message}`)
    },
  }
  return { events, handler: handler as unknown as Dispatcher.DispatchHandler }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10))
}

describe('the HTTP/1.1 load client: request bytes', () => {
  it.each([
    {
      name: 'a GET: request line and host, no content-length',
      options: { method: 'GET', path: '/a?b=1', headers: ['x-one', '1', 'x-two', 'two'] },
      head: (host: string) => `GET /a?b=1 HTTP/1.1\r\nhost: ${host}\r\nx-one: 1\r\nx-two: two`,
    },
    {
      name: 'a POST with a string body: its UTF-8 length',
      options: { method: 'POST', path: '/', body: 'é', headers: { 'content-type': 'text/plain' } },
      head: (host: string) => `POST / HTTP/1.1\r\nhost: ${host}\r\ncontent-type: text/plain\r\ncontent-length: 2`,
    },
    {
      name: 'a POST without a body: content-length 0, as undici sends it',
      options: { method: 'POST', path: '/' },
      head: (host: string) => `POST / HTTP/1.1\r\nhost: ${host}\r\ncontent-length: 0`,
    },
    {
      name: 'a given host header and a Buffer body',
      options: { method: 'PUT', path: '/', headers: ['Host', 'example.test'], body: Buffer.from('abc') },
      head: () => 'PUT / HTTP/1.1\r\nHost: example.test\r\ncontent-length: 3',
    },
  ])('$name', async ({ options, head }) => {
    const raw = await server()
    const late: LateEvents = { count: 0 }
    const outcome = await exchange(pool(raw.url), options as Dispatcher.DispatchOptions, late)
    expect(outcome).toMatchObject({ status: 200, body: 'ok' })
    expect(raw.heads).toEqual([head(raw.url.host)])
  })

  it.each([
    { name: 'a stream body', options: { method: 'POST', path: '/', body: Readable.from(['x']) } },
    {
      name: 'a transfer-encoding header',
      options: { method: 'POST', path: '/', headers: ['transfer-encoding', 'chunked'] },
    },
    { name: 'a header value with CR LF', options: { method: 'GET', path: '/', headers: ['x-a', 'a\r\nx-b: b'] } },
    { name: 'a path with a space', options: { method: 'GET', path: '/a b' } },
    {
      name: 'a content-length that is not the body length',
      options: { method: 'POST', path: '/', body: 'abc', headers: ['content-length', '5'] },
    },
  ])('refuses $name before writing a byte', async ({ options }) => {
    const raw = await server()
    const { events, handler } = recorder()
    pool(raw.url).dispatch(options as unknown as Dispatcher.DispatchOptions, handler)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatch(/^error the HTTP\/1.1 load client cannot send this request/)
    expect(raw.connections()).toBe(0)
  })
})

describe('the HTTP/1.1 load client on IPv6 loopback', () => {
  it('connects to [::1] and sends host with the brackets', async (context) => {
    const server = createHttpServer((req, res) => res.end(req.headers.host))
    const listening = once(server, 'listening').then(() => true)
    const failed = once(server, 'error').then(() => false)
    server.listen(0, '::1')
    if (!(await Promise.race([listening, failed]))) return context.skip('no IPv6 loopback on this machine')
    onTestFinished(async () => {
      server.closeAllConnections()
      server.close()
    })
    const { port } = server.address() as AddressInfo
    const outcome = await exchange(pool(new URL(`http://[::1]:${port}`)), { method: 'GET', path: '/' }, { count: 0 })
    expect(outcome).toMatchObject({ status: 200, body: `[::1]:${port}` })
  })
})

describe('the HTTP/1.1 load client: queue, limits and lifecycle', () => {
  it('sends queued requests first in, first out, one at a time on its one connection', async () => {
    const raw = await server(5)
    const dispatcher = pool(raw.url)
    const late: LateEvents = { count: 0 }
    const paths = ['/1', '/2', '/3', '/4']
    const outcomes = await Promise.all(paths.map((path) => exchange(dispatcher, { method: 'GET', path }, late)))
    expect(outcomes.every((o) => o.status === 200)).toBe(true)
    expect(raw.heads.map((h) => h.split(' ')[1])).toEqual(paths)
    expect(raw.connections()).toBe(1)
  })

  it('opens at most `connections` connections however many requests wait', async () => {
    const raw = await server(10)
    const dispatcher = pool(raw.url, 3)
    const late: LateEvents = { count: 0 }
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => exchange(dispatcher, { method: 'GET', path: '/' }, late)),
    )
    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(12)
    expect(raw.connections()).toBe(3)
    expect(late.count).toBe(0)
  })

  it('a request aborted in onConnect is never written, and the connection serves the next one', async () => {
    const raw = await server()
    const dispatcher = pool(raw.url)
    const first = recorder('connect')
    dispatcher.dispatch({ method: 'GET', path: '/aborted' }, first.handler)
    const outcome = await exchange(dispatcher, { method: 'GET', path: '/next' }, { count: 0 })
    expect(first.events).toEqual(['connect', 'error stop'])
    expect(outcome.status).toBe(200)
    expect(raw.heads.map((h) => h.split(' ')[1])).toEqual(['/next'])
    expect(raw.connections()).toBe(1)
  })

  it('a request aborted mid-response hears one onError, nothing after, and its connection is closed', async () => {
    const raw = await startRawServer(async (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nab')
      await new Promise((r) => setTimeout(r, 30))
      if (!socket.destroyed) socket.write('cd')
    })
    onTestFinished(raw.close)
    const { events, handler } = recorder('headers')
    pool(raw.url).dispatch({ method: 'GET', path: '/' }, handler)
    await until(() => raw.closed() === 1)
    await new Promise((r) => setTimeout(r, 50))
    expect(events).toEqual(['connect', 'headers 200', 'error stop'])
  })

  it("the engine's timeout sweep fails a request the server never answers and closes its socket", async () => {
    const raw = await server(null)
    let nowMs = 0
    const tracker = new InFlightTracker({ now: () => nowMs })
    const exchanges: { error: Error | null }[] = []
    tracker.send(
      pool(raw.url),
      { method: 'GET', path: '/' },
      { timeoutMs: 100, keepBody: false },
      { onExchange: (e) => exchanges.push(e) },
    )
    await until(() => raw.heads.length === 1)
    nowMs = 150
    tracker.sweep()
    await until(() => exchanges.length === 1 && raw.closed() === 1)
    expect(exchanges[0]?.error).toMatchObject({ code: 'TAILGATE_TIMEOUT' })
    expect(raw.closed()).toBe(1)
  })

  it('destroy() fails the running and the queued requests once each; later requests fail at once', async () => {
    const raw = await server(null)
    const dispatcher = pool(raw.url)
    const running = recorder()
    const queued = recorder()
    dispatcher.dispatch({ method: 'GET', path: '/' }, running.handler)
    dispatcher.dispatch({ method: 'GET', path: '/' }, queued.handler)
    await until(() => raw.heads.length === 1)
    await dispatcher.destroy()
    const after = recorder()
    dispatcher.dispatch({ method: 'GET', path: '/' }, after.handler)
    expect(running.events).toEqual(['connect', 'error the dispatcher was destroyed'])
    expect(queued.events).toEqual(['error the dispatcher was destroyed'])
    expect(after.events).toEqual(['error the dispatcher is closed'])
  })

  it('close() lets running and queued requests finish, then closes the connections', async () => {
    const raw = await server(10)
    const dispatcher = pool(raw.url)
    const outcomes = [1, 2].map(() => exchange(dispatcher, { method: 'GET', path: '/' }, { count: 0 }))
    await dispatcher.close()
    expect((await Promise.all(outcomes)).map((o) => o.status)).toEqual([200, 200])
    await until(() => raw.closed() === 1)
    expect(raw.closed()).toBe(1)
  })
})

describe('the HTTP/1.1 load client over TLS (self-signed certificate for 127.0.0.1)', () => {
  const tls = {
    cert: readFileSync(new URL('fixtures/self-signed-cert.pem', import.meta.url), 'utf8'),
    key: readFileSync(new URL('fixtures/self-signed-key.pem', import.meta.url), 'utf8'),
  }

  it.each([
    { insecure: true, expected: { status: 200, body: 'secure' } },
    { insecure: false, expected: { error: 'tls' } },
  ])('insecure $insecure gives $expected, as undici does', async ({ insecure, expected }) => {
    const server = await startTlsServer((_req, res) => res.end('secure'), tls)
    onTestFinished(server.close)
    for (const kind of ['tailgate', 'undici'] as const) {
      const dispatcher = dispatcherFor(kind, server.url, 1, insecure)
      const outcome = await exchange(dispatcher, { method: 'GET', path: '/' }, { count: 0 })
      await dispatcher.destroy()
      expect(outcome, kind).toMatchObject(expected)
    }
  })

  it('verifies against NODE_EXTRA_CA_CERTS, as Node does (a child process that trusts the test certificate)', async () => {
    const server = await startTlsServer((_req, res) => res.end('trusted'), tls)
    onTestFinished(server.close)
    const pool = fileURLToPath(new URL('../../src/load/http1/pool.ts', import.meta.url))
    const script = `
      import { Http1Pool } from ${JSON.stringify(pool)}
      const dispatcher = new Http1Pool(new URL(process.argv[1]), { connections: 1, insecureTls: false })
      dispatcher.dispatch({ method: 'GET', path: '/' }, {
        onConnect() {}, onHeaders(status) { process.stdout.write(String(status)); return true }, onData() { return true },
        onComplete() { dispatcher.destroy() }, onError(error) { process.stdout.write(error.code); dispatcher.destroy() },
      })`
    const run = (extraCa: string | undefined) =>
      execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, server.url.href], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: extraCa, TSX_DISABLE_CACHE: '1' },
        timeout: 60_000,
      })
    const certificate = fileURLToPath(new URL('fixtures/self-signed-cert.pem', import.meta.url))
    expect((await run(certificate)).stdout).toBe('200')
    expect((await run(undefined)).stdout).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
  })

  it('keeps a TLS connection alive across requests', async () => {
    const server = createHttpsServer({ ...tls, keepAliveTimeout: 30_000 }, (_req, res) => res.end('again'))
    let handshakes = 0
    server.on('secureConnection', () => handshakes++)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    onTestFinished(async () => {
      server.closeAllConnections()
      server.close()
    })
    const { port } = server.address() as AddressInfo
    const dispatcher = new Http1Pool(new URL(`https://127.0.0.1:${port}`), { connections: 1, insecureTls: true })
    onTestFinished(() => dispatcher.destroy())
    const bodies: (string | undefined)[] = []
    for (let i = 0; i < 3; i++)
      bodies.push((await exchange(dispatcher, { method: 'GET', path: '/' }, { count: 0 })).body)
    expect(bodies).toEqual(['again', 'again', 'again'])
    expect(handshakes).toBe(1)
  })
})
