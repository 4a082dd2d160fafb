// Fewer points for a long per-second timeline: whole windows of seconds, each keeping its worst second, so a chart
// and its table stay small on a 10-minute run with 50 endpoints and a stall still shows.
import type { TimelinePoint } from '../results/types.js'

export interface WindowedTimeline {
  /** Seconds per point: 1 when the timeline was short enough to keep every second. */
  readonly widthS: number
  readonly points: readonly TimelinePoint[]
}

/** The window width (s) that brings a timeline spanning `spanS` seconds down to at most `maxPoints` points. */
export const windowWidthS = (spanS: number, maxPoints: number): number =>
  Math.max(1, Math.ceil(spanS / Math.max(1, maxPoints)))

const worst = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined ? undefined : Math.max(a, b)

/**
 * Groups the seconds into windows of `widthS` seconds, each labelled by its first second: requests and errors add,
 * each percentile is the highest per-second value in the window (a percentile of pooled seconds is not derivable
 * from per-second percentiles; the highest keeps a stall visible). With `widthS` 1 the points are unchanged.
 */
export function windowTimeline(points: readonly TimelinePoint[], widthS: number): WindowedTimeline {
  if (widthS <= 1) return { widthS: 1, points }
  const windows = new Map<number, TimelinePoint>()
  for (const point of points) {
    const second = Math.floor(point.second / widthS) * widthS
    const seen = windows.get(second)
    if (seen === undefined) {
      windows.set(second, { ...point, second })
      continue
    }
    const p50Us = worst(seen.p50Us, point.p50Us)
    const p99Us = worst(seen.p99Us, point.p99Us)
    windows.set(second, {
      second,
      requests: seen.requests + point.requests,
      errors: seen.errors + point.errors,
      p95Us: Math.max(seen.p95Us, point.p95Us),
      ...(p50Us === undefined ? {} : { p50Us }),
      ...(p99Us === undefined ? {} : { p99Us }),
    })
  }
  return { widthS, points: [...windows.values()].sort((a, b) => a.second - b.second) }
}
