// Waits, bounded, until the target answers its health path with an accepted status and (when asked) serves the
// commit under test. Runs before any load: the caller sends nothing else to the target until this resolves.
import { performance } from 'node:perf_hooks'
import { setTimeout as delay } from 'node:timers/promises'
import type { Dispatcher } from 'undici'
import { ConfigError } from '../../config/errors.js'
import { formatMs } from '../../config/units.js'
import type { Log } from '../../log.js'
import { TARGET_INPUTS } from './input-names.js'
import { notReadyError, plural } from './not-ready.js'
import { probe } from './probe.js'
import { noRedaction, type Redactor } from './redact.js'
import { type ExpectSha, looksLikeSha, shaFromBody, shaFromHeader, shaMatches, shortSha } from './served-sha.js'
import { DEFAULT_READY_STATUS, parseStatusSet, type StatusSet, statusSet } from './status-set.js'

/** Everything waitForReady needs. Only `url` and `log` are required. */
export interface ReadinessOptions {
  /** The target's base URL; its path is a prefix of `healthPath` (as for the load's request paths). */
  readonly url: URL
  /** Default `/`. */
  readonly healthPath?: string
  /** Statuses that mean ready: text (`200-299,401`, `2xx`), codes, or a parsed set. Default 200-299. */
  readonly acceptStatus?: string | readonly number[] | StatusSet
  /** Total wait before giving up, in milliseconds. Default 300 000 (5 min); 0 makes a single attempt. */
  readonly timeoutMs?: number
  /** Deadline of each attempt, in milliseconds (at least 1 s, at most what is left). Default 10 000. */
  readonly attemptTimeoutMs?: number
  /** Sent with every readiness request (protected previews). */
  readonly headers?: Readonly<Record<string, string>>
  /** Where the preview says which commit it serves; checked only when `sha` is known. */
  readonly expectSha?: ExpectSha
  /** The commit this run measures (the PR head or the deployment's SHA), full or at least 7 characters. */
  readonly sha?: string | null
  /** Monotonic milliseconds (same shape as the load engine's Clock). Default performance.now. */
  readonly clock?: { now(): number }
  /** Waits between attempts; rejects when `signal` aborts. Default: a real timer. */
  readonly sleep?: (durationMs: number, signal?: AbortSignal) => Promise<void>
  /** Jitter source in [0, 1). Default Math.random. */
  readonly random?: () => number
  readonly dispatcher?: Dispatcher
  readonly log: Log
  /** Aborting stops the wait and rejects with the signal's reason. */
  readonly signal?: AbortSignal
  /** Applied to every message this module writes or throws (URLs and server texts may hold secrets). */
  readonly redact?: Redactor
}

export { type NotReadyDetails, TargetNotReadyError } from './not-ready.js'

/** How the wait went. */
export interface ReadyReport {
  /** The health URL that answered. */
  readonly url: URL
  readonly attempts: number
  readonly waitedMs: number
  /** The commit the preview said it serves, when `expectSha` was set and it said one. */
  readonly servedSha: string | null
}

export const DEFAULT_WAIT_TIMEOUT_MS = 300_000
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000
/** First and largest pause between attempts; the pause doubles in between. */
export const BACKOFF_MS = { first: 250, max: 5000, jitter: 0.2 } as const

/**
 * The pause after attempt `attempt` (1-based): 250 ms doubling up to 5 s, times a jitter in ±20 %, clamped to
 * [250 ms, 5 s], so that parallel jobs waiting on one preview do not poll in step.
 * @example backoffDelayMs(1, () => 0.5) // => 250
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** Math.max(0, attempt - 1))
  const draw = random()
  const unit = Number.isFinite(draw) ? Math.min(1, Math.max(0, draw)) : 0.5
  const jittered = base * (1 - BACKOFF_MS.jitter + 2 * BACKOFF_MS.jitter * unit)
  return Math.min(BACKOFF_MS.max, Math.max(BACKOFF_MS.first, jittered))
}

/**
 * Polls `healthPath` with exponential backoff until it answers an accepted status and, when `expectSha` and `sha`
 * are given, the preview serves that commit (prefix match either way, 7+ characters); waits while it serves an
 * older one. Resolves with the attempts and the time waited; rejects with a TargetNotReadyError after `timeoutMs`.
 * @example await waitForReady({ url: new URL('https://pr-42.preview.example'), healthPath: '/health', log })
 */
export async function waitForReady(options: ReadinessOptions): Promise<ReadyReport> {
  const clock = options.clock ?? { now: () => performance.now() }
  const sleep = options.sleep ?? realSleep
  const redact = options.redact ?? noRedaction
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS
  const healthPath = options.healthPath ?? '/'
  const healthUrl = pathUrl(options.url, healthPath, TARGET_INPUTS.healthPath)
  const accept = toStatusSet(options.acceptStatus)
  const expected = expectedSha(options, redact)
  const check = { ...options, healthUrl, accept, expected }

  const startedMs = clock.now()
  const deadlineMs = startedMs + timeoutMs
  let attempts = 0
  let previous = ''
  let servedSha: string | null = null
  for (;;) {
    options.signal?.throwIfAborted()
    attempts++
    const remainingMs = deadlineMs - clock.now()
    const attemptLimitMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS
    const attemptTimeoutMs = Math.ceil(Math.min(attemptLimitMs, Math.max(1000, remainingMs)))
    const outcome = await attempt(check, attemptTimeoutMs)
    servedSha = outcome.servedSha ?? servedSha
    const waitedMs = clock.now() - startedMs
    if (outcome.problem === null) {
      const commit = servedSha === null ? '' : `, serving commit ${shortSha(servedSha)}`
      options.log.info(
        redact(`Target ${healthUrl.href} is ready after ${plural(attempts)} (${formatMs(waitedMs)})${commit}`),
      )
      return { url: healthUrl, attempts, waitedMs, servedSha }
    }
    options.log.debug(redact(`Readiness attempt ${attempts} on ${healthUrl.href}: ${outcome.problem}`))
    if (outcome.problem !== previous) {
      options.log.info(redact(`Waiting for ${healthUrl.href} (up to ${formatMs(timeoutMs)}): ${outcome.problem}`))
      previous = outcome.problem
    }
    if (clock.now() >= deadlineMs) {
      throw notReadyError({
        healthUrl,
        healthPath,
        accept,
        expected,
        timeoutMs,
        attempts,
        waitedMs,
        servedSha,
        redact,
        outcome,
      })
    }
    await sleep(Math.min(backoffDelayMs(attempts, options.random), deadlineMs - clock.now()), options.signal)
  }
}

interface Check extends ReadinessOptions {
  readonly healthUrl: URL
  readonly accept: StatusSet
  readonly expected: string | null
}

/** One attempt's result: `problem` null means ready. `shaProblem` marks a wrong or missing commit. */
interface AttemptOutcome {
  readonly problem: string | null
  readonly servedSha: string | null
  readonly status?: number
  readonly shaProblem?: boolean
}

async function attempt(check: Check, timeoutMs: number): Promise<AttemptOutcome> {
  const common = { timeoutMs, dispatcher: check.dispatcher, signal: check.signal, headers: check.headers }
  const health = await probe({ ...common, url: check.healthUrl })
  if (health.kind === 'failure') return { problem: health.problem, servedSha: null }
  if (!check.accept.has(health.status))
    return { problem: statusProblem(health), servedSha: null, status: health.status }
  const expect = check.expectSha
  if (expect === undefined) return { problem: null, servedSha: null }

  let served: string | null
  let source: string
  if ('header' in expect) {
    served = shaFromHeader(health.headers, expect.header)
    source = `header ${expect.header}`
  } else {
    const url = pathUrl(check.url, expect.path, TARGET_INPUTS.expectShaPath)
    source = url.pathname
    const version = await probe({ ...common, url, readBody: true })
    if (version.kind === 'failure') return { problem: `${source}: ${version.problem}`, servedSha: null }
    if (version.status < 200 || version.status > 299) {
      return { problem: `${source} answered HTTP ${version.status}`, servedSha: null, shaProblem: true }
    }
    served = shaFromBody(version.body, expect.jsonField)
    source = `${source} field ${expect.jsonField ?? 'sha/commit/version'}`
  }
  if (check.expected === null) return { problem: null, servedSha: served }
  if (served === null) return { problem: `no commit in ${source}`, servedSha: null, shaProblem: true }
  if (!shaMatches(served, check.expected)) {
    return {
      problem: `serves commit ${shortSha(served)} (${source}), this run measures ${shortSha(check.expected)}`,
      servedSha: served,
      shaProblem: true,
    }
  }
  return { problem: null, servedSha: served }
}

function statusProblem(answer: { status: number; headers: Readonly<Record<string, unknown>> }): string {
  const location = answer.headers.location
  const redirect = answer.status >= 300 && answer.status < 400 && typeof location === 'string' ? ` to ${location}` : ''
  return `HTTP ${answer.status}${redirect}`
}

/** The expected SHA when it can be checked; a warning when expectSha is set but no usable SHA is known. */
function expectedSha(options: ReadinessOptions, redact: Redactor): string | null {
  if (options.expectSha === undefined) return null
  const sha = options.sha?.trim() ?? ''
  if (looksLikeSha(sha)) return sha.toLowerCase()
  options.log.warning(
    redact(
      sha === ''
        ? 'The commit this run measures is unknown (not a pull_request or deployment_status event): the served commit is not checked'
        : `'${sha}' is not a commit SHA (7+ hexadecimal characters): the served commit is not checked`,
    ),
  )
  return null
}

function toStatusSet(accept: ReadinessOptions['acceptStatus']): StatusSet {
  if (accept === undefined) return parseStatusSet(DEFAULT_READY_STATUS)
  if (typeof accept === 'string') return parseStatusSet(accept)
  if ('has' in accept) return accept
  return statusSet(accept)
}

/** The base URL's path (trailing slashes dropped) followed by `path`, which must start with `/`. */
export function pathUrl(base: URL, path: string, field: string): URL {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new ConfigError(field, `'${path}' is not a path`, 'write a path starting with a single /, e.g. /health')
  }
  return new URL(base.pathname.replace(/\/+$/, '') + path, base.origin)
}

/** A timer that rejects with the signal's reason (not a generic AbortError) when the run is cancelled. */
async function realSleep(durationMs: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(durationMs, undefined, { signal })
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    throw error
  }
}
