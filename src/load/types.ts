// The engine's public options and progress snapshots.
import type { Dispatcher } from 'undici'
import type { Profile } from '../config/profile.js'
import type { Log } from '../log.js'
import type { GitContext, RunEnvironment } from '../results/types.js'
import type { Clock } from './clock.js'

/** What the engine asks of a dispatcher factory: how many connections the dispatcher may open. */
export interface DispatcherRequest {
  /** 1 for the per-connection Clients of closed models; max-connections for the open models' pool. */
  readonly connections: number
  /** Skip TLS certificate checks (`tls.insecure`, for self-signed preview deployments). */
  readonly insecureTls: boolean
}

/** Makes a dispatcher for an origin; the engine closes every dispatcher it made when the run ends. */
export type DispatcherFactory = (origin: URL, request: DispatcherRequest) => Dispatcher

/** Which part of the run is under way. */
export type RunPhase = 'warmup' | 'measure' | 'drain'

/** A progress report, every `progressIntervalMs` (default 5 s). */
export interface ProgressSnapshot {
  readonly phase: RunPhase
  /** Since the run started, ms. */
  readonly elapsedMs: number
  /** Warm-up plus measured duration, ms. */
  readonly plannedMs: number
  /** Requests finished in the last interval, per second. */
  readonly ratePerSecond: number
  /** p95 of the gated latency over the last interval, µs (0 when no request finished). */
  readonly p95Us: number
  /** Errors in the last interval. */
  readonly errors: number
  readonly totalRequests: number
  readonly totalErrors: number
  readonly inFlight: number
}

export interface RunLoadOptions {
  readonly profile: Profile
  /** Where to send the load; defaults to `profile.target`. */
  readonly target?: URL
  readonly dispatcherFactory?: DispatcherFactory
  readonly clock?: Clock
  /** Aborting stops sending at once; in-flight requests get the grace period; the result is partial. */
  readonly signal?: AbortSignal
  readonly log?: Log
  readonly onProgress?: (snapshot: ProgressSnapshot) => void
  readonly progressIntervalMs?: number
  readonly environment: RunEnvironment
  readonly git: GitContext
  /** Wall-clock time for `startedAt`; defaults to `new Date()`. */
  readonly now?: () => Date
  /** Random numbers in [0, 1) for scenario weights, data rows and think times; defaults to Math.random. */
  readonly random?: () => number
}
