import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ddsketchRank, histogramFromPercentiles, rankAtPercentile } from '../../src/import/percentile-histogram.js'
import { createHistogram, type LatencyHistogram } from '../../src/results/histogram.js'
import { valueAtRank } from './helpers.js'

/** autocannon's reported percentiles. */
const REPORTED = [0.001, 0.01, 0.1, 1, 2.5, 10, 25, 50, 75, 90, 97.5, 99, 99.9, 99.99, 99.999]

/** Histogram precision: 3 significant digits give buckets at most 0.1 % wide (plus 1 µs for the integer floor). */
const withinBucket = (actualUs: number, expectedUs: number) => Math.abs(actualUs - expectedUs) <= expectedUs * 0.001 + 1

function histogramOf(valuesUs: readonly number[]): LatencyHistogram {
  const histogram = createHistogram()
  for (const value of valuesUs) histogram.record(value)
  return histogram
}

function summaryOf(source: LatencyHistogram) {
  return {
    points: REPORTED.map((percentile) => ({ percentile, valueUs: source.percentileUs(percentile) })),
    count: source.count,
    minUs: source.minUs(),
    maxUs: source.maxUs(),
  }
}

describe('histogramFromPercentiles', () => {
  it('reproduces every reported percentile of a real histogram within histogram precision (property)', () => {
    // given any sample of latencies (a few µs to a few s, skewed like real latencies)
    const latencies = fc.array(
      fc.oneof(
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1_000, max: 60_000 }),
        fc.integer({ min: 1, max: 3_000_000 }),
      ),
      { minLength: 1, maxLength: 400 },
    )
    fc.assert(
      fc.property(latencies, (valuesUs) => {
        const source = histogramOf(valuesUs)

        // when its reported percentiles are turned back into a histogram
        const rebuilt = histogramFromPercentiles(summaryOf(source))

        // then the count matches and each reported percentile reads back as reported
        expect(rebuilt.count).toBe(source.count)
        for (const percentile of REPORTED) {
          expect(withinBucket(rebuilt.percentileUs(percentile), source.percentileUs(percentile))).toBe(true)
        }
        expect(withinBucket(rebuilt.maxUs(), source.maxUs())).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('reproduces order statistics reported with DDSketch ranks (Artillery) within histogram precision (property)', () => {
    // given any sample, and its values at Artillery's percentiles under DDSketch's rank ⌊q(n − 1)⌋ + 1
    const ARTILLERY = [50, 75, 90, 95, 99, 99.9]
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 300 }), (valuesUs) => {
        const sorted = [...valuesUs].sort((a, b) => a - b)
        const points = ARTILLERY.map((percentile) => ({
          percentile,
          valueUs: sorted[ddsketchRank(percentile, sorted.length) - 1]!,
        }))

        // when
        const rebuilt = histogramFromPercentiles({
          points,
          count: sorted.length,
          minUs: sorted[0]!,
          maxUs: sorted.at(-1)!,
          rank: ddsketchRank,
        })

        // then the same ranks hold the same values (to the bucket)
        for (const { percentile, valueUs } of points) {
          const atRank = valueAtRank(rebuilt, ddsketchRank(percentile, sorted.length))
          expect(Math.abs(atRank - valueUs)).toBeLessThanOrEqual(valueUs * 0.001 + 1)
        }
      }),
      { numRuns: 50 }, // each run rebuilds a histogram spanning up to 2 s at 0.1 % precision (~0.1 s): 50 keep the suite short,
    )
  })

  it('keeps the count exact and the percentiles within precision for large counts (spans capped at 2048 steps)', () => {
    // given a summary of ten million requests
    const summary = {
      count: 10_000_000,
      minUs: 900,
      maxUs: 250_000,
      points: [
        { percentile: 50, valueUs: 11_000 },
        { percentile: 90, valueUs: 14_000 },
        { percentile: 99, valueUs: 35_000 },
        { percentile: 99.9, valueUs: 42_000 },
      ],
    }

    // when
    const rebuilt = histogramFromPercentiles(summary)

    // then
    expect(rebuilt.count).toBe(10_000_000)
    for (const { percentile, valueUs } of summary.points) {
      expect(withinBucket(rebuilt.percentileUs(percentile), valueUs)).toBe(true)
    }
  })

  it('interpolates linearly between reported percentiles (p95 halfway between p90 and p99 when evenly spread)', () => {
    const rebuilt = histogramFromPercentiles({
      count: 1000,
      points: [
        { percentile: 90, valueUs: 10_000 },
        { percentile: 100, valueUs: 20_000 },
      ],
      minUs: 10_000,
    })

    expect(rebuilt.percentileUs(95)).toBeGreaterThan(14_000)
    expect(rebuilt.percentileUs(95)).toBeLessThan(16_000)
  })

  it.each([
    { what: 'no values', summary: { count: 0, points: [{ percentile: 50, valueUs: 10 }] }, count: 0 },
    {
      what: 'values reported out of order',
      summary: {
        count: 10,
        points: [
          { percentile: 99, valueUs: 5 },
          { percentile: 50, valueUs: 9 },
        ],
      },
      count: 10,
    },
    { what: 'no percentiles but a max', summary: { count: 3, points: [], maxUs: 7_000 }, count: 3 },
  ])('handles $what', ({ summary, count }) => {
    const rebuilt = histogramFromPercentiles(summary)

    expect(rebuilt.count).toBe(count)
    if (count > 0) expect(rebuilt.percentileUs(100)).toBeGreaterThan(0)
  })

  it.each([
    { percentile: 50, count: 665, rank: 333 },
    { percentile: 99, count: 100, rank: 99 },
    { percentile: 0.001, count: 665, rank: 1 },
    { percentile: 100, count: 7, rank: 7 },
  ])('ranks percentile $percentile of $count values as HdrHistogram does: $rank', ({ percentile, count, rank }) => {
    expect(rankAtPercentile(percentile, count)).toBe(rank)
  })
})
