// Capacity RunResults for the gate and report tests: finished searches with real HDR histograms per step.
import type { CapacityResult, CapacityStep, RunResult } from '../../src/results/types.js'
import { buildRun, roundsAround } from '../gate/builders.js'

/** A finished search: one step per rate (p95 rising with the rate), sustained and first failing as given. */
export function capacityRun(
  sustained: number | null,
  firstFailing: number | null,
  overrides: Partial<CapacityResult> = {},
): RunResult {
  const rates = [
    60,
    120,
    240,
    ...(sustained === null ? [] : [sustained]),
    ...(firstFailing === null ? [] : [firstFailing]),
  ]
  const steps: CapacityStep[] = [...new Set(rates)].map((rate, index) => {
    const run = buildRun([
      { name: 'GET /work', roundsMs: roundsAround(Array(10).fill(rate === firstFailing ? 120 : 12)) },
    ])
    return {
      index,
      ratePerSecond: rate,
      attempt: 1,
      outcome: rate === firstFailing ? 'fail' : 'pass',
      reason: rate === firstFailing ? 'GET /work: p95 < 50ms broken' : 'every objective held in all 10 rounds',
      safetyStop: null,
      warmupMs: 500,
      durationMs: run.durationMs,
      rounds: run.rounds,
      endpoints: run.endpoints,
      health: run.health,
      objectives: [],
    }
  })
  const base = buildRun([{ name: 'GET /work', roundsMs: roundsAround(Array(10).fill(12)) }])
  return {
    ...base,
    capacity: {
      status: firstFailing === null ? 'at-max-rate' : sustained === null ? 'below-start-rate' : 'found',
      sustainedRatePerSecond: sustained,
      firstFailingRatePerSecond: firstFailing,
      resolution: 0.05,
      maxRatePerSecond: 2000,
      breaking: firstFailing === null ? null : { endpoint: 'GET /work', objective: 'p95 < 50ms', actual: 120 },
      reason: `sustained ${sustained}/s`,
      slo: { '*': ['p95 < 50ms', 'error-rate < 1%'] },
      totalDurationMs: 20_000,
      totalRequests: 5000,
      steps,
      ...overrides,
    },
  }
}
