// Percentiles read straight from a RunResult's histograms, for the charts (the table uses the gate's summaries).
import { mergeHistograms } from '../results/histogram.js'
import type { RunResult } from '../results/types.js'

/** Percentiles the latency chart shows, with their axis labels. */
export const CHART_PERCENTILES = [
  { label: 'p50', percentile: 50 },
  { label: 'p90', percentile: 90 },
  { label: 'p95', percentile: 95 },
  { label: 'p99', percentile: 99 },
  { label: 'p99.9', percentile: 99.9 },
] as const

/**
 * Latency percentiles (ms) of one endpoint, pooled over every round, from the latency the run gates on
 * (`intended` or `actual`). null when the run has no such endpoint or it recorded nothing.
 *
 * Runs in O(rounds × buckets).
 * @example pooledPercentilesMs(run, 'GET /users', [50, 95]) // => [12.3, 20.1]
 */
export function pooledPercentilesMs(run: RunResult, endpoint: string, percentiles: readonly number[]): number[] | null {
  const found = run.endpoints.find((e) => e.name === endpoint)
  if (found === undefined) return null
  const pooled = mergeHistograms(
    found.rounds.map((round) => (run.gatedLatency === 'intended' ? round.latency : round.actualLatency)),
  )
  if (pooled.count === 0) return null
  return percentiles.map((p) => pooled.percentileUs(p) / 1000)
}
