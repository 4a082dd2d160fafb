// Bencher Metric Format (BMF) JSON from a RunResult, for teams that keep their benchmark history in Bencher.
// Format: https://bencher.dev/docs/reference/bencher-metric-format/ — one object per benchmark (here: endpoint),
// one per measure, each `{ value, lower_value?, upper_value? }`. Latency in nanoseconds (Bencher's built-in
// `latency` measure), throughput in operations per second (built-in `throughput`).
import type { Verdict } from '../gate/types.js'
import { type LatencyHistogram, mergeHistograms } from '../results/histogram.js'
import type { EndpointResult, RoundMeasurement, RunResult } from '../results/types.js'

/** One BMF metric: a value with optional bounds, in the measure's unit. */
export interface BmfMetric {
  readonly value: number
  readonly lower_value?: number
  readonly upper_value?: number
}

/** BMF JSON: benchmark name → measure slug → metric. */
export type Bmf = Record<string, Record<string, BmfMetric>>

/**
 * The measures Tailgate writes per endpoint. `latency` and `throughput` are Bencher's built-in measures (ns,
 * ops/s); the others are created by Bencher on first use (a measure named by an unknown slug is created).
 */
export const BMF_MEASURES = {
  /** Median latency, ns. */
  latency: 'latency',
  /** 95th percentile latency, ns. */
  p95: 'p95-latency',
  /** 99th percentile latency, ns. */
  p99: 'p99-latency',
  /** Requests per second over the measured duration. */
  throughput: 'throughput',
  /** Failed requests / requests, a fraction in [0, 1]. */
  errorRate: 'error-rate',
} as const

/** Options of toBmf. */
export interface BmfOptions {
  /** Put before every benchmark name, e.g. the profile id: `api: GET /users`. */
  readonly prefix?: string
  /**
   * When given, the values are the verdict's candidate summaries (the figures of the PR comment); the bounds still
   * come from the rounds. Without it, the same figures are computed from the result's pooled histograms.
   */
  readonly verdict?: Verdict
}

const NS_PER_US = 1000

/**
 * BMF JSON of a run: one benchmark per endpoint with median, p95 and p99 latency (ns), throughput (requests/s) and
 * error rate. `value` is the pooled figure over every round; `lower_value`/`upper_value` are the smallest and largest
 * per-round figure (omitted with fewer than two rounds that have data). Latency is the run's gated latency
 * (`intended` in open models). Runs in O(endpoints × rounds × histogram buckets).
 * @example toBmf(result)['GET /users'].latency // => { value: 12_007_000, lower_value: 11_903_000, upper_value: 12_311_000 }
 */
export function toBmf(result: RunResult, options: BmfOptions = {}): Bmf {
  const bmf: Bmf = {}
  const roundSeconds = result.rounds.map((r) => r.durationMs / 1000)
  const totalSeconds = roundSeconds.reduce((a, b) => a + b, 0)
  for (const endpoint of result.endpoints) {
    const histograms = endpoint.rounds.map((round) => gated(round, result))
    const pooled = mergeHistograms(histograms)
    const requests = sum(endpoint.rounds.map((r) => r.requests))
    const errors = sum(endpoint.rounds.map(errorCount))
    const summary = options.verdict?.endpoints.find((e) => e.endpoint === endpoint.name)?.candidate
    const latency = (percentile: number, summaryMs: number | undefined): BmfMetric =>
      metric(
        summaryMs === undefined ? pooled.percentileUs(percentile) * NS_PER_US : Math.round(summaryMs * 1e6),
        histograms.filter((h) => h.count > 0).map((h) => h.percentileUs(percentile) * NS_PER_US),
      )
    bmf[`${options.prefix ? `${options.prefix}: ` : ''}${endpoint.name}`] = {
      [BMF_MEASURES.latency]: latency(50, summary?.p50Ms),
      [BMF_MEASURES.p95]: latency(95, summary?.p95Ms),
      [BMF_MEASURES.p99]: latency(99, summary?.p99Ms),
      [BMF_MEASURES.throughput]: metric(
        summary?.ratePerSecond ?? (totalSeconds > 0 ? requests / totalSeconds : 0),
        roundsWithDuration(endpoint, roundSeconds).map(({ round, seconds }) => round.requests / seconds),
      ),
      [BMF_MEASURES.errorRate]: metric(
        summary?.errorRate ?? (requests > 0 ? errors / requests : 0),
        endpoint.rounds.filter((r) => r.requests > 0).map((r) => errorCount(r) / r.requests),
      ),
    }
  }
  return bmf
}

/** BMF JSON text (2-space indented, trailing newline), ready for `bencher run --adapter json --file`. */
export function serializeBmf(bmf: Bmf): string {
  return `${JSON.stringify(bmf, null, 2)}\n`
}

function metric(value: number, perRound: readonly number[]): BmfMetric {
  if (perRound.length < 2) return { value }
  return { value, lower_value: Math.min(...perRound), upper_value: Math.max(...perRound) }
}

function gated(round: RoundMeasurement, result: RunResult): LatencyHistogram {
  return result.gatedLatency === 'intended' ? round.latency : round.actualLatency
}

function roundsWithDuration(endpoint: EndpointResult, roundSeconds: readonly number[]) {
  return endpoint.rounds
    .map((round, i) => ({ round, seconds: roundSeconds[i] ?? 0 }))
    .filter(({ seconds }) => seconds > 0)
}

function errorCount(round: RoundMeasurement): number {
  return sum(Object.values(round.errors).map((n) => n ?? 0))
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
