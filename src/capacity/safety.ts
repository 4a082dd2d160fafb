// Safety stops of a capacity step: the target may be a shared preview, so a step ends at once when it is far past
// the SLO (10× its latency, 10× its error limit), when the requests in flight say latency is that far past it
// (Little's law, which also sees a target that stopped answering), or when max-in-flight is reached.
import type { Budgets } from '../config/gate-schema.js'
import { formatMs } from '../config/units.js'
import type { ProgressSnapshot } from '../load/types.js'
import type { SafetyStop } from '../results/types.js'

/** How far past the SLO a step may go before it is stopped. */
export const SAFETY_FACTOR = 10
/** Errors are judged over at least this many requests (one early error is no surge): windows are pooled until then. */
export const MIN_ERROR_SAMPLE = 20

export interface SafetyLimits {
  /** Stop when the window's p95 passes this, ms (10× the SLO's largest latency threshold); null: no latency SLO. */
  readonly latencyMs: number | null
  /** Stop when the window's error share passes this (10× the SLO's smallest error-rate limit, at most 1). */
  readonly errorFraction: number
  readonly maxInFlight: number
}

/** The limits from the SLO: latency thresholds are ms, error-rate thresholds fractions. */
export function safetyLimits(slo: Budgets, maxInFlight: number): SafetyLimits {
  const objectives = Object.values(slo).flat()
  const latency = objectives.filter((b) => b.metric !== 'error-rate' && b.metric !== 'rps').map((b) => b.threshold)
  const errors = objectives.filter((b) => b.metric === 'error-rate').map((b) => b.threshold)
  return {
    latencyMs: latency.length === 0 ? null : SAFETY_FACTOR * Math.max(...latency),
    errorFraction: Math.min(1, SAFETY_FACTOR * (errors.length === 0 ? 0.01 : Math.max(Math.min(...errors), 0.001))),
    maxInFlight,
  }
}

export interface SafetyTrip {
  readonly stop: SafetyStop
  readonly reason: string
}

/**
 * Watches one step's progress windows: pools windows until MIN_ERROR_SAMPLE requests for the error check (at low
 * rates one window holds only a few requests), and checks latency and in-flight on every window.
 */
export class SafetyWatch {
  private requests = 0
  private errors = 0
  private lastElapsedMs = 0
  tripped: SafetyTrip | null = null

  constructor(
    private readonly ratePerSecond: number,
    private readonly limits: SafetyLimits,
  ) {}

  /** Feeds one progress snapshot; returns the trip the first time a stop is due. */
  observe(snapshot: Pick<ProgressSnapshot, 'p95Us' | 'errors' | 'inFlight' | 'ratePerSecond' | 'elapsedMs'>) {
    const windowRequests = Math.round((snapshot.ratePerSecond * (snapshot.elapsedMs - this.lastElapsedMs)) / 1000)
    this.lastElapsedMs = snapshot.elapsedMs
    if (this.tripped !== null) return null
    const pooled = this.requests + windowRequests >= MIN_ERROR_SAMPLE
    this.requests += windowRequests
    this.errors += snapshot.errors
    const trip = checkSafety(
      { p95Us: snapshot.p95Us, inFlight: snapshot.inFlight, errors: pooled ? this.errors : 0 },
      pooled ? this.requests : windowRequests,
      this.ratePerSecond,
      this.limits,
    )
    if (pooled) {
      this.requests = 0
      this.errors = 0
    }
    this.tripped = trip
    return trip
  }
}

/**
 * Whether a progress window trips a safety stop, and why. `windowRequests` are the requests finished in the
 * window; `ratePerSecond` is the step's arrival rate (for Little's law: in flight ≈ rate × latency).
 */
export function checkSafety(
  snapshot: Pick<ProgressSnapshot, 'p95Us' | 'errors' | 'inFlight'>,
  windowRequests: number,
  ratePerSecond: number,
  limits: SafetyLimits,
): SafetyTrip | null {
  if (snapshot.inFlight >= limits.maxInFlight) {
    return {
      stop: 'max-in-flight',
      reason: `max-in-flight reached (${snapshot.inFlight} requests under way): the target is not keeping up`,
    }
  }
  if (limits.latencyMs !== null) {
    const p95Ms = snapshot.p95Us / 1000
    if (windowRequests > 0 && p95Ms > limits.latencyMs) {
      return {
        stop: 'latency',
        reason: `safety stop: p95 ${formatMs(p95Ms)} passed ${SAFETY_FACTOR}× the SLO (${formatMs(limits.latencyMs)})`,
      }
    }
    const inFlightLimit = Math.max(10, (ratePerSecond * limits.latencyMs) / 1000)
    if (snapshot.inFlight > inFlightLimit) {
      return {
        stop: 'in-flight',
        reason:
          `safety stop: ${snapshot.inFlight} requests in flight at ${ratePerSecond.toFixed(1)}/s means they wait ` +
          `about ${formatMs((snapshot.inFlight / ratePerSecond) * 1000)}, past ${SAFETY_FACTOR}× the SLO (${formatMs(limits.latencyMs)})`,
      }
    }
  }
  if (windowRequests >= MIN_ERROR_SAMPLE && snapshot.errors / windowRequests > limits.errorFraction) {
    return {
      stop: 'errors',
      reason:
        `safety stop: ${((snapshot.errors / windowRequests) * 100).toFixed(1)} % of requests failed, past ` +
        `${SAFETY_FACTOR}× the SLO's error limit (${(limits.errorFraction * 100).toFixed(1)} %)`,
    }
  }
  return null
}
