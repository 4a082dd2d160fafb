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
  /** Its own seconds with a request (as `RunResult.timeline`; percentiles at 2 digits, 1 %: a chart's, not the
   * gate's). Absent in imports and files before format 1.2. */
  readonly timeline?: readonly TimelinePoint[]
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
  /**
   * A capacity search's steps and finding (`model: capacity`); absent for other runs. The run's own rounds and
   * endpoints are then those of the step at the sustained rate (or of the last step when none held).
   */
  readonly capacity?: CapacityResult
  /** Ramps with a spike stage: how long the latency took to recover after it (format 1.1); absent otherwise. */
  readonly recovery?: SpikeRecovery
  /** One half of a live A/B run (format 1.2); absent for every other run. */
  readonly liveAb?: LiveAbHalf
}

/**
 * Marks the two halves of one live A/B run (`baseline-target`), so the gate can pair their rounds from the files alone
 * (`tailgate compare` decides as the action did). Round i of each half is the i-th A or B of `order`.
 */
export interface LiveAbHalf {
  /** Shared by both halves of one live A/B run, and by no other run. */
  readonly runId: string
  /** `baseline`: the A side (baseline-target); `candidate`: the B side. */
  readonly side: 'baseline' | 'candidate'
  /** The order the rounds were measured in, one letter per round of either side: `ABBAABBA…`. */
  readonly order: string
}

/** How a ramp's spike ended (ramping-arrival-rate profiles with a spike stage); times in ms since the warm-up. */
export interface SpikeRecovery {
  readonly spikeStartMs: number
  /** When the schedule is back at the base rate. */
  readonly spikeEndMs: number
  readonly baseRatePerSecond: number
  readonly peakRatePerSecond: number
  /** Median per-second p95 before the spike, ms; null when no whole second was measured before it. */
  readonly preSpikeP95Ms: number | null
  /** The p95 counted as recovered: pre-spike level plus the gate's margin, ms. */
  readonly limitMs: number | null
  /** From the spike's end until the per-second p95 is back within the limit (1 s resolution); null: not recovered. */
  readonly recoveredAfterMs: number | null
}

/** How one capacity step ended. `undecided` steps are repeated once, then counted as failed. */
export const CAPACITY_STEP_OUTCOMES = ['pass', 'fail', 'undecided', 'invalid', 'stopped'] as const
export type CapacityStepOutcome = (typeof CAPACITY_STEP_OUTCOMES)[number]

/** The safety stops that end a step at once (the target may be a shared preview). */
export const SAFETY_STOPS = ['latency', 'in-flight', 'errors', 'max-in-flight'] as const
export type SafetyStop = (typeof SAFETY_STOPS)[number]

/** One objective of the SLO on one endpoint in one step, judged round by round (exact sign test). */
export interface ObjectiveCheck {
  readonly endpoint: string
  /** The objective as written, e.g. `p95 < 50ms`. */
  readonly objective: string
  /** The objective's metric per round, in its unit (ms, or a fraction for error-rate). */
  readonly roundValues: readonly number[]
  /** Over the whole step (pooled rounds), in the same unit; null when nothing was measured. */
  readonly pooled: number | null
  /** `holds`: evidence it holds; `broken`: evidence it does not; `undecided`: neither. */
  readonly status: 'holds' | 'broken' | 'undecided'
  /** One-sided exact sign-test p of "broken" (after Holm over the step's objectives). */
  readonly pBroken: number
  /** One-sided exact sign-test p of "holds". */
  readonly pHolds: number
}

/** One step of a capacity search: a constant-arrival-rate run at one rate, and what it decided. */
export interface CapacityStep {
  /** 0-based position in the search. */
  readonly index: number
  /** The arrival rate the step asked for, requests (iterations) per second. */
  readonly ratePerSecond: number
  /** 1, or 2 when an undecided or invalid step was repeated. */
  readonly attempt: number
  readonly outcome: CapacityStepOutcome
  /** Why, in one sentence (the objective that broke, the safety stop, the health problem). */
  readonly reason: string
  /** The safety stop that ended the step early, or null. */
  readonly safetyStop: SafetyStop | null
  readonly warmupMs: number
  /** Measured time of the step (shorter when stopped early), ms. */
  readonly durationMs: number
  readonly rounds: readonly RoundWindow[]
  readonly endpoints: readonly EndpointResult[]
  readonly health: RunHealth
  readonly objectives: readonly ObjectiveCheck[]
}

/** How a capacity search ended. */
export const CAPACITY_STATUSES = ['found', 'at-max-rate', 'below-start-rate', 'invalid', 'stopped'] as const
export type CapacityStatus = (typeof CAPACITY_STATUSES)[number]

/** What a capacity search found (`model: capacity`). */
export interface CapacityResult {
  readonly status: CapacityStatus
  /** The highest rate whose step held the SLO, requests/s; null when none did. */
  readonly sustainedRatePerSecond: number | null
  /** The lowest rate whose step broke it, requests/s; null when none did (max-rate held, or stopped). */
  readonly firstFailingRatePerSecond: number | null
  /** The bisection's stopping width (0.05: the limit is bracketed within 5 %). */
  readonly resolution: number
  readonly maxRatePerSecond: number
  /** The objective that broke first at the first failing rate, on which endpoint; null when none broke. */
  readonly breaking: {
    readonly endpoint: string
    readonly objective: string
    /** Its value over the failing step (ms, or a fraction); null for a safety stop or an undecided step. */
    readonly actual: number | null
  } | null
  /** One sentence: what was found, or why the search ended without an answer. */
  readonly reason: string
  /** The SLO as written, per endpoint name or `*`. */
  readonly slo: Readonly<Record<string, readonly string[]>>
  /** Wall time of the whole search, warm-ups included, ms. */
  readonly totalDurationMs: number
  /** Requests sent over the whole search, warm-ups included. */
  readonly totalRequests: number
  readonly steps: readonly CapacityStep[]
}
