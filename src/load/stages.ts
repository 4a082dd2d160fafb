// Load levels over time: constant levels and linear ramps through stages (k6 semantics: each stage moves linearly
// from the previous level to its target). Times are ms since the end of the warm-up; the warm-up runs at the
// level the measured window starts with.
import type { LoadShape, Stage } from '../config/profile.js'

/** The level (iterations/s or VUs) at `tMs` into the measured window; clamps outside the stages. */
export function levelAt(startLevel: number, stages: readonly Stage[], tMs: number): number {
  let from = startLevel
  let stageStartMs = 0
  for (const stage of stages) {
    if (tMs < stageStartMs + stage.durationMs) {
      const fraction = Math.max(0, (tMs - stageStartMs) / stage.durationMs)
      return from + (stage.target - from) * fraction
    }
    from = stage.target
    stageStartMs += stage.durationMs
  }
  return from
}

/**
 * The level a load shape asks for at `tMs` since the end of the warm-up (negative during the warm-up, which
 * runs at the first non-zero level of the shape so that it warms connections and the JIT).
 */
export function shapeLevelAt(load: LoadShape, tMs: number): number {
  switch (load.model) {
    case 'constant-arrival-rate':
      return load.ratePerSecond
    case 'constant-vus':
      return load.vus
    case 'ramping-arrival-rate':
    case 'ramping-vus': {
      const start = load.model === 'ramping-vus' ? load.startVus : load.startRatePerSecond
      if (tMs < 0) return start > 0 ? start : (load.stages[0]?.target ?? 0)
      return levelAt(start, load.stages, tMs)
    }
  }
}
