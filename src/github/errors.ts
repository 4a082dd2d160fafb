// Errors of the GitHub layer. Only the context parser throws (the runner's env is unusable); API helpers return
// outcomes instead.

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

/** Line breaks and other control characters (from an env value or a payload) as escapes: the message is one line. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
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
