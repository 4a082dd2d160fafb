// The capacity search's settings (`model: capacity`) from the raw profile: rates, steps, the SLO (with an error
// objective added when it sets none).
import { type Budget, EVERY_ENDPOINT_KEY } from './gate-schema.js'
import type { CapacitySettings, LoadModel } from './profile.js'
import { PROFILE_DEFAULTS } from './profile-defaults.js'
import type { ProfileIssue } from './profile-issues.js'
import type { RawProfile } from './profile-schema.js'

/** The ERROR_RATE objective added when an SLO sets none: a rate where requests fail is no capacity. */
const DEFAULT_ERROR_OBJECTIVE: Budget = Object.freeze({
  expression: 'error-rate < 1%',
  metric: 'error-rate',
  operator: '<',
  threshold: 0.01,
})

/** The capacity search's settings (null for the other models); start-rate above max-rate is an issue. */
export function capacitySettings(raw: RawProfile, model: LoadModel, issues: ProfileIssue[]): CapacitySettings | null {
  if (model !== 'capacity') return null
  const startRatePerSecond = raw['start-rate'] ?? 0
  const maxRatePerSecond = raw['max-rate'] ?? 0
  if (raw['start-rate'] !== undefined && startRatePerSecond <= 0) {
    issues.push({ path: ['start-rate'], problem: 'start-rate must be above 0', fix: 'write e.g. start-rate: 50/s' })
  }
  if (raw.rounds === 'auto') {
    issues.push({
      path: ['rounds'],
      problem: 'rounds: auto does not apply to a capacity search',
      fix: 'give each step a number of rounds (default 10), or remove rounds',
    })
  }
  if (raw['max-rate'] !== undefined && startRatePerSecond > maxRatePerSecond) {
    issues.push({
      path: ['max-rate'],
      problem: `max-rate (${maxRatePerSecond}/s) is below start-rate (${startRatePerSecond}/s)`,
      fix: 'raise max-rate or lower start-rate',
    })
  }
  const slo = { ...(raw.slo ?? {}) }
  const hasErrorObjective = Object.values(slo).some((list) => list.some((b) => b.metric === 'error-rate'))
  if (!hasErrorObjective) slo[EVERY_ENDPOINT_KEY] = [...(slo[EVERY_ENDPOINT_KEY] ?? []), DEFAULT_ERROR_OBJECTIVE]
  return {
    startRatePerSecond,
    maxRatePerSecond,
    growthFactor: raw.growth ?? PROFILE_DEFAULTS.capacityGrowthFactor,
    resolution: raw.resolution ?? PROFILE_DEFAULTS.capacityResolution,
    stepDurationMs: raw['step-duration'] ?? 0,
    slo,
  }
}
