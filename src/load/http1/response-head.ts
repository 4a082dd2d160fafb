// Parses one HTTP/1.1 response head (status line + field lines, RFC 9112 §4 and §5) straight from the socket's
// Buffer: one pass over each field line, the fields kept as offsets into that Buffer (no sub-Buffer and no string per
// header unless someone reads `rawHeaders`), and the fields that frame the body (content-length, transfer-encoding,
// connection) read on the way.
import { ProtocolError } from './errors.js'
import { readFraming } from './framing.js'

/** Takes each field line's offsets (name start, name end = the colon, value start, value end) in `data`. */
export interface FieldSink {
  addField(data: Buffer, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void
}

const CR = 0x0d
const LF = 0x0a
const SP = 0x20
const HT = 0x09
const COLON = 0x3a

/** RFC 9110 §5.6.2 token characters, for field names. */
const TOKEN = new Uint8Array(256)
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
  TOKEN[c.charCodeAt(0)] = 1

/**
 * A response head, with what frames its body; one per parser, refilled for every response (no allocation). Its
 * fields are offsets into the bytes it was parsed from: `rawHeaders` reads them, so it is valid while those bytes are
 * (the parser keeps them until the response ends, see `detach`).
 */
export class ResponseHead implements FieldSink {
  statusCode = 0
  statusText = ''
  /** The offset just past the blank line that ends the head. */
  end = 0
  /** Content-Length, or -1 when absent. */
  contentLength = -1
  /** A Transfer-Encoding field was present. */
  transferEncoding = false
  /** Its final coding is `chunked`. */
  chunked = false
  /** `connection: close` was sent. */
  close = false
  /** `connection: keep-alive` was sent. */
  keepAliveAsked = false
  /** The connection may carry another request: HTTP/1.1 without `connection: close`, or 1.0 with `keep-alive`. */
  keepAlive = false
  /** The bytes the fields are in, from `start`; per field [name start, name end, value start, value end] into them. */
  private data: Buffer = EMPTY
  private start = 0
  private detached = false
  /** [name start, name end, value start, value end] per field; `offsetCount` of them in use. */
  private offsets = new Int32Array(64)
  private offsetCount = 0
  private materialized: Buffer[] | null = null

  reset(data: Buffer, start: number): void {
    this.data = data
    this.start = start
    this.detached = false
    this.offsetCount = 0
    this.materialized = null
    this.contentLength = -1
    this.transferEncoding = false
    this.chunked = false
    this.close = false
    this.keepAliveAsked = false
  }

  /** One field line of the head; reads the fields that frame the body. */
  addField(data: Buffer, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    let offsets = this.offsets
    const at = this.offsetCount
    if (at + 4 > offsets.length) {
      offsets = new Int32Array(offsets.length * 2)
      offsets.set(this.offsets)
      this.offsets = offsets
    }
    offsets[at] = nameStart
    offsets[at + 1] = nameEnd
    offsets[at + 2] = valueStart
    offsets[at + 3] = valueEnd
    this.offsetCount = at + 4
    readFraming(data, nameStart, nameEnd, valueStart, valueEnd, this)
  }

  /**
   * [name, value, name, value, …] as the server sent them, like undici's raw headers: built on first read, as views
   * of a copy of the head (so they stay valid whatever happens to the bytes the head was parsed from).
   */
  get rawHeaders(): Buffer[] {
    if (this.materialized) return this.materialized
    this.detach()
    const out: Buffer[] = []
    const { data, offsets } = this
    for (let i = 0; i < this.offsetCount; i += 2) out.push(data.subarray(offsets[i], offsets[i + 1]))
    this.materialized = out
    return out
  }

  /** Its own copy of the head's bytes (start to end), to compare the next heads with. */
  ownBytes(): Buffer {
    this.detach()
    return this.data
  }

  /** The same head again (the bytes just before `end` equal those of `ownBytes()`): only where it ends changes. */
  repeat(end: number): void {
    this.end = end
    this.materialized = null
  }

  /** Copies the head's bytes out of the Buffer it was parsed from (its reader may reuse it), once. */
  detach(): void {
    if (this.detached) return
    const { offsets, start } = this
    this.data = Buffer.from(this.data.subarray(start, this.end))
    for (let i = 0; i < this.offsetCount; i++) offsets[i] = (offsets[i] as number) - start
    this.start = 0
    this.detached = true
  }
}

const EMPTY = Buffer.alloc(0)

/**
 * Finds the line that starts at `start`: the offset of its CR (the line is [start, CR)), or -1 when no LF has
 * arrived yet. A LF without a CR before it is a protocol error (RFC 9112 §2.2 lets a recipient accept it; undici
 * does not, and neither does this client).
 */
export function lineEnd(data: Buffer, start: number): number {
  // a loop in JavaScript: head lines are short, and Buffer#indexOf costs a call into C++ per line
  for (let i = start; i < data.length; i++) {
    if (data[i] !== LF) continue
    if (i === start || data[i - 1] !== CR) throw new ProtocolError('a line ends with a bare LF')
    return i - 1
  }
  return -1
}

/**
 * Parses one field line [start, end) ("name: value", optional whitespace around the value) into `out`. An empty name, a non-token character in it (whitespace before the
 * colon, an obs-fold continuation line) is a protocol error.
 */
export function parseFieldLine(data: Buffer, start: number, end: number, out: FieldSink): void {
  let colon = start
  while (colon < end && TOKEN[data[colon] as number] === 1) colon++
  if (colon === start || colon === end || data[colon] !== COLON) throw new ProtocolError('invalid header name')
  let valueStart = colon + 1
  let valueEnd = end
  while (valueStart < valueEnd && (data[valueStart] === SP || data[valueStart] === HT)) valueStart++
  while (valueEnd > valueStart && (data[valueEnd - 1] === SP || data[valueEnd - 1] === HT)) valueEnd--
  for (let i = valueStart; i < valueEnd; i++) if (data[i] === CR) throw new ProtocolError('a bare CR in a header value')
  out.addField(data, start, colon, valueStart, valueEnd)
}

/**
 * The usual field line in one pass: token name, colon, a value without CR or LF, CRLF. Pushes its offsets (as
 * parseFieldLine) and returns the offset of its CR; -1 for anything else (an incomplete, malformed or unusual line),
 * which lineEnd + parseFieldLine then handle, so the result is theirs in every case.
 */
function fastFieldLine(data: Buffer, start: number, out: FieldSink): number {
  const length = data.length
  let i = start
  while (i < length && TOKEN[data[i] as number] === 1) i++
  if (i === start || i >= length || data[i] !== COLON) return -1
  const colon = i++
  while (i < length && (data[i] === SP || data[i] === HT)) i++
  const valueStart = i
  for (let byte = data[i]; i < length && byte !== CR && byte !== LF; byte = data[++i]);
  if (i + 1 >= length || data[i] !== CR || data[i + 1] !== LF) return -1
  let valueEnd = i
  while (valueEnd > valueStart && (data[valueEnd - 1] === SP || data[valueEnd - 1] === HT)) valueEnd--
  out.addField(data, start, colon, valueStart, valueEnd)
  return i
}

/** Parses `HTTP/1.x NNN[ reason]`; returns the status code (the minor version is data[start + 7]). */
function parseStatusLine(data: Buffer, start: number, end: number): number {
  const ok =
    end - start >= 12 &&
    startsWith(data, start, HTTP_1) &&
    isDigit(data[start + 7]) &&
    data[start + 8] === SP &&
    isDigit(data[start + 9]) &&
    isDigit(data[start + 10]) &&
    isDigit(data[start + 11]) &&
    (end - start === 12 || data[start + 12] === SP)
  if (!ok || data[start + 9] === 0x30) throw new ProtocolError('invalid status line')
  const status = ((data[start + 9] as number) - 48) * 100 + ((data[start + 10] as number) - 48) * 10
  return status + (data[start + 11] as number) - 48
}

const HTTP_1 = Buffer.from('HTTP/1.', 'latin1')

function startsWith(data: Buffer, start: number, prefix: Buffer): boolean {
  for (let i = 0; i < prefix.length; i++) if (data[start + i] !== prefix[i]) return false
  return true
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39
}

/**
 * Parses the response head that starts at `start` into `head`; false when its blank line has not arrived yet. The
 * caller enforces the size limit (the head may be longer than `data` so far).
 */
export function parseHead(data: Buffer, start: number, head: ResponseHead): boolean {
  let end = lineEnd(data, start)
  if (end < 0) return false
  const statusCode = parseStatusLine(data, start, end)
  const minor = (data[start + 7] as number) - 48
  head.reset(data, start)
  head.statusCode = statusCode
  head.statusText = statusTextOf(data, start + 13, end, head.statusText)
  for (;;) {
    const line = end + 2
    if (data[line] === CR && data[line + 1] === LF) {
      if (head.transferEncoding && head.contentLength >= 0)
        throw new ProtocolError('both transfer-encoding and content-length')
      head.keepAlive = minor >= 1 ? !head.close : head.keepAliveAsked && !head.close
      head.end = line + 2
      return true
    }
    end = fastFieldLine(data, line, head)
    if (end < 0) {
      end = lineEnd(data, line)
      if (end < 0) return false
      parseFieldLine(data, line, end, head)
    }
  }
}

/** The reason phrase; the previous response's string when the bytes are the same (no new string per response). */
function statusTextOf(data: Buffer, start: number, end: number, previous: string): string {
  if (end <= start) return ''
  if (end - start === previous.length) {
    let same = true
    for (let i = 0; same && i < previous.length; i++) same = data[start + i] === previous.charCodeAt(i)
    if (same) return previous
  }
  return data.toString('latin1', start, end)
}
