// Builds RunResults for the gate tests from synthetic rounds: each round is a list of latencies (ms) recorded into
// real HDR histograms, so the gate reads exactly what it reads from a load run.
import { createHistogram } from '../../src/results/histogram.js'
import type { EndpointResult, RoundMeasurement, RunResult } from '../../src/results/types.js'

/** One endpoint: latencies per round (ms), and optionally failed requests per round. */
export interface EndpointSpec {
  readonly name: string
  readonly roundsMs: readonly (readonly number[])[]
  /** Failed requests per round (counted as http-5xx, on top of the latencies). */
  readonly errorsPerRound?: readonly number[]
}

/** A round of `n` latencies spread evenly and deterministically over centre × (1 ± spread). */
export function roundAround(centreMs: number, n = 50, spread = 0.1): number[] {
  return Array.from({ length: n }, (_, i) => centreMs * (1 - spread + (2 * spread * (i + 0.5)) / n))
}

/** `rounds` rounds around the given centres (one centre per round). */
export function roundsAround(centresMs: readonly number[], n = 50, spread = 0.1): number[][] {
  return centresMs.map((centre) => roundAround(centre, n, spread))
}

function measurement(latenciesMs: readonly number[], errors: number): RoundMeasurement {
  const latency = createHistogram()
  for (const ms of latenciesMs) latency.record(ms * 1000)
  const requests = latenciesMs.length + errors
  return {
    latency,
    actualLatency: latency.clone(),
    requests,
    statusCounts: { '200': latenciesMs.length, ...(errors > 0 ? { '503': errors } : {}) },
    errors: errors > 0 ? { 'http-5xx': errors } : {},
    bytesReceived: requests * 100,
  }
}

/** A complete, healthy RunResult; `overrides` replace any top-level field. Each round lasts `roundMs` (1 s). */
export function buildRun(
  endpoints: readonly EndpointSpec[],
  overrides: Partial<RunResult> = {},
  roundMs = 1000,
): RunResult {
  const roundCount = Math.max(1, ...endpoints.map((endpoint) => endpoint.roundsMs.length))
  const built: EndpointResult[] = endpoints.map((endpoint) => ({
    name: endpoint.name,
    warmupRequests: 0,
    rounds: endpoint.roundsMs.map((latencies, index) => measurement(latencies, endpoint.errorsPerRound?.[index] ?? 0)),
  }))
  const requests = built.reduce((sum, e) => sum + e.rounds.reduce((s, r) => s + r.requests, 0), 0)
  return {
    profileId: 'checkout',
    profileFingerprint: 'fp-1',
    model: 'open',
    gatedLatency: 'intended',
    startedAt: '2026-11-23T12:00:00.000Z',
    warmupMs: 0,
    durationMs: roundCount * roundMs,
    rounds: Array.from({ length: roundCount }, (_, index) => ({
      index,
      startMs: index * roundMs,
      durationMs: roundMs,
    })),
    endpoints: built,
    timeline: [],
    health: {
      intendedRatePerSecond: requests / ((roundCount * roundMs) / 1000),
      achievedRatePerSecond: requests / ((roundCount * roundMs) / 1000),
      maxEventLoopLagMs: 2,
      invalidReasons: [],
    },
    completion: { status: 'complete' },
    environment: {
      os: 'linux',
      arch: 'x64',
      cpuModel: 'Test CPU @ 2.0GHz',
      cores: 4,
      nodeVersion: 'v20.18.1',
      tailgateVersion: '0.1.0',
      runner: 'test',
    },
    git: {
      repository: 'octo/shop',
      ref: 'refs/heads/main',
      branch: 'main',
      sha: 'a'.repeat(40),
      runId: '1',
      workflow: 'perf',
    },
    source: 'tailgate',
    ...overrides,
  }
}
