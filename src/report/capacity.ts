// The capacity section of the report: the search's steps and, per endpoint, a Mermaid chart of latency against
// arrival rate with the SLO line and the knee (the sustained rate) marked.
import { parseBudget } from '../config/gate-schema.js'
import { formatMs } from '../config/units.js'
import { budgetsFor } from '../gate/budgets.js'
import { gatedHistogram } from '../gate/measurements.js'
import { mergeHistograms } from '../results/histogram.js'
import type { CapacityResult, CapacityStep } from '../results/types.js'
import { escapeMarkdown as md, mermaidLabel, truncateText } from './escape.js'
import { formatMsNumber } from './format.js'
import type { ReportInput } from './types.js'

/** At most this many latency-vs-rate charts (one per endpoint). */
export const MAX_CAPACITY_CHARTS = 8
/** Latencies above this multiple of the SLO line are drawn at it (a safety-stopped step would flatten the chart). */
export const CLIP_FACTOR = 3

const PERCENTILE_METRICS: Readonly<Record<string, number>> = { p50: 50, p90: 90, p95: 95, p99: 99, 'p99.9': 99.9 }

/** The latency objective an endpoint is charted against: its first percentile objective (p95 if none). */
export function chartedObjective(
  capacity: CapacityResult,
  endpoint: string,
): { percentile: number; label: string; sloMs: number | null } {
  const objectives = budgetsFor(
    endpoint,
    Object.fromEntries(
      Object.entries(capacity.slo).map(([key, list]) => [
        key,
        list.flatMap((text) => {
          const parsed = parseBudget(text)
          return typeof parsed === 'string' ? [] : [parsed]
        }),
      ]),
    ),
  )
  const first = objectives.find((b) => b.metric in PERCENTILE_METRICS)
  if (first === undefined) return { percentile: 95, label: 'p95', sloMs: null }
  return { percentile: PERCENTILE_METRICS[first.metric] as number, label: first.metric, sloMs: first.threshold }
}

/** The last step run at each rate (a repeat replaces the first attempt), by rate. */
export function stepsByRate(capacity: CapacityResult): CapacityStep[] {
  const byRate = new Map<number, CapacityStep>()
  for (const step of capacity.steps) byRate.set(step.ratePerSecond, step)
  return [...byRate.values()].sort((a, b) => a.ratePerSecond - b.ratePerSecond)
}

/** One endpoint's percentile (ms) over a step's rounds pooled; null when the step did not measure it. */
export function stepPercentileMs(
  step: CapacityStep,
  endpoint: string,
  percentile: number,
  origin: 'intended' | 'actual',
) {
  const found = step.endpoints.find((e) => e.name === endpoint)
  if (found === undefined) return null
  const pooled = mergeHistograms(found.rounds.map((round) => gatedHistogram(round, origin)))
  return pooled.count === 0 ? null : pooled.percentileUs(percentile) / 1000
}

const axisNumber = (value: number): string => String(Number(formatMsNumber(value)))

/**
 * One xychart-beta per endpoint (at most MAX_CAPACITY_CHARTS): the charted percentile per step rate as a line, the
 * SLO threshold as a second, flat line, and one bar at the knee (the sustained rate). xychart-beta has no legend or
 * annotations, so the title says which is which.
 */
export function capacityCharts(capacity: CapacityResult, origin: 'intended' | 'actual'): string[] {
  const steps = stepsByRate(capacity)
  if (steps.length === 0) return []
  const endpoints = [...new Set(steps.flatMap((step) => step.endpoints.map((e) => e.name)))]
  const blocks: string[] = []
  for (const endpoint of endpoints.slice(0, MAX_CAPACITY_CHARTS)) {
    const { percentile, label, sloMs } = chartedObjective(capacity, endpoint)
    const values = steps.map((step) => stepPercentileMs(step, endpoint, percentile, origin))
    const measured = values.filter((v): v is number => v !== null)
    if (measured.length === 0) continue
    const top =
      sloMs === null ? Math.max(...measured) * 1.1 : Math.min(Math.max(...measured), CLIP_FACTOR * sloMs) * 1.1
    const clipped = values.map((v) => Math.min(v ?? 0, top))
    const knee = capacity.sustainedRatePerSecond
    const kneeText = knee === null ? 'no rate held' : `knee ${knee.toFixed(0)}/s`
    const lines = [
      `title "${mermaidLabel(endpoint)} ${label} ms by rate (line: ${label}${sloMs === null ? '' : ', flat line: SLO'}, bar: ${kneeText})"`,
      `x-axis "req/s" [${steps.map((step) => `"${step.ratePerSecond.toFixed(0)}"`).join(', ')}]`,
      `y-axis "ms" 0 --> ${axisNumber(top)}`,
      `bar [${steps.map((step, i) => (step.ratePerSecond === knee ? axisNumber(clipped[i] as number) : '0')).join(', ')}]`,
      `line [${clipped.map(axisNumber).join(', ')}]`,
      ...(sloMs === null ? [] : [`line [${steps.map(() => axisNumber(sloMs)).join(', ')}]`]),
    ]
    blocks.push(['```mermaid', 'xychart-beta', ...lines.map((line) => `  ${line}`), '```'].join('\n'))
  }
  return blocks
}

export const OUTCOME_EMOJI = { pass: '✅', fail: '❌', undecided: '❔', invalid: '⚠️', stopped: '⏹️' } as const

/** The steps as a Markdown table: rate, outcome, p95 of the first endpoint, why. */
export function capacityStepTable(capacity: CapacityResult, origin: 'intended' | 'actual'): string {
  const rows = capacity.steps.map((step) => {
    const first = step.endpoints[0]?.name
    const p95 = first === undefined ? null : stepPercentileMs(step, first, 95, origin)
    return `| ${step.index + 1}${step.attempt > 1 ? ' (repeat)' : ''} | ${step.ratePerSecond.toFixed(1)} | ${OUTCOME_EMOJI[step.outcome]} ${step.outcome} | ${p95 === null ? '–' : formatMs(p95)} | ${md(truncateText(step.reason, 300))} |`
  })
  return ['| Step | Rate (req/s) | Outcome | p95 | Why |', '| ---: | ---: | --- | ---: | --- |', ...rows].join('\n')
}

/** One line: what the search found, its cost in steps, requests and time. */
export function capacityLine(capacity: CapacityResult): string {
  return (
    `**Capacity:** ${md(capacity.reason)}. ${capacity.steps.length} steps, ${capacity.totalRequests} requests, ` +
    `${(capacity.totalDurationMs / 1000).toFixed(1)} s.`
  )
}

/** The latency-vs-rate charts and the step table of a capacity run (the baseline's charts too, when there is one). */
export function capacityParts(capacity: CapacityResult, input: ReportInput): string[] {
  const charts = capacityCharts(capacity, input.candidate.gatedLatency)
  const before = input.baseline?.result.capacity
  const baselineCharts =
    before === undefined ? [] : capacityCharts(before, input.baseline?.result.gatedLatency ?? 'intended')
  return [
    ...(charts.length > 0 ? [`Latency by arrival rate, this run:\n\n${charts.join('\n\n')}`] : []),
    ...(baselineCharts.length > 0
      ? [
          `<details><summary>Latency by arrival rate, baseline</summary>\n\n${baselineCharts.join('\n\n')}\n\n</details>`,
        ]
      : []),
    `<details><summary>Capacity steps</summary>\n\n${capacityStepTable(capacity, input.candidate.gatedLatency)}\n\n</details>`,
  ]
}
