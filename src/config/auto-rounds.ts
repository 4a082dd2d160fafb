// `rounds: auto` in a profile: the checks across keys (max-duration required, min/max rounds, constant models only)
// and the limits it normalizes to.
import { PROFILE_DEFAULTS } from './normalize-profile.js'
import type { AutoRounds, LoadModel } from './profile.js'
import type { ProfileIssue } from './profile-issues.js'
import type { RawProfile } from './profile-schema.js'

/** Defaults of `rounds: auto`: the first look after 6 rounds per side, at most 100 (the limit of `rounds`). */
export const AUTO_ROUNDS_DEFAULTS = { minRounds: 6, maxRounds: 100 } as const

/**
 * The `rounds: auto` limits of a schema-checked profile, or null for a fixed number of rounds. Pushes an issue (with
 * its fix) for: min-rounds/max-rounds without rounds: auto, rounds: auto without max-duration, min above max, a
 * ramping model, and a max-duration that does not even hold the warm-up and the first look.
 */
export function autoRoundsOf(raw: RawProfile, model: LoadModel, issues: ProfileIssue[]): AutoRounds | null {
  if (raw.rounds !== 'auto') {
    for (const key of ['min-rounds', 'max-rounds'] as const) {
      if (raw[key] !== undefined) {
        issues.push({
          path: [key],
          problem: `'${key}' only applies with rounds: auto`,
          fix: 'write rounds: auto, or remove it',
          atKey: true,
        })
      }
    }
    return null
  }
  const minRounds = raw['min-rounds'] ?? AUTO_ROUNDS_DEFAULTS.minRounds
  const maxRounds = raw['max-rounds'] ?? AUTO_ROUNDS_DEFAULTS.maxRounds
  const before = issues.length
  if (raw['max-duration'] === undefined) {
    issues.push({
      path: ['rounds'],
      problem: 'rounds: auto needs a time budget',
      fix: 'add max-duration, e.g. max-duration: 5m (rounds are added until every comparison is decided or it is used up)',
    })
  }
  if (minRounds > maxRounds) {
    issues.push({
      path: ['min-rounds'],
      problem: `min-rounds (${minRounds}) is above max-rounds (${maxRounds})`,
      fix: 'lower min-rounds or raise max-rounds',
    })
  }
  if (model === 'ramping-arrival-rate' || model === 'ramping-vus') {
    issues.push({
      path: ['rounds'],
      problem: `rounds: auto adds rounds of a constant load, and ${model} ramps`,
      fix: 'use constant-arrival-rate or constant-vus, or a fixed number of rounds',
    })
  }
  const firstLookMs = (raw.warmup ?? PROFILE_DEFAULTS.warmupMs) + (raw.duration ?? 0)
  if (raw['max-duration'] !== undefined && raw['max-duration'] <= firstLookMs) {
    issues.push({
      path: ['max-duration'],
      problem: `max-duration (${raw['max-duration']} ms) does not leave room for more than the first ${minRounds} rounds (warm-up + duration = ${firstLookMs} ms)`,
      fix: 'raise max-duration: a few times warm-up + duration lets rounds: auto add rounds',
    })
  }
  return issues.length > before ? null : { minRounds, maxRounds }
}
