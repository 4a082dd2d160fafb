// The practical margin that A/A noise calls for: from the detectable shifts of many same-target comparisons, the
// (relative, absolute) pair the gate's max(relative × baseline median, absolute) rule needs to cover most of them.
// Pure arithmetic; the rounding is the one people write in a profile (whole %, two significant digits of ms).

import { MIN_EQUIVALENCE_CONF_LEVEL } from '../gate/metric-rule.js'
import type { MetricComparison } from '../gate/types.js'

/** One detectable shift of one endpoint in one A/A run, with that run's baseline median, both in the metric's unit. */
export interface DetectableShift {
  readonly shift: number
  readonly baselineMedian: number
}

/** A (relative, absolute) margin and the share of the shifts it covers. */
export interface MarginPair {
  /** Fraction of the baseline median (0.07 = 7 %). */
  readonly relative: number
  /** In the metric's unit. */
  readonly absolute: number
  /** Share of the shifts with max(relative × median, absolute) ≥ shift. */
  readonly coverage: number
}

/**
 * The margin pair with the smallest average margin (relative to each shift's baseline median) such that
 * max(relative × median, absolute) ≥ shift for at least `coverage` of the shifts. With `fixedAbsolute` only the
 * relative part is chosen (error rate and throughput have a fixed floor). Candidates for the absolute part are 0 and
 * every shift; for each, the relative part is the smallest ratio shift/median that covers enough of the rest.
 *
 * O(n² log n) for n shifts (a few hundred at most: runs × endpoints).
 * @example
 * // a fast endpoint (1 ms) and a slow one (100 ms), each able to see 0.5 ms:
 * coveringMargin([{ shift: 0.5, baselineMedian: 1 }, { shift: 0.5, baselineMedian: 100 }], { coverage: 1 })
 * // => { relative: 0, absolute: 0.5, coverage: 1 }
 */
export function coveringMargin(
  shifts: readonly DetectableShift[],
  options: { readonly coverage: number; readonly fixedAbsolute?: number },
): MarginPair | null {
  if (shifts.length === 0) return null
  const needed = Math.ceil(options.coverage * shifts.length - 1e-9)
  const candidates =
    options.fixedAbsolute === undefined
      ? [...new Set([0, ...shifts.map((s) => Math.max(0, s.shift))])].sort((a, b) => a - b)
      : [options.fixedAbsolute]
  let best: { relative: number; absolute: number; cost: number } | null = null
  for (const absolute of candidates) {
    const relative = relativeFor(shifts, absolute, needed)
    if (relative === null) continue
    const cost = averageRelativeMargin(shifts, relative, absolute)
    if (best === null || cost < best.cost - 1e-12) best = { relative, absolute, cost }
  }
  if (best === null) return null
  return { relative: best.relative, absolute: best.absolute, coverage: coverageOf(shifts, best) }
}

/** Rounds a pair up the way a profile states it: whole percent, two significant digits; recomputes the coverage. */
export function roundMarginUp(pair: MarginPair, shifts: readonly DetectableShift[]): MarginPair {
  // toPrecision(12) drops binary noise (0.07 × 100 = 7.000000000000001) before the ceiling.
  const relative = Math.ceil(Number((pair.relative * 100).toPrecision(12))) / 100
  const absolute = ceilSignificant(pair.absolute, 2)
  return { relative, absolute, coverage: coverageOf(shifts, { relative, absolute }) }
}

/**
 * Rounds up to `digits` significant digits: 1.234 → 1.3, 0.1234 → 0.13, 123 → 130. Zero stays zero.
 * @example ceilSignificant(1.234, 2) // => 1.3
 */
export function ceilSignificant(value: number, digits: number): number {
  if (value <= 0 || !Number.isFinite(value)) return Math.max(0, value)
  // toPrecision rounds to nearest; one unit in the last kept digit more when that went down.
  const nearest = Number(value.toPrecision(digits))
  if (nearest >= value) return nearest
  const unit = 10 ** (Math.floor(Math.log10(nearest)) - digits + 1)
  return Number((nearest + unit).toPrecision(digits))
}

/** Share of the shifts the pair covers. */
export function coverageOf(
  shifts: readonly DetectableShift[],
  pair: { readonly relative: number; readonly absolute: number },
): number {
  if (shifts.length === 0) return Number.NaN
  const covered = shifts.filter((s) => marginOf(s, pair) >= s.shift - 1e-12).length
  return covered / shifts.length
}

function marginOf(s: DetectableShift, pair: { readonly relative: number; readonly absolute: number }): number {
  return Math.max(pair.relative * Math.abs(s.baselineMedian), pair.absolute)
}

/** The smallest relative part that, with `absolute`, covers `needed` shifts; null when no relative part can. */
function relativeFor(shifts: readonly DetectableShift[], absolute: number, needed: number): number | null {
  const coveredByAbsolute = shifts.filter((s) => s.shift <= absolute).length
  const missing = needed - coveredByAbsolute
  if (missing <= 0) return 0
  const ratios = shifts
    .filter((s) => s.shift > absolute && s.baselineMedian !== 0)
    .map((s) => s.shift / Math.abs(s.baselineMedian))
    .sort((a, b) => a - b)
  return missing <= ratios.length ? (ratios[missing - 1] as number) : null
}

/** Mean of margin / median over the shifts with a non-zero median: what the margin costs in sensitivity. */
function averageRelativeMargin(shifts: readonly DetectableShift[], relative: number, absolute: number): number {
  const scaled = shifts.filter((s) => s.baselineMedian !== 0)
  if (scaled.length === 0) return absolute
  let sum = 0
  for (const s of scaled) sum += marginOf(s, { relative, absolute }) / Math.abs(s.baselineMedian)
  return sum / scaled.length
}

/**
 * What an A/A comparison can resolve: half the width of its shift interval (0 when every round was equal on each
 * side, so the shift is exact; null when the interval's achieved level is below MIN_EQUIVALENCE_CONF_LEVEL).
 */
export function halfWidth(comparison: MetricComparison): number | null {
  const interval = comparison.shiftInterval
  if (interval === null) return 0
  return interval.confLevel < MIN_EQUIVALENCE_CONF_LEVEL ? null : (interval.upper - interval.lower) / 2
}
