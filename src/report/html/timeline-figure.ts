// The run-level figure: latency per second (p95 of every endpoint together, the gated latency) and requests per
// second against the intended rate, baseline and this PR on the same axes. Pure: runs in, markup out.
import type { RunResult, TimelinePoint } from '../../results/types.js'
import { formatMsNumber } from '../format.js'
import type { Html } from './element.js'
import { dataTable, figure, type IdSource, ms } from './figure.js'
import { type ChartSeries, type LineChartSpec, lineChart } from './line-chart.js'

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

function seriesOf(sides: readonly Side[], label: string, value: (p: TimelinePoint) => number): ChartSeries[] {
  return sides.map((side) => ({
    name: `${label} ${side.word}`,
    role: side.role,
    points: side.run.timeline.map((p) => [p.second, value(p)] as const),
  }))
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

function timelineTable({ candidate, baseline }: TimelineRuns): Html {
  const candidateSeconds = bySecond(candidate.timeline)
  const baselineSeconds = bySecond(baseline?.timeline ?? [])
  const seconds = [...new Set([...candidateSeconds.keys(), ...baselineSeconds.keys()])].sort((a, b) => a - b)
  const rows = seconds.map((second) => {
    const pr = candidateSeconds.get(second)
    const base = baselineSeconds.get(second)
    return [
      String(second),
      ms(base && base.p95Us / 1000),
      ms(pr && pr.p95Us / 1000),
      base?.requests ?? '–',
      pr?.requests ?? '–',
      base?.errors ?? '–',
      pr?.errors ?? '–',
    ]
  })
  const header = ['Second', 'p95 baseline', 'p95 this PR', 'Requests baseline', 'Requests this PR']
  return dataTable(
    'Per second: p95 latency (ms), requests and errors',
    [...header, 'Errors baseline', 'Errors this PR'],
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
    title: 'Latency per second (p95, every endpoint)',
    description: 'p95 latency in each second of the run, baseline and this PR; the table below has the numbers.',
    xLabel: 'seconds since the run started (shaded: warm-up; lines: round starts; triangles: errors)',
    yLabel: 'p95 ms',
    xScale: 'linear',
    series: seriesOf(sides, 'p95', (p) => p.p95Us / 1000),
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
