// The exact permutation (conditional) distribution of U given the tie pattern: exact Mann-Whitney for few values.
import type { Alternative } from './types.js'
import type { WeightedSample } from './weighted-sample.js'

/** Largest dynamic-programming table (groups × n_x × 2·n_x·n_y) we accept: well under a second. */
const WORK_LIMIT = 5e7

/** The exact p-value of a rank test and the statistic it was computed for. */
export interface ExactRankTest {
  /** U of x (half-integers with ties). */
  readonly u: number
  readonly pValue: number
}

/**
 * Exact Mann-Whitney test by the full permutation distribution of U conditional on the tie pattern: every one of the
 * binom(n_x + n_y, n_x) ways to label the pooled values as x or y is equally likely under the null. Without ties
 * it equals the classical exact test (SciPy `method='exact'`); with ties it is the exact conditional test of R ≥ 4.6
 * and of SciPy's `PermutationMethod` with every permutation, so tied round summaries still get an exact p.
 *
 * Dynamic programming over the pooled tie groups in ascending order, with state (x values placed, 2U so far); a
 * group of size t holding c values of x adds c·(2·(y below) + t − c) to 2U in binom(t, c) ways.
 * O(groups · n_x · n_x·n_y · t); returns null above a work limit (use the normal approximation then).
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.PermutationMethod.html
 * @example
 * exactConditionalTest(weightedFromValues([1, 2], 'x'), weightedFromValues([3, 4], 'y'), 'less').pValue // => 1/6
 */
export function exactConditionalTest(
  x: WeightedSample,
  y: WeightedSample,
  alternative: Alternative,
): ExactRankTest | null {
  const groups = pooledGroups(x, y)
  const nX = x.total
  const nY = y.total
  const span = 2 * nX * nY
  let work = 0
  for (const group of groups) work += group.total * (nX + 1) * (span + 1)
  if (work > WORK_LIMIT) return null

  let table: Float64Array[] = Array.from({ length: nX + 1 }, () => new Float64Array(span + 1))
  table[0]![0] = 1
  let pooledBefore = 0
  let observedTwiceU = 0
  for (const group of groups) {
    const next = Array.from({ length: nX + 1 }, () => new Float64Array(span + 1))
    for (let placed = 0; placed <= nX; placed++) {
      const yBelow = pooledBefore - placed
      if (yBelow < 0 || yBelow > nY) continue
      const row = table[placed] as Float64Array
      for (let c = 0; c <= Math.min(group.total, nX - placed); c++) {
        if (yBelow + group.total - c > nY) continue
        const add = c * (2 * yBelow + group.total - c)
        const ways = binomial(group.total, c)
        const target = next[placed + c] as Float64Array
        for (let s = 0; s + add <= span; s++) {
          const count = row[s] as number
          if (count !== 0) target[s + add]! += ways * count
        }
      }
    }
    observedTwiceU += group.xCount * (2 * (pooledBefore - group.xBefore) + group.total - group.xCount)
    pooledBefore += group.total
    table = next
  }

  const final = table[nX] as Float64Array
  let total = 0
  let atMost = 0
  let atLeast = 0
  for (let s = 0; s <= span; s++) {
    const count = final[s] as number
    total += count
    if (s <= observedTwiceU) atMost += count
    if (s >= observedTwiceU) atLeast += count
  }
  const less = atMost / total
  const greater = atLeast / total
  const pValue =
    alternative === 'less' ? less : alternative === 'greater' ? greater : Math.min(1, 2 * Math.min(less, greater))
  return { u: observedTwiceU / 2, pValue: Math.min(1, pValue) }
}

interface PooledGroup {
  readonly total: number
  readonly xCount: number
  /** x values in lower groups. */
  readonly xBefore: number
}

function pooledGroups(x: WeightedSample, y: WeightedSample): PooledGroup[] {
  const groups: PooledGroup[] = []
  let i = 0
  let j = 0
  let xBefore = 0
  while (i < x.values.length || j < y.values.length) {
    const xv = i < x.values.length ? (x.values[i] as number) : Number.POSITIVE_INFINITY
    const yv = j < y.values.length ? (y.values[j] as number) : Number.POSITIVE_INFINITY
    let a = 0
    let c = 0
    if (xv <= yv && i < x.values.length) a = x.counts[i++] as number
    if (yv <= xv && j < y.values.length) c = y.counts[j++] as number
    groups.push({ total: a + c, xCount: a, xBefore })
    xBefore += a
  }
  return groups
}

function binomial(n: number, k: number): number {
  let result = 1
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - Math.min(k, n - k) + i)) / i
  return result
}
