// The histograms' own record path (integer bucket arithmetic) against hdr-histogram-js's recordValue: the same
// counts in the same buckets, the same min, max and total, for both resolutions and across auto-resizing.
import fc from 'fast-check'
import type { JsHistogram } from 'hdr-histogram-js'
import { encodeIntoCompressedBase64 } from 'hdr-histogram-js/dist/encoding.js'
import { build } from 'hdr-histogram-js/dist/HistogramBuilder.js'
import { describe, expect, it } from 'vitest'
import {
  createChartHistogram,
  createHistogram,
  INITIAL_HIGHEST_TRACKABLE_US,
  type LatencyHistogram,
  LOWEST_DISCERNIBLE_US,
} from '../../src/results/histogram.js'

const RESOLUTIONS = [
  { name: '3 significant digits', digits: 3, create: createHistogram },
  { name: '2 significant digits (charts)', digits: 2, create: createChartHistogram },
] as const

/** The library's own histogram with our settings, fed through its recordValue. */
function libraryHistogram(digits: number): JsHistogram {
  const histogram = build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: LOWEST_DISCERNIBLE_US,
    highestTrackableValue: INITIAL_HIGHEST_TRACKABLE_US,
    numberOfSignificantValueDigits: digits as 2 | 3,
  })
  return histogram as unknown as JsHistogram
}

function expectSameAsLibrary(
  values: readonly number[],
  digits: number,
  create: () => LatencyHistogram,
  { compareEncoding = true } = {},
): void {
  const ours = create()
  const library = libraryHistogram(digits)
  for (const value of values) {
    ours.record(value)
    library.recordValue(value)
  }
  expect(ours.count).toBe(library.totalCount)
  expect(ours.minUs()).toBe(library.minNonZeroValue)
  expect(ours.maxUs()).toBe(library.maxValue)
  expect(ours.entries()).toEqual(
    [...Array(library.countsArrayLength).keys()]
      .map((index) => ({ valueUs: library.valueFromIndex(index), count: library.getCountAtIndex(index) }))
      .filter((entry) => entry.count > 0),
  )
  if (compareEncoding) expect(ours.encode()).toBe(encodeIntoCompressedBase64(library))
}

/** Every power of two up to 2^33 and its neighbours: where the bucket index changes. */
const bucketEdges = [...Array(34).keys()].flatMap((power) => {
  const edge = 2 ** power
  return [edge - 2, edge - 1, edge, edge + 1, edge + 2].filter((value) => value >= 1)
})

describe('LatencyHistogram.record', () => {
  for (const { name, digits, create } of RESOLUTIONS) {
    it(`puts every value from 1 to 70,000 µs in the library's bucket (${name})`, () => {
      expectSameAsLibrary(
        Array.from({ length: 70_000 }, (_, i) => i + 1),
        digits,
        create,
      )
    })

    it(`agrees with the library at every bucket edge up to 2^33 µs, auto-resize included (${name})`, () => {
      expectSameAsLibrary(bucketEdges, digits, create)
    })

    it(`agrees with the library on random latencies, one at a time and in any order (${name})`, () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 32 }), { minLength: 1, maxLength: 50 }), (values) => {
          expectSameAsLibrary(values, digits, create, { compareEncoding: false })
        }),
        { numRuns: 100 },
      )
    })
  }

  it('records sub-microsecond and fractional latencies as the nearest whole microsecond, at least 1', () => {
    const histogram = createHistogram()
    for (const value of [0, 0.2, 1.4, 1.6, 999.5]) histogram.record(value)

    expect(histogram.entries()).toEqual([
      { valueUs: 1, count: 3 },
      { valueUs: 2, count: 1 },
      { valueUs: 1000, count: 1 },
    ])
  })
})
