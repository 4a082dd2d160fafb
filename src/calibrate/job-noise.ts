// How much each endpoint's gated metrics move from CI job to CI job, from stored baselines of the base branch: what
// A/A runs in one job (live A/B) cannot see, reported next to them by calibrate.
import type { GatedMetric } from '../config/gate-schema.js'
import { MIN_HISTORY_RUNS, type RunLevel, runLevel } from '../gate/job-noise.js'
import { roundValues } from '../gate/measurements.js'
import type { RunResult } from '../results/types.js'
import { betweenRunVariance } from '../stats/variance-components.js'
import type { CalibrationReport } from './types.js'

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

/** What the report says about the shift between CI jobs: measured from history, or why not. */
export function jobNoiseNotes(report: Omit<CalibrationReport, 'notes'>): string[] {
  if (report.jobNoise.length > 0) {
    const worst = report.jobNoise.reduce((a, b) => ((b.jobSd ?? b.runSd) > (a.jobSd ?? a.runSd) ? b : a))
    return [
      `Between CI jobs (${report.historyRuns} stored baselines): ${worst.endpoint} ${worst.metric} moves by a job-to-job ` +
        `sd of ${((worst.jobSd ?? worst.runSd) * 100).toFixed(1)} %, which A/A runs in one job cannot see; the gate ` +
        'allows for it against a stored baseline, and live A/B cancels it.',
    ]
  }
  if (report.historyRuns === 0) return []
  return [
    `No job-to-job figure: ${report.historyRuns} stored baseline(s) given, ${MIN_HISTORY_RUNS} needed. These A/A ` +
      'runs share one job, so they cannot see the shift between CI jobs that a stored baseline carries; give stored ' +
      'baselines of the base branch (tailgate calibrate --history) to measure it.',
  ]
}

/** The report with the job-to-job noise of `history` (stored baselines of the profile) and its note. */
export function withJobNoise(
  report: CalibrationReport,
  history: readonly RunResult[],
  metrics: readonly GatedMetric[],
): CalibrationReport {
  const measured = { ...report, historyRuns: history.length, jobNoise: jobNoiseOfHistory(history, metrics) }
  return { ...measured, notes: [...report.notes, ...jobNoiseNotes(measured)] }
}
