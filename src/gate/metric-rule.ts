// The regression rule for one gated metric: exact Mann-Whitney on round values against a shifted null (the margin),
// the Hodges-Lehmann shift with its interval, and the outcome once Holm has adjusted every p of the run.
import { median } from 'simple-statistics'
import type { GatedMetric, GateSettings } from '../config/gate-schema.js'
import { exactConditionalTest } from '../stats/exact-conditional.js'
import { hodgesLehmannWeighted } from '../stats/hodges-lehmann.js'
import { mannWhitneyWeighted } from '../stats/mann-whitney.js'
import { normalQuantile } from '../stats/normal.js'
import type { Alternative } from '../stats/types.js'
import { weightedFromValues } from '../stats/weighted-sample.js'
import { explainComparison } from './explain.js'
import { METRIC_UNITS, WORSE_DIRECTION } from './measurements.js'
import { detectableWorsening, type Precision, RESOLVABLE_MARGIN_MULTIPLE } from './resolution.js'
import type { MetricComparison } from './types.js'

/**
 * The absolute floor of the error-rate margin: half a percentage point. A candidate must fail at least 0.5 % more
 * requests than the baseline (or the relative margin of the baseline's rate, if larger) before the gate calls it a
 * regression: with a few hundred requests per round a single failed request moves a round's rate by 0.1-0.5 pp.
 */
export const ERROR_RATE_MARGIN_FLOOR = 0.005

/**
 * An interval whose achieved level is below this cannot show equivalence (2 v 2 rounds reach only 67 %): the
 * comparison stays inconclusive however small the change looks.
 */
export const MIN_EQUIVALENCE_CONF_LEVEL = 0.9

/** A metric compared, before Holm's adjustment and the outcome. */
export type MetricTest = Omit<MetricComparison, 'pValueAdjusted' | 'outcome' | 'explanation'> & {
  readonly improvementPValue: number
  /** null when the comparison cannot detect anything (too few rounds for a meaningful interval). */
  readonly precision: Precision | null
}

/**
 * Practical margin in the metric's unit: max(relative × baseline median, floor), the floor being the absolute ms
 * margin for latency, 0.5 pp for error rate (ERROR_RATE_MARGIN_FLOOR) and 0 for throughput (relative only).
 */
export function marginFor(metric: GatedMetric, baselineMedian: number, gate: GateSettings): number {
  const unit = METRIC_UNITS[metric]
  const floor = unit === 'ms' ? gate.marginAbsoluteMs : unit === 'fraction' ? ERROR_RATE_MARGIN_FLOOR : 0
  return Math.max(gate.marginRelative * Math.abs(baselineMedian), floor)
}

/**
 * Tests one metric. Regression: an exact Mann-Whitney test (the permutation distribution given ties, so tied round
 * values stay exact) of the baseline rounds against the candidate rounds moved back by the margin, one-sided
 * "candidate worse by more than the margin" (Perfolizer's threshold design, the statistics note §8 design A).
 * Improvement: the mirrored test. Shift: Hodges-Lehmann on the round values with R's 95 % interval.
 */
export function testMetric(input: {
  readonly metric: GatedMetric
  readonly baselineRounds: readonly number[]
  readonly candidateRounds: readonly number[]
  readonly gate: GateSettings
}): MetricTest {
  const { metric, baselineRounds, candidateRounds, gate } = input
  const direction = WORSE_DIRECTION[metric]
  const baseline = weightedFromValues(baselineRounds, `${metric} baseline rounds`)
  const candidate = weightedFromValues(candidateRounds, `${metric} candidate rounds`)
  const baselineMedian = median([...baselineRounds])
  const candidateMedian = median([...candidateRounds])
  const margin = marginFor(metric, baselineMedian, gate)
  // "x stochastically smaller" (less) is "candidate larger": worse for latency and errors, better for throughput.
  const worseAlternative: Alternative = direction === 1 ? 'less' : 'greater'
  const betterAlternative: Alternative = direction === 1 ? 'greater' : 'less'
  const pValue = shiftedTest(baselineRounds, candidateRounds, -direction * margin, worseAlternative)
  const improvementPValue = shiftedTest(baselineRounds, candidateRounds, direction * margin, betterAlternative)
  const hl = hodgesLehmannWeighted(baseline, candidate, { confLevel: 0.95 })
  const interval = hl.interval
  const shiftInterval =
    interval === null ? null : { lower: interval.lower, upper: interval.upper, confLevel: intervalLevel(interval) }
  const precision = precisionOf(shiftInterval, margin)
  return {
    metric,
    unit: METRIC_UNITS[metric],
    baselineRounds: [...baselineRounds],
    candidateRounds: [...candidateRounds],
    baselineMedian,
    candidateMedian,
    shift: hl.estimate,
    relativeShift: relative(hl.estimate, baselineMedian),
    shiftInterval,
    margin,
    pValue,
    improvementPValue,
    detectableShift: null,
    jobNoise: { kind: 'same-job' },
    precision,
  }
}

/**
 * The outcome once Holm has adjusted every regression p (and, separately, every improvement p) of the run's
 * `comparisons` gated comparisons: regression if the adjusted p < alpha; improvement likewise; no-change when
 * equivalence is shown (the shift interval lies within ±margin: with the (1 − 2α) interval of the run-level test this
 * is Schuirmann's two one-sided tests; with every round equal on both sides, the exact shift decides); pass when there
 * is no evidence of a regression and the run resolves the margin (detectable worsening at alpha/comparisons at most
 * RESOLVABLE_MARGIN_MULTIPLE × margin); otherwise inconclusive.
 */
export function concludeMetric(
  test: MetricTest,
  adjusted: { readonly regression: number; readonly improvement: number },
  alpha: number,
  comparisons = 1,
): MetricComparison {
  const interval = test.shiftInterval
  const levelSufficient = interval === null || interval.confLevel >= MIN_EQUIVALENCE_CONF_LEVEL
  // Without a precision nothing was measured (e.g. one round a side, no history): no claim of equivalence.
  const equivalent =
    test.precision !== null &&
    levelSufficient &&
    (interval === null
      ? Math.abs(test.shift) < test.margin
      : interval.lower > -test.margin && interval.upper < test.margin)
  const { precision: _precision, ...shown } = test
  const detectableShift = detectableWorsening(test, alpha / Math.max(1, comparisons))
  const resolved = detectableShift !== null && detectableShift <= RESOLVABLE_MARGIN_MULTIPLE * test.margin
  const outcome: MetricComparison['outcome'] =
    adjusted.regression < alpha
      ? 'regression'
      : adjusted.improvement < alpha
        ? 'improvement'
        : equivalent
          ? 'no-change'
          : resolved
            ? 'pass'
            : 'inconclusive'
  const concluded = {
    ...shown,
    detectableShift,
    pValueAdjusted: adjusted.regression,
    improvementPValueAdjusted: adjusted.improvement,
    outcome,
  }
  return { ...concluded, explanation: explainComparison(concluded) }
}

/**
 * The precision of a comparison from its shift interval. A null interval means every round was equal on each side, so
 * the shift is exact; an interval below MIN_EQUIVALENCE_CONF_LEVEL (too few rounds) has no meaningful width (null);
 * otherwise the interval's half-width, read as a normal-theory 95 % interval, gives the standard error.
 */
export function precisionOf(shiftInterval: MetricComparison['shiftInterval'], margin: number): Precision | null {
  if (shiftInterval === null) return { scale: 'unit', standardError: 0, df: Number.POSITIVE_INFINITY, margin }
  if (shiftInterval.confLevel < MIN_EQUIVALENCE_CONF_LEVEL) return null
  const standardError = (shiftInterval.upper - shiftInterval.lower) / 2 / normalQuantile(0.975)
  return { scale: 'unit', standardError, df: Number.POSITIVE_INFINITY, margin }
}

/** One-sided exact p of baseline against candidate + offset; a degenerate comparison is "no evidence" (p = 1). */
export function shiftedTest(
  baselineRounds: readonly number[],
  candidateRounds: readonly number[],
  offset: number,
  alternative: Alternative,
): number {
  const x = weightedFromValues(baselineRounds, 'baseline rounds')
  const y = weightedFromValues(
    candidateRounds.map((value) => value + offset),
    'candidate rounds',
  )
  const exact = exactConditionalTest(x, y, alternative)
  if (exact !== null) return exact.pValue
  return mannWhitneyWeighted(x, y, { alternative, method: 'asymptotic' }).pValue ?? 1
}

function intervalLevel(interval: { readonly achievedConfLevel: number | null; readonly confLevel: number }): number {
  return interval.achievedConfLevel ?? interval.confLevel
}

/** A shift relative to the baseline value (±Infinity for a change from 0, 0 for none). */
export function relative(shift: number, base: number): number {
  if (base !== 0) return shift / Math.abs(base)
  return shift === 0 ? 0 : Math.sign(shift) * Number.POSITIVE_INFINITY
}
