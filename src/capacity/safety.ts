// Safety stops of a capacity step: the target may be a shared preview, so a step ends at once when it is far past
// the SLO (10× its latency, 10× its error limit), when the requests in flight say latency is that far past it
// (Little's law, which also sees a target that stopped answering), or when max-in-flight is reached.
import type { Budgets } from '../config/gate-schema.js'
import { formatMs } from '../config/units.js'
import type { ProgressSnapshot } from '../load/types.js'
import type { SafetyStop } from '../results/types.js'

/** How far past the SLO a step may go before it is stopped. */
export const SAFETY_FACTOR = 10
/** Errors in a window are judged only from this many requests on (one early error is no surge). */
const MIN_WINDOW_REQUESTS = 20

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
  if (windowRequests >= MIN_WINDOW_REQUESTS && snapshot.errors / windowRequests > limits.errorFraction) {
    return {
      stop: 'errors',
      reason:
        `safety stop: ${((snapshot.errors / windowRequests) * 100).toFixed(1)} % of requests failed, past ` +
        `${SAFETY_FACTOR}× the SLO's error limit (${(limits.errorFraction * 100).toFixed(1)} %)`,
    }
  }
  return null
}
