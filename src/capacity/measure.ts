// One entry for the shells: a capacity profile runs the search, every other profile one load run.
import { type LiveAbOptions, type LiveAbResult, runLiveAb } from '../load/live-ab.js'
import { runLoad } from '../load/run-load.js'
import type { RunLoadOptions } from '../load/types.js'
import type { CapacityStep, RunResult } from '../results/types.js'
import { runLiveAbCapacity } from './live-ab-capacity.js'
import { runCapacity } from './run-capacity.js'

export interface MeasureOptions extends RunLoadOptions {
  /** Capacity searches: called after each step. */
  readonly onStep?: (step: CapacityStep) => void
}

/** Measures a profile: `model: capacity` searches (progress per step), the other models run once. */
export function measureProfile(options: MeasureOptions): Promise<RunResult> {
  if (options.profile.capacity !== null) {
    const { onProgress: _progress, progressIntervalMs: _interval, ...rest } = options
    return runCapacity(rest)
  }
  return runLoad(options)
}

/**
 * Live A/B of a profile: a capacity profile runs both searches with their steps interleaved (runLiveAbCapacity), the
 * other models interleave rounds (runLiveAb).
 */
export function measureLiveAbProfile(options: LiveAbOptions & Pick<MeasureOptions, 'onStep'>): Promise<LiveAbResult> {
  if (options.profile.capacity !== null) {
    const { onProgress: _progress, progressIntervalMs: _interval, ...rest } = options
    return runLiveAbCapacity(rest)
  }
  return runLiveAb(options)
}

/** One line per finished step: `step 3: 400.0/s pass (every objective held in every round)`. */
export function stepLine(step: CapacityStep): string {
  const repeat = step.attempt > 1 ? ' (repeat)' : ''
  return `capacity step ${step.index + 1}: ${step.ratePerSecond.toFixed(1)}/s${repeat} ${step.outcome}: ${step.reason}`
}
