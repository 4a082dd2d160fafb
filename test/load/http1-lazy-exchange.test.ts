// The engine's Exchange over its HTTP/1.1 client: lazy heads and one read buffer shared by every plain TCP
// connection. What a check or capture reads in onExchange (headers, the kept body) must be this response's bytes,
// however its pieces fell and whatever other connections read into the shared buffer between them; what it keeps
// (the body) must stay the same once later responses have been read.
import { readFileSync } from 'node:fs'
import type { RequestListener } from 'node:http'
import type { Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, onTestFinished } from 'vitest'
import { performanceClock } from '../../src/load/clock.js'
import { type Exchange, InFlightTracker } from '../../src/load/http.js'
import { Http1Pool } from '../../src/load/http1/pool.js'
import { startServer, startTlsServer } from '../helpers/servers.js'
import { startRawServer } from './http1-raw-server.js'
import { profileFor, run, total } from './run-helpers.js'

/** A response another connection reads between two pieces of the subject's (it lands in the shared buffer). */
const NOISE_BODY = 'Z'.repeat(3000)
const NOISE = `HTTP/1.1 200 OK\r\nX-Id: noise\r\nSet-Cookie: noise=1\r\nContent-Length: ${NOISE_BODY.length}\r\n\r\n${NOISE_BODY}`
const BIG_BODY = Array.from({ length: 200 * 1024 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('')

/** What onExchange saw, read there (headers as a check reads them, the kept body). */
interface Seen {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
  readonly bytesReceived: number
  readonly error: string | null
}

interface Case {
  readonly name: string
  /** Per request, the pieces of its response; the server writes one, waits until another connection has read a noise response, then the next. */
  readonly responses: readonly (readonly string[])[]
  readonly expected: readonly Partial<Seen>[]
}

const head = (id: string, length: number, extra = '') =>
  `HTTP/1.1 200 OK\r\nX-Id: ${id}\r\n${extra}Content-Length: ${length}\r\n\r\n`

const cases: Case[] = [
  {
    name: 'a body split across reads (the head is read in the first piece)',
    responses: [[`${head('a1', 10)}01234`, '56789']],
    expected: [{ status: 200, headers: { 'x-id': 'a1', 'content-length': '10' }, body: '0123456789' }],
  },
  {
    name: 'a head split across reads',
    responses: [[`HTTP/1.1 200 OK\r\nX-I`, `d: a2\r\nContent-Length: 2\r\n\r\nok`]],
    expected: [{ headers: { 'x-id': 'a2' }, body: 'ok' }],
  },
  {
    name: 'a chunked body and a trailer, in pieces',
    responses: [
      [
        'HTTP/1.1 200 OK\r\nX-Id: c1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel',
        'lo\r\n6\r\n world\r\n0\r\nx-t',
        ': 1\r\n\r\n',
      ],
    ],
    expected: [{ headers: { 'x-id': 'c1', 'transfer-encoding': 'chunked' }, body: 'hello world' }],
  },
  {
    name: 'a body over 64 KiB in one write (several reads of the shared buffer)',
    responses: [[head('big', BIG_BODY.length) + BIG_BODY]],
    expected: [{ headers: { 'x-id': 'big' }, body: BIG_BODY, bytesReceived: BIG_BODY.length }],
  },
  {
    name: 'the same head three times (compared, not parsed), then another, bodies split',
    responses: [
      [`${head('r', 4)}ab`, 'cd'],
      [`${head('r', 4)}ef`, 'gh'],
      [`${head('r', 4)}ij`, 'kl'],
      [`${head('s', 4, 'Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n')}mn`, 'op'],
    ],
    expected: [
      { headers: { 'x-id': 'r' }, body: 'abcd' },
      { headers: { 'x-id': 'r' }, body: 'efgh' },
      { headers: { 'x-id': 'r' }, body: 'ijkl' },
      { headers: { 'x-id': 's', 'set-cookie': ['a=1', 'b=2'] }, body: 'mnop' },
    ],
  },
  {
    name: 'an informational head, then the final head in the next piece',
    responses: [['HTTP/1.1 100 Continue\r\n\r\n', `${head('i', 2)}hi`]],
    expected: [{ status: 200, headers: { 'x-id': 'i' }, body: 'hi' }],
  },
  {
    name: 'a body delimited by the close of the connection, in pieces',
    responses: [['HTTP/1.1 200 OK\r\nX-Id: u\r\n\r\nuntil ', 'close']],
    expected: [{ headers: { 'x-id': 'u' }, body: 'until close' }],
  },
]

/** A server that answers with NOISE at once; each call of the returned function makes one noise exchange. */
async function noiseMaker(): Promise<() => Promise<void>> {
  const raw = await startRawServer((socket) => {
    socket.write(NOISE)
  })
  onTestFinished(raw.close)
  const get = client(raw.url, true)
  return async () => {
    await get(() => undefined)
  }
}

/** Sends GET / through the engine's tracker on a one-connection pool to `url`; resolves with the exchange. */
function client(url: URL, keepBody: boolean): (onExchange: (exchange: Exchange) => void) => Promise<Exchange> {
  const dispatcher = new Http1Pool(url, { connections: 1, insecureTls: false })
  onTestFinished(() => dispatcher.destroy())
  const tracker = new InFlightTracker(performanceClock)
  const policy = { timeoutMs: 10_000, keepBody }
  return (onExchange) =>
    new Promise<Exchange>((resolve) =>
      tracker.send(dispatcher, { method: 'GET', path: '/' }, policy, {
        onExchange: (exchange) => {
          onExchange(exchange)
          resolve(exchange)
        },
      }),
    )
}

async function writeWithNoise(socket: Socket, pieces: readonly string[], noise: () => Promise<void>) {
  socket.setNoDelay(true)
  for (const [i, piece] of pieces.entries()) {
    socket.write(Buffer.from(piece, 'latin1'))
    if (i === pieces.length - 1) break
    // the client reads this piece, then another connection's response lands in the shared buffer
    await sleep(5)
    await noise()
  }
}

async function runCase(c: Case): Promise<{ seen: Seen[]; keptBodies: (Buffer | null)[] }> {
  const noise = await noiseMaker()
  const closeDelimited = c.responses.some((pieces) => !/content-length|chunked/i.test(pieces.join('')))
  const raw = await startRawServer(async (socket, index) => {
    await writeWithNoise(socket, c.responses[index] ?? [], noise)
    if (closeDelimited) socket.end()
  })
  onTestFinished(raw.close)
  const get = client(raw.url, true)
  const seen: Seen[] = []
  const exchanges: Exchange[] = []
  for (const _ of c.responses) {
    const exchange = await get((e) =>
      seen.push({
        status: e.statusCode,
        headers: { ...e.headers },
        body: e.body?.toString('latin1') ?? '',
        bytesReceived: e.bytesReceived,
        error: e.error?.message ?? null,
      }),
    )
    exchanges.push(exchange)
    await noise()
  }
  return { seen, keptBodies: exchanges.map((e) => e.body) }
}

describe("the engine's exchange over the HTTP/1.1 client's shared read buffer", () => {
  it.each(cases)('$name: onExchange reads this response, and what it keeps stays', async (c) => {
    const { seen, keptBodies } = await runCase(c)

    for (const [i, expected] of c.expected.entries()) expect(seen[i]).toMatchObject({ ...expected, error: null })
    // after other responses went through the shared buffer, the kept bodies are unchanged
    expect(keptBodies.map((b) => b?.toString('latin1'))).toEqual(seen.map((s) => s.body))
  })

  it('headers that nobody read while the exchange was reported are refused later, not taken from another response', async () => {
    const noise = await noiseMaker()
    const raw = await startRawServer((socket) => {
      socket.write(`${head('late', 2)}ok`)
    })
    onTestFinished(raw.close)
    const exchange = await client(raw.url, false)(() => undefined)
    await noise()
    expect(() => exchange.headers).toThrow('readable only while the exchange is being reported')
  })
})

describe('a run whose virtual users read at the same time (into the shared buffer over TCP)', () => {
  const tls = {
    cert: readFileSync(new URL('fixtures/self-signed-cert.pem', import.meta.url), 'utf8'),
    key: readFileSync(new URL('fixtures/self-signed-key.pem', import.meta.url), 'utf8'),
  }

  it.each(['http', 'https'])(
    '%s: captures each response its own header and JSON values (bodies of 10 B and 100 KiB alternate)',
    async (protocol) => {
      // given: /issue answers a new token in a header and at the end of its JSON body; /use accepts a token once,
      // and only when the header's and the body's captures agree
      const issued = new Set<string>()
      let count = 0
      let used = 0
      const handler: RequestListener = (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x')
        if (url.pathname === '/issue') {
          const token = `t${count++}`
          issued.add(token)
          const pad = count % 2 === 0 ? 'p'.repeat(100 * 1024) : 'p'
          res.writeHead(200, { 'x-token': token, 'content-type': 'application/json' })
          res.end(JSON.stringify({ pad, token }))
          return
        }
        const ok =
          url.searchParams.get('h') === url.searchParams.get('b') && issued.delete(url.searchParams.get('h') ?? '')
        if (ok) used++
        res.writeHead(ok ? 200 : 409).end()
      }
      const server = protocol === 'https' ? await startTlsServer(handler, tls) : await startServer(handler)
      onTestFinished(server.close)
      const profile = profileFor(
        server.url,
        [
          'model: constant-vus',
          'vus: 4',
          'duration: 1s',
          'rounds: 1',
          'tls: { insecure: true }',
          'scenarios:',
          '  - name: issue-then-use',
          '    steps:',
          '      - { path: /issue, capture: { h: { header: X-Token }, b: { json: $.token } } }',
          '      - { path: "/use?h={{h}}&b={{b}}" }',
        ].join('\n'),
      )

      // when
      const result = await run(profile)

      // then: every capture was the response's own (a foreign or stale byte fails /use with 409)
      expect(result.endpoints.map((e) => e.rounds[0]?.errors)).toEqual([{}, {}])
      expect(total(result, (r) => r.requests, result.endpoints[1]?.name)).toBe(used)
      expect(used).toBeGreaterThan(4)
    },
  )
})
