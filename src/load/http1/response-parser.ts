// Reads one response at a time from a connection's bytes, however the TCP pieces fall: the head (response-head.ts),
// then the body framed per RFC 9112 §6.3: no body (HEAD, 204, 304), chunked (sizes, extensions, trailers),
// content-length, or everything until the server closes. Informational 1xx heads are skipped (101 is an error).
import { ProtocolError } from './errors.js'
import { type FieldSink, lineEnd, parseFieldLine, parseHead, ResponseHead } from './response-head.js'

/** The most bytes a response head (or a trailer block, or a chunk-size line) may take, like undici's default. */
export const MAX_HEAD_BYTES = 16 * 1024
/** 13 hex digits (2^52) keep a chunk size a safe integer. */
const MAX_CHUNK_SIZE_DIGITS = 13
const CR = 0x0d
const LF = 0x0a
const SEMICOLON = 0x3b

/** Heads parsed in full, after one that differed from the kept one, before one is kept again. */
const SKIP_AFTER_MISS = 16

const HEAD = 0
const LENGTH = 1
const CHUNK_SIZE = 2
const CHUNK_DATA = 3
const CHUNK_END = 4
const TRAILERS = 5
const UNTIL_CLOSE = 6
const DONE = 7

/** What the parser reports, in order: one head, body pieces, one end. */
export interface ResponseEvents {
  onResponseHead(head: ResponseHead): void
  /** Body bytes data[start, end): a view of the piece being read, valid during the call only. */
  onResponseBody(data: Buffer, start: number, end: number): void
  /** `extraBytes`: more bytes followed the response in the same read; the connection must not be reused. */
  onResponseEnd(trailers: Buffer[], extraBytes: boolean): void
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30
  const lower = byte | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1
}

/**
 * One connection's response parser. `start()` before each request, then `execute()` with every piece the socket
 * delivers; the events fire synchronously. Any framing fault throws a ProtocolError.
 */
export class ResponseParser implements FieldSink {
  private state = DONE
  private pending: Buffer | null = null
  private remaining = 0
  private noBody = false
  private halted = false
  private trailers: Buffer[] = []
  private trailerBytes = 0
  private readonly head = new ResponseHead()
  /**
   * A copy of the bytes of the final head that `head` holds parsed, for the next responses to compare with (see
   * readHead), or null. After a head that differed, SKIP_AFTER_MISS heads are parsed before one is kept again: a
   * server whose heads always differ costs one compare and one copy every so many responses, not each time.
   */
  private lastHead: Buffer | null = null
  private skipHeads = 0
  /** The connection may carry another request after this response (known once the head is read). */
  keepAlive = false

  constructor(private readonly events: ResponseEvents) {}

  /** Expects the response to a new request; the response to a HEAD request has no body. */
  start(isHead: boolean): void {
    this.state = HEAD
    this.pending = null
    this.noBody = isHead
    this.halted = false
    this.trailers = []
    this.trailerBytes = 0
    this.keepAlive = false
  }

  /** Stops reading (the request was aborted): no further event fires until the next `start()`. */
  halt(): void {
    this.halted = true
    this.state = DONE
    this.pending = null
  }

  /** A response is expected or under way. */
  get reading(): boolean {
    return this.state !== DONE
  }

  /** The socket ended: completes a close-delimited body and returns true; false when the response is incomplete. */
  endOfInput(): boolean {
    if (this.state !== UNTIL_CLOSE) return false
    this.complete(Buffer.alloc(0), 0)
    return true
  }

  /**
   * Reads one piece of the connection's bytes. The piece may be a view of a read buffer its reader reuses: nothing
   * keeps a reference to it once this returns (an incomplete line is copied, and so is the head of a response whose
   * body goes on in a later piece); body pieces are handed on as offsets into it.
   */
  execute(chunk: Buffer): void {
    let data = chunk
    if (this.pending) {
      data = Buffer.concat([this.pending, chunk])
      this.pending = null
    }
    this.run(data)
    // the response goes on in a later piece: its head's fields must outlive this one (once per response)
    if (this.state !== DONE && this.state !== HEAD) this.head.detach()
  }

  private run(data: Buffer): void {
    let offset = 0
    while (offset >= 0 && offset < data.length) {
      switch (this.state) {
        case HEAD:
          offset = this.readHead(data, offset)
          break
        case LENGTH:
        case CHUNK_DATA:
          offset = this.readBody(data, offset)
          break
        case CHUNK_SIZE:
          offset = this.readChunkSize(data, offset)
          break
        case CHUNK_END:
          offset = this.readChunkEnd(data, offset)
          break
        case TRAILERS:
          offset = this.readTrailers(data, offset)
          break
        case UNTIL_CLOSE:
          this.events.onResponseBody(data, offset, data.length)
          return
        default:
          return
      }
    }
  }

  /** Keeps an incomplete line (or head) for the next piece; returns the end of `data`. */
  private keep(data: Buffer, offset: number): number {
    if (data.length - offset > MAX_HEAD_BYTES) throw new ProtocolError('a response head or line is over 16 KiB')
    this.pending = Buffer.from(data.subarray(offset))
    return data.length
  }

  /** Ends the response; returns -1: the caller stops (the handler may already have started the next request). */
  private complete(data: Buffer, end: number): number {
    this.state = DONE
    this.events.onResponseEnd(this.trailers, end < data.length)
    return -1
  }

  /**
   * The head at `offset`: the last one again when the bytes are the same (one compare instead of a parse: a server
   * sends the same head over and over, nginx until its Date changes once a second), else parsed.
   */
  private readHead(data: Buffer, offset: number): number {
    const head = this.head
    const last = this.lastHead
    const end = offset + (last?.length ?? 0)
    if (last !== null && end <= data.length && data.compare(last, 0, last.length, offset, end) === 0) head.repeat(end)
    else {
      // parsing refills `head`, which then no longer stands for the kept bytes
      if (last !== null) this.skipHeads = SKIP_AFTER_MISS
      this.lastHead = null
      if (!parseHead(data, offset, head)) return this.keep(data, offset)
      if (head.end - offset > MAX_HEAD_BYTES) throw new ProtocolError('a response head is over 16 KiB')
      // (an informational head is skipped below, and never kept)
      if (head.statusCode >= 200 && this.skipHeads > 0) this.skipHeads--
      else if (head.statusCode >= 200) this.lastHead = head.ownBytes()
    }
    if (head.statusCode < 200) {
      if (head.statusCode === 101) throw new ProtocolError('101 Switching Protocols without an upgrade request')
      return head.end
    }
    this.keepAlive = head.keepAlive
    const bodyless = this.noBody || head.statusCode === 204 || head.statusCode === 304 || head.contentLength === 0
    if (bodyless) this.state = DONE
    else if (head.chunked) this.state = CHUNK_SIZE
    else if (head.transferEncoding || head.contentLength < 0) {
      this.state = UNTIL_CLOSE
      this.keepAlive = false
    } else {
      this.state = LENGTH
      this.remaining = head.contentLength
    }
    this.events.onResponseHead(head)
    if (this.halted) return -1
    return bodyless ? this.complete(data, head.end) : head.end
  }

  private readBody(data: Buffer, offset: number): number {
    const available = data.length - offset
    const length = available < this.remaining ? available : this.remaining
    this.remaining -= length
    const ended = this.remaining === 0 && this.state === LENGTH
    if (this.remaining === 0 && this.state === CHUNK_DATA) this.state = CHUNK_END
    this.events.onResponseBody(data, offset, offset + length)
    if (this.halted) return -1
    return ended ? this.complete(data, offset + length) : offset + length
  }

  private readChunkSize(data: Buffer, offset: number): number {
    const end = lineEnd(data, offset)
    if (end < 0) return this.keep(data, offset)
    let size = 0
    let i = offset
    for (let digit = hexValue(data[i] as number); i < end && digit >= 0; digit = hexValue(data[++i] as number)) {
      if (i - offset >= MAX_CHUNK_SIZE_DIGITS) throw new ProtocolError('a chunk size overflows')
      size = size * 16 + digit
    }
    if (i === offset) throw new ProtocolError('invalid chunk size')
    while (i < end && (data[i] === 0x20 || data[i] === 0x09)) i++
    if (i < end && data[i] !== SEMICOLON) throw new ProtocolError('invalid chunk size')
    this.remaining = size
    this.state = size === 0 ? TRAILERS : CHUNK_DATA
    return end + 2
  }

  private readChunkEnd(data: Buffer, offset: number): number {
    if (data[offset] !== CR) throw new ProtocolError('chunk data longer than its size')
    if (data.length - offset < 2) return this.keep(data, offset)
    if (data[offset + 1] !== LF) throw new ProtocolError('chunk data longer than its size')
    this.state = CHUNK_SIZE
    return offset + 2
  }

  /** A trailer field: copied (the piece it is in may be reused before the response ends). */
  addField(data: Buffer, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    this.trailers.push(Buffer.from(data.subarray(nameStart, nameEnd)), Buffer.from(data.subarray(valueStart, valueEnd)))
  }

  private readTrailers(data: Buffer, start: number): number {
    let offset = start
    for (;;) {
      const end = lineEnd(data, offset)
      if (end < 0) return this.keep(data, offset)
      if (end === offset) return this.complete(data, end + 2)
      this.trailerBytes += end + 2 - offset
      if (this.trailerBytes > MAX_HEAD_BYTES) throw new ProtocolError('the trailer block is over 16 KiB')
      parseFieldLine(data, offset, end, this)
      offset = end + 2
    }
  }
}
