// The fields that frame a response body (RFC 9112 §6): content-length (one value, or a list of equal ones),
// transfer-encoding (chunked when it is the final coding) and connection (close, keep-alive), read from a field's
// offsets in the head's bytes.
import { ProtocolError } from './errors.js'
import type { ResponseHead } from './response-head.js'

/** Whether data[start, start + name.length) equals the lower-case ASCII `name`, ignoring case. */
function isName(data: Buffer, start: number, length: number, name: string): boolean {
  if (length !== name.length) return false
  for (let i = 0; i < length; i++) if (((data[start + i] as number) | 0x20) !== name.charCodeAt(i)) return false
  return true
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

/** A Content-Length in data[start, end) made of 1–15 digits only (the usual case), or -1 to take the general path. */
function plainDigits(data: Buffer, start: number, end: number): number {
  if (end === start || end - start > 15) return -1
  let length = 0
  for (let i = start; i < end; i++) {
    const digit = (data[i] as number) - 0x30
    if (digit < 0 || digit > 9) return -1
    length = length * 10 + digit
  }
  return length
}

function readConnection(data: Buffer, start: number, end: number, head: ResponseHead): void {
  if (isName(data, start, end - start, 'keep-alive')) head.keepAliveAsked = true
  else if (isName(data, start, end - start, 'close')) head.close = true
  else
    for (const option of data.toString('latin1', start, end).toLowerCase().split(',')) {
      const token = option.trim()
      if (token === 'close') head.close = true
      else if (token === 'keep-alive') head.keepAliveAsked = true
    }
}

/** Reads a field of the head that frames the body (content-length, transfer-encoding, connection); ignores others. */
export function readFraming(
  data: Buffer,
  start: number,
  nameEnd: number,
  valueStart: number,
  valueEnd: number,
  head: ResponseHead,
): void {
  const length = nameEnd - start
  // most fields are none of the three, as their length alone tells
  if (length !== 14 && length !== 17 && length !== 10) return
  if (isName(data, start, length, 'content-length')) {
    const plain = plainDigits(data, valueStart, valueEnd)
    if (plain >= 0 && (head.contentLength < 0 || head.contentLength === plain)) head.contentLength = plain
    else head.contentLength = parseContentLength(data.toString('latin1', valueStart, valueEnd), head.contentLength)
  } else if (isName(data, start, length, 'transfer-encoding')) {
    head.transferEncoding = true
    const codings = data.toString('latin1', valueStart, valueEnd).toLowerCase().split(',')
    head.chunked = codings[codings.length - 1]?.trim() === 'chunked'
  } else if (isName(data, start, length, 'connection')) readConnection(data, valueStart, valueEnd, head)
}
