// fast-check properties of the statistics: symmetry, invariance, monotonicity, histogram = raw, Holm's shape.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exactConditionalTest } from '../../src/stats/exact-conditional.js'
import { hodgesLehmann, hodgesLehmannFromHistograms } from '../../src/stats/hodges-lehmann.js'
import { holmAdjust } from '../../src/stats/holm.js'
import { exactPValue, mannWhitneyU, mannWhitneyUFromHistograms } from '../../src/stats/mann-whitney.js'
import { pairwiseDifferenceAt } from '../../src/stats/pairwise-differences.js'
import type { WeightedValue } from '../../src/stats/types.js'
import { weightedFromValues } from '../../src/stats/weighted-sample.js'

/** Small integer samples: plenty of ties, exact in doubles under the transforms below. */
const sample = (maxLength = 30) => fc.array(fc.integer({ min: -200, max: 200 }), { minLength: 1, maxLength })
const alternative = fc.constantFrom('two-sided' as const, 'less' as const, 'greater' as const)

function entriesOf(values: readonly number[]): WeightedValue[] {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }))
}

describe('Mann-Whitney U properties', () => {
  it('is symmetric: U(x, y) + U(y, x) = n_x·n_y, and U_x + U_y = n_x·n_y', () => {
    fc.assert(
      fc.property(sample(), sample(), (x, y) => {
        const forward = mannWhitneyU(x, y)
        const backward = mannWhitneyU(y, x)

        expect(forward.u + backward.u).toBe(x.length * y.length)
        expect(forward.u + forward.uY).toBe(x.length * y.length)
      }),
    )
  })

  it('is invariant under a strictly increasing transform of both samples (U, tie term and p)', () => {
    const transform = (v: number): number => v * v * v + 3 * v + 1000
    fc.assert(
      fc.property(sample(), sample(), alternative, (x, y, alt) => {
        const before = mannWhitneyU(x, y, { alternative: alt })
        const after = mannWhitneyU(x.map(transform), y.map(transform), { alternative: alt })

        expect(after.u).toBe(before.u)
        expect(after.tieTerm).toBe(before.tieTerm)
        expect(after.pValue).toBe(before.pValue)
      }),
    )
  })

  it('never lets U of the baseline grow when the candidate is shifted up, and p(less) never grows', () => {
    fc.assert(
      fc.property(
        sample(),
        sample(),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (x, y, a, b) => {
          const low = mannWhitneyU(
            x,
            y.map((v) => v + a),
            { alternative: 'less', method: 'asymptotic' },
          )
          const high = mannWhitneyU(
            x,
            y.map((v) => v + a + b),
            { alternative: 'less', method: 'asymptotic' },
          )

          expect(high.u).toBeLessThanOrEqual(low.u)
          if (low.pValue !== null && high.pValue !== null) expect(high.pValue).toBeLessThanOrEqual(low.pValue + 1e-15)
        },
      ),
    )
  })

  it('gives the same result from histograms as from the raw values they bucket', () => {
    const bucket = (v: number): number => Math.floor(v / 7) * 7
    fc.assert(
      fc.property(sample(60), sample(60), alternative, (rawX, rawY, alt) => {
        const x = rawX.map(bucket)
        const y = rawY.map(bucket)

        const fromRaw = mannWhitneyU(x, y, { alternative: alt })
        const fromHistograms = mannWhitneyUFromHistograms(entriesOf(x), entriesOf(y), { alternative: alt })

        expect(fromHistograms).toEqual(fromRaw)
        expect(hodgesLehmannFromHistograms(entriesOf(x), entriesOf(y))).toEqual(hodgesLehmann(x, y))
      }),
    )
  })

  it('never reports p for degenerate input, where every value is equal', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat({ max: 20 }), fc.nat({ max: 20 }), alternative, (value, extraX, extraY, alt) => {
        const result = mannWhitneyU(Array(extraX + 1).fill(value), Array(extraY + 1).fill(value), { alternative: alt })

        expect(result.degenerate).toBe(true)
        expect(result.pValue).toBeNull()
        expect(result.z).toBeNull()
      }),
    )
  })
})

describe('Hodges-Lehmann properties', () => {
  it('moves by exactly the shift added to the candidate (estimate and interval)', () => {
    fc.assert(
      fc.property(sample(), sample(), fc.integer({ min: -100, max: 100 }), (x, y, shift) => {
        const before = hodgesLehmann(x, y)
        const after = hodgesLehmann(
          x,
          y.map((v) => v + shift),
        )

        expect(after.estimate).toBe(before.estimate + shift)
        // R's branch depends on ties between the samples, which a shift can create or remove.
        if (before.interval !== null && after.interval !== null && before.interval.method === after.interval.method) {
          expect(after.interval.lower).toBe(before.interval.lower + shift)
          expect(after.interval.upper).toBe(before.interval.upper + shift)
        }
      }),
    )
  })

  it('is monotone in a shift of the candidate, and the interval holds the estimate', () => {
    fc.assert(
      fc.property(sample(), sample(), fc.integer({ min: 1, max: 30 }), (x, rawY, step) => {
        const y = rawY.map((v) => v * 2 + (v % 3))
        const low = hodgesLehmann(x, y)
        const high = hodgesLehmann(
          x,
          y.map((v, i) => v + (i % 2 === 0 ? step : 0)),
        )

        expect(high.estimate).toBeGreaterThanOrEqual(low.estimate)
        if (low.interval !== null) {
          expect(low.interval.lower).toBeLessThanOrEqual(low.estimate)
          expect(low.interval.upper).toBeGreaterThanOrEqual(low.estimate)
        }
      }),
    )
  })

  it('finds every order statistic of the pairwise differences that sorting them would', () => {
    fc.assert(
      fc.property(sample(25), sample(25), (x, y) => {
        const differences = y.flatMap((yj) => x.map((xi) => yj - xi)).sort((a, b) => a - b)
        const wx = weightedFromValues(x, 'x')
        const wy = weightedFromValues(y, 'y')

        for (let rank = 1; rank <= differences.length; rank += Math.max(1, Math.floor(differences.length / 17))) {
          expect(pairwiseDifferenceAt(wx, wy, rank)).toBe(differences[rank - 1])
        }
        expect(pairwiseDifferenceAt(wx, wy, differences.length)).toBe(differences.at(-1))
      }),
    )
  })
})

describe('pairwise order statistics on heavily tied samples', () => {
  it('agree with sorting every difference, across the search (not only the final listing)', () => {
    const tied = fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 20, maxLength: 90 })
    fc.assert(
      fc.property(tied, tied, fc.double({ min: 0, max: 1, noNaN: true }), (x, y, where) => {
        const differences = y.flatMap((yj) => x.map((xi) => yj - xi)).sort((a, b) => a - b)
        const rank = 1 + Math.floor(where * (differences.length - 1))

        expect(pairwiseDifferenceAt(weightedFromValues(x, 'x'), weightedFromValues(y, 'y'), rank)).toBe(
          differences[rank - 1],
        )
      }),
      { numRuns: 200 },
    )
  })
})

describe('Holm adjustment properties', () => {
  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 })

  it('never lowers a p-value and never exceeds 1', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const adjusted = holmAdjust(p)

        adjusted.forEach((value, i) => {
          expect(value).toBeGreaterThanOrEqual(p[i] as number)
          expect(value).toBeLessThanOrEqual(1)
        })
      }),
    )
  })

  it('keeps the order of the raw p-values (monotone)', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const adjusted = holmAdjust(p)

        for (let i = 0; i < p.length; i++) {
          for (let j = 0; j < p.length; j++) {
            if ((p[i] as number) <= (p[j] as number)) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j] as number)
          }
        }
      }),
    )
  })
})

describe('exact conditional test', () => {
  it('equals the classical exact test when there are no ties', () => {
    const distinct = fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 24 })
    fc.assert(
      fc.property(distinct, fc.integer({ min: 1, max: 12 }), alternative, (values, cut, alt) => {
        const split = Math.min(cut, values.length - 1)
        const x = values.slice(0, split)
        const y = values.slice(split)
        const classical = exactPValue(mannWhitneyU(x, y).u, x.length, y.length, alt)
        const conditional = exactConditionalTest(weightedFromValues(x, 'x'), weightedFromValues(y, 'y'), alt)

        expect(conditional).not.toBeNull()
        expect(Math.abs((conditional?.pValue ?? -1) - (classical ?? 2))).toBeLessThanOrEqual(1e-12)
      }),
    )
  })
})
