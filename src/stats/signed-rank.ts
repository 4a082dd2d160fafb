// Wilcoxon signed-rank test on paired differences (exact conditional distribution or the normal approximation) and
// the one-sample Hodges-Lehmann estimate (median of the Walsh averages) with its distribution-free interval.
import { normalLowerTail, normalQuantile, normalUpperTail } from './normal.js'

/** Alternatives for the location θ of the differences: `greater` = H1: θ > mu, `less` = H1: θ < mu. */
export type SignedRankAlternative = 'two-sided' | 'less' | 'greater'

export interface SignedRankOptions {
  readonly alternative?: SignedRankAlternative
  /** The location under the null, in the unit of the differences. Default 0. */
  readonly mu?: number
  /** `auto` (default) is exact for up to EXACT_MAX_PAIRS non-zero differences, ties or not. */
  readonly method?: 'auto' | 'exact' | 'asymptotic'
  /** Continuity correction of the normal approximation (R's `correct = TRUE`). Default true. */
  readonly continuity?: boolean
}

export interface SignedRankResult {
  /** V: the sum of the (average) ranks of |d − mu| over the positive d − mu (R's V, SciPy's `r_plus`). */
  readonly statistic: number
  /** Non-zero differences d − mu (the ones ranked). */
  readonly n: number
  /** Differences equal to mu, dropped before ranking (Wilcoxon's rule: R, SciPy `zero_method='wilcox'`). */
  readonly zeros: number
  readonly hasTies: boolean
  /** null only when every difference equals mu: no evidence either way. */
  readonly pValue: number | null
  readonly method: 'exact' | 'asymptotic'
  /** Standardized statistic of the normal approximation; null for the exact method. */
  readonly z: number | null
}

/** Above this many non-zero differences `auto` uses the normal approximation (the exact table is O(n³)). */
export const EXACT_MAX_PAIRS = 200

/**
 * The Wilcoxon signed-rank test (Wilcoxon 1945) of the location of paired differences d: ranks |d − mu| (ties get
 * average ranks, zeros are dropped), V = Σ ranks of the positive ones.
 * - `exact`: the permutation distribution of V given the ranks, each of the 2^n sign patterns equally likely. Without
 *   ties it is R's `psignrank` / SciPy's `method='exact'`; with tied ranks it is the exact conditional test (R ≥ 4.6).
 * - `asymptotic`: the normal approximation with the tie correction Σ(t³ − t)/48 and the continuity correction, as R's
 *   `wilcox.test(x, y, paired = TRUE, exact = FALSE)` and SciPy's `wilcoxon(..., method='asymptotic')`.
 * O(n log n) plus O(n³) for the exact distribution.
 * @see Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., §3.1 (2014)
 * @see https://stat.ethz.ch/R-manual/R-devel/library/stats/html/wilcox.test.html
 * @example
 * // Hollander & Wolfe's depression scores (R's ?wilcox.test): V = 40, p = 0.01953
 * wilcoxonSignedRank([0.952, -0.147, 1.022, 0.43, 0.62, 0.59, 0.49, -0.08, 0.01], { alternative: 'greater' })
 */
export function wilcoxonSignedRank(differences: readonly number[], options: SignedRankOptions = {}): SignedRankResult {
  const alternative = options.alternative ?? 'two-sided'
  const mu = options.mu ?? 0
  const continuity = options.continuity ?? true
  checkFinite(differences, 'difference')
  if (!Number.isFinite(mu)) throw new RangeError(`mu ${mu} is not a finite number`)
  const shifted = differences.map((d) => d - mu)
  const nonZero = shifted.filter((d) => d !== 0)
  const n = nonZero.length
  const zeros = shifted.length - n
  const ranks = averageRanks(nonZero.map(Math.abs))
  let statistic = 0
  for (const [i, d] of nonZero.entries()) if (d > 0) statistic += ranks[i] as number
  const hasTies = new Set(nonZero.map(Math.abs)).size < n
  if (n === 0) return { statistic, n, zeros, hasTies, pValue: null, method: 'exact', z: null }
  const method = options.method ?? 'auto'
  if (method === 'exact' || (method === 'auto' && n <= EXACT_MAX_PAIRS)) {
    const distribution = signedRankDistribution(ranks.map((r) => Math.round(2 * r)))
    const twice = Math.round(2 * statistic)
    const lower = cumulative(distribution, 0, twice)
    const upper = cumulative(distribution, twice, distribution.length - 1)
    const pValue =
      alternative === 'less' ? lower : alternative === 'greater' ? upper : Math.min(1, 2 * Math.min(lower, upper))
    return { statistic, n, zeros, hasTies, pValue: Math.min(1, pValue), method: 'exact', z: null }
  }
  let tieTerm = 0
  for (const t of tieSizes(nonZero.map(Math.abs))) tieTerm += t ** 3 - t
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48)
  const centred = statistic - (n * (n + 1)) / 4
  const correction = !continuity
    ? 0
    : alternative === 'greater'
      ? 0.5
      : alternative === 'less'
        ? -0.5
        : Math.sign(centred) * 0.5
  const z = (centred - correction) / sd
  const pValue =
    alternative === 'less'
      ? normalLowerTail(z)
      : alternative === 'greater'
        ? normalUpperTail(z)
        : Math.min(1, 2 * Math.min(normalLowerTail(z), normalUpperTail(z)))
  return { statistic, n, zeros, hasTies, pValue, method: 'asymptotic', z }
}

export interface WalshInterval {
  readonly lower: number
  readonly upper: number
  /** The true coverage of the discrete interval, 1 − 2·P(V ≤ k − 1) under the signed-rank null. */
  readonly achievedConfLevel: number
  /** The requested level, or the achieved one when the requested level is out of reach (R's rule). */
  readonly confLevel: number
}

export interface PseudoMedianResult {
  /** Median of the n(n+1)/2 Walsh averages (d_i + d_j)/2, i ≤ j: the one-sample Hodges-Lehmann estimate. */
  readonly estimate: number
  /** null for fewer than 2 differences or when every difference is equal (the estimate is then exact). */
  readonly interval: WalshInterval | null
}

/**
 * The one-sample Hodges-Lehmann estimate of the location of paired differences (Hodges & Lehmann 1963) and its
 * distribution-free interval (Tukey's Walsh-average interval): with the Walsh averages sorted W_(1) ≤ … ≤ W_(M),
 * M = n(n+1)/2, and k = qsignrank(α/2, n) (at least 1), the interval is [W_(k), W_(M−k+1)], with achieved level
 * 1 − 2·P(V ≤ k − 1). This is the exact branch of R's `wilcox.test(x, conf.int = TRUE)`; R uses it when n < 50
 * and nothing is tied, and we use it always (with tied data the coverage is approximate). Above EXACT_MAX_PAIRS,
 * k comes from the normal approximation of V. Averages are formed as d_i/2 + d_j/2, so no sum overflows.
 * O(n² log n).
 * @see Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., §3.2-3.3 (2014)
 * @example
 * pseudoMedian([1, 2, 3, 4, 5]).estimate // => 3
 */
export function pseudoMedian(
  differences: readonly number[],
  options: { readonly confLevel?: number } = {},
): PseudoMedianResult {
  const confLevel = options.confLevel ?? 0.95
  checkFinite(differences, 'difference')
  if (differences.length === 0) throw new RangeError('no differences: at least one pair is needed')
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`confLevel ${confLevel} is not in (0, 1)`)
  const n = differences.length
  const walsh: number[] = []
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) walsh.push((differences[i] as number) / 2 + (differences[j] as number) / 2)
  }
  walsh.sort((a, b) => a - b)
  const m = walsh.length
  const estimate =
    m % 2 === 1 ? (walsh[(m - 1) / 2] as number) : (walsh[m / 2 - 1] as number) / 2 + (walsh[m / 2] as number) / 2
  if (n < 2 || walsh[0] === walsh[m - 1]) return { estimate, interval: null }
  const alpha = 1 - confLevel
  const { k, achievedAlpha } = walshIndex(n, alpha)
  const achievedConfLevel = 1 - achievedAlpha
  const interval: WalshInterval = {
    lower: walsh[k - 1] as number,
    upper: walsh[m - k] as number,
    achievedConfLevel,
    confLevel: achievedAlpha - alpha > alpha / 2 ? achievedConfLevel : confLevel,
  }
  return { estimate, interval }
}

/**
 * The null distribution of 2V for n untied differences (ranks 1..n), as probabilities of 2V = 0, 1, …, n(n+1).
 * Exported for the tests and for `minimumSignedRankPValue`. Method: the exact distribution by counting sign patterns
 * (the shift-algorithm recursion over ranks).
 * @see Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., §3.1, Table A.4 (2014)
 */
export function untiedSignedRankDistribution(n: number): Float64Array {
  return signedRankDistribution(Array.from({ length: n }, (_, i) => 2 * (i + 1)))
}

/**
 * The smallest one-sided p the exact signed-rank test can give with n non-zero pairs: 1/2^n (every sign the same).
 * @see Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., §3.1 (2014)
 * @example minimumSignedRankPValue(6) // => 0.015625
 */
export function minimumSignedRankPValue(n: number): number {
  return 2 ** -n
}

/** k (1-based) of the Walsh interval and its achieved two-sided α. */
function walshIndex(n: number, alpha: number): { k: number; achievedAlpha: number } {
  if (n > EXACT_MAX_PAIRS) {
    const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24)
    const k = Math.max(1, Math.floor((n * (n + 1)) / 4 - normalQuantile(1 - alpha / 2) * sd))
    return { k, achievedAlpha: 2 * normalLowerTail((k - 0.5 - (n * (n + 1)) / 4) / sd) }
  }
  // In V units: P(V ≤ v) = Σ probabilities of 2V ≤ 2v (2V of untied ranks is always even).
  const distribution = untiedSignedRankDistribution(n)
  let cumulativeP = 0
  let q = 0
  for (; ; q++) {
    cumulativeP += distribution[2 * q] as number
    if (cumulativeP >= alpha / 2 - 1e-12) break
  }
  const k = Math.max(1, q)
  return { k, achievedAlpha: Math.min(1, 2 * cumulative(distribution, 0, 2 * (k - 1))) }
}

/** Probabilities of every 2V = Σ of a subset of `twiceRanks` (each sign ±, probability 1/2 each). */
function signedRankDistribution(twiceRanks: readonly number[]): Float64Array {
  const total = twiceRanks.reduce((sum, r) => sum + r, 0)
  let table = new Float64Array(total + 1)
  table[0] = 1
  let reach = 0
  for (const r of twiceRanks) {
    const next = new Float64Array(total + 1)
    for (let s = 0; s <= reach; s++) {
      const p = (table[s] as number) / 2
      if (p === 0) continue
      next[s]! += p
      next[s + r]! += p
    }
    reach += r
    table = next
  }
  return table
}

function cumulative(distribution: Float64Array, from: number, to: number): number {
  let sum = 0
  for (let s = Math.max(0, from); s <= Math.min(to, distribution.length - 1); s++) sum += distribution[s] as number
  return sum
}

/** Average ranks (1-based) of the values, ties sharing the mean of their positions. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number))
  const ranks = new Array<number>(values.length)
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && values[order[end + 1] as number] === values[order[start] as number]) end++
    const rank = (start + end) / 2 + 1
    for (let i = start; i <= end; i++) ranks[order[i] as number] = rank
    start = end + 1
  }
  return ranks
}

function tieSizes(values: readonly number[]): number[] {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.values()].filter((t) => t > 1)
}

function checkFinite(values: readonly number[], what: string): void {
  for (const [index, value] of values.entries()) {
    if (!Number.isFinite(value)) throw new RangeError(`${what} ${value} at index ${index} is not a finite number`)
  }
}
