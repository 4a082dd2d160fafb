// Student's t distribution tails and quantiles, from @stdlib (the regularized incomplete beta function), for the
// run-level test across CI jobs. Infinite degrees of freedom fall back to the standard normal.
import tCdf from '@stdlib/stats-base-dists-t-cdf'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { normalQuantile, normalUpperTail } from './normal.js'

/**
 * Upper tail of Student's t distribution with `df` degrees of freedom, P(T > t), computed as the lower tail at −t
 * (symmetry) so small tails keep their precision. `df` may be fractional (Welch-Satterthwaite) or Infinity (normal).
 * Method: @stdlib's CDF through the regularized incomplete beta function I_x(df/2, 1/2) (Abramowitz & Stegun 26.7.1).
 * O(1).
 * @see https://github.com/stdlib-js/stats-base-dists-t-cdf
 * @example
 * studentTUpperTail(2.2281388519649385, 10) // ≈ 0.025
 */
export function studentTUpperTail(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`)
  if (!Number.isFinite(df)) return normalUpperTail(t)
  return tCdf(-t, df)
}

/**
 * Quantile of Student's t distribution, the t with P(T ≤ t) = p, for `df` degrees of freedom (fractional allowed;
 * Infinity gives the normal quantile). Method: @stdlib's inverse of the regularized incomplete beta function
 * (Abramowitz & Stegun 26.7.1; Boost's ibeta_inv). O(1).
 * @see https://github.com/stdlib-js/stats-base-dists-t-quantile
 * @example
 * studentTQuantile(0.975, 10) // ≈ 2.228139
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`)
  if (!Number.isFinite(df)) return normalQuantile(p)
  return tQuantile(p, df)
}
