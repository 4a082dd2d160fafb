// The engine's HTTP/1.1 client against undici's Client on the same server bytes: every tricky response framing
// (RFC 9112 §6.3), informational heads, keep-alive and close, and the faults a load tool meets, through BOTH clients.
import type { Dispatcher } from 'undici'
import { describe, expect, it } from 'vitest'
import { type ClientKind, dispatcherFor, exchange, type LateEvents, type Outcome } from './http1-exchange.js'
import { type RawServer, type Responder, slices, startRawServer, writePieces } from './http1-raw-server.js'

const GET: Dispatcher.DispatchOptions = { method: 'GET', path: '/' }
const CHUNKED =
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: x-sum\r\n\r\n' +
  '5;ext=1\r\nhello\r\n6;name="quoted;value"\r\n world\r\n00A\r\n0123456789\r\n0\r\nx-sum: 21\r\n\r\n'

/** A responder that writes `text` (latin-1) at once. */
const reply =
  (text: string): Responder =>
  (socket) => {
    socket.write(Buffer.from(text, 'latin1'))
  }
/** Writes `text`, then ends the socket (FIN). */
const replyAndEnd =
  (text: string, delayMs = 0): Responder =>
  async (socket) => {
    socket.write(Buffer.from(text, 'latin1'))
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
    socket.end()
  }
const ok = (body: string, extra = '') => `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n${extra}\r\n${body}`

interface Case {
  readonly name: string
  readonly respond: Responder
  readonly requests?: readonly Dispatcher.DispatchOptions[]
  /** Runs between requests (e.g. waits for the server to close an idle connection). */
  readonly between?: (server: RawServer) => Promise<void>
  /** What the requests must give (checked on the engine's client; undici must give the same unless `undiciDiffers`). */
  readonly expected: readonly Outcome[]
  /** Connections the server must see. */
  readonly connections: number
  /** undici's connection count when it differs (with the reason in the case's name or comment). */
  readonly undiciConnections?: number
  /** Why undici's outcome differs, when it does (then only the engine's client is held to `expected`). */
  readonly undiciDiffers?: string
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10))
}

const cases: Case[] = [
  {
    name: 'chunked body with chunk extensions, an upper-case hex size and a trailer',
    respond: reply(CHUNKED),
    expected: [{ status: 200, body: 'hello world0123456789', trailers: ['x-sum', '21'] }],
    connections: 1,
  },
  {
    name: 'chunked body delivered in 3-byte pieces (sizes, CRLFs and trailers split across reads)',
    respond: (socket) => writePieces(socket, slices(CHUNKED, 3), 1),
    expected: [{ status: 200, statusText: 'OK', body: 'hello world0123456789', trailers: ['x-sum', '21'] }],
    connections: 1,
  },
  {
    name: 'content-length 0, then the connection is reused',
    respond: reply('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'),
    requests: [GET, GET],
    expected: [
      { status: 200, body: '' },
      { status: 200, body: '' },
    ],
    connections: 1,
  },
  {
    name: 'HEAD: content-length announced, no body read, connection reused',
    respond: (socket, index) => {
      socket.write(index === 0 ? 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n' : ok('0123456789'))
    },
    requests: [{ method: 'HEAD', path: '/' }, GET],
    expected: [
      { status: 200, headers: ['Content-Length', '10'], body: '' },
      { status: 200, body: '0123456789' },
    ],
    connections: 1,
    // undici closes every connection after a HEAD (in case the server sends a body anyway); this client reuses it
    undiciConnections: 2,
  },
  {
    name: '204 and 304 have no body (a 304 may announce the length of the representation it stands for)',
    respond: (socket, index) => {
      socket.write(
        index === 0 ? 'HTTP/1.1 204 No Content\r\n\r\n' : 'HTTP/1.1 304 Not Modified\r\nContent-Length: 7\r\n\r\n',
      )
    },
    requests: [GET, GET],
    expected: [
      { status: 204, body: '' },
      { status: 304, body: '' },
    ],
    connections: 1,
    undiciDiffers:
      'undici fails a 304 whose content-length is not 0 (content-length mismatch); RFC 9110 §8.6 allows it',
  },
  {
    name: '100 Continue and 103 Early Hints before the final response are skipped',
    respond: reply(`HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n${ok('final')}`),
    expected: [{ status: 200, statusText: 'OK', body: 'final' }],
    connections: 1,
    undiciDiffers: 'undici 7 fails an informational response to a request that asked for none (connection-reset)',
  },
  {
    name: 'no content-length, no transfer-encoding: the body runs until the server closes',
    respond: (socket) =>
      writePieces(socket, ['HTTP/1.1 200 OK\r\nX-A: 1\r\n\r\nfirst ', 'second']).then(() => socket.end()),
    requests: [GET, GET],
    expected: [
      { status: 200, headers: ['X-A', '1'], body: 'first second' },
      { status: 200, body: 'first second' },
    ],
    connections: 2,
  },
  {
    name: 'connection: close from the server: the next request opens a new connection',
    respond: replyAndEnd(ok('bye', 'Connection: close\r\n'), 20),
    requests: [GET, GET],
    expected: [
      { status: 200, body: 'bye' },
      { status: 200, body: 'bye' },
    ],
    connections: 2,
  },
  {
    name: 'HTTP/1.0 response without keep-alive is not reused',
    respond: reply('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok'),
    requests: [GET, GET],
    expected: [
      { status: 200, body: 'ok' },
      { status: 200, body: 'ok' },
    ],
    connections: 2,
  },
  {
    name: 'keep-alive reuse over 3 requests, repeated headers kept in order',
    respond: (socket, index) => {
      socket.write(ok(`n${index}`, 'Set-Cookie: a=1\r\nset-cookie: b=2\r\n'))
    },
    requests: [GET, { method: 'POST', path: '/p?q=1', body: 'data', headers: ['x-k', 'v'] }, GET],
    expected: [
      { status: 200, body: 'n0', headers: ['Content-Length', '2', 'Set-Cookie', 'a=1', 'set-cookie', 'b=2'] },
      { status: 200, body: 'n1' },
      { status: 200, body: 'n2' },
    ],
    connections: 1,
  },
  {
    name: 'the server closes an idle kept-alive connection between requests: a new one is opened',
    respond: replyAndEnd(ok('idle'), 30),
    requests: [GET, GET],
    between: async (server) => waitFor(() => server.closed() >= 1),
    expected: [
      { status: 200, body: 'idle' },
      { status: 200, body: 'idle' },
    ],
    connections: 2,
  },
  {
    name: 'a large body in many pieces',
    respond: (socket) => writePieces(socket, slices(ok('x'.repeat(70_000)), 4096), 0),
    expected: [{ status: 200, body: 'x'.repeat(70_000) }],
    connections: 1,
  },
  {
    name: 'the server closes mid-body',
    respond: replyAndEnd('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf'),
    expected: [{ error: 'connection-reset' }],
    connections: 1,
  },
  {
    name: 'the server closes before any response byte',
    respond: (socket) => {
      socket.end()
    },
    expected: [{ error: 'connection-reset' }],
    connections: 1,
  },
  {
    name: 'a header block over 16 KiB',
    respond: reply(`HTTP/1.1 200 OK\r\nX-Big: ${'b'.repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: 'an invalid status line',
    respond: reply('HTTP/1.1 2O0 OK\r\nContent-Length: 0\r\n\r\n'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: 'not HTTP at all',
    respond: reply('SSH-2.0-OpenSSH_9.6\r\n\r\n'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: 'conflicting content-length values',
    respond: reply('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: 'a non-numeric content-length',
    respond: reply('HTTP/1.1 200 OK\r\nContent-Length: five\r\n\r\nhello'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: 'an invalid chunk size',
    respond: reply('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: 'a bare LF ends a header line',
    respond: reply('HTTP/1.1 200 OK\nContent-Length: 2\n\nok'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: '101 Switching Protocols to a request that asked for no upgrade',
    respond: reply('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: upgrade\r\n\r\n'),
    expected: [{ error: 'other' }],
    connections: 1,
    undiciDiffers: "undici reports it as a socket error ('bad upgrade', connection-reset); here it is a protocol fault",
  },
  {
    name: 'both transfer-encoding and content-length',
    respond: reply('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: 'an obs-fold continuation line',
    respond: reply('HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded\r\nContent-Length: 2\r\n\r\nok'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
  {
    name: 'equal content-length values repeated',
    respond: reply('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok'),
    expected: [{ status: 200, body: 'ok' }],
    connections: 1,
    undiciDiffers: 'undici rejects any repeated content-length; RFC 9110 §8.6 lets a recipient accept equal values',
  },
  {
    name: 'bytes after a complete response: the connection is not reused',
    respond: reply(`${ok('ok')}GARBAGE`),
    requests: [GET, GET],
    expected: [
      { status: 200, body: 'ok' },
      { status: 200, body: 'ok' },
    ],
    connections: 2,
  },
  {
    name: 'a transfer-encoding other than chunked: the body runs until the server closes',
    respond: replyAndEnd('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzipped'),
    expected: [{ status: 200, body: 'zipped' }],
    connections: 1,
  },
  {
    name: 'a chunk size that overflows',
    respond: reply('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nhello\r\n'),
    expected: [{ error: 'other' }],
    connections: 1,
  },
]

function withoutStatusText(outcome: Outcome): Outcome {
  const { statusText: _, ...rest } = outcome
  return rest
}

async function runCase(kind: ClientKind, c: Case) {
  const server = await startRawServer(c.respond)
  const dispatcher = dispatcherFor(kind, server.url)
  const late: LateEvents = { count: 0 }
  const messages: string[] = []
  const outcomes: Outcome[] = []
  try {
    for (const [i, request] of (c.requests ?? [GET]).entries()) {
      if (i > 0) await c.between?.(server)
      outcomes.push(await exchange(dispatcher, request, late, messages))
    }
    await new Promise((r) => setTimeout(r, 20))
    return { outcomes, late: late.count, connections: server.connections(), messages }
  } finally {
    await dispatcher.destroy().catch(() => undefined)
    await server.close()
  }
}

describe('the HTTP/1.1 load client, response by response, beside undici', () => {
  it.each(cases)('$name', async (c) => {
    const ours = await runCase('tailgate', c)
    const theirs = await runCase('undici', c)
    for (const [i, expected] of c.expected.entries())
      expect(ours.outcomes[i], ours.messages.join('; ')).toMatchObject(expected)
    expect(ours.late).toBe(0)
    expect(ours.connections).toBe(c.connections)
    if (!c.undiciDiffers) {
      // undici keeps only the last read's piece of a status text split across reads, so that one is not compared
      expect(ours.outcomes.map(withoutStatusText)).toEqual(theirs.outcomes.map(withoutStatusText))
      expect(theirs.connections).toBe(c.undiciConnections ?? c.connections)
    }
  })
})
