// The run-level figure: latency per second (p95 of every endpoint together, the gated latency) and requests per
// second against the intended rate, baseline and this PR on the same axes. Pure: runs in, markup out.
import type { RunResult, TimelinePoint } from '../../results/types.js'
import { formatMsNumber } from '../format.js'
import type { Html } from './element.js'
import { dataTable, figure, type IdSource, ms } from './figure.js'
import { type ChartSeries, type LineChartSpec, lineChart } from './line-chart.js'
import type { SeriesWeight } from './svg-parts.js'

export interface TimelineRuns {
  readonly candidate: RunResult
  readonly baseline: RunResult | null
}

interface Side {
  readonly run: RunResult
  readonly role: 'baseline' | 'candidate'
  readonly word: string
}

function sidesOf({ candidate, baseline }: TimelineRuns): Side[] {
  return [
    ...(baseline === null ? [] : [{ run: baseline, role: 'baseline' as const, word: 'baseline' }]),
    { run: candidate, role: 'candidate' as const, word: 'this PR' },
  ]
}

function seriesOf(
  sides: readonly Side[],
  label: string,
  value: (p: TimelinePoint) => number | undefined,
  weight: SeriesWeight = 'medium',
): ChartSeries[] {
  return sides.flatMap((side) => {
    const points = side.run.timeline.flatMap((p) => {
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
      side.run.timeline
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

function timelineTable({ candidate, baseline }: TimelineRuns): Html {
  const candidateSeconds = bySecond(candidate.timeline)
  const baselineSeconds = bySecond(baseline?.timeline ?? [])
  const seconds = [...new Set([...candidateSeconds.keys(), ...baselineSeconds.keys()])].sort((a, b) => a - b)
  const rows = seconds.map((second) => {
    const pr = candidateSeconds.get(second)
    const base = baselineSeconds.get(second)
    return [
      String(second),
      percentilesCell(base),
      percentilesCell(pr),
      base?.requests ?? '–',
      pr?.requests ?? '–',
      base?.errors ?? '–',
      pr?.errors ?? '–',
    ]
  })
  const header = ['Second', 'p50 / p95 / p99 baseline', 'p50 / p95 / p99 this PR', 'Requests baseline']
  return dataTable(
    'Per second: latency (ms), requests and errors',
    [...header, 'Requests this PR', 'Errors baseline', 'Errors this PR'],
    rows,
  )
}

/**
 * Latency per second of this PR and the baseline on the same axes, with the warm-up shaded, the round starts and the
 * seconds with errors marked; then the requests per second against the intended rate. One table under both.
 * null when neither run has a timeline (imported results).
 */
export function timelineFigures(runs: TimelineRuns, ids: IdSource): Html | null {
  const { candidate, baseline } = runs
  if (candidate.timeline.length === 0 && (baseline?.timeline.length ?? 0) === 0) return null
  const sides = sidesOf(runs)
  const marks = furniture(candidate, sides)
  const intended = candidate.health.intendedRatePerSecond
  const latencyChart = lineChart({
    kind: 'timeline',
    id: ids.next(),
    title: 'Latency per second (p50, p95, p99; every endpoint together)',
    description:
      'p50, p95 and p99 latency in each second of the run, baseline and this PR; the table below has the numbers.',
    xLabel: 'seconds since the run started (shaded: warm-up; lines: round starts; triangles: errors)',
    yLabel: 'latency ms',
    xScale: 'linear',
    series: latencySeries(sides),
    ...marks,
  })
  const throughputChart = lineChart({
    kind: 'throughput',
    id: ids.next(),
    title: 'Requests per second, achieved and intended',
    description: 'Requests completed in each second, baseline and this PR, against the intended rate.',
    xLabel: 'seconds since the run started',
    yLabel: 'requests/s',
    xScale: 'linear',
    series: seriesOf(sides, 'requests/s', (p) => p.requests),
    bands: marks.bands ?? [],
    horizontals: intended === null ? [] : [{ at: intended, label: `intended ${formatMsNumber(intended)} req/s` }],
  })
  return figure([latencyChart, throughputChart], 'Latency and achieved rate per second, whole run', timelineTable(runs))
}
