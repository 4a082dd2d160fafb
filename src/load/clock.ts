// The monotonic clock the engine reads; injected so tests and benchmarks can substitute it.
import { performance } from 'node:perf_hooks'

export interface Clock {
  /** Monotonic milliseconds (fractional), e.g. performance.now(). */
  now(): number
}

/** The production clock: performance.now(), sub-microsecond resolution. */
export const performanceClock: Clock = { now: () => performance.now() }
