// The report's figures: each is a chart (SVG) with the same numbers as a table under it. Pure: runs and verdict in,
// markup out. Every string that is not ours (endpoint names) goes through the escaping builder in element.ts.
import type { EndpointVerdict, MetricComparison } from '../../gate/types.js'
import type { RunResult, TimelinePoint } from '../../results/types.js'
import { formatInterval, formatMsNumber, formatPValue, formatShift, formatValue } from '../format.js'
import { pooledPercentilesMs } from '../latency.js'
import { type Child, fragment, type Html, h } from './element.js'
import { type ChartSeries, lineChart, stripChart } from './svg.js'

/** Hands out unique element ids (`c1`, `c2`, …) within one report. */
export interface IdSource {
  next(): string
}

export function idSource(): IdSource {
  let n = 0
  return { next: () => `c${++n}` }
}

/** Percentiles of the distribution chart, p50 … p99.99, on the percentile (log) axis. */
export const DISTRIBUTION_PERCENTILES = [50, 75, 90, 95, 98, 99, 99.5, 99.9, 99.95, 99.99] as const
const PERCENTILE_TICKS = [50, 90, 99, 99.9, 99.99].map((p) => ({ value: p, label: `p${p}` }))

/** A figure: the chart, a caption, and its numbers in a table (collapsed; readable without JavaScript). */
function figure(charts: Html | readonly Html[], caption: Child, table: Html): Html {
  return h(
    'figure',
    { class: 'chart-figure' },
    (Array.isArray(charts) ? charts : [charts]).map((chart) => h('div', { class: 'chart-box', tabindex: 0 }, chart)),
    h('figcaption', null, caption),
    h('details', { class: 'numbers' }, h('summary', null, 'Numbers of this chart'), table),
  )
}

/** A table: header cells, then rows of cells (first cell a row header; with `numeric`, the rest right-aligned). */
export function dataTable(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly Child[])[],
  numeric = true,
): Html {
  return h(
    'table',
    null,
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        header.map((cell) => h('th', { scope: 'col' }, cell)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          null,
          row.map((cell, i) =>
            i === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: numeric ? 'num' : null }, cell),
          ),
        ),
      ),
    ),
  )
}

const ms = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : formatMsNumber(value)

// ---------------------------------------------------------------------------------------------------------------
// Run level: latency and throughput per second.

interface TimelineRuns {
  readonly candidate: RunResult
  readonly baseline: RunResult | null
}

const bySecond = (timeline: readonly TimelinePoint[]): Map<number, TimelinePoint> =>
  new Map(timeline.map((point) => [point.second, point]))

/**
 * Latency per second (p95 of every endpoint together, the gated latency) of this PR and the baseline on the same
 * axes, with the warm-up shaded, the round starts marked and the seconds with errors marked on the x axis; then the
 * requests per second against the intended rate. One table under both.
 */
export function timelineFigures(runs: TimelineRuns, ids: IdSource): Html | null {
  const { candidate, baseline } = runs
  if (candidate.timeline.length === 0 && (baseline?.timeline.length ?? 0) === 0) return null
  const sides = [
    ...(baseline === null ? [] : [{ run: baseline, role: 'baseline' as const, word: 'baseline' }]),
    { run: candidate, role: 'candidate' as const, word: 'this PR' },
  ]
  const latency: ChartSeries[] = sides.map((side) => ({
    name: `p95 ${side.word}`,
    role: side.role,
    points: side.run.timeline.map((p) => [p.second, p.p95Us / 1000] as const),
  }))
  const throughput: ChartSeries[] = sides.map((side) => ({
    name: `requests/s ${side.word}`,
    role: side.role,
    points: side.run.timeline.map((p) => [p.second, p.requests] as const),
  }))
  const warmupS = candidate.warmupMs / 1000
  const bands = warmupS > 0 ? [{ from: 0, to: warmupS, label: `warm-up, ${formatMsNumber(warmupS)} s (excluded)` }] : []
  const verticals = candidate.rounds.map((round) => ({
    at: (candidate.warmupMs + round.startMs) / 1000,
    label: `round ${round.index + 1} of this PR starts`,
  }))
  const marks = sides.flatMap((side) =>
    side.run.timeline
      .filter((p) => p.errors > 0)
      .map((p) => ({ at: p.second, label: `${side.word}, second ${p.second}: ${p.errors} errors` })),
  )
  const intended = candidate.health.intendedRatePerSecond
  const latencyChart = lineChart({
    kind: 'timeline',
    id: ids.next(),
    title: 'Latency per second (p95, every endpoint)',
    description: 'p95 latency in each second of the run, baseline and this PR; the table below has the numbers.',
    xLabel: 'seconds since the run started (shaded: warm-up; lines: round starts; triangles: errors)',
    yLabel: 'p95 ms',
    xScale: 'linear',
    series: latency,
    bands,
    verticals,
    marks,
  })
  const throughputChart = lineChart({
    kind: 'throughput',
    id: ids.next(),
    title: 'Requests per second, achieved and intended',
    description: 'Requests completed in each second, baseline and this PR, against the intended rate.',
    xLabel: 'seconds since the run started',
    yLabel: 'requests/s',
    xScale: 'linear',
    series: throughput,
    bands,
    horizontals: intended === null ? [] : [{ at: intended, label: `intended ${formatMsNumber(intended)} req/s` }],
  })
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
  const table = dataTable(
    'Per second: p95 latency (ms), requests and errors',
    [
      'Second',
      'p95 baseline',
      'p95 this PR',
      'Requests baseline',
      'Requests this PR',
      'Errors baseline',
      'Errors this PR',
    ],
    rows,
  )
  return figure([latencyChart, throughputChart], 'Latency and achieved rate per second, whole run', table)
}

// ---------------------------------------------------------------------------------------------------------------
// Per endpoint: distribution, rounds, trend.

/** The latency distribution of one endpoint: percentile curve p50 … p99.99 (log axis), baseline vs this PR. */
export function distributionFigure(
  endpoint: string,
  runs: { readonly candidate: RunResult; readonly baseline: RunResult | null },
  ids: IdSource,
): Html | null {
  const percentiles = [...DISTRIBUTION_PERCENTILES]
  const pr = pooledPercentilesMs(runs.candidate, endpoint, percentiles)
  const base = runs.baseline === null ? null : pooledPercentilesMs(runs.baseline, endpoint, percentiles)
  if (pr === null && base === null) return null
  const series: ChartSeries[] = [
    ...(base === null
      ? []
      : [{ name: 'baseline', role: 'baseline' as const, points: percentiles.map((p, i) => [p, base[i]!] as const) }]),
    ...(pr === null
      ? []
      : [{ name: 'this PR', role: 'candidate' as const, points: percentiles.map((p, i) => [p, pr[i]!] as const) }]),
  ]
  const chart = lineChart({
    kind: 'distribution',
    id: ids.next(),
    title: `Latency distribution: ${endpoint}`,
    description: 'Latency at each percentile from p50 to p99.99 (log-scaled percentile axis), all rounds pooled.',
    xLabel: 'percentile (log scale of 1 / (1 − p))',
    yLabel: 'latency ms',
    xScale: 'percentile',
    xTicks: PERCENTILE_TICKS,
    series,
  })
  const rows = percentiles.map((p, i) => {
    const before = base?.[i]
    const after = pr?.[i]
    const change = before === undefined || after === undefined ? '–' : formatShift(after - before, 'ms')
    return [`p${p}`, ms(before), ms(after), change]
  })
  const table = dataTable(
    'Latency by percentile (ms), all rounds pooled',
    ['Percentile', 'Baseline', 'This PR', 'Change'],
    rows,
  )
  return figure(chart, 'Latency distribution, pooled over the measured rounds', table)
}

const UNIT_AXIS = { ms: 'ms', fraction: '%', rps: 'requests/s' } as const
const unitScale = (comparison: MetricComparison): number => (comparison.unit === 'fraction' ? 100 : 1)

/**
 * The round values one gated comparison used: each round's value, baseline and this PR, the shift's confidence
 * interval placed on the baseline median, and the margin (baseline median ± margin) the shift had to clear.
 */
export function roundsFigure(endpoint: string, comparison: MetricComparison, ids: IdSource): Html {
  const k = unitScale(comparison)
  const median = comparison.baselineMedian * k
  const interval = comparison.shiftInterval
  const chart = stripChart({
    kind: 'rounds',
    id: ids.next(),
    title: `Rounds compared (${comparison.metric}): ${endpoint}`,
    description:
      'One marker per round, baseline and this PR; the bar is the shift’s confidence interval placed on the ' +
      'baseline median; dashed lines are the margin around the baseline median.',
    xLabel: `${comparison.metric} per round, ${UNIT_AXIS[comparison.unit]}`,
    rows: [
      { name: 'baseline', role: 'baseline', values: comparison.baselineRounds.map((v) => v * k) },
      { name: 'this PR', role: 'candidate', values: comparison.candidateRounds.map((v) => v * k) },
      {
        name: 'shift CI',
        role: 'history',
        values: [],
        interval:
          interval === null
            ? {
                lower: median + comparison.shift * k,
                upper: median + comparison.shift * k,
                point: median + comparison.shift * k,
              }
            : {
                lower: median + interval.lower * k,
                upper: median + interval.upper * k,
                point: median + comparison.shift * k,
              },
      },
    ],
    lines: [
      { at: median, label: 'baseline median', kind: 'reference' },
      { at: median + comparison.margin * k, label: 'margin', kind: 'limit' },
      { at: median - comparison.margin * k, label: 'margin (improvement side)', kind: 'limit' },
    ],
  })
  const count = Math.max(comparison.baselineRounds.length, comparison.candidateRounds.length)
  const value = (v: number | undefined): string => (v === undefined ? '–' : formatValue(v, comparison.unit))
  const rows = Array.from({ length: count }, (_, i) => [
    `round ${i + 1}`,
    value(comparison.baselineRounds[i]),
    value(comparison.candidateRounds[i]),
  ])
  const table = dataTable(`Round values of ${comparison.metric}`, ['Round', 'Baseline', 'This PR'], rows)
  const caption = fragment(
    `${comparison.metric}: shift ${formatShift(comparison.shift, comparison.unit)}, `,
    `${formatInterval(comparison.shiftInterval, comparison.unit)}, margin ${formatValue(comparison.margin, comparison.unit)}, `,
    `p = ${formatPValue(comparison.pValue)} (Holm ${formatPValue(comparison.pValueAdjusted)}): ${comparison.outcome}`,
  )
  return figure(chart, caption, table)
}

/** An axis label for one run: its short SHA, else its date. */
function runLabel(run: RunResult): string {
  if (run.git.sha !== null && /^[0-9a-f]{7,40}$/i.test(run.git.sha)) return run.git.sha.slice(0, 7)
  return run.startedAt.slice(0, 10)
}

/**
 * The p95 of one endpoint across the base branch's history (oldest first) and the baseline, with this PR as the
 * last point. null without history (one baseline is not a trend).
 */
export function trendFigure(
  endpoint: EndpointVerdict,
  runs: { readonly candidate: RunResult; readonly baseline: RunResult; readonly history: readonly RunResult[] },
  ids: IdSource,
): Html | null {
  if (runs.history.length === 0) return null
  const older = [...runs.history].reverse()
  const alreadyIn = older.some((run) => run === runs.baseline || run.startedAt === runs.baseline.startedAt)
  const branch = [...older, ...(alreadyIn ? [] : [runs.baseline])]
  const points = branch.flatMap((run) => {
    const p95 = pooledPercentilesMs(run, endpoint.endpoint, [95])
    return p95 === null ? [] : [{ label: runLabel(run), p95Ms: p95[0]! }]
  })
  const candidate = pooledPercentilesMs(runs.candidate, endpoint.endpoint, [95])
  if (points.length === 0 || candidate === null) return null
  const chart = lineChart({
    kind: 'trend',
    id: ids.next(),
    title: `p95 trend of the base branch: ${endpoint.endpoint}`,
    description: 'p95 of each stored baseline of the base branch, oldest first, and this PR as the last point.',
    xLabel: 'base-branch runs, oldest first; last: this PR',
    yLabel: 'p95 ms',
    xScale: 'linear',
    xTicks: [...points.map((p, i) => ({ value: i, label: p.label })), { value: points.length, label: 'this PR' }],
    series: [
      { name: 'base branch', role: 'history', points: points.map((p, i) => [i, p.p95Ms] as const) },
      { name: 'this PR', role: 'candidate', points: [[points.length, candidate[0]!]] },
    ],
  })
  const rows = [...points.map((p) => [p.label, ms(p.p95Ms)]), ['this PR', ms(candidate[0])]]
  return figure(chart, 'p95 trend of the base branch', dataTable('p95 per run (ms)', ['Run', 'p95'], rows))
}
