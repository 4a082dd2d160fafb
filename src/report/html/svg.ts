// Hand-drawn SVG charts: a line chart (linear or percentile x axis) and a strip chart of round values. Pure: a
// chart description in, an <svg> fragment out. No script, so the charts render without JavaScript and offline.
import { type Child, fragment, type Html, h } from './element.js'
import { MARK_COLOURS, type MarkerShape, SERIES_STYLES, type SeriesRole } from './palette.js'

export type Point = readonly [x: number, y: number]

export interface ChartSeries {
  /** Legend text (our own words; escaped anyway). */
  readonly name: string
  readonly role: SeriesRole
  readonly points: readonly Point[]
}

export interface AxisTick {
  readonly value: number
  readonly label: string
}

/** `linear`, or `percentile`: x is a percentile (50 … 99.99) drawn on log10(100 / (100 − x)), as HdrHistogram plots. */
export type XScale = 'linear' | 'percentile'

export interface LineChartSpec {
  /** What the chart shows (`timeline`, `distribution`, …): the `data-chart` attribute. */
  readonly kind: string
  /** A unique, markup-free id prefix (`c3`). */
  readonly id: string
  readonly title: string
  /** One sentence for screen readers: what is drawn and where the numbers are. */
  readonly description: string
  readonly xLabel: string
  readonly yLabel: string
  readonly xScale: XScale
  readonly xTicks?: readonly AxisTick[]
  readonly series: readonly ChartSeries[]
  /** Shaded x ranges, e.g. the warm-up. */
  readonly bands?: readonly { readonly from: number; readonly to: number; readonly label: string }[]
  /** Thin vertical lines, e.g. round starts. */
  readonly verticals?: readonly { readonly at: number; readonly label: string }[]
  /** Dashed horizontal lines, e.g. the intended rate or an SLO. */
  readonly horizontals?: readonly { readonly at: number; readonly label: string }[]
  /** Triangles on the x axis, e.g. seconds with errors. */
  readonly marks?: readonly { readonly at: number; readonly label: string }[]
}

const WIDTH = 640
const HEIGHT = 260
const PAD = { left: 58, right: 16, top: 34, bottom: 42 } as const
const PLOT_W = WIDTH - PAD.left - PAD.right
const PLOT_H = HEIGHT - PAD.top - PAD.bottom
/** Series with more points than this are drawn as a line only (the dash pattern still tells them apart). */
const MAX_MARKERS = 40

const num = (value: number): string => String(Math.round(value * 10) / 10)

/** Round tick values covering [min, max]: steps of 1, 2 or 5 × 10^k, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min]
  const rough = (max - min) / count
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude
  const ticks: number[] = []
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)))
  return ticks
}

/** log10(100 / (100 − p)): 50 → 0.30, 90 → 1, 99 → 2, 99.9 → 3, 99.99 → 4. */
export const percentilePosition = (percentile: number): number => Math.log10(100 / Math.max(1e-9, 100 - percentile))

export function tickLabel(value: number): string {
  if (value === 0) return '0'
  const abs = Math.abs(value)
  if (abs >= 10_000) return `${num(value / 1000)}k`
  if (abs >= 100) return String(Math.round(value))
  if (abs >= 1) return String(Number(value.toPrecision(3)))
  return String(Number(value.toPrecision(2)))
}

type Scale = (value: number) => number

function linearScale(domainMin: number, domainMax: number, rangeFrom: number, rangeTo: number): Scale {
  const span = domainMax - domainMin || 1
  return (value) => rangeFrom + ((value - domainMin) / span) * (rangeTo - rangeFrom)
}

function markerPath(shape: MarkerShape, x: number, y: number): string {
  switch (shape) {
    case 'circle':
      return `M${num(x - 3)} ${num(y)}a3 3 0 1 0 6 0a3 3 0 1 0-6 0`
    case 'square':
      return `M${num(x - 3)} ${num(y - 3)}h6v6h-6z`
    case 'diamond':
      return `M${num(x)} ${num(y - 4)}l4 4-4 4-4-4z`
  }
}

function seriesGroup(series: ChartSeries, xs: Scale, ys: Scale): Html {
  const style = SERIES_STYLES[series.role]
  const finite = series.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
  const line =
    finite.length > 1
      ? h('path', {
          d: finite.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(xs(x))} ${num(ys(y))}`).join(''),
          fill: 'none',
          stroke: style.colour,
          'stroke-width': 2,
          'stroke-dasharray': style.dash,
        })
      : null
  const markers =
    finite.length <= MAX_MARKERS
      ? h('path', {
          class: 'markers',
          d: finite.map(([x, y]) => markerPath(style.marker, xs(x), ys(y))).join(''),
          fill: style.colour,
        })
      : null
  return h(
    'g',
    { class: `series s-${series.role}`, 'data-series': series.name, 'data-points': finite.length },
    h('title', null, `${series.name}: ${finite.length} points`),
    line,
    markers,
  )
}

function legend(entries: readonly { name: string; role: SeriesRole | 'limit' }[]): Html {
  let x = PAD.left
  const items = entries.map((entry) => {
    const style =
      entry.role === 'limit'
        ? { colour: MARK_COLOURS.limit, dash: '4 3', marker: null }
        : SERIES_STYLES[entry.role as SeriesRole]
    const at = x
    x += 34 + entry.name.length * 6.2 + 14
    return h(
      'g',
      { class: 'legend-item', transform: `translate(${num(at)} 14)` },
      h('path', { d: 'M0 0h26', stroke: style.colour, 'stroke-width': 2, 'stroke-dasharray': style.dash }),
      style.marker ? h('path', { d: markerPath(style.marker, 13, 0), fill: style.colour }) : null,
      h('text', { x: 32, y: 4 }, entry.name),
    )
  })
  return h('g', { class: 'legend', 'aria-hidden': 'true' }, items)
}

function frame(spec: { id: string; kind: string; title: string; description: string }, ...children: Child[]): Html {
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      class: 'chart',
      role: 'img',
      'aria-labelledby': `${spec.id}-t ${spec.id}-d`,
      'data-chart': spec.kind,
      id: spec.id,
    },
    h('title', { id: `${spec.id}-t` }, spec.title),
    h('desc', { id: `${spec.id}-d` }, spec.description),
    ...children,
  )
}

function axes(xTicks: readonly { at: number; label: string }[], yTicks: readonly { at: number; label: string }[]) {
  const bottom = PAD.top + PLOT_H
  return h(
    'g',
    { class: 'axes', 'aria-hidden': 'true' },
    h('path', { class: 'axis', d: `M${PAD.left} ${PAD.top}V${bottom}H${PAD.left + PLOT_W}` }),
    yTicks.map((tick) =>
      fragment(
        h('path', { class: 'grid', d: `M${PAD.left} ${num(tick.at)}h${PLOT_W}` }),
        h('text', { class: 'tick', x: PAD.left - 6, y: num(tick.at + 4), 'text-anchor': 'end' }, tick.label),
      ),
    ),
    xTicks.map((tick) =>
      fragment(
        h('path', { class: 'axis', d: `M${num(tick.at)} ${bottom}v5` }),
        h('text', { class: 'tick', x: num(tick.at), y: bottom + 17, 'text-anchor': 'middle' }, tick.label),
      ),
    ),
  )
}

function axisLabels(xLabel: string, yLabel: string): Html {
  return fragment(
    h('text', { class: 'axis-label', x: PAD.left + PLOT_W / 2, y: HEIGHT - 6, 'text-anchor': 'middle' }, xLabel),
    h(
      'text',
      { class: 'axis-label', transform: `translate(14 ${PAD.top + PLOT_H / 2}) rotate(-90)`, 'text-anchor': 'middle' },
      yLabel,
    ),
  )
}

/** A line chart: axes with round ticks, a legend, one `<g class="series">` per series, plus bands and marks. */
export function lineChart(spec: LineChartSpec): Html {
  const position = spec.xScale === 'percentile' ? percentilePosition : (x: number) => x
  const all = spec.series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
  const xValues = [...all.map(([x]) => x), ...(spec.bands ?? []).flatMap((b) => [b.from, b.to])]
  const yValues = [...all.map(([, y]) => y), ...(spec.horizontals ?? []).map((line) => line.at)]
  const xMin = position(Math.min(...xValues, spec.xScale === 'percentile' ? 50 : 0))
  const xMax = position(Math.max(...xValues, spec.xScale === 'percentile' ? 99.99 : 1))
  const yTop = Math.max(...yValues, 0) * 1.08 || 1
  const yTickValues = niceTicks(0, yTop)
  const yMax = Math.max(yTop, yTickValues[yTickValues.length - 1] ?? yTop)
  const xs: Scale = (x) => linearScale(xMin, xMax, PAD.left, PAD.left + PLOT_W)(position(x))
  const ys = linearScale(0, yMax, PAD.top + PLOT_H, PAD.top)
  const xTicks = (
    spec.xTicks ??
    niceTicks(Math.min(...xValues, 0), Math.max(...xValues, 1), 8).map((v) => ({ value: v, label: tickLabel(v) }))
  ).map((tick) => ({ at: xs(tick.value), label: tick.label }))
  const yTicks = yTickValues.map((v) => ({ at: ys(v), label: tickLabel(v) }))
  const bottom = PAD.top + PLOT_H
  const bands = (spec.bands ?? []).map((band) =>
    h(
      'rect',
      { class: 'band', x: num(xs(band.from)), y: PAD.top, width: num(xs(band.to) - xs(band.from)), height: PLOT_H },
      h('title', null, band.label),
    ),
  )
  const verticals = (spec.verticals ?? []).map((line) =>
    h('path', { class: 'vertical', d: `M${num(xs(line.at))} ${PAD.top}V${bottom}` }, h('title', null, line.label)),
  )
  const horizontals = (spec.horizontals ?? []).map((line) =>
    h('path', { class: 'limit', d: `M${PAD.left} ${num(ys(line.at))}h${PLOT_W}` }, h('title', null, line.label)),
  )
  const marks = (spec.marks ?? []).map((mark) =>
    h('path', { class: 'error-mark', d: `M${num(xs(mark.at))} ${bottom - 1}l-4 -7h8z` }, h('title', null, mark.label)),
  )
  const legendEntries = [
    ...spec.series.map((s) => ({ name: s.name, role: s.role })),
    ...(spec.horizontals ?? []).map((line) => ({ name: line.label, role: 'limit' as const })),
  ]
  return frame(
    spec,
    bands,
    axes(xTicks, yTicks),
    verticals,
    horizontals,
    spec.series.map((series) => seriesGroup(series, xs, ys)),
    marks,
    legend(legendEntries),
    axisLabels(spec.xLabel, spec.yLabel),
  )
}

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
  const rows = spec.rows.map((row, index) => {
    const style = SERIES_STYLES[row.role]
    const y = rowY(index)
    const finite = row.values.filter(Number.isFinite)
    const interval =
      row.interval && Number.isFinite(row.interval.lower) && Number.isFinite(row.interval.upper)
        ? h('path', {
            class: 'interval',
            d: `M${num(xs(row.interval.lower))} ${num(y - 6)}v12M${num(xs(row.interval.lower))} ${num(y)}H${num(xs(row.interval.upper))}M${num(xs(row.interval.upper))} ${num(y - 6)}v12`,
            stroke: style.colour,
            'stroke-width': 2,
            fill: 'none',
          })
        : null
    const points = row.interval ? [row.interval.point] : finite
    return h(
      'g',
      { class: `series s-${row.role}`, 'data-series': row.name, 'data-points': points.filter(Number.isFinite).length },
      h('title', null, row.name),
      h('text', { class: 'row-label', x: PAD.left + 84, y: num(y + 4), 'text-anchor': 'end' }, row.name),
      interval,
      h('path', {
        class: 'markers',
        d: points
          .filter(Number.isFinite)
          .map((v, i) => markerPath(style.marker, xs(v), y + (row.interval ? 0 : ((i % 3) - 1) * 3)))
          .join(''),
        fill: style.colour,
        'fill-opacity': 0.8,
      }),
    )
  })
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
    h('text', { class: 'axis-label', x: PAD.left + PLOT_W / 2, y: HEIGHT - 6, 'text-anchor': 'middle' }, spec.xLabel),
  )
}
