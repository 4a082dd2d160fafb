// The base branch's earlier baselines as the gate uses them: same profile, no duplicate of the baseline, newest first
// by `startedAt` (so the action and `tailgate compare --history` decide the same on the same runs, in any order).
import type { GatedMetric } from '../config/gate-schema.js'
import type { RunResult } from '../results/types.js'
import { JOB_NOISE_ALLOWANCE, MIN_HISTORY_RUNS } from './job-noise.js'
import { roundValues } from './measurements.js'
import type { MetricComparison } from './types.js'

/** A run's identity across files: when it started, in which workflow run, at which commit. */
function identity(run: RunResult): string {
  return `${run.startedAt}|${run.git.runId ?? ''}|${run.git.sha ?? ''}`
}

/**
 * The history the gate uses: runs measured with the candidate's profile (`fingerprint`), without the baseline itself
 * or repeats, sorted newest first by `startedAt` (ties keep their order).
 */
export function baseHistory(
  baseline: RunResult,
  history: readonly RunResult[],
  fingerprint: string,
): readonly RunResult[] {
  const seen = new Set([identity(baseline)])
  const kept: RunResult[] = []
  for (const run of history) {
    if (run.profileFingerprint !== fingerprint || seen.has(identity(run))) continue
    seen.add(identity(run))
    kept.push(run)
  }
  return kept.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
}

/**
 * The warning when some comparison had too little history and fell back on the job-to-job allowance: what was
 * assumed, and what would sharpen it (history, or live A/B, which cancels job-to-job shifts). null otherwise.
 */
export function historyWarning(comparisons: readonly MetricComparison[]): string | null {
  const thin = comparisons.flatMap((c) => (c.jobNoise?.kind === 'allowance' ? [c.jobNoise.historyRuns] : []))
  if (thin.length === 0) return null
  const have = Math.min(...thin)
  return (
    `Only ${have} earlier baseline${have === 1 ? '' : 's'} of the base branch (${MIN_HISTORY_RUNS} needed to measure ` +
    `the job-to-job shift): the gate assumed a conservative ±${(JOB_NOISE_ALLOWANCE * 100).toFixed(0)} % shift between ` +
    'CI jobs. Keeping baseline history (input `history`, stored with each baseline of the base branch; ' +
    '`tailgate compare --history`) or a live A/B run (`baseline-target`), which cancels job-to-job shifts, would sharpen it.'
  )
}

/** Each earlier baseline's round values of an endpoint's metric (runs without the endpoint or data are left out). */
export function historyRoundValues(history: readonly RunResult[], name: string, metric: GatedMetric): number[][] {
  return history.flatMap((run) => {
    const endpoint = run.endpoints.find((candidate) => candidate.name === name)
    const values = endpoint === undefined ? [] : roundValues(run, endpoint, metric).values
    return values.length === 0 ? [] : [values]
  })
}
