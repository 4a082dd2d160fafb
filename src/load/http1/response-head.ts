// Parses one HTTP/1.1 response head (status line + field lines, RFC 9112 §4 and §5) straight from the socket's
// Buffer: one indexOf per line, names and values as sub-Buffers (no copy, no string per header), and the fields that
// frame the body (content-length, transfer-encoding, connection) read on the way.
import { ProtocolError } from './errors.js'

const CR = 0x0d
const LF = 0x0a
const SP = 0x20
const HT = 0x09
const COLON = 0x3a

/** RFC 9110 §5.6.2 token characters, for field names. */
const TOKEN = new Uint8Array(256)
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
  TOKEN[c.charCodeAt(0)] = 1

/** A response head, with what frames its body. */
export interface ResponseHead {
  readonly statusCode: number
  readonly statusText: string
  /** [name, value, name, value, …] as the server sent them, like undici's raw headers. */
  readonly rawHeaders: Buffer[]
  /** The offset just past the blank line that ends the head. */
  readonly end: number
  /** Content-Length, or -1 when absent. */
  readonly contentLength: number
  /** A Transfer-Encoding field was present. */
  readonly transferEncoding: boolean
  /** Its final coding is `chunked`. */
  readonly chunked: boolean
  /** The connection may carry another request: HTTP/1.1 without `connection: close`, or 1.0 with `keep-alive`. */
  readonly keepAlive: boolean
}

/**
 * Finds the line that starts at `start`: the offset of its CR (the line is [start, CR)), or -1 when no LF has
 * arrived yet. A LF without a CR before it is a protocol error (RFC 9112 §2.2 lets a recipient accept it; undici
 * does not, and neither does this client).
 */
export function lineEnd(data: Buffer, start: number): number {
  const lf = data.indexOf(LF, start)
  if (lf < 0) return -1
  if (lf === start || data[lf - 1] !== CR) throw new ProtocolError('a line ends with a bare LF')
  return lf - 1
}

/** Whether data[start, start + name.length) equals the lower-case ASCII `name`, ignoring case. */
function isName(data: Buffer, start: number, length: number, name: string): boolean {
  if (length !== name.length) return false
  for (let i = 0; i < length; i++) if (((data[start + i] as number) | 0x20) !== name.charCodeAt(i)) return false
  return true
}

/**
 * Parses one field line [start, end) ("name: value", optional whitespace around the value) into `out`; returns the
 * offset of the colon. An empty name, a non-token character in it (whitespace before the colon, an obs-fold
 * continuation line) is a protocol error.
 */
export function parseFieldLine(data: Buffer, start: number, end: number, out: Buffer[]): number {
  const colon = data.indexOf(COLON, start)
  if (colon <= start || colon >= end) throw new ProtocolError('a header line has no name or no colon')
  for (let i = start; i < colon; i++) if (TOKEN[data[i] as number] !== 1) throw new ProtocolError('invalid header name')
  let valueStart = colon + 1
  let valueEnd = end
  while (valueStart < valueEnd && (data[valueStart] === SP || data[valueStart] === HT)) valueStart++
  while (valueEnd > valueStart && (data[valueEnd - 1] === SP || data[valueEnd - 1] === HT)) valueEnd--
  for (let i = valueStart; i < valueEnd; i++) if (data[i] === CR) throw new ProtocolError('a bare CR in a header value')
  out.push(data.subarray(start, colon), data.subarray(valueStart, valueEnd))
  return colon
}

/** Parses `HTTP/1.x NNN[ reason]`; returns [statusCode, minor version]. */
function parseStatusLine(data: Buffer, start: number, end: number): [number, number] {
  const ok =
    end - start >= 12 &&
    data.toString('latin1', start, start + 7) === 'HTTP/1.' &&
    isDigit(data[start + 7]) &&
    data[start + 8] === SP &&
    isDigit(data[start + 9]) &&
    isDigit(data[start + 10]) &&
    isDigit(data[start + 11]) &&
    (end - start === 12 || data[start + 12] === SP)
  if (!ok || data[start + 9] === 0x30) throw new ProtocolError('invalid status line')
  const status = ((data[start + 9] as number) - 48) * 100 + ((data[start + 10] as number) - 48) * 10
  return [status + (data[start + 11] as number) - 48, (data[start + 7] as number) - 48]
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39
}

/** A Content-Length value: digits, or a list of equal values ("5, 5"); anything else is a protocol error. */
function parseContentLength(value: string, previous: number): number {
  let length = -1
  for (const part of value.split(',')) {
    const digits = part.trim()
    if (!/^\d{1,15}$/.test(digits)) throw new ProtocolError(`invalid content-length "${value}"`)
    const parsed = Number(digits)
    if (length >= 0 && parsed !== length) throw new ProtocolError('conflicting content-length values')
    length = parsed
  }
  if (previous >= 0 && previous !== length) throw new ProtocolError('conflicting content-length values')
  return length
}

/** Mutable framing facts collected while the field lines are read. */
interface Framing {
  contentLength: number
  transferEncoding: boolean
  chunked: boolean
  close: boolean
  keepAlive: boolean
}

function readFraming(data: Buffer, start: number, colon: number, value: Buffer, framing: Framing): void {
  const length = colon - start
  if (isName(data, start, length, 'content-length')) {
    framing.contentLength = parseContentLength(value.toString('latin1'), framing.contentLength)
  } else if (isName(data, start, length, 'transfer-encoding')) {
    framing.transferEncoding = true
    const codings = value.toString('latin1').toLowerCase().split(',')
    framing.chunked = codings[codings.length - 1]?.trim() === 'chunked'
  } else if (isName(data, start, length, 'connection')) {
    for (const option of value.toString('latin1').toLowerCase().split(',')) {
      const token = option.trim()
      if (token === 'close') framing.close = true
      else if (token === 'keep-alive') framing.keepAlive = true
    }
  }
}

/**
 * Parses the response head that starts at `start`, or returns null when its blank line has not arrived yet. The
 * caller enforces the size limit (the head may be longer than `data` so far).
 */
export function parseHead(data: Buffer, start: number): ResponseHead | null {
  let end = lineEnd(data, start)
  if (end < 0) return null
  const [statusCode, minor] = parseStatusLine(data, start, end)
  const statusText = end - start > 13 ? data.toString('latin1', start + 13, end) : ''
  const rawHeaders: Buffer[] = []
  const framing: Framing = {
    contentLength: -1,
    transferEncoding: false,
    chunked: false,
    close: false,
    keepAlive: false,
  }
  for (;;) {
    const line = end + 2
    end = lineEnd(data, line)
    if (end < 0) return null
    if (end === line) {
      if (framing.transferEncoding && framing.contentLength >= 0)
        throw new ProtocolError('both transfer-encoding and content-length')
      const keepAlive = minor >= 1 ? !framing.close : framing.keepAlive && !framing.close
      return { statusCode, statusText, rawHeaders, end: end + 2, ...framing, keepAlive }
    }
    const colon = parseFieldLine(data, line, end, rawHeaders)
    readFraming(data, line, colon, rawHeaders[rawHeaders.length - 1] as Buffer, framing)
  }
}
