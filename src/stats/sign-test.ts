// The exact one-sample sign test: is the median of a few values above (or below) a threshold?

/**
 * Binomial(n, 1/2) upper tail P(K ≥ k), exact for n ≤ 1000 (sums the probabilities in doubles).
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.binomtest.html (the reference values)
 * @example binomialHalfUpperTail(6, 6) // => 0.015625
 */
export function binomialHalfUpperTail(n: number, k: number): number {
  if (k <= 0) return 1
  if (k > n) return 0
  // log C(n, i) by running sums keeps every term finite for n up to a few thousand.
  let logChoose = 0
  let total = 0
  for (let i = 0; i <= n; i++) {
    if (i > 0) logChoose += Math.log((n - i + 1) / i)
    if (i >= k) total += Math.exp(logChoose - n * Math.LN2)
  }
  return Math.min(1, total)
}

export interface SignTestResult {
  /** Values strictly above the threshold. */
  readonly above: number
  /** Values strictly below it. */
  readonly below: number
  /** Values equal to it (dropped, as in the classical sign test). */
  readonly ties: number
  /** One-sided exact p of "the median is above the threshold" (H0: median = threshold). */
  readonly pAbove: number
  /** One-sided exact p of "the median is below the threshold". */
  readonly pBelow: number
}

/**
 * The exact sign test of values against a threshold (Conover, Practical Nonparametric Statistics, 3rd ed., §3.4):
 * ties are dropped, K = number above ~ Binomial(n, 1/2) under H0 "median = threshold". Equals SciPy's
 * `binomtest(above, above + below, 0.5, alternative='greater')` (pAbove) and `alternative='less'` (pBelow).
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.binomtest.html
 * @example signTest([12, 14, 13, 15, 12, 16], 10).pAbove // => 0.015625
 */
export function signTest(values: readonly number[], threshold: number): SignTestResult {
  let above = 0
  let below = 0
  for (const value of values) {
    if (value > threshold) above++
    else if (value < threshold) below++
  }
  const n = above + below
  return {
    above,
    below,
    ties: values.length - n,
    pAbove: binomialHalfUpperTail(n, above),
    pBelow: binomialHalfUpperTail(n, below),
  }
}
