// Synthetic load runs for the gate's simulation test: lognormal latencies with AR(1) dependence within each round
// and a random run-to-run offset per round, from a seeded PRNG so every run of the test draws the same numbers.
import { createHistogram } from '../../src/results/histogram.js'
import type { EndpointResult, RunResult } from '../../src/results/types.js'
import { buildRun } from './builders.js'

/** mulberry32: a tiny, fast, seeded 32-bit PRNG; uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal draws by Box-Muller from a uniform source. */
export function normalSource(uniform: () => number): () => number {
  let spare: number | null = null
  return () => {
    if (spare !== null) {
      const value = spare
      spare = null
      return value
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()))
    const angle = 2 * Math.PI * uniform()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }
}

/** How the synthetic service behaves. */
export interface ServiceModel {
  /** Endpoint name → median latency, ms. */
  readonly mediansMs: Readonly<Record<string, number>>
  /** sd of log latency (lognormal sigma). */
  readonly sigma: number
  /** AR(1) coefficient of log latency between consecutive requests of a round. */
  readonly phi: number
  /** sd of the per-round multiplicative offset (0.02 = 2 % run-to-run drift). */
  readonly roundOffsetSd: number
  readonly rounds: number
  readonly requestsPerRound: number
}

/**
 * The model of the gate's acceptance simulation (test/gate/simulation.test.ts, and with many more trials
 * bench/stats/gate-simulation.bench.ts): 2 endpoints (medians 120 ms and 40 ms), lognormal sigma 0.2, AR(1) phi 0.9,
 * a 2 % sd offset per round, 6 rounds of 800 requests per endpoint.
 */
export const GATE_SIMULATION_MODEL: ServiceModel = {
  mediansMs: { 'GET /search': 120, 'GET /items': 40 },
  sigma: 0.2,
  phi: 0.9,
  roundOffsetSd: 0.02,
  rounds: 6,
  requestsPerRound: 800,
}

/** One synthetic run; `slowdown` multiplies the latencies of the named endpoints (1.2 = 20 % slower). */
export function simulateRun(
  model: ServiceModel,
  normal: () => number,
  slowdown: Readonly<Record<string, number>> = {},
): RunResult {
  const innovationSd = model.sigma * Math.sqrt(1 - model.phi * model.phi)
  const template = buildRun([])
  const endpoints: EndpointResult[] = Object.entries(model.mediansMs).map(([name, medianMs]) => ({
    name,
    warmupRequests: 0,
    rounds: Array.from({ length: model.rounds }, () => {
      const latency = createHistogram()
      const offset = model.roundOffsetSd * normal()
      const scaleUs = medianMs * 1000 * (slowdown[name] ?? 1)
      let state = model.sigma * normal()
      for (let i = 0; i < model.requestsPerRound; i++) {
        latency.record(scaleUs * Math.exp(offset + state))
        state = model.phi * state + innovationSd * normal()
      }
      return {
        latency,
        actualLatency: latency,
        requests: model.requestsPerRound,
        statusCounts: { '200': model.requestsPerRound },
        errors: {},
        bytesReceived: 0,
      }
    }),
  }))
  return {
    ...template,
    durationMs: model.rounds * 1000,
    rounds: Array.from({ length: model.rounds }, (_, index) => ({ index, startMs: index * 1000, durationMs: 1000 })),
    endpoints,
  }
}
