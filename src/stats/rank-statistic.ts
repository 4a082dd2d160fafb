// U of x, the rank sum and the tie term of two weighted samples, by one merge-join over their sorted values.
import type { WeightedSample } from './weighted-sample.js'

/** What the merge-join of two samples yields. */
export interface RankStatistic {
  /** U of x: #{x > y} + ½·#{x = y}. */
  readonly u: number
  /** sum(rank(x)) in the pooled sample (average ranks for ties). */
  readonly rankSumX: number
  /** Σ(t³ − t) over the pooled tie groups. */
  readonly tieTerm: number
  /** Any pooled value occurs twice or more. */
  readonly hasTies: boolean
}

/**
 * Mann-Whitney U of x against y from two ascending weighted samples, in one pass over the buckets.
 *
 * Every observation in a bucket (equal value) is a tie: U_x += a_b·(y below + ½·c_b), T += t³ − t with t = a_b + c_b
 * (the statistics note §6; SciPy's `_tie_term`). Equal to ranking the raw samples when the values are the raw values.
 *
 * O(distinct values of x + distinct values of y).
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html
 * @example
 * rankStatistic(weightedFromValues([1, 3], 'x'), weightedFromValues([2, 3], 'y')).u // => 1.5
 */
export function rankStatistic(x: WeightedSample, y: WeightedSample): RankStatistic {
  const xValues = x.values
  const yValues = y.values
  const xCounts = x.counts
  const yCounts = y.counts
  let i = 0
  let j = 0
  let yBelow = 0
  let pooledBelow = 0
  let u = 0
  let rankSumX = 0
  let tieTerm = 0
  let hasTies = false
  while (i < xValues.length || j < yValues.length) {
    const xv = i < xValues.length ? (xValues[i] as number) : Number.POSITIVE_INFINITY
    const yv = j < yValues.length ? (yValues[j] as number) : Number.POSITIVE_INFINITY
    let a = 0
    let c = 0
    if (xv <= yv && i < xValues.length) a = xCounts[i++] as number
    if (yv <= xv && j < yValues.length) c = yCounts[j++] as number
    u += a * (yBelow + 0.5 * c)
    const t = a + c
    rankSumX += a * (pooledBelow + (t + 1) / 2)
    if (t > 1) {
      hasTies = true
      tieTerm += t * t * t - t
    }
    yBelow += c
    pooledBelow += t
  }
  return { u, rankSumX, tieTerm, hasTies }
}
