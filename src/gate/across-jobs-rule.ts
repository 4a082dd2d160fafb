// The regression rule for a baseline measured in another CI job: a one-sided t test on run-level values (log of each
// run's geometric mean of round values) whose variance adds the job-to-job component, estimated from the base
// branch's stored runs or, with too little history, a conservative allowance. See docs/statistics.md.
import { median } from 'simple-statistics'
import type { GatedMetric, GateSettings } from '../config/gate-schema.js'
import { studentTQuantile, studentTUpperTail } from '../stats/student-t.js'
import { type VarianceComponent, welchSatterthwaiteDf } from '../stats/variance-components.js'
import { estimateJobNoise, type RunLevel, runLevel } from './job-noise.js'
import { METRIC_UNITS, WORSE_DIRECTION } from './measurements.js'
import { type MetricTest, marginFor } from './metric-rule.js'

/**
 * Tests one metric against a stored baseline. The run-level value of a run is y = mean of log round values.
 * With ≥ MIN_HISTORY_RUNS earlier baselines (K base-branch runs with the baseline): the reference is their mean ȳ and
 * the candidate's y is judged against the prediction interval of a new run, Var = s²_y (1 + 1/K), plus the excess of
 * the candidate's own round variance over the history's (Higgins, Thompson & Spiegelhalter 2009 prediction interval;
 * Welch-Satterthwaite df). Without: the baseline run is the reference and Var = w_B + w_C + 2 × allowance².
 * Regression: one-sided t test of "worse by more than the margin" (margin as log(1 + margin/median)); improvement:
 * the mirror; no change (noChangePValue, rounds: auto): the t test of "not worse by the margin"; the shift interval is the (1 − 2α) interval for the two one-sided tests of equivalence.
 * Returns null when a round value is not positive (the metric cannot go on the log scale: use the rounds rule).
 */
export function testAcrossJobs(input: {
  readonly metric: GatedMetric
  readonly baselineRounds: readonly number[]
  readonly candidateRounds: readonly number[]
  /** Each earlier baseline's round values of this metric (any order). */
  readonly historyRounds: readonly (readonly number[])[]
  readonly gate: GateSettings
}): MetricTest | null {
  const { metric, baselineRounds, candidateRounds, gate } = input
  const baseline = runLevel(baselineRounds)
  const candidate = runLevel(candidateRounds)
  if (baseline === null || candidate === null) return null
  const history = input.historyRounds.map(runLevel).filter((run): run is RunLevel => run !== null)
  const { noise, referenceLog, runVariance } = estimateJobNoise(baseline, history)
  const baselineMedian = median([...baselineRounds])
  const margin = marginFor(metric, baselineMedian, gate)
  const logMargin = Math.log1p(margin / baselineMedian)
  const components =
    runVariance === null
      ? allowanceComponents(baseline, candidate, noise.kind === 'allowance' ? noise.jobSd : 0)
      : historyComponents(runVariance, history.length + 1, candidate, noise.kind === 'history' ? noise.withinSd : null)
  const difference = candidate.logMean - referenceLog
  const relativeShift = Math.expm1(difference)
  const common = {
    metric,
    unit: METRIC_UNITS[metric],
    baselineRounds: [...baselineRounds],
    candidateRounds: [...candidateRounds],
    baselineMedian,
    candidateMedian: median([...candidateRounds]),
    shift: relativeShift * baselineMedian,
    relativeShift,
    margin,
    detectableShift: null,
    jobNoise: noise,
  }
  if (components === null) {
    // One round on a side and no history: nothing measures the noise, so nothing can be concluded.
    return { ...common, shiftInterval: null, pValue: 1, improvementPValue: 1, noChangePValue: 1, precision: null }
  }
  const variance = components.reduce((sum, component) => sum + component.variance, 0)
  const standardError = Math.sqrt(variance)
  const df = welchSatterthwaiteDf(components)
  const direction = WORSE_DIRECTION[metric]
  const halfWidth = studentTQuantile(1 - gate.alpha, df) * standardError
  return {
    ...common,
    shiftInterval: {
      lower: Math.expm1(difference - halfWidth) * baselineMedian,
      upper: Math.expm1(difference + halfWidth) * baselineMedian,
      confLevel: 1 - 2 * gate.alpha,
    },
    pValue: upperTail(direction * difference - logMargin, standardError, df),
    improvementPValue: upperTail(-direction * difference - logMargin, standardError, df),
    noChangePValue: upperTail(logMargin - direction * difference, standardError, df),
    precision: { scale: 'log', standardError, df, margin: logMargin },
  }
}

/** Prediction of a new run from K base runs: s²_y (1 + 1/K) on K − 1 df, plus the candidate's excess round noise. */
function historyComponents(
  runVariance: number,
  runs: number,
  candidate: RunLevel,
  historyWithinSd: number | null,
): VarianceComponent[] {
  const components: VarianceComponent[] = [{ variance: runVariance * (1 + 1 / runs), df: runs - 1 }]
  if (candidate.withinVariance !== null && historyWithinSd !== null) {
    const excess = candidate.withinVariance - historyWithinSd * historyWithinSd
    if (excess > 0) components.push({ variance: excess, df: candidate.rounds - 1 })
  }
  return components
}

/** Baseline against candidate: both runs' round variances (k − 1 df each) plus twice the assumed job variance. */
function allowanceComponents(baseline: RunLevel, candidate: RunLevel, jobSd: number): VarianceComponent[] | null {
  if (baseline.withinVariance === null || candidate.withinVariance === null) return null
  return [
    { variance: baseline.withinVariance, df: baseline.rounds - 1 },
    { variance: candidate.withinVariance, df: candidate.rounds - 1 },
    { variance: 2 * jobSd * jobSd, df: Number.POSITIVE_INFINITY },
  ]
}

/** P(T_df > excess/se); with se = 0 the difference is exact: 0 when past the margin, else 1. */
function upperTail(excess: number, standardError: number, df: number): number {
  if (standardError === 0) return excess > 0 ? 0 : 1
  return studentTUpperTail(excess / standardError, df)
}
