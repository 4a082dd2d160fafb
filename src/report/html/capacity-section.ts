// The capacity section of the HTML report (`model: capacity`): what the search found, and per endpoint its latency
// against the arrival rate with the SLO line and the knee (the sustained rate), baseline and this PR on the same
// axes; then every step. Pure: ReportInput in, markup out.
import type { CapacityResult, RunResult } from '../../results/types.js'
import { CLIP_FACTOR, chartedObjective, OUTCOME_EMOJI, stepPercentileMs, stepsByRate } from '../capacity.js'
import { truncateText } from '../escape.js'
import { formatMsNumber } from '../format.js'
import type { ReportInput } from '../types.js'
import { type Html, h } from './element.js'
import { dataTable, displayName, figure, type IdSource, ms } from './figure.js'
import { type ChartSeries, lineChart, type Point } from './line-chart.js'
import { reportSection, textTable } from './section-parts.js'

interface CapacitySide {
  readonly run: RunResult
  readonly capacity: CapacityResult
  readonly role: 'baseline' | 'candidate'
  readonly word: string
}

function sidesOf(input: ReportInput): CapacitySide[] {
  const baseline = input.baseline?.result
  return [
    ...(baseline?.capacity === undefined
      ? []
      : [{ run: baseline, capacity: baseline.capacity, role: 'baseline' as const, word: 'baseline' }]),
    ...(input.candidate.capacity === undefined
      ? []
      : [{ run: input.candidate, capacity: input.candidate.capacity, role: 'candidate' as const, word: 'this PR' }]),
  ]
}

/** Each step rate's value of the charted percentile (ms) for one side, by rate. */
function valuesByRate(side: CapacitySide, endpoint: string, percentile: number): Map<number, number | null> {
  return new Map(
    stepsByRate(side.capacity).map((step) => [
      step.ratePerSecond,
      stepPercentileMs(step, endpoint, percentile, side.run.gatedLatency),
    ]),
  )
}

const kneeText = (side: CapacitySide): string =>
  side.capacity.sustainedRatePerSecond === null
    ? `${side.word}: no rate held the SLO`
    : `knee ${side.word}: sustained ${formatMsNumber(side.capacity.sustainedRatePerSecond)} req/s`

/** Latency against rate for one endpoint: a line per side, the SLO as a dashed line, each side's knee as a vertical. */
function capacityFigure(endpoint: string, sides: readonly CapacitySide[], ids: IdSource): Html | null {
  const { percentile, label, sloMs } = chartedObjective(sides[sides.length - 1]!.capacity, endpoint)
  const values = sides.map((side) => valuesByRate(side, endpoint, percentile))
  const measured = values.flatMap((byRate) => [...byRate.values()].filter((v): v is number => v !== null))
  if (measured.length === 0) return null
  // A safety-stopped step can be 10× the SLO; drawn at 3× the SLO (the table has the real value).
  const top = sloMs === null ? Number.POSITIVE_INFINITY : CLIP_FACTOR * sloMs
  const series: ChartSeries[] = sides.flatMap((side, i) => {
    const points = [...values[i]!].flatMap(([rate, v]): Point[] => (v === null ? [] : [[rate, Math.min(v, top)]]))
    return points.length === 0 ? [] : [{ name: `${label} ${side.word}`, role: side.role, points }]
  })
  const chart = lineChart({
    kind: 'capacity',
    id: ids.next(),
    title: `Latency by arrival rate (${label}): ${endpoint}`,
    description: `${label} latency at each step's arrival rate, baseline and this PR; dashed: the SLO; vertical lines: the knee (the highest rate that held the SLO).`,
    xLabel: 'arrival rate, requests/s (vertical lines: the knee of each run)',
    yLabel: `${label} ms`,
    xScale: 'linear',
    series,
    horizontals: sloMs === null ? [] : [{ at: sloMs, label: `SLO ${label} < ${formatMsNumber(sloMs)} ms` }],
    verticals: sides.flatMap((side) =>
      side.capacity.sustainedRatePerSecond === null
        ? []
        : [{ at: side.capacity.sustainedRatePerSecond, label: kneeText(side) }],
    ),
  })
  const rates = [...new Set(values.flatMap((byRate) => [...byRate.keys()]))].sort((a, b) => a - b)
  const cell = (i: number, rate: number) => {
    const byRate = values[sides.findIndex((side) => side.role === (i === 0 ? 'baseline' : 'candidate'))]
    return byRate === undefined ? '–' : ms(byRate.get(rate))
  }
  const rows = rates.map((rate) => [formatMsNumber(rate), cell(0, rate), cell(1, rate)])
  const table = dataTable(`${label} (ms) by arrival rate`, ['Rate (req/s)', 'Baseline', 'This PR'], rows)
  return figure(chart, `Latency by arrival rate: ${sides.map(kneeText).join('; ')}`, table)
}

function stepTable(side: CapacitySide): Html {
  const rows = side.capacity.steps.map((step) => {
    const first = step.endpoints[0]?.name
    const p95 = first === undefined ? null : stepPercentileMs(step, first, 95, side.run.gatedLatency)
    return [
      `${step.index + 1}${step.attempt > 1 ? ' (repeat)' : ''}`,
      formatMsNumber(step.ratePerSecond),
      `${OUTCOME_EMOJI[step.outcome]} ${step.outcome}`,
      ms(p95),
      truncateText(step.reason, 300),
    ]
  })
  return textTable(`Capacity steps, ${side.word}`, ['Step', 'Rate (req/s)', 'Outcome', 'p95 ms', 'Why'], rows)
}

/** The capacity section, or null when this run is not a capacity search. */
export function capacitySection(input: ReportInput, ids: IdSource): Html | null {
  const capacity = input.candidate.capacity
  if (capacity === undefined) return null
  const sides = sidesOf(input)
  const endpoints = [
    ...new Set(sides.flatMap((side) => side.capacity.steps.flatMap((step) => step.endpoints.map((e) => e.name)))),
  ]
  const comparison = input.verdict.capacity?.explanation
  return reportSection(
    'capacity',
    'Capacity',
    h(
      'p',
      { id: 'capacity-finding' },
      `${capacity.reason}. ${capacity.steps.length} steps, ${capacity.totalRequests} requests, `,
      `${formatMsNumber(capacity.totalDurationMs / 1000)} s.`,
    ),
    comparison === undefined ? null : h('p', null, truncateText(comparison, 2000)),
    endpoints.map((endpoint) =>
      h(
        'div',
        { class: 'capacity-endpoint' },
        h('h3', null, displayName(endpoint)),
        capacityFigure(endpoint, sides, ids),
      ),
    ),
    sides.map(stepTable),
  )
}
