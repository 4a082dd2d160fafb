// How much a run's value of a metric moves from CI job to CI job, from the base branch's stored runs (the baseline
// and its history), or a documented allowance when there are too few of them. See docs/statistics.md.
import { mean, sampleVariance } from 'simple-statistics'
import { betweenRunVariance } from '../stats/variance-components.js'
import type { JobNoise } from './types.js'

/** Fewer earlier baselines than this, and the job-to-job spread is not estimated: JOB_NOISE_ALLOWANCE stands in. */
export const MIN_HISTORY_RUNS = 3

/**
 * The conservative job-to-job spread assumed without enough history: a log-sd of 0.03 per job, i.e. about ±3 % from
 * one job to the next (the spread of a uniform ±5.2 % job factor). Shared cloud runners measured in the literature and
 * in this project's simulations move by less; `tailgate calibrate` with a stored history shows a runner's own figure.
 */
export const JOB_NOISE_ALLOWANCE = 0.03

/**
 * A run's value of a metric on the log scale: the mean of the log round values (the log of their geometric mean),
 * with its within-run variance s²/k from the rounds (null with a single round).
 */
export interface RunLevel {
  readonly logMean: number
  readonly rounds: number
  readonly withinVariance: number | null
}

/** The run-level value of positive, finite round values; null when there are none or any is ≤ 0. */
export function runLevel(roundValues: readonly number[]): RunLevel | null {
  if (roundValues.length === 0 || roundValues.some((value) => !(value > 0) || !Number.isFinite(value))) return null
  const logs = roundValues.map(Math.log)
  return {
    logMean: mean(logs),
    rounds: logs.length,
    withinVariance: logs.length >= 2 ? sampleVariance(logs) / logs.length : null,
  }
}

/**
 * What the base branch's runs say about one endpoint's metric: with at least MIN_HISTORY_RUNS earlier baselines
 * (K = history + 1 runs, the baseline included), the run values' mean and sample variance and the between-job part
 * (random-effects moment estimator); otherwise the allowance, with how many earlier runs there were.
 */
export function estimateJobNoise(
  baseline: RunLevel,
  history: readonly RunLevel[],
): { readonly noise: JobNoise; readonly referenceLog: number; readonly runVariance: number | null } {
  if (history.length < MIN_HISTORY_RUNS) {
    return {
      noise: { kind: 'allowance', historyRuns: history.length, jobSd: JOB_NOISE_ALLOWANCE },
      referenceLog: baseline.logMean,
      runVariance: null,
    }
  }
  const runs = [baseline, ...history]
  const estimate = betweenRunVariance(
    runs.map((run) => run.logMean),
    runs.map((run) => run.withinVariance),
  )
  return {
    noise: {
      kind: 'history',
      runs: estimate.runs,
      runSd: Math.sqrt(estimate.runVariance),
      jobSd: estimate.betweenVariance === null ? null : Math.sqrt(estimate.betweenVariance),
      withinSd: estimate.withinVariance === null ? null : Math.sqrt(estimate.withinVariance),
    },
    referenceLog: estimate.mean,
    runVariance: estimate.runVariance,
  }
}
