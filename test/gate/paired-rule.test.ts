// The live A/B rule: rounds paired in A B B A order, the signed-rank test on the pair differences.
import { describe, expect, it } from 'vitest'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { decide } from '../../src/gate/decide.js'
import { testPairedMetric } from '../../src/gate/paired-rule.js'
import { cannotFailWarning } from '../../src/gate/validity.js'
import { buildRun, roundsAround } from './builders.js'

/** 12 A B B A pieces whose common level drifts linearly by +30 % over the run: the value of side's round i. */
function drifting(rounds: number, baseMs: number, factor: number, jitter: readonly number[]): number[] {
  // piece positions of round i: A at 0, 3, 4, 7, …; B at 1, 2, 5, 6, …
  return Array.from({ length: rounds }, (_, i) => {
    const position = factor === 1 ? (i % 2 === 0 ? 2 * i : 2 * i + 1) : i % 2 === 0 ? 2 * i + 1 : 2 * i
    const drift = 1 + (0.3 * position) / (2 * rounds - 1)
    return baseMs * factor * drift * (1 + (jitter[i % jitter.length] as number))
  })
}

const JITTER = [0.004, -0.003, 0.001, -0.002, 0.003, -0.001, 0.002, -0.004]

describe('testPairedMetric', () => {
  it.each([
    { case: 'identical servers drifting together', factor: 1.0, outcome: 'no-change' },
    { case: 'a 25 % slower candidate drifting with the baseline', factor: 1.25, outcome: 'regression' },
    { case: 'a 25 % faster candidate', factor: 0.75, outcome: 'improvement' },
  ])('$case: the pairs decide ($outcome) where the drift would swamp unpaired rounds', ({ factor, outcome }) => {
    // given 8 rounds a side of p50 ≈ 20 ms that drift by +30 % over the run, in A B B A order
    const baseline = drifting(8, 20, 1, JITTER)
    const candidate = drifting(8, 20, factor, JITTER.slice().reverse())

    // when the pairs are tested against the default 5 % / 1 ms margin
    const test = testPairedMetric({
      metric: 'p50',
      baselineRounds: baseline,
      candidateRounds: candidate,
      gate: DEFAULT_GATE,
    })

    // then the outcome follows from the paired test alone
    const decided =
      test.pValue < DEFAULT_GATE.alpha
        ? 'regression'
        : test.improvementPValue < DEFAULT_GATE.alpha
          ? 'improvement'
          : (test.shiftInterval?.upper ?? Number.POSITIVE_INFINITY) < test.margin
            ? 'no-change'
            : 'inconclusive'
    expect(decided).toBe(outcome)
    expect(test.paired).toBe(true)
    // n = 8: k = qsignrank(0.025, 8) = 4, achieved 1 − 2·P(V ≤ 3) = 1 − 2·5/256
    expect(test.shiftInterval?.confLevel).toBeCloseTo(1 - 2 * (5 / 256), 10)
  })

  it('refuses unequal pair counts', () => {
    expect(() =>
      testPairedMetric({ metric: 'p50', baselineRounds: [1, 2], candidateRounds: [1], gate: DEFAULT_GATE }),
    ).toThrow(/equal length/)
  })

  it('treats throughput as worse when it is lower', () => {
    const baseline = [100, 101, 99, 100, 102, 98, 100, 101]
    const candidate = baseline.map((rps) => rps * 0.8)

    const test = testPairedMetric({
      metric: 'throughput',
      baselineRounds: baseline,
      candidateRounds: candidate,
      gate: DEFAULT_GATE,
    })

    expect(test.pValue).toBeCloseTo(1 / 256, 12)
    expect(test.shift).toBeLessThan(0)
  })
})

describe('decide with pairing: abba', () => {
  it.each([
    { pairs: 6, paired: true, warning: null },
    { pairs: 4, paired: false, warning: /4 A\/B pairs are too few .* compared unpaired.* at least 6 rounds per side/ },
  ])('with $pairs pairs on p50 and p95 of one endpoint, pairs the rounds: $paired', ({ pairs, paired, warning }) => {
    // given live A/B runs whose candidate is about 50 % slower
    const centres = [20, 21, 22, 23, 22, 21].slice(0, pairs)
    const baseline = buildRun([{ name: 'GET /', roundsMs: roundsAround(centres) }])
    const candidate = buildRun([{ name: 'GET /', roundsMs: roundsAround(centres.map((c) => c * 1.5)) }])

    // when decided as a live A/B run (m = 2 comparisons: 1/2^pairs must be below 0.025)
    const verdict = decide({
      candidate,
      baseline: { kind: 'found', result: baseline },
      gate: DEFAULT_GATE,
      budgets: {},
      pairing: 'abba',
    })

    // then the comparisons are paired (signed-rank, named in the explanation) or unpaired with a warning saying why
    const comparisons = verdict.endpoints[0]?.comparisons ?? []
    expect(comparisons.map((c) => [c.metric, c.paired === true])).toEqual([
      ['p50', paired],
      ['p95', paired],
    ])
    if (paired) {
      expect(comparisons[0]?.explanation).toMatch(/6 A\/B pairs \(signed-rank\)/)
      expect(comparisons[0]?.pValue).toBeCloseTo(1 / 64, 12)
      expect(verdict.outcome).toBe('regression')
    }
    if (warning === null) expect(verdict.warnings).toEqual([])
    else expect(verdict.warnings.join('\n')).toMatch(warning)
  })

  it.each([
    { comparisons: 2, pairs: 5, warns: true },
    { comparisons: 2, pairs: 6, warns: false },
    { comparisons: 4, pairs: 6, warns: true },
    { comparisons: 4, pairs: 7, warns: false },
  ])('cannotFailWarning for $pairs pairs and $comparisons comparisons: $warns', ({ comparisons, pairs, warns }) => {
    const warning = cannotFailWarning({
      baselineRounds: pairs,
      candidateRounds: pairs,
      comparisons,
      alpha: 0.05,
      paired: true,
    })

    expect(warning !== null).toBe(warns)
  })
})
