// Errors of the GitHub layer. Only the context parser throws (the runner's env is unusable); API helpers return
// outcomes instead.
import { oneLine } from '../config/errors.js'

/**
 * The runner environment or event payload cannot be read: names the variable or payload field and the fix.
 * e.g. "GITHUB_EVENT_PATH '/x/event.json' is not valid JSON (...); run Tailgate as a step of a GitHub Actions job"
 */
export class GitHubContextError extends Error {
  constructor(
    /** The variable or payload field, e.g. `GITHUB_REPOSITORY` or `pull_request.base.ref`. */
    readonly field: string,
    problem: string,
  ) {
    super(oneLine(`${field}: ${problem}`))
    this.name = 'GitHubContextError'
  }
}

/** The HTTP status of an Octokit or toolkit error, when it has one. */
export function httpStatusOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status
    if (typeof status === 'number') return status
  }
  return null
}

/**
 * One line about a failed API call: "GitHub answered 502: Bad Gateway" (Octokit's trailing documentation link
 * dropped), or the plain message when there was no HTTP answer.
 */
export function describeApiError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  const message = (raw.split('\n')[0] ?? '').replace(/ - https?:\/\/\S+$/, '')
  const status = httpStatusOf(error)
  return status === null ? message : `GitHub answered ${status}: ${message}`
}

/** A 429, or a 403 that is a primary or secondary rate limit (not a permission problem). */
export function isRateLimitError(error: unknown): boolean {
  const status = httpStatusOf(error)
  return status === 429 || (status === 403 && isRateLimit(error, headersOf(error)))
}

function isRateLimit(error: unknown, headers: Readonly<Record<string, string>>): boolean {
  if (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0') return true
  return /rate limit/i.test(error instanceof Error ? error.message : '')
}

/** An Octokit error's response headers, lower-case names, string values. */
export function headersOf(error: unknown): Record<string, string> {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers ?? {}
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = String(value)
  return out
}
