// How much of the measured latency is the load generator's own: the lateness of its sends against the schedule.
import { type LatencyHistogram, mergeHistograms } from '../results/histogram.js'
import type { RunResult } from '../results/types.js'
import { formatMsNumber } from './format.js'

/**
 * One line for the run details: the generator's send lateness over the measured rounds, e.g.
 * "generator lateness p50 0.02 ms, p99 0.41 ms, max 2.10 ms (intended → actual send; up to this much of each
 * latency is the generator's, not the server's)". Null when the result has none (closed model, imports, old files).
 */
export function generatorLatenessText(run: RunResult): string | null {
  const rounds = run.generatorLateness
  if (!rounds || rounds.length === 0) return null
  const all = mergeHistograms(rounds)
  if (all.count === 0) return null
  const ms = (us: number) => `${formatMsNumber(us / 1000)} ms`
  return (
    `generator lateness p50 ${ms(all.percentileUs(50))}, p99 ${ms(all.percentileUs(99))}, max ${ms(all.maxUs())} ` +
    "(intended → actual send; up to this much of each latency is the generator's, not the server's)"
  )
}

/** p50, p99 and max of a lateness histogram, ms. */
export interface LatenessFigures {
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

const figuresOf = (histogram: LatencyHistogram): LatenessFigures => ({
  p50Ms: histogram.percentileUs(50) / 1000,
  p99Ms: histogram.percentileUs(99) / 1000,
  maxMs: histogram.maxUs() / 1000,
})

/**
 * The generator's send lateness over the measured rounds and per round (ms), with the one-line summary; null when
 * the result has none (closed model, imports, old files) or recorded no send.
 */
export function generatorLateness(run: RunResult): {
  readonly overall: LatenessFigures
  readonly perRound: readonly LatenessFigures[]
  readonly summary: string
} | null {
  const rounds = run.generatorLateness
  const summary = generatorLatenessText(run)
  if (!rounds || summary === null) return null
  return { overall: figuresOf(mergeHistograms(rounds)), perRound: rounds.map(figuresOf), summary }
}
