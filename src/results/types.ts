// The RunResult: what one load run measured, in memory. The file form (JSON, format v1) lives in codec.ts.
import type { LatencyHistogram } from './histogram.js'

/** Error classes a request can fail with; each is counted per endpoint and round. */
export const ERROR_CLASSES = [
  'timeout',
  'connection-refused',
  'connection-reset',
  'dns',
  'tls',
  'check-failed',
  'http-4xx',
  'http-5xx',
  'other',
] as const
export type ErrorClass = (typeof ERROR_CLASSES)[number]

/** Which clock a latency is measured from. */
export const LATENCY_ORIGINS = ['intended', 'actual'] as const
/**
 * `intended`: from the scheduled start (open models; includes queueing in the generator, so a stalled server shows
 * in the tail, as wrk2 and k6 do). `actual`: from the moment the request was written to a socket.
 */
export type LatencyOrigin = (typeof LATENCY_ORIGINS)[number]

/** What one endpoint measured in one round. */
export interface RoundMeasurement {
  /** Latency from the intended start (equal to `actualLatency` in closed models), µs. */
  readonly latency: LatencyHistogram
  /** Latency from the actual send, µs. */
  readonly actualLatency: LatencyHistogram
  /** Requests completed or failed in this round (every request counts once, errors included). */
  readonly requests: number
  /** Response counts by HTTP status code, e.g. { "200": 812, "503": 3 }. */
  readonly statusCounts: Readonly<Record<string, number>>
  /** Failed requests by class; a request counts in at most one class. */
  readonly errors: Readonly<Partial<Record<ErrorClass, number>>>
  /** Response body bytes received. */
  readonly bytesReceived: number
}

/** One endpoint (a request name, e.g. `GET /users/{{id}}`), with one measurement per round. */
export interface EndpointResult {
  readonly name: string
  /** Exactly `RunResult.rounds.length` entries, in round order. */
  readonly rounds: readonly RoundMeasurement[]
  /** Requests sent during the warm-up (excluded from every statistic and gate, but reported). */
  readonly warmupRequests: number
}

/** The time window of one round, relative to the end of the warm-up. */
export interface RoundWindow {
  readonly index: number
  readonly startMs: number
  readonly durationMs: number
}

/** One second of the run, for the timeline chart. */
export interface TimelinePoint {
  /** Seconds since the run started (warm-up included). */
  readonly second: number
  readonly requests: number
  readonly errors: number
  /** p95 latency in that second, µs (gated origin). */
  readonly p95Us: number
  /** p50 and p99 in that second, µs (gated origin); absent in results written before they were recorded. */
  readonly p50Us?: number
  readonly p99Us?: number
}

/** Whether the generator kept up; an invalid run is never called a regression. */
export interface RunHealth {
  /** Intended arrival rate (requests/s) in open models; null in closed models. */
  readonly intendedRatePerSecond: number | null
  /** Achieved rate over the measured (post-warm-up) window, requests/s. */
  readonly achievedRatePerSecond: number
  /** Worst event-loop lag observed during the run, ms. */
  readonly maxEventLoopLagMs: number
  /** Why the run is not valid evidence (empty when it is). */
  readonly invalidReasons: readonly string[]
}

export interface RunEnvironment {
  readonly os: string
  readonly arch: string
  readonly cpuModel: string
  readonly cores: number
  readonly nodeVersion: string
  readonly tailgateVersion: string
  readonly runner: string | null
}

export interface GitContext {
  readonly repository: string | null
  readonly ref: string | null
  readonly branch: string | null
  readonly sha: string | null
  readonly runId: string | null
  readonly workflow: string | null
}

export interface RunResult {
  /** A short, stable id of the profile (its `name`, or derived from the file name). */
  readonly profileId: string
  /** Hash of everything that changes the load (requests, rates, rounds, durations); not the target URL. */
  readonly profileFingerprint: string
  /** `open` (arrival-rate models) or `closed` (VU models). */
  readonly model: 'open' | 'closed'
  /** Which latency the gate uses: `intended` in open models, `actual` in closed ones. */
  readonly gatedLatency: LatencyOrigin
  readonly startedAt: string
  readonly warmupMs: number
  /** Measured duration, after warm-up, ms. */
  readonly durationMs: number
  readonly rounds: readonly RoundWindow[]
  readonly endpoints: readonly EndpointResult[]
  readonly timeline: readonly TimelinePoint[]
  readonly health: RunHealth
  /** `partial` when the run was cut short (signal, max-duration); the reason says why. */
  readonly completion: { readonly status: 'complete' } | { readonly status: 'partial'; readonly reason: string }
  readonly environment: RunEnvironment
  readonly git: GitContext
  /** Where this result came from: a Tailgate run or an imported tool's output. */
  readonly source: 'tailgate' | 'k6' | 'autocannon' | 'artillery'
  /**
   * The generator's own lateness per round, µs: how long after its intended time each measured iteration was
   * dispatched (scheduler timer lateness, event-loop stalls in the generator). One histogram per entry of `rounds`.
   * Open models only; absent in closed models, imported results and files written before it was recorded.
   */
  readonly generatorLateness?: readonly LatencyHistogram[]
}
