// The sequential rule of rounds: auto under repeated looks, by seeded simulation: a look after every new pair keeps
// the false regression rate and the false "no change" rate at alpha, where testing every look at alpha does not.
import { describe, expect, it } from 'vitest'
import { DEFAULT_GATE, type GateSettings } from '../../src/config/gate-schema.js'
import { concludeMetric } from '../../src/gate/metric-rule.js'
import { testPairedMetric } from '../../src/gate/paired-rule.js'
import { SequentialMonitor } from '../../src/gate/sequential.js'
import type { Verdict } from '../../src/gate/types.js'
import { normalSource, seededRandom } from './simulation.js'

const GATE: GateSettings = { ...DEFAULT_GATE, metrics: ['p50'] }
const FIRST = 6
const HORIZON = 30
const TRIALS = 300

/** A verdict of one paired p50 comparison, as decide() gives it for a live A/B run. */
function verdictOf(baseline: readonly number[], candidate: readonly number[]): Verdict {
  const test = testPairedMetric({ metric: 'p50', baselineRounds: baseline, candidateRounds: candidate, gate: GATE })
  const comparison = concludeMetric(test, { regression: test.pValue, improvement: test.improvementPValue }, GATE.alpha)
  return {
    outcome: 'no-change',
    failed: false,
    failing: [],
    warnings: [],
    headline: '',
    endpoints: [
      {
        endpoint: 'GET /',
        outcome: { kind: 'no-change' },
        comparisons: [comparison],
        budgets: [],
        requestLevel: null,
        baseline: null,
        candidate: { requests: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, errorRate: 0, ratePerSecond: 0 },
      },
    ],
  }
}

/**
 * One trial: pairs of round p50s (baseline ≈ 100 ms, sd 3 ms per round) with the candidate `shiftMs` slower, looked
 * at after 6, 7, …, 30 pairs; returns the sequential outcome and what testing each look at plain alpha would say.
 */
function trial(normal: () => number, shiftMs: number) {
  const monitor = new SequentialMonitor(GATE.alpha, 1)
  const baseline: number[] = []
  const candidate: number[] = []
  let naiveRegression = false
  let naiveNoChange = false
  for (let n = 1; n <= HORIZON; n++) {
    const common = 3 * normal()
    baseline.push(100 + common + 3 * normal())
    candidate.push(100 + shiftMs + common + 3 * normal())
    if (n < FIRST) continue
    const verdict = verdictOf(baseline, candidate)
    const comparison = verdict.endpoints[0]?.comparisons[0]
    if ((comparison?.pValue ?? 1) < GATE.alpha) naiveRegression = true
    if (comparison?.outcome === 'no-change') naiveNoChange = true
    const look = monitor.look(verdict, (n - FIRST + 1) / (HORIZON - FIRST + 1), n)
    if (look.allDecided) break
  }
  return { decision: monitor.decisionOf('GET /', 'p50')?.outcome ?? null, naiveRegression, naiveNoChange }
}

describe('SequentialMonitor under repeated looks (seeded simulation, 300 trials, looks after 6…30 pairs)', () => {
  it('keeps the false regression rate at alpha when the candidate is slower by exactly the margin', () => {
    // given a candidate 5 ms slower than a 100 ms baseline: the 5 % margin, the edge of "no regression"
    const normal = normalSource(seededRandom(2026))
    const results = Array.from({ length: TRIALS }, () => trial(normal, 5))

    // then the sequential rule calls it a regression in at most alpha (5 %, binomial sd 1.1 pp) of the trials,
    const regressions = results.filter((r) => r.decision === 'regression').length / TRIALS
    expect(regressions).toBeLessThanOrEqual(0.075)
    // while stopping at the first look with p < alpha would cry wolf far more often
    const naive = results.filter((r) => r.naiveRegression).length / TRIALS
    expect(naive).toBeGreaterThan(regressions + 0.05)
  }, 180_000)

  it('keeps the false "no change" rate at alpha when the candidate is slower by exactly the margin', () => {
    const normal = normalSource(seededRandom(4711))
    const results = Array.from({ length: TRIALS }, () => trial(normal, 5))

    const noChange = results.filter((r) => r.decision === 'no-change').length / TRIALS
    expect(noChange).toBeLessThanOrEqual(0.075)
  }, 180_000)

  it('decides an unchanged candidate as no change, and a 15 % slower one as a regression, in most trials', () => {
    const normal = normalSource(seededRandom(99))
    const same = Array.from({ length: 200 }, () => trial(normal, 0))
    const slower = Array.from({ length: 200 }, () => trial(normal, 15))

    expect(same.filter((r) => r.decision === 'no-change').length / 200).toBeGreaterThan(0.9)
    expect(same.filter((r) => r.decision === 'regression').length).toBe(0)
    expect(slower.filter((r) => r.decision === 'regression').length / 200).toBeGreaterThan(0.9)
  }, 180_000)
})
