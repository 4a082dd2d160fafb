// Samples as ascending distinct values with counts (typed arrays): the common input of every rank statistic here.
import type { WeightedValue } from './types.js'

/** A sample as ascending distinct values with their (positive) counts. */
export interface WeightedSample {
  readonly values: Float64Array
  readonly counts: Float64Array
  /** Σ counts: the number of observations. */
  readonly total: number
}

/**
 * Sorts raw observations and folds equal values (exact `===` equality, as SciPy and R rank) into counts.
 * Throws a RangeError naming `name` for an empty sample or a value that is not a finite number.
 *
 * O(n log n) (typed-array sort).
 * Method: ties by exact equality, as average ranks need them.
 * @see SciPy scipy.stats.rankdata (method='average'); R's rank (ties.method = "average")
 * @example
 * weightedFromValues([3, 1, 3], 'baseline') // => values [1, 3], counts [1, 2], total 3
 */
export function weightedFromValues(observations: ArrayLike<number>, name: string): WeightedSample {
  const n = observations.length
  if (n === 0) throw new RangeError(`the ${name} sample is empty; it needs at least one value`)
  const sorted = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const value = observations[i] as number
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`the ${name} sample has ${String(value)} at index ${i}; every value must be a finite number`)
    }
    sorted[i] = value
  }
  sorted.sort()
  const values = new Float64Array(n)
  const counts = new Float64Array(n)
  let distinct = 0
  for (let i = 0; i < n; i++) {
    const value = sorted[i] as number
    if (distinct > 0 && values[distinct - 1] === value) counts[distinct - 1]! += 1
    else {
      values[distinct] = value
      counts[distinct] = 1
      distinct++
    }
  }
  return { values: values.subarray(0, distinct), counts: counts.subarray(0, distinct), total: n }
}

/**
 * Validates histogram entries ({value, count}, ascending, distinct values, non-negative integer counts) and drops
 * empty buckets. Throws a RangeError naming `name` and the offending entry, or when no observation remains.
 *
 * O(buckets).
 * Method: histogram buckets as tie groups (every observation of a bucket ties).
 * @see the statistics note §6 (U and Hodges-Lehmann from histograms with shared bucket edges)
 * @example
 * weightedFromEntries([{ value: 1, count: 2 }, { value: 2, count: 0 }], 'baseline') // => values [1], counts [2]
 */
export function weightedFromEntries(entries: readonly WeightedValue[], name: string): WeightedSample {
  const values = new Float64Array(entries.length)
  const counts = new Float64Array(entries.length)
  let distinct = 0
  let total = 0
  let previous = Number.NEGATIVE_INFINITY
  for (let i = 0; i < entries.length; i++) {
    const { value, count } = entries[i] as WeightedValue
    if (!Number.isFinite(value)) throw new RangeError(`${name} entry ${i} has value ${value}; it must be finite`)
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`${name} entry ${i} has count ${count}; counts must be non-negative integers`)
    }
    if (value <= previous) {
      throw new RangeError(`${name} entries must be ascending with distinct values; entry ${i} (${value}) is not`)
    }
    previous = value
    if (count === 0) continue
    values[distinct] = value
    counts[distinct] = count
    distinct++
    total += count
  }
  if (total === 0) throw new RangeError(`the ${name} histogram is empty; it needs at least one observation`)
  return { values: values.subarray(0, distinct), counts: counts.subarray(0, distinct), total }
}

/**
 * Σ(t³ − t) over the tie groups of one sample (within-sample ties only). O(distinct values).
 * Method: the tie term of the tie-corrected variance of U, Var(U) = n_x n_y/12 · (N + 1 − Σ(t³ − t)/(N(N − 1))).
 * @see M. Hollander, D. A. Wolfe and E. Chicken, "Nonparametric Statistical Methods", 3rd ed. 2014, §4.1
 * @example
 * tieTermOf(weightedFromValues([1, 1, 2], 'x')) // => 6
 */
export function tieTermOf(sample: WeightedSample): number {
  let term = 0
  for (const t of sample.counts) term += t * t * t - t
  return term
}
