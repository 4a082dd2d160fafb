import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { binomialCdf, clopperPearson } from '../../src/calibrate/binomial-interval.js'

describe('clopperPearson', () => {
  // scipy 1.17.1 on this machine:
  //   from scipy.stats import binomtest
  //   ci = binomtest(k, n).proportion_ci(confidence_level, method='exact'); (ci.low, ci.high)
  it.each([
    { k: 0, n: 20, level: 0.95, lower: 0, upper: 0.16843347098308548 },
    { k: 1, n: 20, level: 0.95, lower: 0.0012650894979560339, upper: 0.24873276277202772 },
    { k: 3, n: 10, level: 0.95, lower: 0.06673951117773447, upper: 0.652452850060008 },
    { k: 20, n: 20, level: 0.95, lower: 0.8315665290169145, upper: 1 },
    { k: 0, n: 3, level: 0.95, lower: 0, upper: 0.7075982261787133 },
    { k: 5, n: 50, level: 0.95, lower: 0.03327509358902151, upper: 0.2181353664342022 },
    { k: 7, n: 7, level: 0.95, lower: 0.5903836027749514, upper: 1 },
    { k: 0, n: 1, level: 0.95, lower: 0, upper: 0.975 },
    { k: 12, n: 1000, level: 0.95, lower: 0.006215525559595244, upper: 0.020867679591036675 },
    { k: 2, n: 30, level: 0.9, lower: 0.01197580096541819, upper: 0.19532604365492603 },
  ])('matches scipy for $k of $n at $level', ({ k, n, level, lower, upper }) => {
    const interval = clopperPearson(k, n, level)

    expect(interval.lower).toBeCloseTo(lower, 10)
    expect(interval.upper).toBeCloseTo(upper, 10)
    expect(interval.confLevel).toBe(level)
  })

  it('always holds the observed rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const { lower, upper } = clopperPearson(k, n)
          return lower >= 0 && lower <= k / n && k / n <= upper && upper <= 1
        },
      ),
    )
  })

  it.each([
    { k: -1, n: 10, error: /successes must be an integer in \[0, 10\]/ },
    { k: 11, n: 10, error: /successes must be an integer/ },
    { k: 1.5, n: 10, error: /successes must be an integer/ },
    { k: 0, n: 0, error: /trials must be a positive integer/ },
    { k: 0, n: 10, level: 1, error: /confLevel must be in \(0, 1\)/ },
  ])('rejects k=$k, n=$n', ({ k, n, level, error }) => {
    expect(() => clopperPearson(k, n, level)).toThrow(error)
  })
})

describe('binomialCdf', () => {
  // scipy 1.17.1: scipy.stats.binom.cdf(k, n, p)
  it.each([
    { k: 0, n: 2, p: 0.5, cdf: 0.25 },
    { k: 3, n: 10, p: 0.3, cdf: 0.6496107184000002 },
    { k: 10, n: 1000, p: 0.01, cdf: 0.5830408033010979 },
    { k: 5, n: 5, p: 0.9, cdf: 1 },
    { k: -1, n: 5, p: 0.9, cdf: 0 },
  ])('P(X ≤ $k) for Binomial($n, $p) is $cdf', ({ k, n, p, cdf }) => {
    expect(binomialCdf(k, n, p)).toBeCloseTo(cdf, 12)
  })
})
