// The two-sample test of equal proportions (R's prop.test for two groups), used for error rates.
import { asymptoticPValue } from './mann-whitney.js'
import type { Alternative } from './types.js'

/** Event counts of the two groups: baseline first, as everywhere in this folder. */
export interface TwoProportionInput {
  readonly baselineEvents: number
  readonly baselineTotal: number
  readonly candidateEvents: number
  readonly candidateTotal: number
}

/** Options of the two-proportion test; the defaults are R's prop.test. */
export interface TwoProportionOptions {
  /** As R: `less` = the baseline's rate is smaller (the candidate fails more often). Default two-sided. */
  readonly alternative?: Alternative
  /** Yates' continuity correction, R's default `correct = TRUE`. */
  readonly continuity?: boolean
}

/** The rates, their difference and the test's z and p. */
export interface TwoProportionResult {
  readonly baselineRate: number
  readonly candidateRate: number
  /** candidateRate − baselineRate. */
  readonly difference: number
  /** Signed square root of R's X-squared (sign of baseline − candidate); null when degenerate. */
  readonly z: number | null
  /** null when the pooled rate is 0 or 1 (no events or only events): no evidence of a difference. */
  readonly pValue: number | null
}

/**
 * Two-proportion z-test (the 2×2 chi-squared test of R's `prop.test(c(a, b), c(n1, n2))`): pooled rate p̂,
 * z = sign(Δ)·max(0, |Δ| − Y·(1/n1 + 1/n2))/√(p̂(1 − p̂)(1/n1 + 1/n2)) with Δ = p1 − p2 and Yates' Y =
 * min(0.5, |Δ|/(1/n1 + 1/n2)) when corrected; p from the normal tails (erfc). O(1).
 * @see https://stat.ethz.ch/R-manual/R-devel/library/stats/html/prop.test.html
 * @example
 * twoProportionTest({ baselineEvents: 5, baselineTotal: 1000, candidateEvents: 20, candidateTotal: 1000 },
 *   { alternative: 'less' }).pValue // => 0.0024187… (R: prop.test(c(5, 20), c(1000, 1000), alternative = "less"))
 */
export function twoProportionTest(input: TwoProportionInput, options: TwoProportionOptions = {}): TwoProportionResult {
  const { baselineEvents, baselineTotal, candidateEvents, candidateTotal } = input
  for (const [name, value] of Object.entries(input)) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${name} is ${value}; it must be a whole number ≥ 0`)
  }
  if (baselineTotal === 0 || candidateTotal === 0) throw new RangeError('both groups need at least one observation')
  if (baselineEvents > baselineTotal || candidateEvents > candidateTotal) {
    throw new RangeError('events cannot exceed the total of their group')
  }
  const alternative = options.alternative ?? 'two-sided'
  const baselineRate = baselineEvents / baselineTotal
  const candidateRate = candidateEvents / candidateTotal
  const pooled = (baselineEvents + candidateEvents) / (baselineTotal + candidateTotal)
  const result = { baselineRate, candidateRate, difference: candidateRate - baselineRate }
  if (pooled === 0 || pooled === 1) return { ...result, z: null, pValue: null }
  const inverseSum = 1 / baselineTotal + 1 / candidateTotal
  const delta = baselineRate - candidateRate
  const yates = (options.continuity ?? true) ? Math.min(0.5, Math.abs(delta) / inverseSum) : 0
  const z = (Math.sign(delta) * (Math.abs(delta) - yates * inverseSum)) / Math.sqrt(pooled * (1 - pooled) * inverseSum)
  return { ...result, z, pValue: asymptoticPValue(z, alternative) }
}
