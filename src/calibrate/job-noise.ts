// How much each endpoint's gated metrics move from CI job to CI job, from stored baselines of the base branch: what
// A/A runs in one job (live A/B) cannot see, reported next to them by calibrate.
import type { GatedMetric } from '../config/gate-schema.js'
import { MIN_HISTORY_RUNS, type RunLevel, runLevel } from '../gate/job-noise.js'
import { roundValues } from '../gate/measurements.js'
import type { RunResult } from '../results/types.js'
import { betweenRunVariance } from '../stats/variance-components.js'

/** One endpoint's metric over the stored runs: log-scale sds (≈ relative: 0.02 = 2 %). */
export interface JobNoiseEstimate {
  readonly endpoint: string
  readonly metric: GatedMetric
  /** Stored runs with data for this endpoint and metric. */
  readonly runs: number
  /** sd of a run's value (log of the geometric mean of its round values) from run to run. */
  readonly runSd: number
  /** Its between-job part (random-effects moment estimate); null when a run had a single round. */
  readonly jobSd: number | null
  /** Its within-run part, from the rounds. */
  readonly withinSd: number | null
}

/**
 * The job-to-job noise per endpoint and gated metric (error rate excluded: it is not on a log scale) from stored runs
 * of one profile: empty unless at least MIN_HISTORY_RUNS runs have data, the same estimate the gate uses.
 */
export function jobNoiseOfHistory(runs: readonly RunResult[], metrics: readonly GatedMetric[]): JobNoiseEstimate[] {
  const names = [...new Set(runs.flatMap((run) => run.endpoints.map((endpoint) => endpoint.name)))]
  return names.flatMap((name) =>
    metrics
      .filter((metric) => metric !== 'error-rate')
      .flatMap((metric): JobNoiseEstimate[] => {
        const levels = runs.flatMap((run) => {
          const endpoint = run.endpoints.find((candidate) => candidate.name === name)
          const level = endpoint === undefined ? null : runLevel(roundValues(run, endpoint, metric).values)
          return level === null ? [] : [level]
        })
        if (levels.length < MIN_HISTORY_RUNS) return []
        return [estimate(name, metric, levels)]
      }),
  )
}

function estimate(endpoint: string, metric: GatedMetric, levels: readonly RunLevel[]): JobNoiseEstimate {
  const split = betweenRunVariance(
    levels.map((level) => level.logMean),
    levels.map((level) => level.withinVariance),
  )
  return {
    endpoint,
    metric,
    runs: split.runs,
    runSd: Math.sqrt(split.runVariance),
    jobSd: split.betweenVariance === null ? null : Math.sqrt(split.betweenVariance),
    withinSd: split.withinVariance === null ? null : Math.sqrt(split.withinVariance),
  }
}
