// A BaselineSource for a baseline that did not come from a store lookup: a file given by path, or a live A/B run.
import type { RunResult } from '../results/types.js'
import type { BaselineSource } from './types.js'

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
