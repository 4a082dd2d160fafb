// The exact (Clopper-Pearson) confidence interval of a binomial proportion: how sure an observed false-regression
// rate of k in n A/A runs is. Pure; no dependency.

/** A two-sided interval of a proportion, both ends in [0, 1]. */
export interface ProportionInterval {
  readonly lower: number
  readonly upper: number
  readonly confLevel: number
}

/** Bisection steps: halves [0, 1] down to about 1e-15, far below any figure we print. */
const BISECTION_STEPS = 50

/**
 * Clopper-Pearson ("exact") confidence interval of a binomial proportion from `successes` in `trials`.
 *
 * The lower end is the p at which P(X ≥ k) = (1 − level) / 2, the upper end the p at which P(X ≤ k) = (1 − level) / 2,
 * found by bisection on the binomial tails (the same as the Beta-quantile form). It never covers less than the level,
 * which matters here: with 0 false regressions in 20 runs the interval still says the rate could be up to 17 %.
 * Used instead of the Wilson interval because A/A counts are small and often 0.
 *
 * O(n · 50) for n trials.
 * @see https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Clopper%E2%80%93Pearson_interval
 * @example
 * clopperPearson(0, 20) // => { lower: 0, upper: 0.16843…, confLevel: 0.95 }  (scipy binomtest(0, 20).proportion_ci())
 */
export function clopperPearson(successes: number, trials: number, confLevel = 0.95): ProportionInterval {
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`trials must be a positive integer, got ${trials}`)
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`successes must be an integer in [0, ${trials}], got ${successes}`)
  }
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`confLevel must be in (0, 1), got ${confLevel}`)
  const tail = (1 - confLevel) / 2
  const lower = successes === 0 ? 0 : bisect((p) => 1 - binomialCdf(successes - 1, trials, p) < tail)
  const upper = successes === trials ? 1 : bisect((p) => binomialCdf(successes, trials, p) > tail)
  return { lower, upper, confLevel }
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n does not underflow term by term.
 *
 * O(n).
 * @example binomialCdf(0, 2, 0.5) // => 0.25
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0
  if (k >= n) return 1
  if (p <= 0) return 1
  if (p >= 1) return 0
  const logP = Math.log(p)
  const logQ = Math.log1p(-p)
  let logChoose = 0 // log C(n, i), built up as i grows
  let sum = 0
  for (let i = 0; i <= k; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i)
    sum += Math.exp(logChoose + i * logP + (n - i) * logQ)
  }
  return Math.min(1, sum)
}

/**
 * The boundary in [0, 1] where `below(p)` stops holding; `below` must hold for small p and fail for large p (both
 * tails used above are monotone in p).
 */
function bisect(below: (p: number) => boolean): number {
  let low = 0
  let high = 1
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2
    if (below(middle)) low = middle
    else high = middle
  }
  return (low + high) / 2
}
