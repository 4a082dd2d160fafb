// The error a target that never became ready produces: what was polled, what it last answered, which commits, and
// how to fix it, in one message the shells print without a stack trace.
import { formatMs } from '../../config/units.js'
import { TARGET_INPUTS } from './input-names.js'
import type { Redactor } from './redact.js'
import { shortSha } from './served-sha.js'
import type { StatusSet } from './status-set.js'

/** The facts behind a TargetNotReadyError, for the report (all texts already redacted). */
export interface NotReadyDetails {
  /** The health URL polled. */
  readonly url: string
  /** The last failure or unaccepted answer, e.g. "HTTP 503" or "connection refused (127.0.0.1:8080)". */
  readonly lastProblem: string
  readonly attempts: number
  readonly waitedMs: number
  readonly servedSha: string | null
  readonly expectedSha: string | null
}

/**
 * The target never became ready. The message names the URL, the last status or error, the served and expected
 * commits and the fix; the shells print it without a stack trace.
 */
export class TargetNotReadyError extends Error {
  constructor(
    message: string,
    readonly details: NotReadyDetails,
  ) {
    super(message)
    this.name = 'TargetNotReadyError'
  }
}

/** What notReadyError puts in its message. */
export interface NotReadyFacts {
  readonly healthUrl: URL
  readonly healthPath: string
  readonly accept: StatusSet
  readonly expected: string | null
  readonly timeoutMs: number
  readonly attempts: number
  readonly waitedMs: number
  readonly servedSha: string | null
  readonly redact: Redactor
  /** The last attempt: its problem, its status when it got an answer, whether the commit was wrong or missing. */
  readonly outcome: { readonly problem: string | null; readonly status?: number; readonly shaProblem?: boolean }
}

/** Builds the TargetNotReadyError: the URL, the last problem, the commits, and the fixes with the input names. */
export function notReadyError(facts: NotReadyFacts): TargetNotReadyError {
  const { outcome, expected, servedSha } = facts
  const last = outcome.problem ?? 'unknown'
  const kind = outcome.status !== undefined || outcome.shaProblem ? 'last answer' : 'last error'
  const commits =
    expected !== null && !outcome.shaProblem
      ? ` (commit served: ${servedSha === null ? 'unknown' : shortSha(servedSha)}, expected: ${shortSha(expected)})`
      : ''
  const fixes: string[] = []
  if (outcome.shaProblem) {
    fixes.push(`wait for the deployment of ${shortSha(expected ?? '')} to finish`)
    fixes.push(`check that '${TARGET_INPUTS.expectShaHeader}' or '${TARGET_INPUTS.expectShaPath}' points at the commit`)
  } else {
    if (outcome.status === 401 || outcome.status === 403) {
      fixes.push(
        `if the preview is protected, pass its bypass header or basic-auth in the '${TARGET_INPUTS.headers}' input`,
      )
    }
    fixes.push(
      `check that the preview is deployed and that '${TARGET_INPUTS.healthPath}' (${facts.healthPath}) answers ${facts.accept.text} (or set '${TARGET_INPUTS.readyStatus}')`,
    )
  }
  fixes.push(`or increase '${TARGET_INPUTS.waitTimeout}' (now ${formatMs(facts.timeoutMs)})`)
  const message = facts.redact(
    `target ${facts.healthUrl.href} was not ready after ${formatMs(facts.waitedMs)} (${plural(facts.attempts)}): ${kind}: ${last}${commits}; no load was sent; ${fixes.join('; ')}`,
  )
  return new TargetNotReadyError(message, {
    url: facts.redact(facts.healthUrl.href),
    lastProblem: facts.redact(last),
    attempts: facts.attempts,
    waitedMs: facts.waitedMs,
    servedSha,
    expectedSha: expected,
  })
}

/** `1 attempt`, `3 attempts`. */
export const plural = (attempts: number): string => `${attempts} attempt${attempts === 1 ? '' : 's'}`
