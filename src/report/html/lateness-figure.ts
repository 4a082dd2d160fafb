// The generator's own lateness per round (intended → actual send), baseline and this PR: how much of a latency tail
// is the load generator's rather than the server's. Pure: runs in, markup out.
import type { RunResult } from '../../results/types.js'
import { generatorLateness, type LatenessFigures } from '../generator-lateness.js'
import type { Html } from './element.js'
import { dataTable, figure, type IdSource, ms } from './figure.js'
import { type ChartSeries, lineChart } from './line-chart.js'

/** The run-health table's cell: the summary figures, or why there are none. */
export function latenessCell(run: RunResult): string {
  const found = generatorLateness(run)
  if (found === null) return 'not recorded (closed model, imported or older result)'
  const { p50Ms, p99Ms, maxMs } = found.overall
  return `p50 ${ms(p50Ms)} ms, p99 ${ms(p99Ms)} ms, max ${ms(maxMs)} ms`
}

const cell = (f: LatenessFigures | undefined): string =>
  f === undefined ? '–' : `${ms(f.p50Ms)} / ${ms(f.p99Ms)} / ${ms(f.maxMs)}`

/** p50 and p99 lateness per round of each run that recorded it; null when neither did. */
export function latenessFigure(runs: { candidate: RunResult; baseline: RunResult | null }, ids: IdSource): Html | null {
  const sides = [
    { run: runs.baseline, role: 'baseline' as const, word: 'baseline' },
    { run: runs.candidate, role: 'candidate' as const, word: 'this PR' },
  ].flatMap((side) => {
    const found = side.run === null ? null : generatorLateness(side.run)
    return found === null ? [] : [{ ...side, perRound: found.perRound }]
  })
  if (sides.length === 0) return null
  const series: ChartSeries[] = sides.flatMap((side) => [
    {
      name: `p50 ${side.word}`,
      role: side.role,
      weight: 'thin' as const,
      points: side.perRound.map((f, i) => [i + 1, f.p50Ms] as const),
    },
    { name: `p99 ${side.word}`, role: side.role, points: side.perRound.map((f, i) => [i + 1, f.p99Ms] as const) },
  ])
  const rounds = Math.max(...sides.map((side) => side.perRound.length))
  const chart = lineChart({
    kind: 'lateness',
    id: ids.next(),
    title: "Generator lateness per round (the load generator's own delay, not the server's)",
    description:
      'p50 and p99 of how late the generator sent each request against its schedule, per round, baseline and this PR.',
    xLabel: 'round',
    yLabel: 'lateness ms',
    xScale: 'linear',
    xTicks: Array.from({ length: rounds }, (_, i) => ({ value: i + 1, label: String(i + 1) })),
    series,
  })
  const side = (role: 'baseline' | 'candidate') => sides.find((s) => s.role === role)?.perRound
  const rows = Array.from({ length: rounds }, (_, i) => [
    `round ${i + 1}`,
    cell(side('baseline')?.[i]),
    cell(side('candidate')?.[i]),
  ])
  const table = dataTable('Generator lateness per round (ms): p50 / p99 / max', ['Round', 'Baseline', 'This PR'], rows)
  return figure(chart, 'Generator lateness per round: up to this much of each latency is the generator’s', table)
}
