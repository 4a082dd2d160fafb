// Order statistics of the pairwise differences y_j − x_i of two weighted samples, without materialising them.
import type { WeightedSample } from './weighted-sample.js'

/** Below this many distinct pairs left in the search interval, they are listed and sorted directly. */
const LIST_THRESHOLD = 256

/**
 * The k-th smallest (1-based, counting weights) of the n_x·n_y pairwise differences y_j − x_i.
 *
 * Binary search on the value: the number of pairs with y_j − x_i ≤ t is counted by a two-pointer sweep over the
 * sorted samples (O(distinct values)); the interval (lo, hi] that holds the answer is halved until it holds few
 * enough distinct pairs to list and sort. Each step also shrinks the interval to the
 * smallest and largest difference inside it, and interpolation steps alternate with bisection steps: a few dozen
 * sweeps, O((n_x + n_y)·steps) time and O(n_x + n_y) memory, never O(n_x·n_y) (Lehmann 1963; the selection idea of Monahan's algorithm 616, by value).
 * @see https://aakinshin.net/posts/hodges-lehmann-sen-shift-ci/
 * @example
 * pairwiseDifferenceAt(weightedFromValues([1, 2], 'x'), weightedFromValues([5], 'y'), 1) // => 3
 */
export function pairwiseDifferenceAt(x: WeightedSample, y: WeightedSample, rank: number): number {
  const totalWeight = x.total * y.total
  if (!(rank >= 1 && rank <= totalWeight)) throw new RangeError(`rank ${rank} is outside 1..${totalWeight}`)
  const smallest = (y.values[0] as number) - (x.values[x.values.length - 1] as number)
  const largest = (y.values[y.values.length - 1] as number) - (x.values[0] as number)
  let lo = smallest
  let loCount = countAtMost(x, y, lo)
  if (loCount.weight >= rank) return smallest
  let hi = largest
  let hiCount = countAtMost(x, y, hi)
  // The smallest and largest difference in (lo, hi]: one sweep here, then each step's sweep finds them for the
  // half it keeps (the largest difference ≤ mid and the smallest above it), so a step costs one sweep, not two.
  let { min, max } = rangeWithin(x, y, lo, hi)
  for (let step = 0; ; step++) {
    if (hiCount.pairs - loCount.pairs <= LIST_THRESHOLD) return selectBetween(x, y, lo, hi, rank - loCount.weight)
    // With heavily tied data the answer is often alone in (lo, hi].
    if (min === max) return min
    hi = max
    // Safeguarded interpolation: odd steps guess where the count reaches `rank` (nearly linear over a narrow
    // interval), kept 1/64 away from both ends; even steps bisect, so the interval at least halves every two steps.
    const fraction =
      step % 2 === 1
        ? Math.min(63 / 64, Math.max(1 / 64, (rank - loCount.weight) / (hiCount.weight - loCount.weight)))
        : 0.5
    let mid = min + (max - min) * fraction
    if (!(mid >= min && mid < max)) mid = min
    const midCount = countAtMost(x, y, mid)
    if (midCount.weight >= rank) {
      hi = mid
      hiCount = midCount
      max = midCount.largestAtMost
    } else {
      lo = mid
      loCount = midCount
      min = midCount.smallestAbove
    }
  }
}

/**
 * The (k+1)-th smallest pairwise difference given the k-th (`kth`, at `rank`): `kth` again when it has enough weight,
 * otherwise the smallest difference above it, found in one two-pointer sweep. O(n_x + n_y).
 * Method: a monotone two-pointer sweep over the sorted samples (selection in X + Y).
 * @see D. B. Johnson and T. Mizoguchi, "Selecting the Kth element in X + Y and X1 + X2 + … + Xm", SIAM J. Comput. 7(2), 1978
 * @example
 * nextPairwiseDifference(weightedFromValues([1, 2], 'x'), weightedFromValues([5], 'y'), 3, 1) // => 4
 */
export function nextPairwiseDifference(x: WeightedSample, y: WeightedSample, kth: number, rank: number): number {
  const atKth = countAtMost(x, y, kth)
  return atKth.weight >= rank + 1 ? kth : atKth.smallestAbove
}

interface PairCount {
  /** Σ a_i·c_j over the pairs with y_j − x_i ≤ t. */
  readonly weight: number
  /** Number of distinct (bucket) pairs with y_j − x_i ≤ t. */
  readonly pairs: number
  /** The largest difference ≤ t (−Infinity when none). */
  readonly largestAtMost: number
  /** The smallest difference > t (+Infinity when none). */
  readonly smallestAbove: number
}

/**
 * Pairs with y_j − x_i ≤ t, and the differences on either side of t: for ascending x_i the qualifying prefix of y
 * only grows, and in row i the last difference ≤ t and the first above it sit at the prefix's end. O(n_x + n_y).
 */
function countAtMost(x: WeightedSample, y: WeightedSample, t: number): PairCount {
  const yValues = y.values
  const yCounts = y.counts
  let j = 0
  let yWeightBelow = 0
  let weight = 0
  let pairs = 0
  let largestAtMost = Number.NEGATIVE_INFINITY
  let smallestAbove = Number.POSITIVE_INFINITY
  for (let i = 0; i < x.values.length; i++) {
    const xi = x.values[i] as number
    while (j < yValues.length && (yValues[j] as number) - xi <= t) yWeightBelow += yCounts[j++] as number
    weight += (x.counts[i] as number) * yWeightBelow
    pairs += j
    if (j > 0) largestAtMost = Math.max(largestAtMost, (yValues[j - 1] as number) - xi)
    if (j < yValues.length) smallestAbove = Math.min(smallestAbove, (yValues[j] as number) - xi)
  }
  return { weight, pairs, largestAtMost, smallestAbove }
}

/** Smallest and largest difference in (lo, hi] (the interval is known to hold some). O(n_x + n_y). */
function rangeWithin(x: WeightedSample, y: WeightedSample, lo: number, hi: number): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let jStart = 0
  let jEnd = 0
  for (let i = 0; i < x.values.length; i++) {
    const xi = x.values[i] as number
    while (jStart < y.values.length && (y.values[jStart] as number) - xi <= lo) jStart++
    while (jEnd < y.values.length && (y.values[jEnd] as number) - xi <= hi) jEnd++
    if (jStart < jEnd) {
      min = Math.min(min, (y.values[jStart] as number) - xi)
      max = Math.max(max, (y.values[jEnd - 1] as number) - xi)
    }
  }
  return { min, max }
}

/** Lists the pairs with lo < y_j − x_i ≤ hi, sorts them and returns the one at `rankInside` (1-based, weighted). */
function selectBetween(x: WeightedSample, y: WeightedSample, lo: number, hi: number, rankInside: number): number {
  const differences: number[] = []
  const weights: number[] = []
  let jStart = 0
  let jEnd = 0
  for (let i = 0; i < x.values.length; i++) {
    const xi = x.values[i] as number
    while (jStart < y.values.length && (y.values[jStart] as number) - xi <= lo) jStart++
    while (jEnd < y.values.length && (y.values[jEnd] as number) - xi <= hi) jEnd++
    for (let j = jStart; j < jEnd; j++) {
      differences.push((y.values[j] as number) - xi)
      weights.push((x.counts[i] as number) * (y.counts[j] as number))
    }
  }
  const order = differences.map((_, index) => index).sort((a, b) => differences[a]! - differences[b]!)
  let cumulative = 0
  for (const index of order) {
    cumulative += weights[index] as number
    if (cumulative >= rankInside) return differences[index] as number
  }
  return hi
}
