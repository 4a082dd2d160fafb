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
  /** Warm-up of each capacity step: short, since every step repeats it. */
  capacityStepWarmupMs: 1_000,
  capacityGrowthFactor: 2,
  /** Rounds per capacity step: 10 let a step hold with one stray round over the SLO (sign test, alpha 0.05). */
  capacityRounds: 10,
  capacityResolution: 0.05,
} as const
