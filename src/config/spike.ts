// The spike of a ramping-arrival-rate profile: the stages that rise well above the base rate and come back.
import type { LoadShape } from './profile.js'

/** A stage peak counts as a spike when it is at least this multiple of the level before it. */
export const SPIKE_FACTOR = 2
/** The spike of a ramp, ms since the end of the warm-up: from the first rise above the base level to the return. */
export interface SpikeWindow {
  readonly startMs: number
  readonly endMs: number
  readonly baseLevel: number
  readonly peakLevel: number
}

/**
 * Finds the spike in an arrival-rate ramp: the base level is the level the measured window starts at (start-rate, or
 * the first stage's target when start-rate is 0); the spike starts with the first stage that rises above it and ends
 * with the first later stage that comes back to within 10 % of it. null when the peak is below SPIKE_FACTOR × base,
 * nothing comes before the rise, or the level never comes back.
 */
export function findSpike(load: LoadShape): SpikeWindow | null {
  if (load.model !== 'ramping-arrival-rate') return null
  const base = load.startRatePerSecond > 0 ? load.startRatePerSecond : (load.stages[0]?.target ?? 0)
  if (base <= 0) return null
  const peak = Math.max(...load.stages.map((s) => s.target))
  if (peak < SPIKE_FACTOR * base) return null
  let atMs = 0
  let startMs: number | null = null
  let peaked = false
  for (const stage of load.stages) {
    if (startMs === null && stage.target > base * 1.1) startMs = atMs
    if (stage.target === peak) peaked = true
    atMs += stage.durationMs
    if (startMs !== null && peaked && stage.target <= base * 1.1) {
      return startMs > 0 ? { startMs, endMs: atMs, baseLevel: base, peakLevel: peak } : null
    }
  }
  return null
}
