// The per-endpoint figures: the latency distribution (percentile curve), the rounds the gate compared with the
// margin and the shift's confidence interval, and the base branch's p95 trend. Pure: runs and verdict in, markup out.
import type { EndpointVerdict, MetricComparison } from '../../gate/types.js'
import type { RunResult } from '../../results/types.js'
import { formatInterval, formatPValue, formatShift, formatValue } from '../format.js'
import { pooledPercentilesMs } from '../latency.js'
import { fragment, type Html } from './element.js'
import { dataTable, figure, type IdSource, ms } from './figure.js'
import { type ChartSeries, lineChart } from './line-chart.js'
import { stripChart } from './strip-chart.js'

/** Percentiles of the distribution chart, p50 … p99.99, on the percentile (log) axis. */
export const DISTRIBUTION_PERCENTILES = [50, 75, 90, 95, 98, 99, 99.5, 99.9, 99.95, 99.99] as const
const PERCENTILE_TICKS = [50, 90, 99, 99.9, 99.99].map((p) => ({ value: p, label: `p${p}` }))

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
    description: 'A marker per round; bar: the shift’s confidence interval on the baseline median; dashed: the margin.',
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
