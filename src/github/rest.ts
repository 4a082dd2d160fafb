// The REST client: @actions/github's Octokit pointed at GITHUB_API_URL, asking for one API version, with a bounded retry on 5xx responses and
// rate limits (honouring retry-after, capping the total wait), a deadline per attempt (a hung API never hangs the
// step) and cancellation. The sleep and clock are injectable for tests.
import { getOctokit } from '@actions/github'
import { type Log, silentLog } from '../log.js'
import { headersOf, httpStatusOf, isRateLimitError } from './errors.js'

export { isRateLimitError } from './errors.js'

/** The Octokit instance every GitHub helper takes. */
export type RestClient = ReturnType<typeof getOctokit>

/** How hard to retry. Defaults: 3 retries, 1 s base backoff doubling, at most 60 s of waiting in total. */
export interface RetryPolicy {
  readonly maxRetries: number
  readonly baseDelayMs: number
  /** Total time spent waiting between attempts of one request; a wait that would pass it is not taken. */
  readonly maxTotalWaitMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxTotalWaitMs: 60_000 }

/**
 * The REST API version every request asks for (`X-GitHub-Api-Version`): the answers keep the shape Tailgate was
 * written against when GitHub publishes a newer version. GitHub Enterprise Server 3.9 and later know it too.
 */
export const GITHUB_API_VERSION = '2022-11-28'

/** How long one attempt may go unanswered before it is abandoned (ms). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

export interface RestClientOptions {
  readonly token: string
  /** GITHUB_API_URL, no trailing slash (e.g. https://api.github.com). */
  readonly baseUrl: string
  readonly log?: Log
  readonly retry?: Partial<RetryPolicy>
  /** Waits between attempts (setTimeout by default; tests pass a recorder). */
  readonly sleep?: (ms: number) => Promise<void>
  /** Epoch ms, for x-ratelimit-reset (Date.now by default). */
  readonly now?: () => number
  /** Deadline of each attempt (default 30 s); an attempt past it fails at once and is not retried. */
  readonly requestTimeoutMs?: number
  /** Aborting (the job was cancelled) fails the request in flight and any wait between attempts at once. */
  readonly signal?: AbortSignal
}

/**
 * An Octokit with a bounded retry: 5xx, 429 and 403 secondary/primary rate limits are retried up to
 * `maxRetries` times; the wait is `retry-after` when given, the rate-limit reset time for a primary limit, else
 * exponential backoff. Other errors (404, 422, a plain 403) are thrown at once. Each attempt has a deadline
 * (`requestTimeoutMs`): an API that never answers fails with "no answer within …", not retried; `signal` cancels.
 * @example const rest = createRestClient({ token, baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com' })
 */
export function createRestClient(options: RestClientOptions): RestClient {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  const log = options.log ?? silentLog
  const cancel = options.signal
  const sleep = options.sleep ?? ((ms: number) => cancellableDelay(ms, cancel))
  const now = options.now ?? Date.now
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const octokit = getOctokit(options.token, { baseUrl: options.baseUrl.replace(/\/+$/, '') })
  octokit.hook.wrap('request', async (request, requestOptions) => {
    requestOptions.headers['x-github-api-version'] = GITHUB_API_VERSION
    let waitedMs = 0
    for (let attempt = 0; ; attempt++) {
      const what = `${requestOptions.method} ${String(requestOptions.url)}`
      if (cancel?.aborted) throw cancelledError(what, cancel)
      const deadline = AbortSignal.timeout(timeoutMs)
      const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline
      // Set in place: the inner hooks (auth) were bound to this very options object and ignore a copy.
      requestOptions.request = { ...requestOptions.request, signal }
      try {
        return await request(requestOptions)
      } catch (error) {
        if (cancel?.aborted) throw cancelledError(what, cancel)
        if (deadline.aborted) throw new Error(`no answer from the GitHub API within ${seconds(timeoutMs)} (${what})`)
        const delayMs = retryDelayMs(error, attempt, policy, now)
        if (delayMs === null || attempt >= policy.maxRetries) throw error
        if (waitedMs + delayMs > policy.maxTotalWaitMs) {
          log.warning(`GitHub API ${what}: ${describe(error)}; not retrying (would wait ${seconds(delayMs)})`)
          throw error
        }
        log.info(
          `GitHub API ${what}: ${describe(error)}; retry ${attempt + 1} of ${policy.maxRetries} in ${seconds(delayMs)}`,
        )
        await sleep(delayMs)
        waitedMs += delayMs
      }
    }
  })
  return octokit
}

/** How long to wait before retrying after `error`, or null when it must not be retried. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, now: () => number): number | null {
  const status = httpStatusOf(error)
  const headers = headersOf(error)
  const retryAfterSeconds = Number.parseInt(headers['retry-after'] ?? '', 10)
  const backoffMs = policy.baseDelayMs * 2 ** attempt
  if (isRateLimitError(error)) {
    if (Number.isFinite(retryAfterSeconds)) return Math.max(0, retryAfterSeconds * 1000)
    const resetSeconds = Number.parseInt(headers['x-ratelimit-reset'] ?? '', 10)
    if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(resetSeconds)) {
      return Math.max(0, resetSeconds * 1000 - now())
    }
    // GitHub's guidance for a secondary limit without retry-after: wait at least a minute.
    return Math.max(backoffMs, 60_000)
  }
  if (status !== null && status >= 500) return Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : backoffMs
  return null
}

function describe(error: unknown): string {
  const status = httpStatusOf(error)
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  return status === null ? message! : `${status} ${message}`
}

/** A wait that ends early (resolving) when `signal` aborts; the caller then sees the abort and stops. */
function cancellableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

function cancelledError(what: string, signal: AbortSignal): Error {
  const reason = signal.reason instanceof Error ? signal.reason.message : 'cancelled'
  return new Error(`GitHub API ${what} not sent: ${reason}`)
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}
