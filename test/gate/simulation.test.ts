// Acceptance simulation of the gate on synthetic runs with dependent latencies (the statistics note §7):
// 6 rounds per side; 2 endpoints (medians 120 ms and 40 ms); lognormal latencies, sigma 0.2 (p95/p50 ≈ 1.39);
// AR(1) with phi = 0.9 between consecutive requests of a round; a 2 % sd multiplicative offset per round (run-to-run
// drift); 800 requests per endpoint and round; default gate (p50 + p95, margin max(5 %, 1 ms), alpha 0.05, Holm
// over 4 comparisons). Seeded, so the counts are the same on every run.
import { describe, expect, it } from 'vitest'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { decide } from '../../src/gate/decide.js'
import type { Verdict } from '../../src/gate/types.js'
import { GATE_SIMULATION_MODEL as MODEL, normalSource, seededRandom, simulateRun } from './simulation.js'

/**
 * 60 seeded trials per test keep the suite fast; the long-run rates, from 1,000 trials each with their intervals,
 * are measured by bench/stats/gate-simulation.bench.ts and recorded in docs/benchmarks.md.
 */
const TRIALS = 60

function compare(normal: () => number, slowdown: Record<string, number>): Verdict {
  const baseline = simulateRun(MODEL, normal)
  const candidate = simulateRun(MODEL, normal, slowdown)
  return decide({
    candidate,
    baseline: { kind: 'found', result: baseline },
    gate: DEFAULT_GATE,
    budgets: {},
    accepted: null,
  })
}

describe('gate simulation (AR(1) phi 0.9 latencies, 2 % run-to-run drift, 6 v 6 rounds)', () => {
  it(`keeps the false regression rate of ${TRIALS} A/A comparisons at or below alpha`, () => {
    const normal = normalSource(seededRandom(20261123))

    let falseRegressions = 0
    for (let trial = 0; trial < TRIALS; trial++) {
      if (compare(normal, {}).endpoints.some((endpoint) => endpoint.outcome.kind === 'regression')) falseRegressions++
    }

    expect(falseRegressions / TRIALS).toBeLessThanOrEqual(DEFAULT_GATE.alpha)
  })

  it(`catches a 20 % slowdown of one endpoint in at least 95 % of ${TRIALS} trials, and only that endpoint`, () => {
    const normal = normalSource(seededRandom(7))

    let caught = 0
    let otherFlagged = 0
    for (let trial = 0; trial < TRIALS; trial++) {
      const verdict = compare(normal, { 'GET /search': 1.2 })
      if (verdict.endpoints.find((e) => e.endpoint === 'GET /search')?.outcome.kind === 'regression') caught++
      if (verdict.endpoints.find((e) => e.endpoint === 'GET /items')?.outcome.kind === 'regression') otherFlagged++
    }

    expect(caught / TRIALS).toBeGreaterThanOrEqual(0.95)
    expect(otherFlagged / TRIALS).toBeLessThanOrEqual(DEFAULT_GATE.alpha)
  })
})
