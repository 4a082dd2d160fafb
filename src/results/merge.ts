// Merge several RunResults of the same profile (shards of one run) into one: histograms add exactly.
import { ResultFormatError } from './errors.js'
import { type LatencyHistogram, mergeHistograms } from './histogram.js'
import type { EndpointResult, ErrorClass, RoundMeasurement, RunResult, TimelinePoint } from './types.js'

/**
 * Adds shards measured with the same profile (same fingerprint, same rounds): per endpoint and round the histograms,
 * counts and bytes add; rates add; the run is partial or invalid when any shard is. Throws ResultFormatError when
 * the shards do not belong together.
 */
export function mergeRunResults(results: readonly RunResult[]): RunResult {
  const [first, ...rest] = results
  if (!first) throw new ResultFormatError('merge', 'needs at least one result')
  for (const [i, other] of rest.entries()) {
    if (other.profileFingerprint !== first.profileFingerprint) {
      throw new ResultFormatError(`shard ${i + 2}`, 'was measured with a different profile (fingerprint differs)')
    }
    if (other.rounds.length !== first.rounds.length) {
      throw new ResultFormatError(
        `shard ${i + 2}`,
        `has ${other.rounds.length} rounds; shard 1 has ${first.rounds.length}`,
      )
    }
  }
  const names = [...new Set(results.flatMap((r) => r.endpoints.map((e) => e.name)))]
  const endpoints: EndpointResult[] = names.map((name) => {
    const parts = results.flatMap((r) => r.endpoints.filter((e) => e.name === name))
    const rounds: RoundMeasurement[] = first.rounds.map((_, index) => {
      const measured = parts.map((p) => p.rounds[index]!)
      return {
        latency: mergeHistograms(measured.map((m) => m.latency)),
        actualLatency: mergeHistograms(measured.map((m) => m.actualLatency)),
        requests: sum(measured.map((m) => m.requests)),
        statusCounts: addRecords(measured.map((m) => m.statusCounts)),
        errors: addRecords(measured.map((m) => m.errors)) as Partial<Record<ErrorClass, number>>,
        bytesReceived: sum(measured.map((m) => m.bytesReceived)),
      }
    })
    const timelines = parts.map((p) => p.timeline)
    return {
      name,
      rounds,
      warmupRequests: sum(parts.map((p) => p.warmupRequests)),
      // Present only when every shard recorded it (a shard written before format 1.2 has none).
      ...(timelines.every((t) => t !== undefined) ? { timeline: mergeTimelines(timelines as TimelinePoint[][]) } : {}),
    }
  })
  const partial = results.find((r) => r.completion.status === 'partial')
  const { generatorLateness: _firstShardOnly, liveAb: _oneRunOnly, ...firstRest } = first
  const intended = results.map((r) => r.health.intendedRatePerSecond)
  return {
    ...firstRest,
    endpoints,
    timeline: mergeTimelines(results.map((r) => r.timeline)),
    health: {
      intendedRatePerSecond: intended.every((r) => r !== null) ? sum(intended as number[]) : null,
      achievedRatePerSecond: sum(results.map((r) => r.health.achievedRatePerSecond)),
      maxEventLoopLagMs: Math.max(...results.map((r) => r.health.maxEventLoopLagMs)),
      invalidReasons: results.flatMap((r, i) => r.health.invalidReasons.map((reason) => `shard ${i + 1}: ${reason}`)),
    },
    completion: partial ? partial.completion : { status: 'complete' },
    ...mergeLateness(results),
  }
}

/** Shards' generator lateness adds per round; present only when every shard recorded it. */
function mergeLateness(results: readonly RunResult[]): Pick<RunResult, 'generatorLateness'> {
  const all = results.map((r) => r.generatorLateness)
  if (!all.every((h) => h !== undefined)) return {}
  const shards = all as readonly (readonly LatencyHistogram[])[]
  return { generatorLateness: shards[0]!.map((_, round) => mergeHistograms(shards.map((h) => h[round]!))) }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

function addRecords(records: readonly Readonly<Record<string, number | undefined>>[]): Record<string, number> {
  const out = Object.create(null) as Record<string, number>
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) out[key] = (out[key] ?? 0) + (value ?? 0)
  }
  return out
}

/** The worse of two optional per-second percentiles, present only when both points have it. */
function worse(a: TimelinePoint, b: TimelinePoint, key: 'p50Us' | 'p99Us'): Partial<TimelinePoint> {
  const x = a[key]
  const y = b[key]
  return x === undefined || y === undefined ? {} : { [key]: Math.max(x, y) }
}

function mergeTimelines(timelines: readonly (readonly TimelinePoint[])[]): TimelinePoint[] {
  const bySecond = new Map<number, TimelinePoint>()
  for (const timeline of timelines) {
    for (const point of timeline) {
      const seen = bySecond.get(point.second)
      bySecond.set(
        point.second,
        seen
          ? {
              second: point.second,
              requests: seen.requests + point.requests,
              errors: seen.errors + point.errors,
              // p95 of a merged second is not derivable from two p95s; keep the worse one (documented approximation).
              p95Us: Math.max(seen.p95Us, point.p95Us),
              ...worse(seen, point, 'p50Us'),
              ...worse(seen, point, 'p99Us'),
            }
          : { ...point },
      )
    }
  }
  return [...bySecond.values()].sort((a, b) => a.second - b.second)
}
