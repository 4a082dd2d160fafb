// The defaults of a profile's optional keys, in one place.

/** Defaults of a profile, in one place (ms unless named otherwise). */
export const PROFILE_DEFAULTS = {
  requestTimeoutMs: 10_000,
  warmupMs: 2_000,
  rounds: 6,
  openMaxConnections: 100,
  maxInFlight: 10_000,
  gracePeriodMs: 5_000,
  maxEventLoopLagMs: 50,
  startVus: 1,
} as const
