// Rebuilds a latency histogram from a tool's reported percentiles (autocannon, Artillery report no samples).
// The rebuilt histogram answers every reported percentile with the reported value (within 0.1 %, our bucket width)
// and interpolates linearly in between. It is a reconstruction, not a measurement: importers say so in warnings.
import { createHistogram, type LatencyHistogram } from '../results/histogram.js'

/** One reported percentile: `percentile` in [0, 100], `valueUs` the latency at it, µs. */
export interface PercentilePoint {
  readonly percentile: number
  readonly valueUs: number
}

/** What a tool reports about one latency distribution: some percentiles, the count, and maybe min and max. */
export interface PercentileSummary {
  /** Reported percentiles, any order. Non-finite values are ignored. */
  readonly points: readonly PercentilePoint[]
  /** How many latencies the tool recorded. */
  readonly count: number
  /** Smallest and largest recorded latency, µs, when the tool reports them. */
  readonly minUs?: number
  readonly maxUs?: number
  /**
   * The tool's percentile definition: the 1-based rank of the value it reports at a percentile. Defaults to
   * HdrHistogram's (rankAtPercentile: autocannon, k6's summary); Artillery's DDSketch uses ddsketchRank.
   */
  readonly rank?: (percentile: number, count: number) => number
}

/** Most distinct values recorded between two reported percentiles: ample for 3-significant-digit buckets. */
const MAX_STEPS_PER_SPAN = 2048

/**
 * The HdrHistogram rank of a percentile: the count of values at or below the value it reports,
 * max(1, ⌈p/100 × n⌉), as `getValueAtPercentile` computes it (with its 1-ulp guard).
 */
export function rankAtPercentile(percentile: number, count: number): number {
  const exact = (Math.min(percentile, 100) / 100) * count
  const guarded = exact - ulp(exact)
  return Math.min(count, Math.max(1, Math.ceil(guarded)))
}

/**
 * DDSketch's rank of a quantile (Artillery 2's sketches): the value at 0-based index ⌊q × (n − 1)⌋, so the
 * 1-based rank ⌊p/100 × (n − 1)⌋ + 1. For n = 72, p99.9 is the 71st value where HdrHistogram would give the 72nd.
 * @see https://github.com/DataDog/sketches-js (BaseDDSketch.getValueAtQuantile)
 * @example ddsketchRank(99.9, 72) // => 71
 */
export function ddsketchRank(percentile: number, count: number): number {
  return Math.min(count, Math.floor((Math.min(percentile, 100) / 100) * (count - 1)) + 1)
}

function ulp(x: number): number {
  if (x === 0) return Number.MIN_VALUE
  return 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52)
}

/**
 * Histogram from reported percentiles ("piecewise-linear CDF through the reported quantiles").
 *
 * Knots are (0 %, min), each reported (p, value) and (100 %, max), values made non-decreasing and capped at max
 * (sketch-based tools report bucket midpoints that can exceed the exact max). Each knot gets the
 * rank of its percentile in the tool's definition (HdrHistogram's r = max(1, ⌈p/100 × n⌉) by default). Between two knots (a, r_a) and (b, r_b) the
 * r_b − r_a values are placed so that exactly one sits at b and the others are spread evenly over the open
 * interval (a, b). So the count at or below b is r_b and the count below b is r_b − 1: the histogram's percentile p
 * answers b, as the tool did (read with the tool's rank definition), and percentiles in between are linear interpolations. A knot whose rank does not rise
 * (two reported percentiles sharing a rank) adds no values; the lower value then answers both.
 *
 * Runs in O(k × 2048) for k knots, independent of n (at most 2048 distinct values per span, counts spread evenly).
 * @see https://github.com/HdrHistogram/HdrHistogramJS (getValueAtPercentile's rank)
 * @example
 * const h = histogramFromPercentiles({ count: 1000, points: [{ percentile: 50, valueUs: 10_000 }, { percentile: 99, valueUs: 30_000 }] })
 * h.percentileUs(50) // => 10_007 (10 ms, within the bucket)
 */
export function histogramFromPercentiles(summary: PercentileSummary): LatencyHistogram {
  const histogram = createHistogram()
  const count = Math.round(summary.count)
  if (!(count > 0)) return histogram
  const knots = knotsOf(summary, count)
  let previous: Knot | null = null
  for (const knot of knots) {
    if (previous === null) {
      histogram.recordMany(knot.valueUs, knot.rank)
    } else if (knot.rank > previous.rank) {
      spread(histogram, previous.valueUs, knot.valueUs, knot.rank - previous.rank - 1)
      histogram.record(knot.valueUs)
    }
    previous = previous === null || knot.rank > previous.rank ? knot : previous
  }
  const recorded = previous?.rank ?? 0
  // Values above the last knot's rank (no max reported): at the last value.
  if (recorded < count && previous) histogram.recordMany(previous.valueUs, count - recorded)
  return histogram
}

interface Knot {
  readonly percentile: number
  readonly valueUs: number
  readonly rank: number
}

function knotsOf(summary: PercentileSummary, count: number): Knot[] {
  const raw: { percentile: number; valueUs: number }[] = summary.points.filter(
    (p) => Number.isFinite(p.valueUs) && Number.isFinite(p.percentile) && p.percentile >= 0 && p.percentile <= 100,
  )
  if (summary.minUs !== undefined && Number.isFinite(summary.minUs)) raw.push({ percentile: 0, valueUs: summary.minUs })
  if (summary.maxUs !== undefined && Number.isFinite(summary.maxUs))
    raw.push({ percentile: 100, valueUs: summary.maxUs })
  raw.sort((a, b) => a.percentile - b.percentile || a.valueUs - b.valueUs)
  const rankOf = summary.rank ?? rankAtPercentile
  const ceilingUs = summary.maxUs !== undefined && Number.isFinite(summary.maxUs) ? summary.maxUs : Infinity
  const knots: Knot[] = []
  let floorUs = 0
  for (const point of raw) {
    // Sketches report bucket midpoints (DDSketch: ±1 %), which can exceed the exact max: no value lies above it.
    floorUs = Math.min(ceilingUs, Math.max(floorUs, point.valueUs))
    const rank = point.percentile === 0 ? 1 : point.percentile === 100 ? count : rankOf(point.percentile, count)
    knots.push({ percentile: point.percentile, valueUs: floorUs, rank })
  }
  return knots
}

/** Records `n` values evenly over the open interval (fromUs, toUs), in at most MAX_STEPS_PER_SPAN distinct values. */
function spread(histogram: LatencyHistogram, fromUs: number, toUs: number, n: number): void {
  if (n <= 0) return
  if (toUs <= fromUs) {
    histogram.recordMany(toUs, n)
    return
  }
  const steps = Math.min(n, MAX_STEPS_PER_SPAN)
  for (let s = 1; s <= steps; s++) {
    const countHere = Math.floor((n * s) / steps) - Math.floor((n * (s - 1)) / steps)
    // Step s of `steps` sits at fraction s / (steps + 1): strictly inside the interval.
    histogram.recordMany(fromUs + ((toUs - fromUs) * s) / (steps + 1), countHere)
  }
}
