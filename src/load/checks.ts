// Judges one response against its step: transport errors, the `expect` checks and the `capture`s. A request
// counts in at most one error class: transport error, else HTTP 4xx/5xx not expected, else check-failed.
import type { ErrorClass } from '../results/types.js'
import { classifyError, classifyStatus } from './classify.js'
import { type Exchange, MAX_KEPT_BODY_BYTES } from './http.js'
import { jsonEquals, valueAtJsonPath } from './json-path.js'
import type { PreparedStep } from './request-plan.js'
import type { Variables } from './template.js'

export interface Judgement {
  readonly errorClass: ErrorClass | null
  /** Why a check failed (first failure only), for debug logs. */
  readonly failure: string | null
}

const OK: Judgement = Object.freeze({ errorClass: null, failure: null })
const checkFailed = (failure: string): Judgement => ({ errorClass: 'check-failed', failure })

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value
}

function parseBody(body: Buffer | null): unknown {
  if (!body || body.length === 0) return undefined
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
}

/**
 * Classifies an exchange and, when it succeeded, stores its captures into `variables`. A missing capture is a
 * failed check (the following steps would send garbage).
 */
export function judgeExchange(prepared: PreparedStep, exchange: Exchange, variables: Variables): Judgement {
  if (exchange.error) return { errorClass: classifyError(exchange.error), failure: exchange.error.message }
  const { expect } = prepared.step
  const statusAccepted =
    expect.status.length === 0
      ? classifyStatus(exchange.statusCode) === null
      : expect.status.includes(exchange.statusCode)
  if (!statusAccepted) {
    const failure = `status ${exchange.statusCode}`
    return { errorClass: classifyStatus(exchange.statusCode) ?? 'check-failed', failure }
  }
  if (prepared.statusOnly) return OK
  for (const [name, expected] of Object.entries(expect.headers)) {
    const actual = headerText(exchange.headers[name])
    if (actual === undefined || !actual.includes(expected)) return checkFailed(`header ${name}`)
  }
  if (prepared.needsBody && exchange.bodyTooLarge) {
    return checkFailed(`body over ${MAX_KEPT_BODY_BYTES / 1024 / 1024} MiB, more than checks and captures read`)
  }
  const body = prepared.needsBody ? exchange.body : null
  const text = expect.bodyContains.length > 0 ? (body?.toString('utf8') ?? '') : ''
  for (const needle of expect.bodyContains) if (!text.includes(needle)) return checkFailed(`body lacks '${needle}'`)
  const json = prepared.jsonChecks.length > 0 || prepared.jsonCaptures.length > 0 ? parseBody(body) : undefined
  for (const check of prepared.jsonChecks) {
    if (!jsonEquals(valueAtJsonPath(json, check.segments), check.expected)) return checkFailed(`json ${check.path}`)
  }
  for (const capture of prepared.jsonCaptures) {
    const value = valueAtJsonPath(json, capture.segments)
    if (value === undefined || value === null) return checkFailed(`capture ${capture.variable}`)
    variables[capture.variable] = typeof value === 'string' ? value : JSON.stringify(value)
  }
  for (const capture of prepared.step.captures) {
    if (capture.from !== 'header') continue
    const value = headerText(exchange.headers[capture.header])
    if (value === undefined) return checkFailed(`capture ${capture.variable}`)
    variables[capture.variable] = value
  }
  return OK
}
