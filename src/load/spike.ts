// Spike recovery of ramping-arrival-rate profiles: how long after the spike ends (config/spike.ts finds it) the
// per-second p95 takes to come back within the gate's margin of its pre-spike level.
import { median } from 'simple-statistics'
import type { GateSettings } from '../config/gate-schema.js'
import type { SpikeWindow } from '../config/spike.js'
import type { SpikeRecovery, TimelinePoint } from '../results/types.js'

/** The p95 must stay within the margin this many seconds in a row to count as recovered. */
export const RECOVERED_SECONDS = 2

/**
 * The recovery after a spike, from the run's per-second timeline (seconds since the run started, warm-up
 * included). Pre-spike level: the median per-second p95 of the whole seconds before the spike (after the warm-up).
 * Recovered at the first whole second at or after the spike's end from which RECOVERED_SECONDS seconds in a row
 * (or all that are left) have a p95 within max(relative margin × level, absolute margin) of it; null when none.
 */
export function spikeRecovery(
  spike: SpikeWindow,
  timeline: readonly TimelinePoint[],
  warmupMs: number,
  gate: Pick<GateSettings, 'marginRelative' | 'marginAbsoluteMs'>,
): SpikeRecovery {
  const spikeStartS = (warmupMs + spike.startMs) / 1000
  const spikeEndS = (warmupMs + spike.endMs) / 1000
  const measured = timeline.filter((p) => p.requests > 0)
  const before = measured.filter((p) => p.second >= warmupMs / 1000 && p.second + 1 <= spikeStartS)
  const preSpikeP95Ms = before.length === 0 ? null : median(before.map((p) => p.p95Us / 1000))
  const base = {
    spikeStartMs: spike.startMs,
    spikeEndMs: spike.endMs,
    baseRatePerSecond: spike.baseLevel,
    peakRatePerSecond: spike.peakLevel,
    preSpikeP95Ms,
  }
  if (preSpikeP95Ms === null) return { ...base, limitMs: null, recoveredAfterMs: null }
  const limitMs = Math.max(preSpikeP95Ms * (1 + gate.marginRelative), preSpikeP95Ms + gate.marginAbsoluteMs)
  const after = measured.filter((p) => p.second >= Math.floor(spikeEndS))
  for (let i = 0; i < after.length; i++) {
    const run = after.slice(i, i + RECOVERED_SECONDS)
    if (run.every((p) => p.p95Us / 1000 <= limitMs)) {
      const second = after[i] as TimelinePoint
      return { ...base, limitMs, recoveredAfterMs: Math.max(0, second.second * 1000 - (warmupMs + spike.endMs)) }
    }
  }
  return { ...base, limitMs, recoveredAfterMs: null }
}
