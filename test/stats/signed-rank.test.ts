// The Wilcoxon signed-rank test and the Walsh-average (one-sample Hodges-Lehmann) interval: SciPy 1.17.1 reference
// cases (test/fixtures/signed-rank/, made by scripts/gen-signed-rank-fixtures.py), full enumeration of the sign
// patterns for tied data, and fast-check properties.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  minimumSignedRankPValue,
  pseudoMedian,
  type SignedRankAlternative,
  untiedSignedRankDistribution,
  wilcoxonSignedRank,
} from '../../src/stats/signed-rank.js'

interface Interval {
  readonly lower: number
  readonly upper: number
  readonly achievedConfLevel: number
  readonly estimate: number
}
interface Case {
  readonly name: string
  readonly differences: readonly number[]
  readonly p: Record<
    SignedRankAlternative,
    { readonly asymptotic: number; readonly exact?: number; readonly statistic: number | null }
  >
  readonly walsh95?: Interval
  readonly walsh90?: Interval
}

const { cases } = JSON.parse(readFileSync(new URL('../fixtures/signed-rank/cases.json', import.meta.url), 'utf8')) as {
  cases: Case[]
}
const ALTERNATIVES: readonly SignedRankAlternative[] = ['two-sided', 'less', 'greater']
const relativelyClose = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)))

describe('wilcoxonSignedRank against SciPy 1.17.1', () => {
  it('has the reference cases', () => expect(cases.length).toBeGreaterThanOrEqual(15))

  describe.each(cases)('$name', (reference) => {
    it.each(ALTERNATIVES)('%s: V and the asymptotic p (continuity and tie corrections) agree to 1e-12', (alt) => {
      const result = wilcoxonSignedRank(reference.differences, { alternative: alt, method: 'asymptotic' })
      const expected = reference.p[alt]

      relativelyClose(result.pValue as number, expected.asymptotic)
      if (expected.statistic !== null) expect(result.statistic).toBe(expected.statistic)
      expect(result.method).toBe('asymptotic')
    })

    // Only the cases SciPy gives an exact p (and R an exact interval) for have those tests: registered, not skipped.
    if (reference.p.less.exact !== undefined) {
      it.each(ALTERNATIVES)('%s: the exact p agrees to 1e-12', (alt) => {
        const result = wilcoxonSignedRank(reference.differences, { alternative: alt, method: 'exact' })

        relativelyClose(result.pValue as number, reference.p[alt].exact as number)
        expect(result.method).toBe('exact')
      })
    }

    if (reference.walsh95 === undefined) return
    it.each([
      { level: 0.95, key: 'walsh95' as const },
      { level: 0.9, key: 'walsh90' as const },
    ])('the $level Walsh interval and the pseudo-median agree with R’s exact branch', ({ level, key }) => {
      const expected = reference[key] as Interval
      const result = pseudoMedian(reference.differences, { confLevel: level })

      relativelyClose(result.estimate, expected.estimate)
      relativelyClose(result.interval?.lower as number, expected.lower)
      relativelyClose(result.interval?.upper as number, expected.upper)
      relativelyClose(result.interval?.achievedConfLevel as number, expected.achievedConfLevel)
    })
  })

  it('gives the textbook value of Hollander & Wolfe’s depression example: V = 40, p = 0.01953 (one-sided)', () => {
    const differences = cases[0]?.differences as number[]
    const result = wilcoxonSignedRank(differences, { alternative: 'greater' })

    expect(result).toMatchObject({ statistic: 40, n: 9, zeros: 0, hasTies: false, method: 'exact' })
    expect(result.pValue).toBeCloseTo(5 / 256, 15)
  })
})

/** P(V ≥ v) and P(V ≤ v) by listing all 2^n sign patterns of the given ranks (the definition of the exact test). */
function enumerate(ranks: readonly number[], statistic: number): { lower: number; upper: number } {
  let lower = 0
  let upper = 0
  const total = 2 ** ranks.length
  for (let mask = 0; mask < total; mask++) {
    let v = 0
    for (const [i, r] of ranks.entries()) if (mask & (1 << i)) v += r
    if (v <= statistic + 1e-9) lower++
    if (v >= statistic - 1e-9) upper++
  }
  return { lower: lower / total, upper: upper / total }
}

function midranks(values: readonly number[]): number[] {
  return values.map((v) => {
    const below = values.filter((w) => w < v).length
    const equal = values.filter((w) => w === v).length
    return below + (equal + 1) / 2
  })
}

describe('wilcoxonSignedRank exact conditional distribution', () => {
  it('equals full enumeration of the sign patterns, ties and zeros included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 12 }), (differences) => {
        const nonZero = differences.filter((d) => d !== 0)
        fc.pre(nonZero.length > 0)
        const ranks = midranks(nonZero.map(Math.abs))
        const statistic = ranks.reduce((sum, r, i) => sum + ((nonZero[i] as number) > 0 ? r : 0), 0)
        const expected = enumerate(ranks, statistic)

        const less = wilcoxonSignedRank(differences, { alternative: 'less', method: 'exact' })
        const greater = wilcoxonSignedRank(differences, { alternative: 'greater', method: 'exact' })
        expect(less.statistic).toBe(statistic)
        expect(less.zeros).toBe(differences.length - nonZero.length)
        expect(less.pValue).toBeCloseTo(expected.lower, 12)
        expect(greater.pValue).toBeCloseTo(expected.upper, 12)
      }),
    )
  })

  it.each([
    // psignrank(q, n) in R: psignrank(0, 5) = 1/32, psignrank(3, 5) = 5/32, psignrank(10, 10) = 0.04199219
    { n: 5, q: 0, p: 1 / 32 },
    { n: 5, q: 3, p: 5 / 32 },
    { n: 10, q: 10, p: 43 / 1024 },
  ])('P(V ≤ $q) for n = $n untied is $p (R psignrank)', ({ n, q, p }) => {
    const distribution = untiedSignedRankDistribution(n)
    let sum = 0
    for (let s = 0; s <= 2 * q; s++) sum += distribution[s] as number

    expect(sum).toBeCloseTo(p, 14)
  })

  it('cannot go below 1/2^n, reached when every difference has the same sign', () => {
    const result = wilcoxonSignedRank([1, 2, 3, 4, 5, 6], { alternative: 'greater' })

    expect(result.pValue).toBe(minimumSignedRankPValue(6))
    expect(result.pValue).toBe(1 / 64)
  })

  it('has no p-value when every difference equals mu', () => {
    expect(wilcoxonSignedRank([2, 2, 2], { mu: 2 })).toMatchObject({ n: 0, zeros: 3, pValue: null })
  })

  it.each([[[1, Number.NaN]], [[Number.POSITIVE_INFINITY]]])(
    'refuses %j with an error naming the index',
    (differences) => {
      expect(() => wilcoxonSignedRank(differences)).toThrow(/index/)
      expect(() => pseudoMedian(differences)).toThrow(/index/)
    },
  )
})

const differences = fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 25 })

describe('signed-rank and pseudo-median properties', () => {
  it('mirrors: negating the differences swaps less and greater', () => {
    fc.assert(
      fc.property(differences, (d) => {
        const less = wilcoxonSignedRank(d, { alternative: 'less' }).pValue
        const mirrored = wilcoxonSignedRank(
          d.map((v) => -v),
          { alternative: 'greater' },
        ).pValue
        if (less === null) expect(mirrored).toBeNull()
        else expect(mirrored).toBeCloseTo(less, 12)
      }),
    )
  })

  // Without zeros at either mu: dropping zeros (Wilcoxon's rule, R and SciPy) is known to break monotonicity.
  it('is monotone in mu: a larger null location never makes "greater" more significant', () => {
    fc.assert(
      fc.property(differences, fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 }), (d, mu, step) => {
        fc.pre(!d.includes(mu) && !d.includes(mu + step))
        const at = wilcoxonSignedRank(d, { alternative: 'greater', mu }).pValue ?? 1
        const above = wilcoxonSignedRank(d, { alternative: 'greater', mu: mu + step }).pValue ?? 1
        expect(above).toBeGreaterThanOrEqual(at - 1e-12)
      }),
    )
  })

  it('is shift-equivariant, and the interval holds the estimate', () => {
    fc.assert(
      fc.property(differences, fc.integer({ min: -1000, max: 1000 }), (d, shift) => {
        const before = pseudoMedian(d)
        const after = pseudoMedian(d.map((v) => v + shift))
        expect(after.estimate).toBeCloseTo(before.estimate + shift, 9)
        if (before.interval === null) return
        expect(after.interval?.lower).toBeCloseTo(before.interval.lower + shift, 9)
        expect(after.interval?.upper).toBeCloseTo(before.interval.upper + shift, 9)
        expect(before.interval.lower).toBeLessThanOrEqual(before.estimate)
        expect(before.interval.upper).toBeGreaterThanOrEqual(before.estimate)
      }),
    )
  })

  it('never overflows: differences of ±1.7e308 give a finite estimate and interval', () => {
    const result = pseudoMedian([1.7e308, 1.6e308, 1.5e308, -1.7e308])

    expect(Number.isFinite(result.estimate)).toBe(true)
    expect(Number.isFinite(result.interval?.lower as number)).toBe(true)
  })
})
