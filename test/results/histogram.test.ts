// Histograms that grow with their values (each starts at one bucket): adding histograms of different lengths is
// exact, and the file encoding round-trips, including files written by histograms sized for 60 s (format ≤ 1.2).
import fc from 'fast-check'
import { encodeIntoCompressedBase64 } from 'hdr-histogram-js/dist/encoding.js'
import { build } from 'hdr-histogram-js/dist/HistogramBuilder.js'
import { describe, expect, it } from 'vitest'
import {
  createChartHistogram,
  createHistogram,
  decodeHistogram,
  type LatencyHistogram,
  mergeHistograms,
} from '../../src/results/histogram.js'

/** Latencies from 1 µs to 100 s, most below 10 ms (a histogram stays short, some grow long). */
const latencyUs = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000_000 }) },
)
const latencies = fc.array(latencyUs, { maxLength: 60 })

const filled = (values: readonly number[], make: () => LatencyHistogram = createHistogram): LatencyHistogram => {
  const histogram = make()
  for (const value of values) histogram.record(value)
  return histogram
}

/** Everything a histogram tells: its buckets, count, extremes, mean and percentiles. */
const summary = (h: LatencyHistogram) => ({
  entries: h.entries(),
  count: h.count,
  minUs: h.minUs(),
  maxUs: h.maxUs(),
  meanUs: h.meanUs(),
  percentilesUs: [0, 1, 50, 90, 95, 99, 99.9, 100].map((p) => h.percentileUs(p)),
})

describe('latency histograms that grow with their values', () => {
  it('add exactly, whatever length each has grown to: as if every value had been recorded into one', () => {
    fc.assert(
      fc.property(fc.array(latencies, { maxLength: 5 }), (parts) => {
        const merged = mergeHistograms(parts.map((values) => filled(values)))
        const inPlace = filled(parts[0] ?? [])
        for (const values of parts.slice(1)) inPlace.add(filled(values))

        const all = filled(parts.flat())

        expect(summary(merged)).toEqual(summary(all))
        expect(summary(inPlace)).toEqual(summary(all))
      }),
      { numRuns: 100 },
    )
  })

  it('clone and round-trip through the file encoding with every bucket, count and extreme', () => {
    fc.assert(
      fc.property(latencies, (values) => {
        const histogram = filled(values)

        expect(summary(histogram.clone())).toEqual(summary(histogram))
        const back = decodeHistogram(histogram.encode())
        expect(back.entries()).toEqual(histogram.entries())
        expect(back.count).toBe(histogram.count)
        // The decoder keeps the maximum's bucket (its highest equivalent value), as it always has.
        expect(back.percentileUs(100)).toBe(histogram.percentileUs(100))
      }),
      { numRuns: 200 },
    )
  })

  it('decode files written by histograms sized for 60 s (older Tailgate) to the same buckets', () => {
    fc.assert(
      fc.property(latencies, (values) => {
        const old = build({
          bitBucketSize: 32,
          autoResize: true,
          lowestDiscernibleValue: 1,
          highestTrackableValue: 60_000_000,
          numberOfSignificantValueDigits: 3,
        })
        for (const value of values) old.recordValue(value)

        const decoded = decodeHistogram(encodeIntoCompressedBase64(old))
        const fresh = filled(values)

        expect(decoded.entries()).toEqual(fresh.entries())
        expect(decoded.count).toBe(values.length)
        expect(decoded.percentileUs(99)).toBe(fresh.percentileUs(99))
        // Adding a decoded (long) histogram into a fresh (short) one, and the reverse, loses nothing.
        const sum = createHistogram()
        sum.add(decoded)
        sum.add(fresh)
        expect(sum.count).toBe(2 * values.length)
        expect(sum.maxUs()).toBe(Math.max(decoded.maxUs(), fresh.maxUs()))
      }),
      { numRuns: 100 },
    )
  })

  it('keep the chart resolution (2 significant digits) after growing and being reset for reuse', () => {
    const chart = filled([1_000, 250_000, 30_000_000], createChartHistogram)
    chart.reset()
    for (let i = 1; i <= 100; i++) chart.record(i * 100)

    expect(chart.count).toBe(100)
    expect(Math.abs(chart.percentileUs(50) - 5_000) / 5_000).toBeLessThan(0.01)
    expect(Math.abs(chart.maxUs() - 10_000) / 10_000).toBeLessThan(0.01)
  })
})
