// The only module that imports hdr-histogram-js. The rest of the code sees LatencyHistogram, in microseconds.
// Deep imports of the three modules used: the package's index also loads its log reader and writer, whose
// module-level Intl.NumberFormat costs every command ~20 ms of start-up.
import type * as hdr from 'hdr-histogram-js'
import { decodeFromCompressedBase64, encodeIntoCompressedBase64 } from 'hdr-histogram-js/dist/encoding.js'
import { build } from 'hdr-histogram-js/dist/HistogramBuilder.js'

/** Lowest latency the histograms resolve: 1 µs. */
export const LOWEST_DISCERNIBLE_US = 1
/**
 * Initial highest trackable latency: the least HdrHistogram allows (one bucket: 0-2 ms at 3 digits, 8 KB). Each
 * histogram grows (auto-resize) to the largest latency it records, so its size follows the service: ~28 KB for a
 * 50 ms maximum, 68 KB for 60 s. A run keeps endpoints × rounds of them (two in open models).
 */
export const INITIAL_HIGHEST_TRACKABLE_US = 2 * LOWEST_DISCERNIBLE_US
/** 3 significant digits: a relative bucket width of 0.05-0.1 %, enough to resolve a 1 % change. */
export const SIGNIFICANT_DIGITS = 3

/** One bucket of a histogram: its representative value (the bucket's lowest equivalent value, µs) and its count. */
export interface HistogramEntry {
  readonly valueUs: number
  readonly count: number
}

/** A latency histogram in integer microseconds, with shared bucket edges across every instance. */
export interface LatencyHistogram {
  /** Records one latency; values below 1 µs are recorded as 1 µs. */
  record(latencyUs: number): void
  /** Records the same latency `count` times. */
  recordMany(latencyUs: number, count: number): void
  /** Adds every count of `other` into this histogram (HDR histograms add exactly). */
  add(other: LatencyHistogram): void
  /** Value at a percentile in [0, 100], µs (HdrHistogram's highest equivalent value). 0 when empty. */
  percentileUs(percentile: number): number
  /** Mean in µs; 0 when empty. */
  meanUs(): number
  maxUs(): number
  minUs(): number
  readonly count: number
  /** Non-empty buckets, ascending by value; every histogram uses the same bucket edges. */
  entries(): HistogramEntry[]
  /** HdrHistogram V2 compressed, base64 ("HISTFAAA..."): the interchange format of RunResult files. */
  encode(): string
  /** A deep copy. */
  clone(): LatencyHistogram
  /** Empties it for reuse (keeps its backing arrays: no new allocation, no garbage). */
  reset(): void
  /** Releases the backing arrays (no-op for the JS implementation, kept for symmetry with WASM). */
  destroy(): void
}

function buildRaw(significantDigits: 2 | 3 = SIGNIFICANT_DIGITS): hdr.Histogram {
  return build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: LOWEST_DISCERNIBLE_US,
    highestTrackableValue: INITIAL_HIGHEST_TRACKABLE_US,
    numberOfSignificantValueDigits: significantDigits,
  })
}

/** Values below 2^31 µs (about 36 minutes) take recordFast's integer path; larger ones the library's. */
const FAST_RECORD_LIMIT_US = 2 ** 31

/**
 * Records one value as hdr-histogram-js's `recordValue` does, at a fraction of its cost: the library finds the
 * bucket with `Math.log2` and two `Math.pow` calls (~0.3 µs a value, the generator records 3-4 values a request);
 * for an integer below 2^31 the same index follows from `Math.clz32` and shifts (floor(log2 v) = 31 - clz32(v),
 * v / 2^k = v >>> k). Values past the counts array (auto-resize) or the fast range go through the library.
 * `test/results/histogram-record.test.ts` checks the index against the library's for every bucket edge.
 */
function recordFast(js: hdr.JsHistogram, value: number): void {
  if (value < FAST_RECORD_LIMIT_US) {
    const halfMagnitude = js.subBucketHalfCountMagnitude
    const bucket = Math.max(31 - Math.clz32(value) - halfMagnitude - js.unitMagnitude, 0)
    const index = ((bucket + 1) << halfMagnitude) + (value >>> (bucket + js.unitMagnitude)) - js.subBucketHalfCount
    if (index < js.countsArrayLength) {
      js.incrementCountAtIndex(index)
      js.updateMinAndMax(value)
      js.incrementTotalCount()
      return
    }
  }
  js.recordValue(value)
}

/** The array-backed (JS) histogram under the library's interface: what `recordFast` reads and writes. */
const jsOf = (raw: hdr.Histogram): hdr.JsHistogram => raw as unknown as hdr.JsHistogram

class HdrLatencyHistogram implements LatencyHistogram {
  private readonly js: hdr.JsHistogram
  constructor(private readonly raw: hdr.Histogram) {
    this.js = jsOf(raw)
  }

  record(latencyUs: number): void {
    recordFast(this.js, clampUs(latencyUs))
  }

  recordMany(latencyUs: number, count: number): void {
    if (count > 0) this.raw.recordValueWithCount(clampUs(latencyUs), count)
  }

  add(other: LatencyHistogram): void {
    if (!(other instanceof HdrLatencyHistogram)) throw new TypeError('add() needs a histogram made by createHistogram')
    addSameEdges(this.raw as unknown as JsInternals, other.raw as unknown as JsInternals) || this.raw.add(other.raw)
  }

  percentileUs(percentile: number): number {
    return this.raw.totalCount === 0 ? 0 : this.raw.getValueAtPercentile(percentile)
  }

  meanUs(): number {
    return this.raw.totalCount === 0 ? 0 : this.raw.mean
  }

  maxUs(): number {
    return this.raw.totalCount === 0 ? 0 : this.raw.maxValue
  }

  minUs(): number {
    return this.raw.totalCount === 0 ? 0 : this.raw.minNonZeroValue
  }

  get count(): number {
    return this.raw.totalCount
  }

  entries(): HistogramEntry[] {
    const out: HistogramEntry[] = []
    if (this.raw.totalCount === 0) return out
    // A direct scan of the counts array up to the maximum's bucket: what the library's RecordedValuesIterator
    // yields (each non-empty bucket, at its lowest equivalent value), without an iterator object per step, which
    // cost a one-shot `compare` tens of milliseconds of cold code.
    const { js } = this
    const last = Math.min(js.countsArrayIndex(js.maxValue), js.countsArrayLength - 1)
    for (let index = 0; index <= last; index++) {
      const count = js.getCountAtIndex(index)
      if (count > 0) out.push({ valueUs: js.valueFromIndex(index), count })
    }
    return out
  }

  encode(): string {
    return encodeIntoCompressedBase64(this.raw)
  }

  clone(): LatencyHistogram {
    const copy = buildRaw()
    copy.add(this.raw)
    return new HdrLatencyHistogram(copy)
  }

  reset(): void {
    this.raw.reset()
  }

  destroy(): void {
    this.raw.destroy()
  }
}

/** The JsHistogram members `addSameEdges` uses (the library's own `add` uses them the same way). */
interface JsInternals {
  readonly subBucketCount: number
  readonly unitMagnitude: number
  readonly countsArrayLength: number
  readonly totalCount: number
  readonly maxValue: number
  readonly minNonZeroValue: number
  countsArrayIndex(value: number): number
  getCountAtIndex(index: number): number
  addToCountAtIndex(index: number, count: number): void
  setTotalCount(count: number): void
  resize(highestTrackableValue: number): void
  updatedMaxValue(value: number): void
  updateMinNonZeroValue(value: number): void
}

/**
 * Adds `from` into `into` count by count when both have the same bucket edges (significant digits and unit), whatever
 * their lengths: exact counts, maximum and minimum. hdr-histogram-js adds index by index only when the lengths are
 * equal too; otherwise it re-records each bucket at its lowest value, which moves the maximum by up to a bucket.
 * Histograms here grow with their values, so lengths differ. Returns false (nothing done) for different edges.
 */
function addSameEdges(into: JsInternals, from: JsInternals): boolean {
  if (into.subBucketCount !== from.subBucketCount || into.unitMagnitude !== from.unitMagnitude) return false
  if (from.totalCount === 0) return true
  const lastIndex = from.countsArrayIndex(from.maxValue)
  if (lastIndex >= into.countsArrayLength) into.resize(from.maxValue)
  for (let index = 0; index <= lastIndex; index++) {
    const count = from.getCountAtIndex(index)
    if (count > 0) into.addToCountAtIndex(index, count)
  }
  into.setTotalCount(into.totalCount + from.totalCount)
  if (from.maxValue > into.maxValue) into.updatedMaxValue(from.maxValue)
  if (from.minNonZeroValue < into.minNonZeroValue) into.updateMinNonZeroValue(from.minNonZeroValue)
  return true
}

function clampUs(latencyUs: number): number {
  if (!Number.isFinite(latencyUs) || latencyUs < LOWEST_DISCERNIBLE_US) return LOWEST_DISCERNIBLE_US
  return Math.round(latencyUs)
}

/** A new, empty latency histogram (µs, 3 significant digits, growing with the largest value recorded). */
export function createHistogram(): LatencyHistogram {
  return new HdrLatencyHistogram(buildRaw())
}

/**
 * A histogram for chart points only (2 significant digits: 1 % buckets, 1-10 KB instead of 8-68 KB), e.g. one per
 * endpoint and second while that second is open. Never for a gated statistic, and never encoded into a result file.
 */
export function createChartHistogram(): LatencyHistogram {
  return new HdrLatencyHistogram(buildRaw(2))
}

/**
 * Decodes an HdrHistogram compressed base64 string into a histogram with our bucket settings.
 * Throws a RangeError naming the problem when the string is not a valid encoded histogram.
 */
export function decodeHistogram(encoded: string): LatencyHistogram {
  let decoded: hdr.Histogram
  try {
    decoded = decodeFromCompressedBase64(encoded, 32, false)
  } catch (error) {
    throw new RangeError(`not an HdrHistogram compressed base64 string (${(error as Error).message})`)
  }
  if (decoded.numberOfSignificantValueDigits !== SIGNIFICANT_DIGITS) {
    throw new RangeError(
      `histogram has ${decoded.numberOfSignificantValueDigits} significant digits; Tailgate needs ${SIGNIFICANT_DIGITS}`,
    )
  }
  // Re-record into a histogram with our own settings so that bucket edges are shared with fresh histograms.
  const histogram = buildRaw()
  histogram.add(decoded)
  return new HdrLatencyHistogram(histogram)
}

/** The sum of several histograms (a new histogram; inputs untouched). */
export function mergeHistograms(histograms: readonly LatencyHistogram[]): LatencyHistogram {
  const total = createHistogram()
  for (const h of histograms) total.add(h)
  return total
}
