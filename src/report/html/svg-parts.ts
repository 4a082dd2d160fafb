// The pieces every SVG chart of the report shares: geometry, scales, round ticks, markers, legend, axes and the
// <svg> frame with its accessible title and description. Pure: numbers in, markup out.
import { type Child, fragment, type Html, h } from './element.js'
import { type MarkerShape, SERIES_STYLES, type SeriesRole } from './palette.js'

export const WIDTH = 640
export const HEIGHT = 260
export const PAD = { left: 58, right: 16, top: 34, bottom: 42 } as const
export const PLOT_W = WIDTH - PAD.left - PAD.right
export const PLOT_H = HEIGHT - PAD.top - PAD.bottom
/** Series with more points than this are drawn as a line only (the dash pattern still tells them apart). */
export const MAX_MARKERS = 40

/** A coordinate in the 640 × 260 viewBox: whole units (a 50-endpoint report has tens of thousands of them). */
export const num = (value: number): string => String(Math.round(value))

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

export type Scale = (value: number) => number

export function linearScale(domainMin: number, domainMax: number, rangeFrom: number, rangeTo: number): Scale {
  const span = domainMax - domainMin || 1
  return (value) => rangeFrom + ((value - domainMin) / span) * (rangeTo - rangeFrom)
}

export function markerPath(shape: MarkerShape, x: number, y: number): string {
  switch (shape) {
    case 'circle':
      return `M${num(x - 3)} ${num(y)}a3 3 0 1 0 6 0a3 3 0 1 0-6 0`
    case 'square':
      return `M${num(x - 3)} ${num(y - 3)}h6v6h-6z`
    case 'diamond':
      return `M${num(x)} ${num(y - 4)}l4 4-4 4-4-4z`
  }
}

/** Line width per series weight: within one role, p50 thin, p95 medium, p99 thick (a cue without colour). */
export const WEIGHT_WIDTH = { thin: 1.25, medium: 2, thick: 3.25 } as const
export type SeriesWeight = keyof typeof WEIGHT_WIDTH
/** The CSS class of each weight (style.ts sets the widths from WEIGHT_WIDTH: one short class per line, not three attributes). */
export const WEIGHT_CLASS = { thin: 'w1', medium: 'w2', thick: 'w3' } as const satisfies Record<SeriesWeight, string>

export interface LegendEntry {
  readonly name: string
  readonly role: SeriesRole | 'limit'
  readonly weight?: SeriesWeight
}

/** The legend above the plot, wrapping to a second row when the first is full. */
export function legend(entries: readonly LegendEntry[]): Html {
  let x = PAD.left
  let y = 10
  const items = entries.map((entry) => {
    const style = entry.role === 'limit' ? { marker: null } : SERIES_STYLES[entry.role as SeriesRole]
    const width = 34 + entry.name.length * 6.2 + 14
    if (x + width > WIDTH - PAD.right && x > PAD.left) {
      x = PAD.left
      y += 13
    }
    const at = x
    x += width
    const weight = entry.weight ?? 'medium'
    // The legend's line and marker take their colour and dash from the role's class, as the series do.
    return h(
      'g',
      { class: `legend-item s-${entry.role}`, transform: `translate(${num(at)} ${y})` },
      h('path', { class: `ln ${WEIGHT_CLASS[weight]}`, d: 'M0 0h26' }),
      style.marker && weight === 'medium' ? h('path', { class: 'markers', d: markerPath(style.marker, 13, 0) }) : null,
      h('text', { x: 32, y: 4 }, entry.name),
    )
  })
  return h('g', { class: 'legend', 'aria-hidden': 'true' }, items)
}

export function frame(
  spec: { id: string; kind: string; title: string; description: string },
  ...children: Child[]
): Html {
  return h(
    'svg',
    {
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

export function axes(
  xTicks: readonly { at: number; label: string }[],
  yTicks: readonly { at: number; label: string }[],
) {
  const bottom = PAD.top + PLOT_H
  return h(
    'g',
    { class: 'axes', 'aria-hidden': 'true' },
    // One path for the frame and every x tick stub, one for every grid line: a few bytes per chart, not per tick.
    h('path', {
      class: 'axis',
      d: `M${PAD.left} ${PAD.top}V${bottom}H${PAD.left + PLOT_W}${xTicks.map((tick) => `M${num(tick.at)} ${bottom}v5`).join('')}`,
    }),
    yTicks.length > 0
      ? h('path', { class: 'grid', d: yTicks.map((tick) => `M${PAD.left} ${num(tick.at)}h${PLOT_W}`).join('') })
      : null,
    yTicks.map((tick) => h('text', { class: 'ty', x: PAD.left - 6, y: num(tick.at + 4) }, tick.label)),
    xTicks.map((tick) => h('text', { class: 'tick', x: num(tick.at), y: bottom + 17 }, tick.label)),
  )
}

export function axisLabels(xLabel: string, yLabel: string): Html {
  return fragment(
    h('text', { class: 'axis-label', x: PAD.left + PLOT_W / 2, y: HEIGHT - 6 }, xLabel),
    h('text', { class: 'axis-label', transform: `translate(14 ${PAD.top + PLOT_H / 2}) rotate(-90)` }, yLabel),
  )
}
