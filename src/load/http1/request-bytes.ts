// Turns undici's DispatchOptions into the bytes of one HTTP/1.1 request (RFC 9112 §3): request line, host, the
// given headers, content-length; one Buffer, written with one write. What the engine sends is checked here, and
// anything else (streams, upgrades, chunked request bodies) is refused with a clear error before a byte is written.
import type { Dispatcher } from 'undici'
import { InvalidRequestError } from './errors.js'

/** A request ready to write. */
export interface RequestBytes {
  readonly bytes: Buffer
  /** HEAD: the response has no body whatever its headers say. */
  readonly isHead: boolean
  /** The request carries `connection: close`: the connection ends after its response. */
  readonly closeAfter: boolean
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
/** undici's own checks: a path of visible latin-1 characters, header values without CR, LF or NUL. */
const INVALID_PATH = /[^\u0021-\u00ff]/
const INVALID_VALUE = /[^\t\u0020-\u007e\u0080-\u00ff]/
/** Methods whose requests carry content-length: 0 without a body, as undici sends them. */
const EXPECTS_PAYLOAD = new Set(['POST', 'PUT', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH'])
const REFUSED_HEADERS = new Set(['transfer-encoding', 'upgrade', 'expect', 'keep-alive'])

function refuse(message: string): never {
  throw new InvalidRequestError(`the HTTP/1.1 load client cannot send this request: ${message}`)
}

/** The body as bytes or a string, or null; streams, iterables and FormData are refused. */
function bodyOf(options: Dispatcher.DispatchOptions): string | Uint8Array | null {
  const { body } = options
  if (body === null || body === undefined) return null
  if (typeof body === 'string' || body instanceof Uint8Array) return body
  return refuse('only string and Buffer bodies are supported (no streams, iterables or FormData)')
}

/** The headers as [name, value, …] pairs, from undici's flat-array or object forms. */
function headerPairs(headers: Dispatcher.DispatchOptions['headers']): string[] {
  if (headers === null || headers === undefined) return []
  const pairs: string[] = []
  const add = (name: unknown, value: unknown) => {
    if (value === undefined) return
    for (const one of Array.isArray(value) ? value : [value]) pairs.push(String(name), String(one))
  }
  if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) add(headers[i], headers[i + 1])
  else if (typeof headers === 'object' && !(Symbol.iterator in headers))
    for (const [name, value] of Object.entries(headers)) add(name, value)
  else refuse('headers must be a flat array or a plain object')
  return pairs
}

interface Framing {
  host: boolean
  contentLength: string | null
  closeAfter: boolean
}

function checkHeader(name: string, value: string, framing: Framing): boolean {
  if (!TOKEN.test(name)) refuse(`invalid header name "${name}"`)
  if (INVALID_VALUE.test(value)) refuse(`invalid characters in the value of header "${name}"`)
  const lower = name.toLowerCase()
  if (REFUSED_HEADERS.has(lower)) refuse(`header "${name}" is not supported`)
  if (lower === 'host') framing.host = true
  else if (lower === 'content-length') {
    framing.contentLength = value.trim()
    return false
  } else if (lower === 'connection') {
    const option = value.trim().toLowerCase()
    if (option !== 'close' && option !== 'keep-alive') refuse(`connection: ${value} is not supported`)
    framing.closeAfter ||= option === 'close'
  }
  return true
}

function checkOptions(options: Dispatcher.DispatchOptions): void {
  if (!TOKEN.test(options.method) || options.method === 'CONNECT') refuse(`invalid method "${options.method}"`)
  const path = options.path
  if (typeof path !== 'string' || !(path[0] === '/' || path === '*') || INVALID_PATH.test(path))
    refuse(`invalid path "${String(path)}"`)
  if (options.upgrade) refuse('upgrades are not supported')
  if (options.expectContinue) refuse('expect: 100-continue is not supported')
  if (options.query) refuse('the query option is not supported (put the query string in the path)')
}

/** Encodes one request for `host` (the origin's host[:port]). Throws InvalidRequestError for what it cannot send. */
export function encodeRequest(options: Dispatcher.DispatchOptions, host: string): RequestBytes {
  checkOptions(options)
  const body = bodyOf(options)
  const framing: Framing = { host: false, contentLength: null, closeAfter: false }
  let lines = ''
  const pairs = headerPairs(options.headers)
  for (let i = 0; i < pairs.length; i += 2) {
    const name = pairs[i] as string
    const value = pairs[i + 1] as string
    if (checkHeader(name, value, framing)) lines += `${name}: ${value}\r\n`
  }
  const bodyLength = body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
  if (framing.contentLength !== null && framing.contentLength !== String(bodyLength))
    refuse(`content-length ${framing.contentLength} does not match the body's ${bodyLength} bytes`)
  if (bodyLength > 0 || EXPECTS_PAYLOAD.has(options.method)) lines += `content-length: ${bodyLength}\r\n`
  const head = `${options.method} ${options.path} HTTP/1.1\r\n${framing.host ? '' : `host: ${host}\r\n`}${lines}\r\n`
  const headLength = head.length
  const bytes = Buffer.allocUnsafe(headLength + bodyLength)
  bytes.write(head, 0, 'latin1')
  if (typeof body === 'string') bytes.write(body, headLength, 'utf8')
  else if (body) bytes.set(body, headLength)
  return { bytes, isHead: options.method === 'HEAD', closeAfter: framing.closeAfter }
}

/** One cached encoding per options object, valid while its method, path, headers and body are the same objects. */
interface CachedRequest {
  readonly method: string
  readonly path: string
  readonly headers: unknown
  readonly body: unknown
  readonly request: RequestBytes
}

/**
 * Encodes requests, once per options object that is sent again unchanged: the engine's static steps share one
 * RequestSpec, so their bytes are built and checked once per run.
 */
export class RequestEncoder {
  private readonly cache = new WeakMap<object, CachedRequest>()
  constructor(private readonly host: string) {}

  encode(options: Dispatcher.DispatchOptions): RequestBytes {
    const cached = this.cache.get(options)
    if (
      cached &&
      cached.method === options.method &&
      cached.path === options.path &&
      cached.headers === options.headers &&
      cached.body === options.body
    )
      return cached.request
    const request = encodeRequest(options, this.host)
    const { method, path, headers, body } = options
    this.cache.set(options, { method, path, headers, body, request })
    return request
  }
}
