// The Mann-Whitney U test (Wilcoxon rank-sum) of baseline x against candidate y: raw samples and histograms.
import { exactLowerCdf } from './exact-distribution.js'
import { normalLowerTail, normalUpperTail } from './normal.js'
import { rankStatistic } from './rank-statistic.js'
import type { Alternative, MannWhitneyOptions, MannWhitneyResult, MwuMethod, WeightedValue } from './types.js'
import { type WeightedSample, weightedFromEntries, weightedFromValues } from './weighted-sample.js'

/** SciPy's `auto` rule: exact iff the smaller sample has at most this many values and there are no ties. */
export const AUTO_EXACT_MAX_SIZE = 8

/**
 * Mann-Whitney U test on two raw samples, x = baseline and y = candidate, with SciPy's conventions.
 *
 * U is the baseline's (SciPy's U1, R's W). `less` means x is stochastically smaller: the candidate is slower.
 * `exact` uses the exact null distribution (no ties; with ties it falls back to the normal approximation and says so
 * in `note`, as R does). `asymptotic` is the tie-corrected normal approximation with optional continuity correction
 * and tails from erfc (never 1 − Φ). `auto` is exact iff min(n) ≤ 8 and there are no ties. Input where every value
 * is equal is degenerate: p and z are null ("no evidence"), never a regression.
 *
 * O(N log N) for N = n_x + n_y (sorting), plus the exact distribution when used.
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html
 * @example
 * mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]).u // => 17 (SciPy docs example; exact two-sided p = 1/9)
 */
export function mannWhitneyU(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  return mannWhitneyWeighted(weightedFromValues(x, 'baseline'), weightedFromValues(y, 'candidate'), options)
}

/**
 * The same test from two histograms given as ascending {value, count} entries with shared bucket edges (equal
 * values are the same bucket). Every observation in a bucket counts as tied, so the result equals the raw-sample
 * test on the bucketed data. Exact only when every count is 1 and the sizes fit; otherwise asymptotic.
 *
 * O(buckets), one merge-join (the statistics note §6).
 * Method: Mann-Whitney U with the tie-corrected variance and continuity correction (SciPy/R), see mannWhitneyU.
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html
 * @example
 * mannWhitneyUFromHistograms([{ value: 1, count: 2 }], [{ value: 1, count: 1 }, { value: 2, count: 1 }]).u // => 1
 */
export function mannWhitneyUFromHistograms(
  xEntries: readonly WeightedValue[],
  yEntries: readonly WeightedValue[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  return mannWhitneyWeighted(
    weightedFromEntries(xEntries, 'baseline'),
    weightedFromEntries(yEntries, 'candidate'),
    options,
  )
}

/**
 * The test on two weighted samples (the shared core of the raw and histogram forms). O(distinct values).
 * Method: Mann-Whitney U from weighted ranks; exact null distribution without ties and small sizes, else the
 * tie-corrected normal approximation with continuity correction (SciPy `auto`, R `correct = TRUE`).
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html; R's wilcox.test
 * @example
 * mannWhitneyWeighted(weightedFromValues([1, 2], 'x'), weightedFromValues([3], 'y'), { alternative: 'less' }).pValue
 * // => 1/3
 */
export function mannWhitneyWeighted(
  x: WeightedSample,
  y: WeightedSample,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const alternative: Alternative = options.alternative ?? 'two-sided'
  const requested: MwuMethod = options.method ?? 'auto'
  const continuity = options.continuity ?? true
  const nX = x.total
  const nY = y.total
  const { u, rankSumX, tieTerm, hasTies } = rankStatistic(x, y)
  const pooled = nX + nY
  const meanU = (nX * nY) / 2
  const sdU = Math.sqrt(Math.max(0, ((nX * nY) / 12) * (pooled + 1 - tieTerm / (pooled * (pooled - 1)))))
  const degenerate = sdU === 0
  const common = {
    u,
    uY: nX * nY - u,
    nX,
    nY,
    rankSumX,
    tieTerm,
    hasTies,
    meanU,
    sdU,
    alternative,
    continuity,
    degenerate,
  }

  let note: string | null = null
  const wantsExact =
    requested === 'exact' || (requested === 'auto' && Math.min(nX, nY) <= AUTO_EXACT_MAX_SIZE && !hasTies)
  if (wantsExact && hasTies) {
    note = 'the exact distribution assumes no ties; used the tie-corrected normal approximation'
  } else if (wantsExact) {
    const pValue = exactPValue(u, nX, nY, alternative)
    if (pValue !== null) return { ...common, pValue, z: null, method: 'exact', note: null }
    note = `the exact distribution for ${nX} v ${nY} is too large to compute; used the normal approximation`
  }
  if (degenerate) return { ...common, pValue: null, z: null, method: 'asymptotic', note }
  const z = standardized({ u, meanU, sdU, alternative, continuity })
  return { ...common, pValue: asymptoticPValue(z, alternative), z, method: 'asymptotic', note }
}

/**
 * Exact p-value without ties: less = P(U ≤ u), greater = P(U ≥ u), two-sided = min(1, 2·P(U ≤ min(u, mn − u))).
 * null when the distribution is too large. O(n_x·n_y·min(u, mn − u)).
 * Method: tails of the exact permutation distribution of U (Mann & Whitney 1947).
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html (method='exact')
 * @example
 * exactPValue(17, 5, 4, 'two-sided') // => 0.1111111111111111
 */
export function exactPValue(u: number, nX: number, nY: number, alternative: Alternative): number | null {
  const mn = nX * nY
  switch (alternative) {
    case 'less':
      return exactLowerCdf(u, nX, nY)
    case 'greater':
      return exactLowerCdf(mn - u, nX, nY)
    case 'two-sided': {
      const tail = exactLowerCdf(Math.min(u, mn - u), nX, nY)
      return tail === null ? null : Math.min(1, 2 * tail)
    }
  }
}

/**
 * z of the normal approximation: (U − mean ∓ 0.5)/sd, the correction moving U toward the mean (SciPy's
 * `_correction_sign`; R's `correct = TRUE`): −0.5 for greater, +0.5 for less, −0.5·sign(d) two-sided. O(1).
 * Method: the normal approximation of U with continuity correction.
 * @see SciPy scipy/stats/_mannwhitneyu.py (`_correction_sign`); R's wilcox.test (correct = TRUE)
 * @example
 * standardized({ u: 17, meanU: 10, sdU: 4.08248290463863, alternative: 'less', continuity: true }) // => 1.8371…
 */
export function standardized(input: {
  readonly u: number
  readonly meanU: number
  readonly sdU: number
  readonly alternative: Alternative
  readonly continuity: boolean
}): number {
  let d = input.u - input.meanU
  if (input.continuity) {
    if (input.alternative === 'greater') d -= 0.5
    else if (input.alternative === 'less') d += 0.5
    else d -= 0.5 * Math.sign(d)
  }
  return d / input.sdU
}

/**
 * p from z: greater = Φ̄(z), less = Φ(z), two-sided = min(1, 2·min(Φ(z), Φ̄(z))), both tails from erfc. O(1).
 * Method: normal tails via the complementary error function.
 * @see https://www.netlib.org/specfun/erf (Cody's erfc, through @stdlib)
 * @example
 * asymptoticPValue(1.959963984540054, 'two-sided') // => 0.05
 */
export function asymptoticPValue(z: number, alternative: Alternative): number {
  switch (alternative) {
    case 'greater':
      return normalUpperTail(z)
    case 'less':
      return normalLowerTail(z)
    case 'two-sided':
      return Math.min(1, 2 * Math.min(normalLowerTail(z), normalUpperTail(z)))
  }
}
