// One readiness request: a GET with its own deadline, answered by a status and headers (and a bounded body when
// asked), or by a failure described for people (connection refused, timeout, DNS, TLS, reset).
import { type Dispatcher, request } from 'undici'
import { formatMs } from '../../config/units.js'

/** What one GET produced. */
export type ProbeOutcome =
  | {
      readonly kind: 'answer'
      readonly status: number
      readonly headers: Readonly<Record<string, string | string[] | undefined>>
      /** The body as text (at most `maxBodyBytes`), only when `readBody` was set; otherwise ''. */
      readonly body: string
    }
  | { readonly kind: 'failure'; readonly problem: string }

export interface ProbeOptions {
  readonly url: URL
  readonly headers?: Readonly<Record<string, string>>
  /** Deadline of the whole exchange (connect, headers, body) in milliseconds. */
  readonly timeoutMs: number
  readonly dispatcher?: Dispatcher
  /** Aborting it rejects the probe with the signal's reason (a cancelled run, not a failed probe). */
  readonly signal?: AbortSignal
  readonly readBody?: boolean
  readonly maxBodyBytes?: number
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024

const FAILURE_TEXTS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection reset by the server',
  UND_ERR_SOCKET: 'the server closed the connection',
  ENOTFOUND: 'DNS lookup failed (no such host)',
  EAI_AGAIN: 'DNS lookup failed (temporary failure)',
  EAI_FAIL: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
}

const TIMEOUT_CODES = ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']

/**
 * Sends one GET and never throws for a network failure: the failure comes back as a sentence naming what went wrong
 * and where (`connection refused by 127.0.0.1:8080`). Only an abort of `signal` rejects.
 * @example await probe({ url: new URL('http://127.0.0.1:8080/'), timeoutMs: 5000 }) // => { kind: 'answer', status: 200, ... }
 */
export async function probe(options: ProbeOptions): Promise<ProbeOutcome> {
  const deadline = AbortSignal.timeout(Math.max(1, Math.ceil(options.timeoutMs)))
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline
  try {
    const response = await request(options.url, {
      method: 'GET',
      headers: { ...options.headers },
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    })
    const body = options.readBody
      ? await readText(response.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
      : await response.body.dump().then(() => '')
    return { kind: 'answer', status: response.statusCode, headers: response.headers, body }
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason
    if (deadline.aborted) return { kind: 'failure', problem: `no answer within ${formatMs(options.timeoutMs)}` }
    return { kind: 'failure', problem: describeFailure(error, options.url, options.timeoutMs) }
  }
}

/**
 * A request error as a short sentence: the known codes of undici and Node's net/dns/tls (looked up on the error and
 * its causes), else the error's message.
 */
export function describeFailure(error: unknown, url: URL, timeoutMs: number): string {
  const where = url.host
  let current: unknown = error
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string') {
      if (TIMEOUT_CODES.includes(code)) return `no answer from ${where} within ${formatMs(timeoutMs)}`
      const text = FAILURE_TEXTS[code]
      if (text) return `${text} (${where})`
      if (code.includes('CERT') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code === 'EPROTO') {
        return `TLS error with ${where}: ${typeof message === 'string' ? message : code}`
      }
    }
    current = (current as { cause?: unknown }).cause
  }
  const message = error instanceof Error ? error.message : String(error)
  return `request to ${where} failed: ${message}`
}

/** Reads at most `maxBytes` of a body as UTF-8 and discards the rest. */
async function readText(body: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    chunks.push(chunk)
    size += chunk.length
    if (size >= maxBytes) {
      body.destroy()
      break
    }
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8')
}
