// Holm, the two-proportion test, effect sizes and input validation, against reference values from R/SciPy.
import { describe, expect, it } from 'vitest'
import { hodgesLehmann } from '../../src/stats/hodges-lehmann.js'
import { holmAdjust } from '../../src/stats/holm.js'
import { mannWhitneyU, mannWhitneyUFromHistograms } from '../../src/stats/mann-whitney.js'
import { normalQuantile, normalUpperTail } from '../../src/stats/normal.js'
import { twoProportionTest } from '../../src/stats/two-proportion.js'

describe('Holm-Bonferroni', () => {
  // R: p.adjust(c(0.01, 0.04, 0.03), "holm") -> 0.03 0.06 0.06; p.adjust(c(0.2, 0.001, 0.5, 0.02), "holm") ->
  // 0.4 0.004 0.5 0.06 (hand-checked: sorted 0.001·4, 0.02·3, 0.2·2, 0.5·1 with a running maximum)
  it.each([
    { p: [0.01, 0.04, 0.03], adjusted: [0.03, 0.06, 0.06] },
    { p: [0.2, 0.001, 0.5, 0.02], adjusted: [0.4, 0.004, 0.5, 0.06] },
    { p: [0.9, 0.8], adjusted: [1, 1] },
    { p: [], adjusted: [] },
  ])('adjusts $p to $adjusted', ({ p, adjusted }) => {
    const result = holmAdjust(p)

    expect(result).toHaveLength(adjusted.length)
    for (const [i, value] of result.entries()) expect(value).toBeCloseTo(adjusted[i] as number, 15)
  })

  it('rejects a value that is not a probability', () => {
    expect(() => holmAdjust([0.1, Number.NaN])).toThrow(/index 1/)
  })
})

describe('two-proportion test', () => {
  // scipy 1.17.1: r = chi2_contingency([[a, n1-a], [b, n2-b]], correction=corr); z = sign(a/n1 - b/n2)*sqrt(r[0]);
  //   two-sided r[1], less norm.cdf(z), greater norm.sf(z)   (= R prop.test(c(a, b), c(n1, n2), correct = corr))
  it.each([
    {
      a: 5,
      n1: 1000,
      b: 20,
      n2: 1000,
      corr: true,
      two: 0.004837413328461202,
      less: 0.002418706664230599,
      z: -2.8176657903891145,
    },
    {
      a: 5,
      n1: 1000,
      b: 20,
      n2: 1000,
      corr: false,
      two: 0.0025367111749685037,
      less: 0.0012683555874842478,
      z: -3.0189276325597656,
    },
    {
      a: 30,
      n1: 500,
      b: 12,
      n2: 400,
      corr: true,
      two: 0.04985092289563864,
      less: 0.9750745385521807,
      z: 1.9612409423541097,
    },
    {
      a: 0,
      n1: 100,
      b: 3,
      n2: 100,
      corr: false,
      two: 0.0809519437773807,
      less: 0.04047597188869043,
      z: -1.7451891814894502,
    },
  ])('matches R/SciPy for $a/$n1 v $b/$n2 (continuity $corr)', ({ a, n1, b, n2, corr, two, less, z }) => {
    const input = { baselineEvents: a, baselineTotal: n1, candidateEvents: b, candidateTotal: n2 }

    const twoSided = twoProportionTest(input, { continuity: corr })
    const oneSided = twoProportionTest(input, { continuity: corr, alternative: 'less' })

    expect(twoSided.pValue).toBeCloseTo(two, 13)
    expect(oneSided.pValue).toBeCloseTo(less, 13)
    expect(twoSided.z).toBeCloseTo(z, 12)
    expect(twoSided.difference).toBeCloseTo(b / n2 - a / n1, 15)
  })

  it('gives no p-value when neither group has an event (no evidence)', () => {
    const result = twoProportionTest({ baselineEvents: 0, baselineTotal: 10, candidateEvents: 0, candidateTotal: 12 })

    expect(result.pValue).toBeNull()
    expect(result.z).toBeNull()
  })

  it.each([
    { input: { baselineEvents: 3, baselineTotal: 2, candidateEvents: 0, candidateTotal: 1 }, error: /exceed/ },
    {
      input: { baselineEvents: 0.5, baselineTotal: 2, candidateEvents: 0, candidateTotal: 1 },
      error: /baselineEvents/,
    },
    { input: { baselineEvents: 0, baselineTotal: 0, candidateEvents: 0, candidateTotal: 1 }, error: /at least one/ },
  ])('rejects impossible counts ($error)', ({ input, error }) => {
    expect(() => twoProportionTest(input)).toThrow(error)
  })
})

describe('normal tails', () => {
  it('keeps tiny upper tails instead of rounding 1 − Φ(z) to zero', () => {
    // scipy 1.17.1: norm.sf(10) -> 7.61985302416047e-24; norm.ppf(0.975) -> 1.959963984540054
    expect(normalUpperTail(10)).toBeCloseTo(7.61985302416047e-24, 35)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14)
  })
})

describe('input validation', () => {
  it.each([
    { x: [], y: [1], error: /baseline sample is empty/ },
    { x: [1], y: [Number.NaN], error: /candidate sample has NaN at index 0/ },
    { x: [1, Number.POSITIVE_INFINITY], y: [1], error: /baseline sample has Infinity at index 1/ },
  ])('rejects $error', ({ x, y, error }) => {
    expect(() => mannWhitneyU(x, y)).toThrow(error)
    expect(() => hodgesLehmann(x, y)).toThrow(error)
  })

  it.each([
    {
      entries: [
        { value: 2, count: 1 },
        { value: 1, count: 1 },
      ],
      error: /ascending/,
    },
    { entries: [{ value: 1, count: -1 }], error: /non-negative integers/ },
    { entries: [{ value: 1, count: 0 }], error: /histogram is empty/ },
  ])('rejects histogram entries that break the contract ($error)', ({ entries, error }) => {
    expect(() => mannWhitneyUFromHistograms(entries, [{ value: 1, count: 1 }])).toThrow(error)
  })
})
