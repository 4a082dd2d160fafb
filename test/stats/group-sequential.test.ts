// Lan-DeMets alpha-spending boundaries: against boundaries computed independently with SciPy 1.17.1's multivariate
// normal CDF (Genz), and the crossing rate of simulated Brownian paths under the null.
import { describe, expect, it } from 'vitest'
import { GroupSequentialBoundary, obrienFlemingSpending } from '../../src/stats/group-sequential.js'
import { normalQuantile } from '../../src/stats/normal.js'
import { normalSource, seededRandom } from '../gate/simulation.js'

// Reference: for each look, brentq on c of P(Z_1<b_1..Z_{k-1}<b_{k-1}) − P(Z_1<b_1..Z_k<c) = α(t_k) − α(t_{k-1}),
// with scipy.stats.multivariate_normal(cov = sqrt(t_i/t_j), abseps = releps = 1e-11).cdf. The first row is also the
// published Lan-DeMets O'Brien-Fleming table (Jennison & Turnbull 2000, table 7.6 style: 4.877, 3.357, 2.680, 2.290,
// 2.031).
describe('GroupSequentialBoundary with O’Brien-Fleming-type spending', () => {
  it.each([
    {
      alpha: 0.025,
      fractions: [0.2, 0.4, 0.6, 0.8, 1],
      expected: [4.876884949473633, 3.3570119215945797, 2.6802800630835097, 2.2898167393908815, 2.0310318445368014],
    },
    { alpha: 0.05, fractions: [0.3, 0.7, 1], expected: [3.3929513546724777, 2.074178047162968, 1.7026953929989086] },
    { alpha: 0.025, fractions: [0.5, 1], expected: [2.9625880433434615, 1.9685956412697438] },
  ])(
    'alpha $alpha at looks $fractions matches the multivariate-normal reference to 2e-3',
    ({ alpha, fractions, expected }) => {
      const design = new GroupSequentialBoundary(obrienFlemingSpending(alpha))
      const boundaries = fractions.map((t) => design.next(t).boundaryZ)

      for (const [k, b] of boundaries.entries()) expect(Math.abs(b - (expected[k] as number))).toBeLessThan(2e-3)
      expect(design.looks.at(-1)?.spent).toBeCloseTo(alpha, 4)
      expect(design.finished).toBe(true)
    },
  )

  it('with a single look is the fixed-sample one-sided test', () => {
    const look = new GroupSequentialBoundary(obrienFlemingSpending(0.05)).next(1)

    expect(look.boundaryZ).toBeCloseTo(normalQuantile(0.95), 6)
    expect(look.nominalP).toBeCloseTo(0.05, 6)
  })

  it('refuses looks that go backwards or after the last', () => {
    const design = new GroupSequentialBoundary(obrienFlemingSpending(0.05))
    design.next(0.5)

    expect(() => design.next(0.5)).toThrow(/not above/)
    design.next(1)
    expect(() => design.next(1)).toThrow(/used up/)
  })

  it('keeps the crossing rate of 40 looks at alpha for simulated null paths (4,000 seeded paths)', () => {
    // given 40 looks at unequal information fractions and Brownian paths under the null
    const fractions = Array.from({ length: 40 }, (_, k) => ((k + 1) / 40) ** 1.3)
    const design = new GroupSequentialBoundary(obrienFlemingSpending(0.05))
    const boundaries = fractions.map((t) => design.next(t).boundaryZ)
    const normal = normalSource(seededRandom(12))
    const paths = 4000
    let crossed = 0
    let crossedNaively = 0

    // when each path is looked at after every increment
    for (let path = 0; path < paths; path++) {
      let score = 0
      let previous = 0
      let hit = false
      let naive = false
      for (const [k, t] of fractions.entries()) {
        score += Math.sqrt(t - previous) * normal()
        previous = t
        const z = score / Math.sqrt(t)
        if (z >= (boundaries[k] as number)) hit = true
        if (z >= normalQuantile(0.95)) naive = true
      }
      if (hit) crossed++
      if (naive) crossedNaively++
    }

    // then the spending design stays at 5 % (binomial sd 0.34 pp), while testing each look at 5 % does not
    expect(crossed / paths).toBeGreaterThan(0.035)
    expect(crossed / paths).toBeLessThan(0.062)
    expect(crossedNaively / paths).toBeGreaterThan(0.15)
  })
})
