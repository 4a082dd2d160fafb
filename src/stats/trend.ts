// Trend of a short series (round values in time order): the Mann-Kendall test and the Theil-Sen slope.
import { normalUpperTail } from './normal.js'

/**
 * Number of permutations of n items with exactly k inversions, k = 0..n(n−1)/2 (the Mahonian numbers, OEIS A008302),
 * by the recurrence I(n, k) = Σ_{j=0}^{min(k, n−1)} I(n−1, k−j). Exact in doubles up to n = 20 or so; counts are
 * only used as ratios to n!, so larger n stay accurate to rounding.
 * @see https://oeis.org/A008302
 */
export function inversionCounts(n: number): Float64Array {
  let counts = new Float64Array([1])
  for (let size = 2; size <= n; size++) {
    const next = new Float64Array(counts.length + size - 1)
    // Sliding window sum over j = 0..size−1.
    let window = 0
    for (let k = 0; k < next.length; k++) {
      window += k < counts.length ? (counts[k] as number) : 0
      if (k - size >= 0) window -= counts[k - size] as number
      next[k] = window
    }
    counts = next
  }
  return counts
}

export interface MannKendallResult {
  /** S = #(i<j: x_j > x_i) − #(i<j: x_j < x_i). */
  readonly s: number
  /** Pairs tied (counted as 0 in S). */
  readonly tiedPairs: number
  /** One-sided p of "increasing" from the exact no-ties distribution of S (conservative with ties). */
  readonly pIncreasing: number
}

/** Above this length the exact distribution is replaced by the normal approximation with continuity correction. */
const EXACT_MAX_N = 60

/**
 * Mann-Kendall trend test (Mann 1945; Kendall 1975), one-sided "the series increases". Under H0 (exchangeable
 * values) S = n(n−1)/2 − 2·(inversions) of a random permutation, so P(S ≥ s) is exact from the inversion counts.
 * Ties count 0 in S; using the no-ties distribution then is conservative (ties shrink the variance of S). Equals
 * SciPy's `kendalltau(range(n), x, method='exact', alternative='greater')` without ties.
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.kendalltau.html
 * @example mannKendall([1, 2, 3, 4, 5, 6]).pIncreasing // => 1/720
 */
export function mannKendall(values: readonly number[]): MannKendallResult {
  const n = values.length
  let s = 0
  let tiedPairs = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = (values[j] as number) - (values[i] as number)
      if (d > 0) s++
      else if (d < 0) s--
      else tiedPairs++
    }
  }
  const pairs = (n * (n - 1)) / 2
  if (n < 2) return { s, tiedPairs, pIncreasing: 1 }
  if (n > EXACT_MAX_N) {
    const variance = (n * (n - 1) * (2 * n + 5)) / 18
    const z = (s - 1) / Math.sqrt(variance)
    return { s, tiedPairs, pIncreasing: normalUpperTail(z) }
  }
  // S ≥ s  ⇔  inversions ≤ (pairs − s) / 2.
  const counts = inversionCounts(n)
  const maxInversions = Math.floor((pairs - s) / 2)
  let favourable = 0
  let total = 0
  for (let k = 0; k < counts.length; k++) {
    total += counts[k] as number
    if (k <= maxInversions) favourable += counts[k] as number
  }
  return { s, tiedPairs, pIncreasing: Math.min(1, favourable / total) }
}

/**
 * Theil-Sen slope (Sen 1968): the median of the pairwise slopes (y_j − y_i)/(x_j − x_i), i < j, x_i ≠ x_j.
 * Returns 0 for fewer than two distinct x.
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.theilslopes.html
 * @example theilSenSlope([0, 1, 2, 3], [1, 3, 5, 7]) // => 2
 */
export function theilSenSlope(x: readonly number[], y: readonly number[]): number {
  const slopes: number[] = []
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = (x[j] as number) - (x[i] as number)
      if (dx !== 0) slopes.push(((y[j] as number) - (y[i] as number)) / dx)
    }
  }
  if (slopes.length === 0) return 0
  slopes.sort((a, b) => a - b)
  const middle = Math.floor(slopes.length / 2)
  return slopes.length % 2 === 1
    ? (slopes[middle] as number)
    : ((slopes[middle - 1] as number) + (slopes[middle] as number)) / 2
}
