// Runs requests through any Dispatcher with undici's legacy handler shape and records what the handler heard, so
// the HTTP/1.1 client's outcomes can be compared with undici's Client on the same server bytes.
import { Client, type Dispatcher } from 'undici'
import { classifyError } from '../../src/load/classify.js'
import { Http1Pool } from '../../src/load/http1/pool.js'
import type { ErrorClass } from '../../src/results/types.js'

/** What one request's handler heard (only the error class when it failed: partial bytes depend on timing). */
export interface Outcome {
  readonly status?: number
  readonly statusText?: string
  /** Raw header names and values, as sent. */
  readonly headers?: string[]
  readonly body?: string
  readonly trailers?: string[]
  readonly error?: ErrorClass
}

/** Counts handler events that arrived after the request's onComplete/onError (there must be none). */
export interface LateEvents {
  count: number
}

/** Sends one request and resolves with its outcome when the handler hears onComplete or onError. */
export function exchange(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  late: LateEvents,
  messages: string[] = [],
): Promise<Outcome> {
  return new Promise((resolve) => {
    let ended = false
    let status = 0
    let statusText = ''
    let headers: string[] = []
    const chunks: Buffer[] = []
    const end = (outcome: Outcome) => {
      if (ended) late.count++
      else resolve(outcome)
      ended = true
    }
    const handler = {
      onConnect() {},
      onHeaders(statusCode: number, raw: Buffer[], _resume: () => void, text: string) {
        if (ended) late.count++
        status = statusCode
        statusText = text
        headers = raw.map((b) => b.toString('latin1'))
        return true
      },
      onData(chunk: Buffer) {
        if (ended) late.count++
        chunks.push(Buffer.from(chunk))
        return true
      },
      onComplete(trailers: unknown) {
        const body = Buffer.concat(chunks).toString('latin1')
        const list = ((trailers as Buffer[] | null) ?? []).map((b) => b.toString('latin1'))
        end({ status, statusText, headers, body, trailers: list })
      },
      onError(error: Error) {
        messages.push(`${(error as { code?: string }).code}: ${error.message}`)
        end({ error: classifyError(error) })
      },
    }
    dispatcher.dispatch({ ...options }, handler as unknown as Dispatcher.DispatchHandler)
  })
}

export type ClientKind = 'tailgate' | 'undici'

/** The dispatcher under test: the engine's HTTP/1.1 client, or undici's Client configured as the engine had it. */
export function dispatcherFor(kind: ClientKind, origin: URL, connections = 1, insecureTls = false): Dispatcher {
  if (kind === 'tailgate') return new Http1Pool(origin, { connections, insecureTls })
  return new Client(origin, {
    keepAliveTimeout: 600_000,
    keepAliveMaxTimeout: 600_000,
    pipelining: 1,
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: insecureTls ? { rejectUnauthorized: false } : undefined,
  })
}
