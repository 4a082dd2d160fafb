// Standard normal tails and quantiles, from @stdlib (erfc: W. J. Cody's rational approximations, full double precision).
import erfc from '@stdlib/math-base-special-erfc'
import normalQuantileWith from '@stdlib/stats-base-dists-normal-quantile'

/**
 * Upper tail of the standard normal distribution, P(Z > z) = erfc(z/√2)/2.
 *
 * Computed with the complementary error function, never as 1 − Φ(z), so tiny tails keep their precision
 * (p ≈ 4e-30 stays 4e-30 instead of rounding to 0). O(1).
 * @see https://www.netlib.org/specfun/erf (Cody's erfc)
 * @example
 * normalUpperTail(1.959963984540054) // => 0.025
 */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2)
}

/**
 * Lower tail of the standard normal distribution, Φ(z) = P(Z ≤ z) = erfc(−z/√2)/2. O(1).
 * Method: the complementary error function at −z/√2.
 * @see https://www.netlib.org/specfun/erf (Cody's erfc, through @stdlib)
 * @example
 * normalLowerTail(0) // => 0.5
 */
export function normalLowerTail(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2)
}

/**
 * Quantile of the standard normal distribution, Φ⁻¹(p), from @stdlib (via the inverse error function). O(1).
 * Method: @stdlib's Φ⁻¹(p) = −√2 · erfcinv(2p), erfcinv by rational approximations (as Boost's erf_inv).
 * @see https://github.com/stdlib-js/stats-base-dists-normal-quantile
 * @example
 * normalQuantile(0.975) // => 1.959963984540054
 */
export function normalQuantile(p: number): number {
  return normalQuantileWith(p, 0, 1)
}
