// Live A/B capacity: the baseline target and the candidate target searched in the same job, their steps interleaved
// (A B, then B A, ...), so runner drift over the job hits both searches alike. Each side is its own search (its own
// rates, repeats and bisection); max-duration caps the two together. The two results compare with the capacity gate,
// exactly as `tailgate compare` compares the two files.
import { performanceClock } from '../load/clock.js'
import type { RunResult } from '../results/types.js'
import { finishSearch, type RunCapacityOptions, type SearchSide, startSearch, stepSearch } from './run-capacity.js'

export interface LiveAbCapacityOptions extends Omit<RunCapacityOptions, 'target' | 'side'> {
  readonly baselineTarget: URL
  readonly candidateTarget: URL
}

export interface LiveAbCapacityResult {
  readonly baseline: RunResult
  readonly candidate: RunResult
  /** The order the steps ran in (A = baseline, B = candidate). */
  readonly order: readonly ('A' | 'B')[]
}

/** Runs both searches, one step at a time on each side in A B B A order, until both are over. */
export async function runLiveAbCapacity(options: LiveAbCapacityOptions): Promise<LiveAbCapacityResult> {
  const { baselineTarget, candidateTarget, ...common } = options
  const startMs = (options.clock ?? performanceClock).now()
  const sides: Record<'A' | 'B', SearchSide> = {
    A: startSearch({ ...common, target: baselineTarget, side: 'baseline' }, startMs),
    B: startSearch({ ...common, target: candidateTarget, side: 'candidate' }, startMs),
  }
  const running = { A: true, B: true }
  const order: ('A' | 'B')[] = []
  for (let pair = 0; running.A || running.B; pair++) {
    for (const key of pair % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
      if (!running[key]) continue
      const before = sides[key].gathered.steps.length
      running[key] = await stepSearch(sides[key])
      if (sides[key].gathered.steps.length > before) order.push(key)
    }
  }
  return { baseline: await finishSearch(sides.A), candidate: await finishSearch(sides.B), order }
}
