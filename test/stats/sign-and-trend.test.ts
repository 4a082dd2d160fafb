// The sign test and the Mann-Kendall trend test against SciPy (fixture computed with SciPy 1.17.1, kept in the repo),
// plus the Theil-Sen slope and the inversion counts.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { binomialHalfUpperTail, signTest } from '../../src/stats/sign-test.js'
import { inversionCounts, mannKendall, theilSenSlope } from '../../src/stats/trend.js'

type Fixture =
  | { kind: 'sign'; above: number; below: number; pAbove: number; pBelow: number }
  | { kind: 'mk'; values: number[]; p: number }

const fixture = JSON.parse(readFileSync(new URL('../fixtures/stats/sign-and-trend.json', import.meta.url), 'utf8')) as {
  cases: Fixture[]
}

describe('sign test', () => {
  const cases = fixture.cases.filter((c): c is Extract<Fixture, { kind: 'sign' }> => c.kind === 'sign')
  it.each(cases)('$above above, $below below matches SciPy binomtest', (c) => {
    const values = [...Array(c.above).fill(2), ...Array(c.below).fill(0), 1]
    const result = signTest(values, 1)
    expect(result.ties).toBe(1)
    expect(result.pAbove).toBeCloseTo(c.pAbove, 12)
    expect(result.pBelow).toBeCloseTo(c.pBelow, 12)
  })

  it('the upper tail is 1 at k ≤ 0, 0 above n, and sums with the lower tail to 1 + P(K = k)', () => {
    expect(binomialHalfUpperTail(10, 0)).toBe(1)
    expect(binomialHalfUpperTail(10, 11)).toBe(0)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (n, k) => {
        const kk = Math.min(k, n)
        const exactly = binomialHalfUpperTail(n, kk) - binomialHalfUpperTail(n, kk + 1)
        const lower = binomialHalfUpperTail(n, n - kk)
        expect(binomialHalfUpperTail(n, kk) + lower).toBeCloseTo(1 + exactly, 10)
      }),
    )
  })
})

describe('Mann-Kendall', () => {
  const cases = fixture.cases.filter((c): c is Extract<Fixture, { kind: 'mk' }> => c.kind === 'mk')
  it.each(cases)('$values matches SciPy kendalltau (exact, greater)', (c) => {
    expect(mannKendall(c.values).pIncreasing).toBeCloseTo(c.p, 12)
  })

  it('inversion counts sum to n! and are symmetric', () => {
    for (const n of [1, 2, 5, 9]) {
      const counts = [...inversionCounts(n)]
      const factorial = Array.from({ length: n }, (_, i) => i + 1).reduce((a, b) => a * b, 1)
      expect(counts.reduce((a, b) => a + b, 0)).toBe(factorial)
      expect(counts).toEqual([...counts].reverse())
    }
  })

  it('a tie counts 0 in S and the p-value stays conservative (no smaller than without the tie)', () => {
    const tied = mannKendall([1, 2, 2, 3, 4, 5])
    expect(tied.tiedPairs).toBe(1)
    expect(tied.s).toBe(14)
    expect(tied.pIncreasing).toBeGreaterThanOrEqual(mannKendall([1, 2, 3, 4, 5, 6]).pIncreasing)
  })

  it('long series use the normal approximation and still see a clear trend', () => {
    const rising = Array.from({ length: 80 }, (_, i) => i + (i % 3))
    expect(mannKendall(rising).pIncreasing).toBeLessThan(1e-6)
    expect(mannKendall([...rising].reverse()).pIncreasing).toBeGreaterThan(0.99)
  })
})

describe('Theil-Sen slope', () => {
  it.each([
    { x: [0, 1, 2, 3], y: [1, 3, 5, 7], slope: 2 },
    { x: [0, 1, 2, 3, 4], y: [0, 1, 2, 100, 4], slope: 1 },
    { x: [1, 1], y: [0, 5], slope: 0 },
  ])('of $y is $slope (robust to one outlier)', ({ x, y, slope }) => {
    expect(theilSenSlope(x, y)).toBe(slope)
  })
})
