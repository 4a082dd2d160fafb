// The pieces of the run-level test across CI jobs: Student's t tails and quantiles, Welch-Satterthwaite degrees of
// freedom and the between-run variance component. Reference values from SciPy 1.17.1 on this machine.
import fc from 'fast-check'
import { sampleVariance } from 'simple-statistics'
import { describe, expect, it } from 'vitest'
import { studentTQuantile, studentTUpperTail } from '../../src/stats/student-t.js'
import { betweenRunVariance, welchSatterthwaiteDf } from '../../src/stats/variance-components.js'

describe("Student's t", () => {
  it.each([
    // scipy.stats.t.sf(t, df)
    { t: 2.5, df: 7, upper: 0.020496109292876444 },
    { t: -1.3, df: 3.7, upper: 0.8656666379136863 },
    { t: 12, df: 4, upper: 0.0001382142742514865 },
  ])('P(T > $t) with $df df is $upper', ({ t, df, upper }) => {
    expect(studentTUpperTail(t, df)).toBeCloseTo(upper, 10)
  })

  it.each([
    // scipy.stats.t.ppf(p, df), scipy.stats.norm.ppf for infinite df
    { p: 0.975, df: 10, quantile: 2.228138851986274 },
    { p: 0.95, df: 4.5, quantile: 2.065575888878524 },
    { p: 0.8, df: 9.3, quantile: 0.8819977947877712 },
    { p: 0.9875, df: Number.POSITIVE_INFINITY, quantile: 2.241402727604947 },
  ])('the $p quantile with $df df is $quantile', ({ p, df, quantile }) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(quantile, 9)
  })

  it('refuses degrees of freedom that are not positive', () => {
    expect(() => studentTUpperTail(1, 0)).toThrow(/degrees of freedom/)
    expect(() => studentTQuantile(0.5, Number.NaN)).toThrow(/degrees of freedom/)
  })
})

describe('welchSatterthwaiteDf', () => {
  it("gives Welch's df for two sample means (scipy.stats.ttest_ind(equal_var=False).df = 6.827880512091039)", () => {
    const a = [1, 2, 4, 7]
    const b = [3, 3.5, 9, 10, 12]
    const df = welchSatterthwaiteDf([
      { variance: sampleVariance(a) / a.length, df: a.length - 1 },
      { variance: sampleVariance(b) / b.length, df: b.length - 1 },
    ])
    expect(df).toBeCloseTo(6.827880512091039, 10)
  })

  it('counts a known constant in the sum but not in the denominator, and is infinite when all are known', () => {
    expect(
      welchSatterthwaiteDf([
        { variance: 1, df: 5 },
        { variance: 1, df: Number.POSITIVE_INFINITY },
      ]),
    ).toBe(20)
    expect(welchSatterthwaiteDf([{ variance: 2, df: Number.POSITIVE_INFINITY }])).toBe(Number.POSITIVE_INFINITY)
  })

  it('lies between the smallest component df and the sum of all of them', () => {
    const component = fc.record({
      variance: fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
      df: fc.integer({ min: 1, max: 60 }),
    })
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 5 }), (components) => {
        const df = welchSatterthwaiteDf(components)
        expect(df).toBeGreaterThanOrEqual(Math.min(...components.map((c) => c.df)) * (1 - 1e-12))
        expect(df).toBeLessThanOrEqual(components.reduce((sum, c) => sum + c.df, 0) * (1 + 1e-12))
      }),
    )
  })
})

describe('betweenRunVariance', () => {
  it('splits the spread of run values into within-run and between-job parts', () => {
    // values 1, 2, 3: s² = 1; within 0.25 each: τ² = 0.75
    expect(betweenRunVariance([1, 2, 3], [0.25, 0.25, 0.25])).toEqual({
      runs: 3,
      mean: 2,
      runVariance: 1,
      withinVariance: 0.25,
      betweenVariance: 0.75,
    })
  })

  it('truncates at zero when the rounds explain all of the spread, and gives no split when a run has no rounds', () => {
    expect(betweenRunVariance([1, 2, 3], [2, 2, 2]).betweenVariance).toBe(0)
    expect(betweenRunVariance([1, 2, 3], [0.25, null, 0.25])).toMatchObject({
      withinVariance: null,
      betweenVariance: null,
    })
    expect(() => betweenRunVariance([1], [0])).toThrow(/at least two runs/)
  })

  it('never gives a negative component, and within + between never exceeds the run variance by more than rounding', () => {
    const runs = fc.array(
      fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true })),
      {
        minLength: 2,
        maxLength: 12,
      },
    )
    fc.assert(
      fc.property(runs, (pairs) => {
        const estimate = betweenRunVariance(
          pairs.map(([value]) => value),
          pairs.map(([, within]) => within),
        )
        expect(estimate.betweenVariance).toBeGreaterThanOrEqual(0)
        expect(estimate.betweenVariance).toBe(Math.max(0, estimate.runVariance - (estimate.withinVariance as number)))
      }),
    )
  })
})
