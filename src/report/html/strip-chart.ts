// A strip chart: one row per series along a shared value axis (the rounds the gate compared, and the shift's
// confidence interval), with reference and limit lines. Pure: a chart description in, an <svg> fragment out.
import { type Html, h } from './element.js'
import { SERIES_STYLES, type SeriesRole } from './palette.js'
import {
  axes,
  frame,
  HEIGHT,
  legend,
  linearScale,
  markerPath,
  niceTicks,
  num,
  PAD,
  PLOT_H,
  PLOT_W,
  type Scale,
  tickLabel,
} from './svg-parts.js'

/** One row of a strip chart: values as markers, optionally an interval drawn as a bar with its point estimate. */
export interface StripRow {
  readonly name: string
  readonly role: SeriesRole
  readonly values: readonly number[]
  readonly interval?: { readonly lower: number; readonly upper: number; readonly point: number } | null
}

export interface StripChartSpec {
  readonly kind: string
  readonly id: string
  readonly title: string
  readonly description: string
  readonly xLabel: string
  readonly rows: readonly StripRow[]
  /** Vertical reference lines across every row: `reference` solid grey, `limit` dashed orange. */
  readonly lines: readonly { readonly at: number; readonly label: string; readonly kind: 'reference' | 'limit' }[]
}

/** One row: its label, the values as markers (jittered a little), or the interval with its point estimate. */
function stripRow(row: StripRow, y: number, xs: Scale): Html {
  const style = SERIES_STYLES[row.role]
  const finite = row.values.filter(Number.isFinite)
  const interval =
    row.interval && Number.isFinite(row.interval.lower) && Number.isFinite(row.interval.upper)
      ? h('path', {
          class: 'interval',
          d: `M${num(xs(row.interval.lower))} ${num(y - 6)}v12M${num(xs(row.interval.lower))} ${num(y)}H${num(xs(row.interval.upper))}M${num(xs(row.interval.upper))} ${num(y - 6)}v12`,
        })
      : null
  const points = row.interval ? [row.interval.point] : finite
  return h(
    'g',
    { class: `series s-${row.role}`, 'data-series': row.name, 'data-points': points.filter(Number.isFinite).length },
    h('title', null, row.name),
    h('text', { class: 'row-label', x: PAD.left + 84, y: num(y + 4) }, row.name),
    interval,
    h('path', {
      class: 'markers',
      d: points
        .filter(Number.isFinite)
        .map((v, i) => markerPath(style.marker, xs(v), y + (row.interval ? 0 : ((i % 3) - 1) * 3)))
        .join(''),
    }),
  )
}

/** A strip chart: one row per series along a shared value axis (the rounds the gate compared, and the shift CI). */
export function stripChart(spec: StripChartSpec): Html {
  const values = [
    ...spec.rows.flatMap((row) => [...row.values, ...(row.interval ? [row.interval.lower, row.interval.upper] : [])]),
    ...spec.lines.map((line) => line.at),
  ].filter(Number.isFinite)
  const low = Math.min(...values)
  const high = Math.max(...values)
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.1 || 1
  const ticks = niceTicks(low - pad, high + pad, 6)
  const xs = linearScale(
    Math.min(low - pad, ticks[0]!),
    Math.max(high + pad, ticks[ticks.length - 1]!),
    PAD.left + 90,
    PAD.left + PLOT_W,
  )
  const rowHeight = PLOT_H / Math.max(1, spec.rows.length)
  const rowY = (index: number): number => PAD.top + rowHeight * (index + 0.5)
  const bottom = PAD.top + PLOT_H
  const rows = spec.rows.map((row, index) => stripRow(row, rowY(index), xs))
  const lines = spec.lines
    .filter((line) => Number.isFinite(line.at))
    .map((line) =>
      h(
        'path',
        { class: line.kind === 'limit' ? 'limit' : 'reference', d: `M${num(xs(line.at))} ${PAD.top}V${bottom}` },
        h('title', null, line.label),
      ),
    )
  const legendEntries = spec.lines
    .filter((l) => l.kind === 'limit')
    .map((l) => ({ name: l.label, role: 'limit' as const }))
  return frame(
    spec,
    axes(
      ticks.map((t) => ({ at: xs(t), label: tickLabel(t) })),
      [],
    ),
    lines,
    rows,
    legend(legendEntries),
    h('text', { class: 'axis-label', x: PAD.left + PLOT_W / 2, y: HEIGHT - 6 }, spec.xLabel),
  )
}
