// What the gate reads from a RunResult: per-round values of each gated metric, and pooled (all rounds) figures.
import type { GatedMetric } from '../config/gate-schema.js'
import { type LatencyHistogram, mergeHistograms } from '../results/histogram.js'
import type { EndpointResult, LatencyOrigin, RoundMeasurement, RunResult } from '../results/types.js'
import type { LatencySummary, MetricComparison } from './types.js'

/** The unit of each gated metric's values. */
export const METRIC_UNITS = {
  p50: 'ms',
  p90: 'ms',
  p95: 'ms',
  p99: 'ms',
  mean: 'ms',
  'error-rate': 'fraction',
  throughput: 'rps',
} as const satisfies Record<GatedMetric, MetricComparison['unit']>

/** Which direction is worse: +1 when a larger value is worse (latency, errors), −1 for throughput. */
export const WORSE_DIRECTION = {
  p50: 1,
  p90: 1,
  p95: 1,
  p99: 1,
  mean: 1,
  'error-rate': 1,
  throughput: -1,
} as const satisfies Record<GatedMetric, 1 | -1>

const PERCENTILES = { p50: 50, p90: 90, p95: 95, p99: 99 } as const

/** The latency histogram of a round that the gate uses (`intended` or `actual`, per the run). */
export function gatedHistogram(round: RoundMeasurement, origin: LatencyOrigin): LatencyHistogram {
  return origin === 'intended' ? round.latency : round.actualLatency
}

/** Failed requests of a round, over every error class. */
export function errorCount(round: RoundMeasurement): number {
  let errors = 0
  for (const count of Object.values(round.errors)) errors += count ?? 0
  return errors
}

/**
 * One value per round of `metric` for an endpoint: latency percentiles and mean in ms from the gated histogram,
 * error rate = errors/requests, throughput = requests per second of the round's duration. Rounds without the data a
 * metric needs (no latency recorded, no requests) are skipped and counted in `skipped`.
 */
export function roundValues(
  run: RunResult,
  endpoint: EndpointResult,
  metric: GatedMetric,
): { values: number[]; skipped: number } {
  const values: number[] = []
  let skipped = 0
  for (const [index, round] of endpoint.rounds.entries()) {
    const value = roundValue(run, round, index, metric)
    if (value === null) skipped++
    else values.push(value)
  }
  return { values, skipped }
}

/** The value of `metric` in one round (see roundValues), or null when the round lacks the data. */
export function roundValue(run: RunResult, round: RoundMeasurement, index: number, metric: GatedMetric): number | null {
  const histogram = gatedHistogram(round, run.gatedLatency)
  switch (metric) {
    case 'p50':
    case 'p90':
    case 'p95':
    case 'p99':
      return histogram.count === 0 ? null : histogram.percentileUs(PERCENTILES[metric]) / 1000
    case 'mean':
      return histogram.count === 0 ? null : histogram.meanUs() / 1000
    case 'error-rate':
      return round.requests === 0 ? null : errorCount(round) / round.requests
    case 'throughput': {
      const durationMs = run.rounds[index]?.durationMs ?? 0
      return durationMs > 0 ? round.requests / (durationMs / 1000) : null
    }
  }
}

/** An endpoint's data over all rounds: the merged gated histogram and the totals. */
export interface PooledEndpoint {
  readonly histogram: LatencyHistogram
  readonly requests: number
  readonly errors: number
  /** Σ of the round durations, ms. */
  readonly durationMs: number
}

/** Pools every round of an endpoint (histograms add exactly). */
export function poolEndpoint(run: RunResult, endpoint: EndpointResult): PooledEndpoint {
  let requests = 0
  let errors = 0
  for (const round of endpoint.rounds) {
    requests += round.requests
    errors += errorCount(round)
  }
  const durationMs = run.rounds.reduce((sum, window) => sum + window.durationMs, 0)
  const histogram = mergeHistograms(endpoint.rounds.map((round) => gatedHistogram(round, run.gatedLatency)))
  return { histogram, requests, errors, durationMs }
}

/** The pooled percentiles, error rate and rate of an endpoint, for the report table. */
export function latencySummary(pooled: PooledEndpoint): LatencySummary {
  return {
    requests: pooled.requests,
    p50Ms: pooled.histogram.percentileUs(50) / 1000,
    p95Ms: pooled.histogram.percentileUs(95) / 1000,
    p99Ms: pooled.histogram.percentileUs(99) / 1000,
    errorRate: pooled.requests === 0 ? 0 : pooled.errors / pooled.requests,
    ratePerSecond: pooled.durationMs > 0 ? pooled.requests / (pooled.durationMs / 1000) : 0,
  }
}

/** An all-zero summary, for an endpoint that is in the baseline but was not measured in this run. */
export const EMPTY_SUMMARY: LatencySummary = Object.freeze({
  requests: 0,
  p50Ms: 0,
  p95Ms: 0,
  p99Ms: 0,
  errorRate: 0,
  ratePerSecond: 0,
})
