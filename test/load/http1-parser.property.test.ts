// Property: any valid HTTP/1.1 response (random status, headers, body and framing: content-length, chunked with
// extensions and trailers, or close-delimited), cut into random pieces as TCP may deliver it, parses to exactly the
// response that was sent, with one head and one end.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ResponseHead } from '../../src/load/http1/response-head.js'
import { type ResponseEvents, ResponseParser } from '../../src/load/http1/response-parser.js'

const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split('')
const FRAMING_NAMES = new Set(['content-length', 'transfer-encoding', 'connection'])

const name = fc
  .array(fc.constantFrom(...TOKEN_CHARS), { minLength: 1, maxLength: 16 })
  .map((chars) => chars.join(''))
  .filter((n) => !FRAMING_NAMES.has(n.toLowerCase()))
/** A field value: visible latin-1 and inner spaces/tabs, no leading or trailing whitespace. */
const value = fc
  .array(
    fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f),
    { maxLength: 30 },
  )
  .map((codes) => String.fromCharCode(...codes).trim())
const field = fc.tuple(name, value)

const response = fc.record({
  status: fc.integer({ min: 200, max: 599 }).filter((s) => s !== 204 && s !== 304),
  reason: fc.stringMatching(/^[A-Za-z ]{0,12}$/),
  headers: fc.array(field, { maxLength: 8 }),
  body: fc.uint8Array({ maxLength: 1500 }),
  framing: fc.constantFrom('length', 'chunked', 'close'),
  chunkSizes: fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 10 }),
  extensions: fc.boolean(),
  upperHex: fc.boolean(),
  trailers: fc.array(field, { maxLength: 3 }),
  /** Random piece sizes, or (when pieceSize is set) every piece that small, so every byte boundary gets a cut. */
  cuts: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 40 }),
  pieceSize: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
})
type Response = typeof response extends fc.Arbitrary<infer T> ? T : never

/** The chunked encoding of `body` in pieces of the given sizes (cycled), with optional extensions and trailers. */
function chunked(r: Response): Buffer {
  const parts: Buffer[] = []
  let offset = 0
  for (let i = 0; offset < r.body.length; i++) {
    const size = Math.min(r.chunkSizes[i % r.chunkSizes.length] as number, r.body.length - offset)
    const hex = r.upperHex ? size.toString(16).toUpperCase() : size.toString(16)
    parts.push(Buffer.from(`${hex}${r.extensions ? `;x=${i};q="a;b"` : ''}\r\n`, 'latin1'))
    parts.push(Buffer.from(r.body.subarray(offset, offset + size)), Buffer.from('\r\n'))
    offset += size
  }
  const trailerLines = r.trailers.map(([n, v]) => `${n}: ${v}\r\n`).join('')
  parts.push(Buffer.from(`0\r\n${trailerLines}\r\n`, 'latin1'))
  return Buffer.concat(parts)
}

/** The wire bytes and the raw headers the parser must report. */
function encode(r: Response): { bytes: Buffer; headers: string[] } {
  const headers = r.headers.flat()
  if (r.framing === 'length') headers.push('Content-Length', String(r.body.length))
  if (r.framing === 'chunked') headers.push('Transfer-Encoding', 'chunked')
  let head = `HTTP/1.1 ${r.status} ${r.reason}\r\n`
  for (let i = 0; i < headers.length; i += 2) head += `${headers[i]}: ${headers[i + 1]}\r\n`
  const body = r.framing === 'chunked' ? chunked(r) : Buffer.from(r.body)
  return { bytes: Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), body]), headers }
}

class Collector implements ResponseEvents {
  heads: ResponseHead[] = []
  body: Buffer[] = []
  ends: { trailers: string[]; extraBytes: boolean }[] = []
  onResponseHead(head: ResponseHead): void {
    this.heads.push(head)
  }
  onResponseBody(data: Buffer, start: number, end: number): void {
    this.body.push(Buffer.from(data.subarray(start, end)))
  }
  onResponseEnd(trailers: Buffer[], extraBytes: boolean): void {
    this.ends.push({ trailers: trailers.map((b) => b.toString('latin1')), extraBytes })
  }
}

describe('the HTTP/1.1 response parser, any valid response in any pieces', () => {
  it('reports exactly the response that was sent', () => {
    fc.assert(
      fc.property(response, (r) => {
        const { bytes, headers } = encode(r)
        const events = new Collector()
        const parser = new ResponseParser(events)
        parser.start(false)
        let offset = 0
        const cuts = r.pieceSize === null ? r.cuts : Array.from({ length: bytes.length }, () => r.pieceSize as number)
        for (const cut of cuts) {
          if (offset >= bytes.length) break
          parser.execute(bytes.subarray(offset, offset + cut))
          offset += cut
        }
        if (offset < bytes.length) parser.execute(bytes.subarray(offset))
        if (r.framing === 'close') expect(parser.endOfInput()).toBe(true)
        expect(events.heads).toHaveLength(1)
        const head = events.heads[0] as ResponseHead
        expect(head.statusCode).toBe(r.status)
        expect(head.statusText).toBe(r.reason)
        expect(head.rawHeaders.map((b) => b.toString('latin1'))).toEqual(headers)
        expect(Buffer.concat(events.body).equals(Buffer.from(r.body))).toBe(true)
        const trailers = r.framing === 'chunked' ? r.trailers.flat() : []
        expect(events.ends).toEqual([{ trailers, extraBytes: false }])
        expect(parser.keepAlive).toBe(r.framing !== 'close')
      }),
      { numRuns: 300 },
    )
  })
})

/** What the parser reported for one response, read when it reported it (the head object is reused). */
interface Reported {
  status: number
  reason: string
  headers: string[]
  body: Buffer
}

class SequenceCollector implements ResponseEvents {
  readonly responses: Reported[] = []
  private body: Buffer[] = []
  constructor(private readonly parser: () => ResponseParser) {}
  onResponseHead(head: ResponseHead): void {
    const headers = head.rawHeaders.map((b) => b.toString('latin1'))
    this.responses.push({ status: head.statusCode, reason: head.statusText, headers, body: Buffer.alloc(0) })
  }
  onResponseBody(data: Buffer, start: number, end: number): void {
    this.body.push(Buffer.from(data.subarray(start, end)))
  }
  onResponseEnd(): void {
    const last = this.responses[this.responses.length - 1] as Reported
    last.body = Buffer.concat(this.body)
    this.body = []
    this.parser().start(false)
  }
}

describe('the HTTP/1.1 response parser, many responses on one connection', () => {
  it('reports each response, whether its head repeats the one before, differs from it by a byte, or is new', () => {
    const kept = response.filter((r) => r.framing !== 'close')
    fc.assert(
      fc.property(
        kept,
        kept,
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 40 }),
        (a, b, picks) => {
          // a third response whose head differs from the first's in the status code only (same length)
          const pool = [a, b, { ...a, status: a.status === 200 ? 201 : 200 }]
          const sent = picks.map((i) => pool[i] as Response)
          let parser: ResponseParser | null = null
          const events = new SequenceCollector(() => parser as ResponseParser)
          parser = new ResponseParser(events)
          parser.start(false)
          // one request at a time: each response arrives after the one before ended, in pieces cut by b's cuts (heads
          // and bodies split anywhere, or whole)
          for (const r of sent) {
            const { bytes } = encode(r)
            for (let offset = 0, i = 0; offset < bytes.length; i++) {
              const cut = b.cuts.length === 0 ? bytes.length : (b.cuts[i % b.cuts.length] as number)
              parser.execute(bytes.subarray(offset, offset + cut))
              offset += cut
            }
          }
          expect(events.responses).toHaveLength(sent.length)
          sent.forEach((r, i) => {
            const got = events.responses[i] as Reported
            expect({ status: got.status, reason: got.reason, headers: got.headers }).toEqual({
              status: r.status,
              reason: r.reason,
              headers: encode(r).headers,
            })
            expect(got.body.equals(Buffer.from(r.body))).toBe(true)
          })
        },
      ),
      { numRuns: 100 },
    )
  })
})
