// The load shape of a profile: its model's rate or VUs and stages from the raw keys, and the shapes that would
// send nothing (refused before any load).
import type { LoadModel, LoadShape } from './profile.js'
import { PROFILE_DEFAULTS } from './profile-defaults.js'
import type { ProfileIssue } from './profile-issues.js'
import type { RawProfile } from './profile-schema.js'

export const sumMs = (stages: readonly { durationMs: number }[]): number =>
  stages.reduce((total, s) => total + s.durationMs, 0)

/** The load shape the raw keys describe, with defaults (the model's required keys are checked in model-keys.ts). */
export function loadShape(raw: RawProfile, model: LoadModel): LoadShape {
  const stages = (raw.stages ?? []).map((s) => ({ durationMs: s.duration, target: s.target }))
  const maxInFlight = raw['max-in-flight'] ?? PROFILE_DEFAULTS.maxInFlight
  const openConnections = raw['max-connections'] ?? PROFILE_DEFAULTS.openMaxConnections
  switch (model) {
    case 'constant-arrival-rate':
      return { model, ratePerSecond: raw.rate ?? 0, maxConnections: openConnections, maxInFlight }
    case 'capacity': // the first step's shape: the search runs every step as constant-arrival-rate at its own rate
      return {
        model: 'constant-arrival-rate',
        ratePerSecond: raw['start-rate'] ?? 0,
        maxConnections: openConnections,
        maxInFlight,
      }
    case 'ramping-arrival-rate':
      return { model, startRatePerSecond: raw['start-rate'] ?? 0, stages, maxConnections: openConnections, maxInFlight }
    case 'constant-vus':
      return { model, vus: raw.vus ?? 1, maxConnections: raw['max-connections'] ?? raw.vus ?? 1 }
    case 'ramping-vus': {
      const startVus = raw['start-vus'] ?? PROFILE_DEFAULTS.startVus
      const peakVus = Math.max(startVus, ...stages.map((s) => s.target))
      return { model, startVus, stages, maxConnections: raw['max-connections'] ?? Math.max(1, Math.ceil(peakVus)) }
    }
  }
}

/** A ramp that starts at 0 and never leaves it sends nothing: an issue on `stages` (constant rates and VUs of 0 are
 * refused by the schema). */
export function silentLoadIssues(load: LoadShape): ProfileIssue[] {
  if (!('stages' in load) || load.stages.length === 0) return []
  const start = 'startVus' in load ? load.startVus : load.startRatePerSecond
  if (start !== 0 || load.stages.some((stage) => stage.target !== 0)) return []
  const unit = 'startVus' in load ? 'virtual users' : 'iterations per second'
  return [
    {
      path: ['stages'],
      problem: 'every stage targets 0 and the ramp starts at 0: nothing would be sent',
      fix: `give a stage a target above 0 (${unit}), e.g. stages: [{ duration: 30s, target: 10 }]`,
    },
  ]
}
