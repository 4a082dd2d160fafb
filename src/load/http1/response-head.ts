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

/** A response head, with what frames its body; one per parser, refilled for every response (no allocation). */
export class ResponseHead {
  statusCode = 0
  statusText = ''
  /** [name, value, name, value, …] as the server sent them, like undici's raw headers (a new array per response). */
  rawHeaders: Buffer[] = []
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

  reset(): void {
    this.rawHeaders = []
    this.contentLength = -1
    this.transferEncoding = false
    this.chunked = false
    this.close = false
    this.keepAliveAsked = false
  }
}

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
  let colon = start
  while (colon < end && TOKEN[data[colon] as number] === 1) colon++
  if (colon === start || colon === end || data[colon] !== COLON) throw new ProtocolError('invalid header name')
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
    startsWith(data, start, HTTP_1) &&
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

const HTTP_1 = Buffer.from('HTTP/1.', 'latin1')

function startsWith(data: Buffer, start: number, prefix: Buffer): boolean {
  for (let i = 0; i < prefix.length; i++) if (data[start + i] !== prefix[i]) return false
  return true
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

/** A Content-Length made of 1–15 digits only (the usual case), or -1 to take the general path. */
function plainDigits(value: Buffer): number {
  if (value.length === 0 || value.length > 15) return -1
  let length = 0
  for (let i = 0; i < value.length; i++) {
    const digit = (value[i] as number) - 0x30
    if (digit < 0 || digit > 9) return -1
    length = length * 10 + digit
  }
  return length
}

function readConnection(value: Buffer, head: ResponseHead): void {
  if (isName(value, 0, value.length, 'keep-alive')) head.keepAliveAsked = true
  else if (isName(value, 0, value.length, 'close')) head.close = true
  else
    for (const option of value.toString('latin1').toLowerCase().split(',')) {
      const token = option.trim()
      if (token === 'close') head.close = true
      else if (token === 'keep-alive') head.keepAliveAsked = true
    }
}

function readFraming(data: Buffer, start: number, colon: number, value: Buffer, head: ResponseHead): void {
  const length = colon - start
  if (isName(data, start, length, 'content-length')) {
    const plain = plainDigits(value)
    if (plain >= 0 && (head.contentLength < 0 || head.contentLength === plain)) head.contentLength = plain
    else head.contentLength = parseContentLength(value.toString('latin1'), head.contentLength)
  } else if (isName(data, start, length, 'transfer-encoding')) {
    head.transferEncoding = true
    const codings = value.toString('latin1').toLowerCase().split(',')
    head.chunked = codings[codings.length - 1]?.trim() === 'chunked'
  } else if (isName(data, start, length, 'connection')) readConnection(value, head)
}

/**
 * Parses the response head that starts at `start` into `head`; false when its blank line has not arrived yet. The
 * caller enforces the size limit (the head may be longer than `data` so far).
 */
export function parseHead(data: Buffer, start: number, head: ResponseHead): boolean {
  let end = lineEnd(data, start)
  if (end < 0) return false
  const [statusCode, minor] = parseStatusLine(data, start, end)
  head.reset()
  head.statusCode = statusCode
  head.statusText = statusTextOf(data, start + 13, end, head.statusText)
  for (;;) {
    const line = end + 2
    end = lineEnd(data, line)
    if (end < 0) return false
    if (end === line) {
      if (head.transferEncoding && head.contentLength >= 0)
        throw new ProtocolError('both transfer-encoding and content-length')
      head.keepAlive = minor >= 1 ? !head.close : head.keepAliveAsked && !head.close
      head.end = end + 2
      return true
    }
    const colon = parseFieldLine(data, line, end, head.rawHeaders)
    readFraming(data, line, colon, head.rawHeaders[head.rawHeaders.length - 1] as Buffer, head)
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
