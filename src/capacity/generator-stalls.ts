// Rounds of a capacity step that the generator disturbed. When the runner stalls the generator, the requests due in
// the stall are sent late, all at once: latency counts from the intended send, so the round looks slow, and the
// burst queues at the target like overload, for about the next round too. Such rounds measure the runner, not the
// target: a step is decided on the others, and without enough of them it is invalid (repeated), never failed.
import type { Budgets } from '../config/gate-schema.js'
import type { RunResult } from '../results/types.js'

/** A round is disturbed when its sends' p99 lateness passes this share of the SLO's smallest latency threshold. */
export const STALL_SHARE_OF_SLO = 0.2
/** …and at least this, ms (timer jitter of a healthy runner stays well below it). */
export const MIN_STALL_MS = 5
/** Without a latency objective: this, ms. */
export const DEFAULT_STALL_MS = 20
/** The percentile of a round's send lateness that is compared with the limit. */
const LATENESS_PERCENTILE = 99
/** A step needs this share of its rounds undisturbed to be decided. */
export const MIN_CLEAN_SHARE = 0.6

/** The lateness limit, ms: STALL_SHARE_OF_SLO of the smallest latency threshold, at least MIN_STALL_MS. */
export function stallLimitMs(slo: Budgets): number {
  const latency = Object.values(slo)
    .flat()
    .filter((b) => b.metric !== 'error-rate' && b.metric !== 'rps' && b.metric !== 'recovery')
    .map((b) => b.threshold)
  return latency.length === 0 ? DEFAULT_STALL_MS : Math.max(MIN_STALL_MS, STALL_SHARE_OF_SLO * Math.min(...latency))
}

export interface StallScreen {
  /** The run without its disturbed rounds. */
  readonly run: RunResult
  /** 0-based indexes of the rounds set aside. */
  readonly setAside: readonly number[]
  /** The worst round's p99 send lateness, ms. */
  readonly worstLatenessMs: number
  /** True when too few rounds are left to decide the step. */
  readonly tooFew: boolean
}

/**
 * Sets aside every round whose send lateness p99 passes `limitMs`, and the round after it (the burst's queue drains
 * into it). Runs without per-round lateness (closed model, old files) are returned as they are.
 */
export function screenStalls(run: RunResult, limitMs: number): StallScreen {
  const lateness = run.generatorLateness ?? []
  const latenessMs = lateness.map((h) => (h.count === 0 ? 0 : h.percentileUs(LATENESS_PERCENTILE) / 1000))
  const aside = new Set<number>()
  for (const [index, ms] of latenessMs.entries()) {
    if (ms <= limitMs) continue
    aside.add(index)
    if (index + 1 < run.rounds.length) aside.add(index + 1)
  }
  const worstLatenessMs = Math.max(0, ...latenessMs)
  const keep = (_: unknown, index: number) => !aside.has(index)
  const clean = run.rounds.length - aside.size
  const screened: RunResult =
    aside.size === 0
      ? run
      : {
          ...run,
          rounds: run.rounds.filter(keep),
          endpoints: run.endpoints.map((e) => ({ ...e, rounds: e.rounds.filter(keep) })),
          ...(run.generatorLateness ? { generatorLateness: run.generatorLateness.filter(keep) } : {}),
        }
  return {
    run: screened,
    setAside: [...aside].sort((a, b) => a - b),
    worstLatenessMs,
    tooFew: clean < Math.ceil(MIN_CLEAN_SHARE * run.rounds.length),
  }
}
