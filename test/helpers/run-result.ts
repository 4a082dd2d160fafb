// Builds synthetic RunResults for tests: each endpoint's rounds from plain latency lists (ms).
import { createHistogram } from '../../src/results/histogram.js'
import type { EndpointResult, RunResult } from '../../src/results/types.js'

export interface SyntheticEndpoint {
  readonly name: string
  /** One array of latencies (ms) per round. */
  readonly roundsMs: readonly (readonly number[])[]
  readonly errorsPerRound?: number
}

/** A complete, healthy RunResult whose endpoints hold exactly the given latencies. */
export function syntheticRun(endpoints: readonly SyntheticEndpoint[], overrides: Partial<RunResult> = {}): RunResult {
  const roundCount = endpoints[0]?.roundsMs.length ?? 1
  const roundMs = 1000
  const built: EndpointResult[] = endpoints.map((endpoint) => ({
    name: endpoint.name,
    warmupRequests: 0,
    rounds: endpoint.roundsMs.map((latencies) => {
      const latency = createHistogram()
      for (const ms of latencies) latency.record(ms * 1000)
      const errors = endpoint.errorsPerRound ?? 0
      return {
        latency,
        actualLatency: latency.clone(),
        requests: latencies.length,
        statusCounts: { '200': latencies.length - errors, ...(errors > 0 ? { '503': errors } : {}) },
        errors: errors > 0 ? { 'http-5xx': errors } : {},
        bytesReceived: latencies.length * 100,
      }
    }),
  }))
  const totalRequests = built.reduce((sum, e) => sum + e.rounds.reduce((s, r) => s + r.requests, 0), 0)
  return {
    profileId: 'synthetic',
    profileFingerprint: 'fp-synthetic',
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
      intendedRatePerSecond: totalRequests / roundCount,
      achievedRatePerSecond: totalRequests / roundCount,
      maxEventLoopLagMs: 1,
      invalidReasons: [],
    },
    completion: { status: 'complete' },
    environment: {
      os: 'linux',
      arch: 'x64',
      cpuModel: 'Test CPU',
      cores: 2,
      nodeVersion: 'v20.0.0',
      tailgateVersion: '0.1.0',
      runner: null,
    },
    git: {
      repository: 'octo/app',
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

/** n latencies (ms) spread deterministically around a centre: centre × (1 ± spread). */
export function spreadMs(n: number, centreMs: number, spread = 0.1): number[] {
  return Array.from({ length: n }, (_, i) => centreMs * (1 - spread + (2 * spread * (i + 0.5)) / n))
}
