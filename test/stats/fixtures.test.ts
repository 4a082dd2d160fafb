// Every case of every file in test/fixtures/mann-whitney/ (SciPy 1.10.1, checked against R 4.2.2), at the
// README's tolerances, through the library, through compareSamples (the CLI's JSON) and, for `histogram` cases,
// through the histogram path. New files dropped into the folder (the held-back set) are picked up automatically.
import { describe, expect, it } from 'vitest'
import { effectSize } from '../../src/stats/effect-size.js'
import { hodgesLehmann, hodgesLehmannFromHistograms } from '../../src/stats/hodges-lehmann.js'
import { mannWhitneyU, mannWhitneyUFromHistograms } from '../../src/stats/mann-whitney.js'
import { compareSamples } from '../../src/stats/sample-comparison.js'
import { ALTERNATIVES, type HodgesLehmannResult, type MannWhitneyOptions } from '../../src/stats/types.js'
import {
  type AlternativeKey,
  type FixtureCase,
  loadFixtureFiles,
  pValueMatches,
  relativeMatches,
} from './fixture-files.js'

const files = loadFixtureFiles()

function expectP(field: string, actual: number | null, reference: number | null): void {
  expect(pValueMatches(actual, reference), `${field}: got ${actual}, reference ${reference}`).toBe(true)
}

function expectClose(field: string, actual: number | null, reference: number | null): void {
  expect(relativeMatches(actual, reference), `${field}: got ${actual}, reference ${reference}`).toBe(true)
}

function expectShiftMatches(actual: HodgesLehmannResult, fixture: FixtureCase): void {
  const reference = fixture.hodges_lehmann
  expect(Math.abs(actual.estimate - reference.estimate)).toBeLessThanOrEqual(1e-9)
  if (reference.ci95 === null) {
    expect(actual.interval).toBeNull()
    return
  }
  const interval = actual.interval
  expect(interval).not.toBeNull()
  if (interval === null) return
  expect(Math.abs(interval.lower - reference.ci95.lower), 'lower limit').toBeLessThanOrEqual(1e-9)
  expect(Math.abs(interval.upper - reference.ci95.upper), 'upper limit').toBeLessThanOrEqual(1e-9)
  expect(interval.method).toBe(reference.ci95.method)
  expectClose('achieved_conf_level', interval.achievedConfLevel, reference.ci95.achieved_conf_level)
  expectClose('r_reported_conf_level', interval.confLevel, reference.ci95.r_reported_conf_level)
}

/** The three p-values (and two z) of one alternative through any implementation of the test. */
function expectAlternativeMatches(
  fixture: FixtureCase,
  alternative: AlternativeKey,
  run: (options: MannWhitneyOptions) => { pValue: number | null; z: number | null; method: string },
): void {
  const reference = fixture.alternatives[alternative]
  const cc = run({ alternative, method: 'asymptotic' })
  const nocc = run({ alternative, method: 'asymptotic', continuity: false })
  const auto = run({ alternative })
  const exact = run({ alternative, method: 'exact' })
  expectP('p_asymptotic_cc', cc.pValue, reference.p_asymptotic_cc)
  expectP('p_asymptotic_nocc', nocc.pValue, reference.p_asymptotic_nocc)
  expectClose('z_cc', cc.z, reference.z_cc)
  expectClose('z_nocc', nocc.z, reference.z_nocc)
  expectP('p_auto', auto.pValue, reference.p_auto)
  expect(auto.method).toBe(fixture.auto_method)
  if (reference.p_exact !== null) {
    expect(exact.method).toBe('exact')
    expectP('p_exact', exact.pValue, reference.p_exact)
    expect(exact.z).toBeNull()
  }
  if (fixture.has_ties)
    expect(exact.method, 'exact falls back to the normal approximation with ties').toBe('asymptotic')
}

it('finds fixture files with cases in the shared folder', () => {
  expect(files.length).toBeGreaterThan(0)
  for (const { cases } of files) expect(cases.length).toBeGreaterThan(0)
})

describe.each(files)('fixture file $file', ({ cases }) => {
  describe.each(cases.map((fixture) => ({ id: fixture.id, fixture })))('case $id', ({ fixture }) => {
    it('gives the reference U, rank sum, tie term, mean, sd, auto method and effect sizes', () => {
      const result = mannWhitneyU(fixture.x, fixture.y)

      expect(result.nX).toBe(fixture.n_x)
      expect(result.nY).toBe(fixture.n_y)
      expect(result.u).toBe(fixture.U_x)
      expect(result.uY).toBe(fixture.U_y)
      expect(result.rankSumX).toBe(fixture.rank_sum_x)
      expect(result.tieTerm).toBe(fixture.tie_term)
      expect(result.hasTies).toBe(fixture.has_ties)
      expect(result.degenerate).toBe(fixture.degenerate)
      expect(result.method).toBe(fixture.auto_method)
      expectClose('mean_U', result.meanU, fixture.mean_U)
      expectClose('sd_U', result.sdU, fixture.sd_U)
      const effect = effectSize(result)
      expectClose('prob_y_gt_x', effect.probabilityCandidateGreater, fixture.effect_size.prob_y_gt_x)
      expectClose('cliffs_delta', effect.cliffsDelta, fixture.effect_size.cliffs_delta)
    })

    it.each(ALTERNATIVES)('gives every reference p-value and z for alternative %s', (alternative) => {
      expectAlternativeMatches(fixture, alternative, (options) => mannWhitneyU(fixture.x, fixture.y, options))
    })

    it('gives the reference Hodges-Lehmann estimate, 95 % interval and achieved level', () => {
      expectShiftMatches(hodgesLehmann(fixture.x, fixture.y), fixture)
    })

    it.each(ALTERNATIVES)('prints the same numbers through compareSamples for alternative %s', (alternative) => {
      const json = compareSamples(fixture.x, fixture.y, { alternative })

      expect(json.mannWhitney.u).toBe(fixture.U_x)
      expect(json.n).toEqual({ baseline: fixture.n_x, candidate: fixture.n_y })
      expect(json.degenerate).toBe(fixture.degenerate)
      expectAlternativeMatches(fixture, alternative, (options) => {
        const { pValue, z, method } = compareSamples(fixture.x, fixture.y, options).mannWhitney
        return { pValue, z, method }
      })
      expectClose('prob_y_gt_x', json.effectSize.probabilityCandidateGreater, fixture.effect_size.prob_y_gt_x)
      expectClose('cliffs_delta', json.effectSize.cliffsDelta, fixture.effect_size.cliffs_delta)
      const ci = json.hodgesLehmann.ci95
      expectShiftMatches(
        {
          estimate: json.hodgesLehmann.estimate,
          interval:
            ci.lower === null || ci.upper === null || ci.method === null || ci.confLevel === null
              ? null
              : { ...ci, lower: ci.lower, upper: ci.upper, method: ci.method, confLevel: ci.confLevel },
        },
        fixture,
      )
    })

    const histogram = fixture.histogram
    if (fixture.tags.includes('histogram') && histogram !== undefined) {
      const xEntries = histogram.values.map((value, index) => ({ value, count: histogram.x_counts[index] as number }))
      const yEntries = histogram.values.map((value, index) => ({ value, count: histogram.y_counts[index] as number }))

      it('gives the reference U and tie term from the histogram counts alone', () => {
        const result = mannWhitneyUFromHistograms(xEntries, yEntries)

        expect(result.u).toBe(fixture.U_x)
        expect(result.tieTerm).toBe(fixture.tie_term)
        expect(result.rankSumX).toBe(fixture.rank_sum_x)
        expectClose('sd_U', result.sdU, fixture.sd_U)
      })

      it.each(ALTERNATIVES)('gives every reference p-value from the histograms for alternative %s', (alternative) => {
        expectAlternativeMatches(fixture, alternative, (options) =>
          mannWhitneyUFromHistograms(xEntries, yEntries, options),
        )
      })

      it('gives the reference Hodges-Lehmann estimate and interval from the histograms', () => {
        expectShiftMatches(hodgesLehmannFromHistograms(xEntries, yEntries), fixture)
      })
    }
  })
})
