// The exact null distribution of the Mann-Whitney U statistic without ties: counts, CDF, quantile, smallest p.

/** Above this many additions the all-positive recurrence is not used (about a second in Node). */
const RECURRENCE_WORK_LIMIT = 4e8
/** The product form is used only for a smaller sample of at most this size, where it cannot cancel badly. */
const PRODUCT_FORM_MAX_SMALLER = 8
/** Longest count array we allocate (Float64Array, 8 bytes each): 160 MB. */
const MAX_COUNTS_LENGTH = 2e7

/**
 * Number of arrangements with U = k for k = 0..maxK, for samples of sizes m and n without ties.
 *
 * Uses the all-positive recurrence c(i, j, k) = c(i−1, j, k−j) + c(i, j−1, k) (Di Bucchianico 1999; SciPy 1.10),
 * iterated over j with one array per i and truncated at maxK: O(m·n·maxK) additions, every term positive, so no
 * cancellation (unlike the generating function ∏(1−q^{n+i})/(1−q^i), which loses a factor of 3 at 49 v 49 in
 * doubles). When that is too much work and the smaller sample has at most 8 values, it evaluates the Gaussian
 * binomial [m+n choose m]_q instead, dividing by (1 − q^i) before multiplying by (1 − q^{n+i}): with so few factors
 * each subtraction removes at most a small multiple of the result, so the error stays near machine precision
 * (checked against the recurrence in test/stats/exact-distribution.test.ts). Returns null when neither fits.
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html
 * @example
 * exactUCounts(2, 2, 4) // => Float64Array [1, 1, 2, 1, 1]
 */
export function exactUCounts(m: number, n: number, maxK: number): Float64Array | null {
  const small = Math.min(m, n)
  const large = Math.max(m, n)
  const top = Math.min(Math.floor(maxK), small * large)
  if (top < 0) return new Float64Array(0)
  if (top + 1 > MAX_COUNTS_LENGTH) return null
  if (small * large * (top + 1) <= RECURRENCE_WORK_LIMIT) return uCountsByRecurrence(small, large, top)
  if (small <= PRODUCT_FORM_MAX_SMALLER) return uCountsByProductForm(small, large, top)
  return null
}

/**
 * Counts c(m, n, k), k = 0..top, by the all-positive recurrence (see exactUCounts). O(m·n·top).
 * Method: the all-positive counting recurrence c(m, n, k) = c(m − 1, n, k − n) + c(m, n − 1, k).
 * @see H. B. Mann and D. R. Whitney, Ann. Math. Statist. 18(1), 1947; A. Di Bucchianico, J. Statist. Plann. Inference 79, 1999
 * @example
 * uCountsByRecurrence(2, 2, 4) // => Float64Array [1, 1, 2, 1, 1]
 */
export function uCountsByRecurrence(m: number, n: number, top: number): Float64Array {
  // f[i] holds c(i, j, ·) for the current j; c(i, 0, k) = c(0, j, k) = [k = 0].
  const f: Float64Array[] = []
  for (let i = 0; i <= m; i++) {
    const row = new Float64Array(top + 1)
    row[0] = 1
    f.push(row)
  }
  for (let j = 1; j <= n; j++) {
    for (let i = 1; i <= m; i++) {
      const previous = f[i - 1] as Float64Array
      const current = f[i] as Float64Array
      const upper = Math.min(top, i * j)
      for (let k = j; k <= upper; k++) current[k]! += previous[k - j] as number
    }
  }
  return f[m] as Float64Array
}

/**
 * Counts c(m, n, k), k = 0..top, from the Gaussian binomial [m+n choose m]_q (see exactUCounts; only for small m).
 * O(m·top).
 * Method: the coefficients of the Gaussian polynomial ∏(1 − q^{n+i})/(1 − q^i), i = 1..m (only for small m, where the doubles stay exact).
 * @see G. E. Andrews, "The Theory of Partitions", 1976, ch. 3 (Gaussian polynomials)
 * @example
 * uCountsByProductForm(2, 2, 4) // => Float64Array [1, 1, 2, 1, 1]
 */
export function uCountsByProductForm(m: number, n: number, top: number): Float64Array {
  const g = new Float64Array(top + 1)
  g[0] = 1
  for (let i = 1; i <= m; i++) {
    for (let k = i; k <= top; k++) g[k]! += g[k - i] as number
    const shift = n + i
    for (let k = top; k >= shift; k--) g[k]! -= g[k - shift] as number
  }
  return g
}

/**
 * binom(m + n, m), the number of arrangements of two samples, in doubles (Infinity past 1.8e308). O(min(m, n)).
 * Method: the multiplicative formula ∏ (n + i)/i, i = 1..min(m, n).
 * @see D. E. Knuth, "The Art of Computer Programming" vol. 1, §1.2.6
 * @example
 * arrangements(6, 6) // => 924
 */
export function arrangements(m: number, n: number): number {
  const small = Math.min(m, n)
  const large = Math.max(m, n)
  let total = 1
  for (let i = 1; i <= small; i++) total = (total * (large + i)) / i
  return total
}

/**
 * P(U ≤ k) under the null for samples of sizes m and n without ties, computed on the shorter tail by symmetry
 * (P(U ≤ k) = 1 − P(U ≤ mn − k − 1)). Returns null when the distribution is too large to compute (see exactUCounts).
 *
 * O(m·n·min(k, mn − k)) at most.
 * Method: the exact permutation distribution of U (Mann & Whitney 1947), counts from exactUCounts.
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html (method='exact')
 * @example
 * exactLowerCdf(17, 5, 4) // => 0.9682539682539683 (SciPy: mannwhitneyu(..., alternative='less', method='exact'))
 */
export function exactLowerCdf(k: number, m: number, n: number): number | null {
  const q = Math.floor(k)
  const mn = m * n
  if (q < 0) return 0
  if (q >= mn) return 1
  if (q > mn / 2) {
    const upper = exactLowerCdf(mn - q - 1, m, n)
    return upper === null ? null : 1 - upper
  }
  const total = arrangements(m, n)
  if (!Number.isFinite(total)) return null
  const counts = exactUCounts(m, n, q)
  if (counts === null) return null
  let sum = 0
  for (let i = 0; i <= q; i++) sum += counts[i] as number
  return Math.min(1, sum / total)
}

/**
 * qwilcox(p, m, n): the smallest q with P(U ≤ q) ≥ p, as R defines it. Used for the exact Hodges-Lehmann interval.
 * Returns null when the distribution is too large. O(m·n·mn) at most.
 * Method: the exact distribution of U, inverted as R's qwilcox.
 * @see R's src/nmath/qwilcox.c; M. Hollander, D. A. Wolfe and E. Chicken, "Nonparametric Statistical Methods", 3rd ed. 2014, §4.3
 * @example
 * exactQuantile(0.025, 6, 6) // => 6
 */
export function exactQuantile(p: number, m: number, n: number): number | null {
  const mn = m * n
  const total = arrangements(m, n)
  const counts = Number.isFinite(total) ? exactUCounts(m, n, mn) : null
  if (counts === null) return null
  // R's qwilcox: accumulate probabilities and compare with p − 10·DBL_EPSILON (its fuzz against rounding).
  const target = p - 10 * Number.EPSILON
  let cumulative = 0
  for (let q = 0; q <= mn; q++) {
    cumulative += (counts[q] as number) / total
    if (cumulative >= target) return q
  }
  return mn
}

/**
 * The smallest one-sided p-value the exact Mann-Whitney test can give for sizes n and m: 1/binom(n + m, n)
 * (complete separation). With k rounds per side the gate can only fail when this is below alpha/comparisons.
 *
 * O(min(n, m)).
 * Method: complete separation is one of binom(n + m, n) equally likely arrangements (Mann & Whitney 1947).
 * @see the statistics note §9 (Holm and the smallest exact p)
 * @example
 * minimumExactPValue(6, 6) // => 1/924 ≈ 0.00108
 */
export function minimumExactPValue(n: number, m: number): number {
  return 1 / arrangements(n, m)
}
