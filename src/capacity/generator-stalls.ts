// Rounds of a capacity step that the generator disturbed. When the runner stalls the generator, the requests due in
// the stall are sent late, all at once: latency counts from the intended send, so the round looks slow, and the
// burst queues at the target like overload, for about the next round too. Such rounds measure the runner, not the
// target: a step is decided on the others, and without enough of them it is invalid (repeated), never failed.
// Below the limit a stall of L ms adds at most about 2 L to a request (L late, then at most L to serve the burst of
// L × rate requests at the faster capacity rate): a late round whose median is past the threshold by more than that
// failed on its own and is kept.
import type { Budgets } from '../config/gate-schema.js'
import { gatedHistogram } from '../gate/measurements.js'
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

/** The SLO's smallest latency threshold, ms; null without a latency objective. */
export function smallestLatencyMs(slo: Budgets): number | null {
  const latency = Object.values(slo)
    .flat()
    .filter((b) => b.metric !== 'error-rate' && b.metric !== 'rps' && b.metric !== 'recovery')
    .map((b) => b.threshold)
  return latency.length === 0 ? null : Math.min(...latency)
}

/** The lateness limit, ms: STALL_SHARE_OF_SLO of the smallest latency threshold, at least MIN_STALL_MS. */
export function stallLimitMs(slo: Budgets): number {
  const smallest = smallestLatencyMs(slo)
  return smallest === null ? DEFAULT_STALL_MS : Math.max(MIN_STALL_MS, STALL_SHARE_OF_SLO * smallest)
}

/** Whether a late round failed on its own: some endpoint's median past `thresholdMs` + 2 × the lateness. */
function failedOnItsOwn(run: RunResult, round: number, lateMs: number, thresholdMs: number | null): boolean {
  if (thresholdMs === null) return false
  return run.endpoints.some((endpoint) => {
    const cell = endpoint.rounds[round]
    if (cell === undefined) return false
    const histogram = gatedHistogram(cell, run.gatedLatency)
    return histogram.count > 0 && histogram.percentileUs(50) / 1000 > thresholdMs + 2 * lateMs
  })
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
 * into it), unless the round failed on its own (its median past `thresholdMs` + 2 × the lateness). Runs without
 * per-round lateness (closed model, old files) are returned as they are.
 */
export function screenStalls(run: RunResult, limitMs: number, thresholdMs: number | null): StallScreen {
  const lateness = run.generatorLateness ?? []
  const latenessMs = lateness.map((h) => (h.count === 0 ? 0 : h.percentileUs(LATENESS_PERCENTILE) / 1000))
  const aside = new Set<number>()
  for (const [index, ms] of latenessMs.entries()) {
    if (ms <= limitMs) continue
    for (const round of [index, index + 1]) {
      if (round < run.rounds.length && !failedOnItsOwn(run, round, ms, thresholdMs)) aside.add(round)
    }
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
