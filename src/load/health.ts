// Whether the generator kept up: the run is invalid evidence (never a regression) when it fell behind its own
// schedule, waited on its in-flight cap, ran out of data, or its event loop lagged.
import { formatMs } from '../config/units.js'
import type { RunHealth } from '../results/types.js'

/** Achieved below this share of the intended rate makes a run invalid. */
export const MIN_ACHIEVED_SHARE = 0.95

export interface HealthInput {
  /** Intended iterations/s over the measured window (open models); null for closed models. */
  readonly intendedRatePerSecond: number | null
  /** Iterations started in the measured window, per second (open models). */
  readonly startedRatePerSecond: number | null
  /** Requests over the measured window, per second. */
  readonly achievedRatePerSecond: number
  readonly eventLoopLagP99Ms: number
  readonly maxEventLoopLagMs: number
  readonly eventLoopLagLimitMs: number
  readonly unstartedIterations: number
  readonly maxInFlight: number | null
  readonly dataExhausted: ReadonlyMap<string, number>
}

/** Builds RunHealth with every reason the run is not valid evidence. */
export function assessGeneratorHealth(input: HealthInput): RunHealth {
  const reasons: string[] = []
  const intended = input.intendedRatePerSecond
  if (intended !== null && intended > 0 && input.startedRatePerSecond !== null) {
    const share = input.startedRatePerSecond / intended
    if (share < MIN_ACHIEVED_SHARE) {
      reasons.push(
        `the generator fell behind: it started ${input.startedRatePerSecond.toFixed(1)} iterations/s of the ` +
          `${intended.toFixed(1)}/s intended (${(share * 100).toFixed(1)} %, below ${MIN_ACHIEVED_SHARE * 100} %)`,
      )
    }
  }
  if (input.unstartedIterations > 0) {
    reasons.push(
      `${input.unstartedIterations} iterations never started because max-in-flight (${input.maxInFlight}) ` +
        'iterations were under way; raise max-in-flight or lower the rate',
    )
  }
  if (input.eventLoopLagP99Ms > input.eventLoopLagLimitMs) {
    reasons.push(
      `the generator's event loop lagged (p99 ${formatMs(input.eventLoopLagP99Ms)}, over the ` +
        `${formatMs(input.eventLoopLagLimitMs)} limit): its timings are not the server's`,
    )
  }
  for (const [scenario, count] of input.dataExhausted) {
    reasons.push(`scenario '${scenario}' ran out of unique test data (${count} iterations skipped); add rows`)
  }
  return {
    intendedRatePerSecond: intended,
    achievedRatePerSecond: input.achievedRatePerSecond,
    maxEventLoopLagMs: input.maxEventLoopLagMs,
    invalidReasons: reasons,
  }
}
