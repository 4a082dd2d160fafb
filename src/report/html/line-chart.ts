// A line chart (linear or percentile x axis) with shaded bands, vertical and horizontal marks and error marks.
// Pure: a chart description in, an <svg> fragment out. No script, so it renders without JavaScript and offline.
import { type Html, h } from './element.js'
import { SERIES_STYLES, type SeriesRole } from './palette.js'
import {
  axes,
  axisLabels,
  frame,
  legend,
  linearScale,
  MAX_MARKERS,
  markerPath,
  niceTicks,
  num,
  PAD,
  PLOT_H,
  PLOT_W,
  percentilePosition,
  type Scale,
  type SeriesWeight,
  tickLabel,
  WEIGHT_CLASS,
} from './svg-parts.js'

export type Point = readonly [x: number, y: number]

export interface ChartSeries {
  /** Legend text (our own words; escaped anyway). */
  readonly name: string
  readonly role: SeriesRole
  readonly points: readonly Point[]
  /** Line width within the role (p50 thin, p95 medium, p99 thick); medium by default. */
  readonly weight?: SeriesWeight
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

function seriesGroup(series: ChartSeries, xs: Scale, ys: Scale): Html {
  const style = SERIES_STYLES[series.role]
  const weight = series.weight ?? 'medium'
  const finite = series.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
  const line =
    finite.length > 1
      ? h('path', {
          class: `ln ${WEIGHT_CLASS[weight]}`,
          d: finite.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(xs(x))} ${num(ys(y))}`).join(''),
        })
      : null
  // Markers on the medium line only (or a lone point): six marked lines in one chart would hide each other.
  const markers =
    finite.length <= MAX_MARKERS && (weight === 'medium' || finite.length === 1)
      ? h('path', {
          class: 'markers',
          d: finite.map(([x, y]) => markerPath(style.marker, xs(x), ys(y))).join(''),
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
  // All verticals (round starts) in one path, their labels in its one title.
  const verticalList = spec.verticals ?? []
  const verticals =
    verticalList.length === 0
      ? null
      : h(
          'path',
          { class: 'vertical', d: verticalList.map((line) => `M${num(xs(line.at))} ${PAD.top}V${bottom}`).join('') },
          h('title', null, verticalList.map((line) => line.label).join('; ')),
        )
  const horizontals = (spec.horizontals ?? []).map((line) =>
    h('path', { class: 'limit', d: `M${PAD.left} ${num(ys(line.at))}h${PLOT_W}` }, h('title', null, line.label)),
  )
  const marks = (spec.marks ?? []).map((mark) =>
    h('path', { class: 'error-mark', d: `M${num(xs(mark.at))} ${bottom - 1}l-4 -7h8z` }, h('title', null, mark.label)),
  )
  const legendEntries = [
    ...spec.series.map((s) => ({ name: s.name, role: s.role, ...(s.weight ? { weight: s.weight } : {}) })),
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
