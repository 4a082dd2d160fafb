// The timeline figures: for the whole run, latency per second (every endpoint together, the gated latency) and
// requests per second against the intended rate; per endpoint, its own latency over time. Baseline and this PR on
// the same axes. Pure: runs in, markup out.
import type { RunResult, TimelinePoint } from '../../results/types.js'
import { formatMsNumber } from '../format.js'
import { windowTimeline, windowWidthS } from '../timeline-window.js'
import type { Html } from './element.js'
import { dataTable, figure, type IdSource, ms } from './figure.js'
import { type ChartSeries, type LineChartSpec, lineChart } from './line-chart.js'
import type { SeriesWeight } from './svg-parts.js'

export interface TimelineRuns {
  readonly candidate: RunResult
  readonly baseline: RunResult | null
}

/** One side of a timeline chart: its run (warm-up, rounds) and the points drawn (pooled, or one endpoint's). */
interface Side {
  readonly run: RunResult
  readonly points: readonly TimelinePoint[]
  readonly role: 'baseline' | 'candidate'
  readonly word: string
}

function sidesOf({ candidate, baseline }: TimelineRuns, pick: (run: RunResult) => readonly TimelinePoint[]): Side[] {
  return [
    ...(baseline === null
      ? []
      : [{ run: baseline, points: pick(baseline), role: 'baseline' as const, word: 'baseline' }]),
    { run: candidate, points: pick(candidate), role: 'candidate' as const, word: 'this PR' },
  ]
}

function seriesOf(
  sides: readonly Side[],
  label: string,
  value: (p: TimelinePoint) => number | undefined,
  weight: SeriesWeight = 'medium',
): ChartSeries[] {
  return sides.flatMap((side) => {
    const points = side.points.flatMap((p) => {
      const y = value(p)
      return y === undefined ? [] : [[p.second, y] as const]
    })
    // A series only when the run recorded it (p50 and p99 per second are absent from older results).
    return points.length === 0 ? [] : [{ name: `${label} ${side.word}`, role: side.role, points, weight }]
  })
}

/** p50, p95 and p99 per second of each side, ms; the order keeps each side's lines together in the legend. */
function latencySeries(sides: readonly Side[]): ChartSeries[] {
  const ms = (us: number | undefined): number | undefined => (us === undefined ? undefined : us / 1000)
  return sides.flatMap((side) => [
    ...seriesOf([side], 'p50', (p) => ms(p.p50Us), 'thin'),
    ...seriesOf([side], 'p95', (p) => ms(p.p95Us), 'medium'),
    ...seriesOf([side], 'p99', (p) => ms(p.p99Us), 'thick'),
  ])
}

/** The warm-up shaded, the round starts as thin lines, the seconds with errors as triangles on the x axis. */
function furniture(candidate: RunResult, sides: readonly Side[]): Pick<LineChartSpec, 'bands' | 'verticals' | 'marks'> {
  const warmupS = candidate.warmupMs / 1000
  return {
    bands: warmupS > 0 ? [{ from: 0, to: warmupS, label: `warm-up, ${formatMsNumber(warmupS)} s (excluded)` }] : [],
    verticals: candidate.rounds.map((round) => ({
      at: (candidate.warmupMs + round.startMs) / 1000,
      label: `round ${round.index + 1} of this PR starts`,
    })),
    marks: sides.flatMap((side) =>
      side.points
        .filter((p) => p.errors > 0)
        .map((p) => ({ at: p.second, label: `${side.word}, second ${p.second}: ${p.errors} errors` })),
    ),
  }
}

const bySecond = (timeline: readonly TimelinePoint[]): Map<number, TimelinePoint> =>
  new Map(timeline.map((point) => [point.second, point]))

/** "p50 / p95 / p99" of one second in ms (a missing percentile as `–`). */
function percentilesCell(point: TimelinePoint | undefined): string {
  if (point === undefined) return '–'
  const at = (us: number | undefined): string => ms(us === undefined ? null : us / 1000)
  return `${at(point.p50Us)} / ${at(point.p95Us)} / ${at(point.p99Us)}`
}

/** One row per second (or window) of either side; `withRequests` adds the request counts (the pooled table). */
function timelineTable(sides: readonly Side[], caption: string, withRequests: boolean): Html {
  const candidateSeconds = bySecond(sides.find((s) => s.role === 'candidate')?.points ?? [])
  const baselineSeconds = bySecond(sides.find((s) => s.role === 'baseline')?.points ?? [])
  const seconds = [...new Set([...candidateSeconds.keys(), ...baselineSeconds.keys()])].sort((a, b) => a - b)
  const rows = seconds.map((second) => {
    const pr = candidateSeconds.get(second)
    const base = baselineSeconds.get(second)
    return [
      String(second),
      percentilesCell(base),
      percentilesCell(pr),
      ...(withRequests ? [base?.requests ?? '–', pr?.requests ?? '–'] : []),
      base?.errors ?? '–',
      pr?.errors ?? '–',
    ]
  })
  const header = ['Second', 'p50 / p95 / p99 baseline', 'p50 / p95 / p99 this PR']
  const counts = withRequests ? ['Requests baseline', 'Requests this PR'] : []
  return dataTable(caption, [...header, ...counts, 'Errors baseline', 'Errors this PR'], rows)
}

/**
 * Latency per second of this PR and the baseline on the same axes, with the warm-up shaded, the round starts and the
 * seconds with errors marked; then the requests per second against the intended rate. One table under both.
 * null when neither run has a timeline (imported results).
 */
export function timelineFigures(runs: TimelineRuns, ids: IdSource): Html | null {
  const { candidate, baseline } = runs
  if (candidate.timeline.length === 0 && (baseline?.timeline.length ?? 0) === 0) return null
  const widthS = windowWidthS(
    spanOf(runs, (run) => run.timeline),
    RUN_TIMELINE_POINTS,
  )
  const sides = sidesOf(runs, (run) => windowTimeline(run.timeline, widthS).points)
  const marks = furniture(candidate, sides)
  const intended = candidate.health.intendedRatePerSecond
  const per = perText(widthS)
  const latencyChart = lineChart({
    kind: 'timeline',
    id: ids.next(),
    title: `Latency ${per} (p50, p95, p99; every endpoint together)`,
    description: `p50, p95 and p99 latency ${per} of the run, baseline and this PR; the table below has the numbers.`,
    ...LATENCY_OVER_TIME_AXES,
    series: latencySeries(sides),
    ...marks,
  })
  const throughputChart = lineChart({
    kind: 'throughput',
    id: ids.next(),
    title: 'Requests per second, achieved and intended',
    description: `Requests completed per second (${widthS === 1 ? 'each second' : `mean of each ${widthS} s`}), baseline and this PR, against the intended rate.`,
    xLabel: 'seconds since the run started',
    yLabel: 'requests/s',
    xScale: 'linear',
    series: seriesOf(sides, 'requests/s', (p) => p.requests / widthS),
    bands: marks.bands ?? [],
    horizontals: intended === null ? [] : [{ at: intended, label: `intended ${formatMsNumber(intended)} req/s` }],
  })
  const caption = widthS === 1 ? 'Per second' : `Per ${widthS} s (latency: the worst second of each)`
  const table = timelineTable(sides, `${caption}: latency (ms), requests and errors`, true)
  return figure([latencyChart, throughputChart], `Latency and achieved rate ${per}, whole run`, table)
}

/** The axes of both latency-over-time charts (the whole run's and each endpoint's), drawn with the same marks. */
const LATENCY_OVER_TIME_AXES = {
  xLabel: 'seconds since the run started (shaded: warm-up; lines: round starts; triangles: errors)',
  yLabel: 'latency ms',
  xScale: 'linear',
} as const

/**
 * Points per side of an endpoint's timeline chart at most (longer runs are drawn in windows of seconds): 60 for up
 * to 10 endpoints, fewer with more (12 for 50), so the whole report stays under 1 MB at any run length.
 */
export const endpointTimelinePoints = (endpointCount: number): number =>
  Math.max(12, Math.min(60, Math.floor(600 / Math.max(1, endpointCount))))

/** Points per side of the whole run's timeline at most (a 10-minute run: one point per 5 s). */
export const RUN_TIMELINE_POINTS = 120

/** The last second of either run's chosen timeline, plus one: the span the windows cover. */
const spanOf = (runs: TimelineRuns, pick: (run: RunResult) => readonly TimelinePoint[]): number =>
  Math.max(0, ...[runs.candidate, runs.baseline].map((run) => (run === null ? 0 : (pick(run).at(-1)?.second ?? 0)))) + 1

/** "per second", or "per 25 s (the worst second of each)". */
const perText = (widthS: number): string => (widthS === 1 ? 'per second' : `per ${widthS} s (the worst second of each)`)

/**
 * One endpoint's latency over time: p50, p95 and p99 per second of the baseline and this PR on the same axes, the
 * warm-up shaded, the round starts and the seconds with errors marked, its numbers in a table. Long runs are drawn
 * in windows of seconds (each window's worst second). null when neither run recorded this endpoint's own timeline.
 */
export function endpointTimelineFigure(endpoint: string, runs: TimelineRuns, ids: IdSource): Html | null {
  const own = (run: RunResult) => run.endpoints.find((e) => e.name === endpoint)?.timeline ?? []
  const widthS = windowWidthS(spanOf(runs, own), endpointTimelinePoints(runs.candidate.endpoints.length))
  const sides = sidesOf(runs, (run) => windowTimeline(own(run), widthS).points)
  if (sides.every((side) => side.points.length === 0)) return null
  const per = perText(widthS)
  const chart = lineChart({
    kind: 'endpoint-timeline',
    id: ids.next(),
    title: `Latency over time (p50, p95, p99 ${per}): ${endpoint}`,
    description: `p50, p95 and p99 latency of this endpoint ${per}, baseline and this PR; the table below has the numbers.`,
    ...LATENCY_OVER_TIME_AXES,
    series: latencySeries(sides),
    ...furniture(runs.candidate, sides),
  })
  const caption =
    widthS === 1 ? 'Per second: latency (ms) and errors' : `Per ${widthS} s: worst second's latency (ms), errors`
  return figure(chart, `Latency over time ${per}, this endpoint`, timelineTable(sides, caption, false))
}
