// The exact distributions: classical (no ties), its product form for small samples, and the conditional test.
import { describe, expect, it } from 'vitest'
import { exactConditionalTest } from '../../src/stats/exact-conditional.js'
import {
  arrangements,
  exactLowerCdf,
  exactQuantile,
  exactUCounts,
  minimumExactPValue,
  uCountsByProductForm,
  uCountsByRecurrence,
} from '../../src/stats/exact-distribution.js'
import { mannWhitneyU } from '../../src/stats/mann-whitney.js'
import { weightedFromValues } from '../../src/stats/weighted-sample.js'
import { pValueMatches } from './fixture-files.js'

describe('exact null distribution of U', () => {
  it('counts the arrangements of 2 v 2 as 1, 1, 2, 1, 1', () => {
    expect([...(exactUCounts(2, 2, 4) ?? [])]).toEqual([1, 1, 2, 1, 1])
  })

  it.each([
    { n: 3, m: 3, minimum: 0.05 },
    { n: 5, m: 5, minimum: 1 / 252 },
    { n: 6, m: 6, minimum: 1 / 924 },
    { n: 8, m: 8, minimum: 1 / 12870 },
  ])('gives 1/binom(n+m, n) as the smallest one-sided p for $n v $m rounds', ({ n, m, minimum }) => {
    expect(minimumExactPValue(n, m)).toBeCloseTo(minimum, 15)
    expect(exactLowerCdf(0, n, m)).toBeCloseTo(minimum, 15)
  })

  it('finds qwilcox(0.025, 6, 6) = 6 and qwilcox(0.025, 5, 5) = 3, as R does', () => {
    expect(exactQuantile(0.025, 6, 6)).toBe(6)
    expect(exactQuantile(0.025, 5, 5)).toBe(3)
  })

  it('sums to binom(m+n, m) over the whole support', () => {
    const counts = exactUCounts(7, 9, 63) ?? new Float64Array()
    expect(counts.reduce((sum, c) => sum + c, 0)).toBe(arrangements(7, 9))
    expect(arrangements(7, 9)).toBe(11440)
  })

  it.each([1, 2, 3, 5, 8])(
    'agrees with the all-positive recurrence in product form for a smaller sample of %i',
    (m) => {
      for (const n of [1, 9, 60, 400]) {
        const top = Math.floor((m * n) / 2)
        const byRecurrence = uCountsByRecurrence(m, n, top)
        const byProduct = uCountsByProductForm(m, n, top)
        let cumulativeRecurrence = 0
        let cumulativeProduct = 0
        for (let k = 0; k <= top; k++) {
          cumulativeRecurrence += byRecurrence[k] as number
          cumulativeProduct += byProduct[k] as number
          expect(Math.abs(cumulativeProduct - cumulativeRecurrence)).toBeLessThanOrEqual(1e-13 * cumulativeRecurrence)
        }
      }
    },
  )

  // scipy 1.17.1: y = [(j*7919) % 40009 for j in range(1, 20001)]; x as below;
  //   mannwhitneyu(x, y, alternative=alt, method='exact').pvalue   (27 s in SciPy)
  it.each([
    { alternative: 'less' as const, p: 0.0004510714132270454 },
    { alternative: 'greater' as const, p: 0.999549053920863 },
    { alternative: 'two-sided' as const, p: 0.0009021428264540908 },
  ])('computes SciPy exact p for 8 v 20,000 values ($alternative) through the product form', ({ alternative, p }) => {
    const y = Array.from({ length: 20000 }, (_, i) => ((i + 1) * 7919) % 40009)
    const x = [-1127.5, 356.5, 1145.5, 1358.5, 2448.5, 4071.5, 12295.5, 35800.5]

    const result = mannWhitneyU(x, y, { alternative })

    expect(result.method).toBe('exact')
    expect(result.u).toBe(28731)
    expect(pValueMatches(result.pValue, p), `${result.pValue} vs ${p}`).toBe(true)
  })

  it('falls back to the normal approximation, and says why, when the exact distribution is too large', () => {
    const x = Array.from({ length: 60 }, (_, i) => i * 10.83 + 0.005)
    const y = Array.from({ length: 5000 }, (_, i) => i * 0.13 + 0.01)

    const result = mannWhitneyU(x, y, { method: 'exact' })

    expect(result.method).toBe('asymptotic')
    expect(result.note).toMatch(/too large/)
    expect(result.pValue).not.toBeNull()
  })

  it('falls back to the normal approximation, as R does, when exact is asked for with ties', () => {
    const result = mannWhitneyU([1, 2, 2, 3], [2, 4, 5], { method: 'exact' })

    expect(result.method).toBe('asymptotic')
    expect(result.note).toMatch(/ties/)
  })
})

describe('exact conditional (permutation) test with ties', () => {
  // scipy 1.17.1: mannwhitneyu(x, y, alternative=alt, method=PermutationMethod(n_resamples=np.inf)).pvalue
  it.each([
    { x: [1, 2, 2, 3], y: [2, 3, 4, 4, 5], alternative: 'less' as const, u: 2.5, p: 0.05555555555555555 },
    { x: [1, 2, 2, 3], y: [2, 3, 4, 4, 5], alternative: 'greater' as const, u: 2.5, p: 0.9920634920634921 },
    { x: [1, 2, 2, 3], y: [2, 3, 4, 4, 5], alternative: 'two-sided' as const, u: 2.5, p: 0.1111111111111111 },
    {
      x: [10, 10, 11, 12, 12, 13],
      y: [12, 13, 13, 14, 15, 15],
      alternative: 'less' as const,
      u: 3,
      p: 0.010822510822510822,
    },
    { x: [5, 5, 5, 5, 5, 5], y: [7, 7, 7, 7, 7, 7], alternative: 'less' as const, u: 0, p: 0.0010822510822510823 },
    { x: [5, 5, 5, 5, 5, 5], y: [7, 7, 7, 7, 7, 7], alternative: 'greater' as const, u: 0, p: 1 },
    { x: [3, 1, 4, 1, 5, 9], y: [2, 6, 5, 3, 5, 8], alternative: 'two-sided' as const, u: 12.5, p: 0.4134199134199134 },
  ])('matches SciPy for $x v $y ($alternative)', ({ x, y, alternative, u, p }) => {
    const result = exactConditionalTest(weightedFromValues(x, 'x'), weightedFromValues(y, 'y'), alternative)

    expect(result?.u).toBe(u)
    expect(Math.abs((result?.pValue ?? -1) - p)).toBeLessThanOrEqual(1e-14)
  })

  it('declines samples too large to enumerate', () => {
    const big = weightedFromValues(
      Array.from({ length: 400 }, (_, i) => i % 7),
      'x',
    )
    expect(exactConditionalTest(big, big, 'less')).toBeNull()
  })
})
