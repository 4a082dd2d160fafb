// The resolution of a comparison: the smallest worsening it would catch, and whether that resolves the margin.
import { studentTQuantile } from '../stats/student-t.js'
import { WORSE_DIRECTION } from './measurements.js'
import type { MetricTest } from './metric-rule.js'

/**
 * A run resolves the margin when its detectable worsening (80 % power at alpha/m) is at most this multiple of the
 * margin; beyond it the comparison is `inconclusive` (could not resolve the margin) instead of a pass. 7 keeps the
 * project's default run (6 rounds, 10 stored baselines) on a shared runner's job-to-job noise (±3 %) a pass: its
 * detectable worsening is 4-6 × a 5 % margin (docs/statistics.md); a run that resolves less says so, with the fix.
 */
export const RESOLVABLE_MARGIN_MULTIPLE = 7

/** The power at which `detectableShift` is stated: a worsening of that size is caught in at least 80 % of runs. */
export const DETECTION_POWER = 0.8

/**
 * What the resolution of a comparison is computed from: the standard error of the tested difference and its degrees
 * of freedom, on the log scale (`log`: relative changes) or in the metric's unit, with the margin on the same scale.
 */
export interface Precision {
  readonly scale: 'log' | 'unit'
  readonly standardError: number
  readonly df: number
  readonly margin: number
}

/**
 * The smallest worsening a comparison catches in at least DETECTION_POWER of runs when tested at `level`, as a
 * positive size in the metric's unit: margin + (t₁₋level + t_power) × standard error (the textbook power formula of
 * a one-sided t test, e.g. Chow, Shao & Wang, "Sample Size Calculations in Clinical Research", 2nd ed. 2008, §3.2),
 * converted from the log scale with the baseline median. null without a precision.
 */
export function detectableWorsening(test: MetricTest, level: number): number | null {
  const { precision } = test
  if (precision === null) return null
  const spread =
    (studentTQuantile(1 - level, precision.df) + studentTQuantile(DETECTION_POWER, precision.df)) *
    precision.standardError
  const size = precision.margin + spread
  if (precision.scale === 'unit') return size
  const base = Math.abs(test.baselineMedian)
  return WORSE_DIRECTION[test.metric] === 1 ? base * Math.expm1(size) : base * -Math.expm1(-size)
}
