// Where a baseline RunResult came from (store, reference, branch, SHA), as the report states it; and the source of a
// baseline that did not come from a store lookup: a file given by path, or a live A/B run. Pure, types and data only.
import type { RunResult } from './types.js'

/** Which baseline was used, said in the report. */
export interface BaselineSource {
  readonly store: 'cache' | 'artifact' | 'file' | 'live-ab'
  /** Cache key, artifact name and id, or file path. */
  readonly reference: string
  readonly branch: string | null
  readonly sha: string | null
  /** True when the baseline was measured on exactly the queried SHA. */
  readonly exactSha: boolean
  /** When the baseline run started (ISO 8601). */
  readonly measuredAt: string
  /** Commits between the baseline's SHA and the queried one, when the API could tell. */
  readonly commitsBehind: number | null
  /** Workflow run that produced it, when known. */
  readonly runId: string | null
}

/** Describes `baseline` as read from `reference` (a path, or a live A/B target), from its own git context. */
export function sourceOfResult(
  baseline: RunResult,
  options: { readonly store: 'file' | 'live-ab'; readonly reference: string },
): BaselineSource {
  return {
    store: options.store,
    reference: options.reference,
    branch: baseline.git.branch,
    sha: baseline.git.sha,
    exactSha: false,
    measuredAt: baseline.startedAt,
    commitsBehind: null,
    runId: baseline.git.runId,
  }
}
