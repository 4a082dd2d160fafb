// The run-health and per-endpoint sections: health table with the per-second timeline, then per endpoint its
// facts, distribution, rounds compared and trend. Pure: ReportInput in, markup out.
import type { EndpointVerdict } from '../../gate/types.js'
import type { RunResult } from '../../results/types.js'
import { formatBudgetActual } from '../details.js'
import { formatMsNumber } from '../format.js'
import { ENDPOINT_LABELS, gatedComparisons } from '../outcome.js'
import type { ReportInput } from '../types.js'
import { type Child, type Html, h } from './element.js'
import { distributionFigure, roundsFigure, trendFigure } from './endpoint-figures.js'
import { displayName, endpointId, type IdSource } from './figure.js'
import { latenessCell, latenessFigure } from './lateness-figure.js'
import { reportSection, sideBySideRows, textTable } from './section-parts.js'
import { reasons } from './summary-section.js'
import { endpointTimelineFigure, timelineFigures } from './timeline-figure.js'

function rateText(run: RunResult): string {
  const { health } = run
  return health.intendedRatePerSecond === null
    ? `${health.achievedRatePerSecond.toFixed(1)} req/s achieved (closed model)`
    : `${health.achievedRatePerSecond.toFixed(1)} of ${health.intendedRatePerSecond.toFixed(1)} req/s intended`
}

const HEALTH_ROWS = [
  { label: 'Model, gated latency', value: (r: RunResult) => `${r.model}, ${r.gatedLatency}` },
  { label: 'Rounds', value: (r: RunResult) => String(r.rounds.length) },
  {
    label: 'Measured, warm-up',
    value: (r: RunResult) => `${formatMsNumber(r.durationMs / 1000)} s after ${formatMsNumber(r.warmupMs / 1000)} s`,
  },
  { label: 'Rate (achieved of intended)', value: rateText },
  { label: 'Generator lateness (intended → actual send)', value: latenessCell },
  {
    label: 'Worst event-loop lag (generator)',
    value: (r: RunResult) => `${formatMsNumber(r.health.maxEventLoopLagMs)} ms`,
  },
  {
    label: 'Completion',
    value: (r: RunResult) => (r.completion.status === 'complete' ? 'complete' : `partial: ${r.completion.reason}`),
  },
  {
    label: 'Valid evidence',
    value: (r: RunResult) =>
      r.health.invalidReasons.length === 0 ? 'yes' : `no: ${r.health.invalidReasons.join('; ')}`,
  },
] as const

export function runSection(input: ReportInput, ids: IdSource): Html {
  const baseline = input.baseline?.result ?? null
  const rows = sideBySideRows(HEALTH_ROWS, baseline, input.candidate)
  const timeline = timelineFigures({ candidate: input.candidate, baseline }, ids)
  return reportSection(
    'run',
    'Run health and timeline',
    textTable('Run health: did the generator keep up?', ['', 'Baseline', 'This PR'], rows),
    timeline ?? h('p', null, 'No per-second timeline in these results (imported or empty runs have none).'),
    latenessFigure({ candidate: input.candidate, baseline }, ids),
  )
}

function countsText(run: RunResult | undefined, endpoint: string, pick: 'statusCounts' | 'errors'): string {
  const found = run?.endpoints.find((e) => e.name === endpoint)
  if (found === undefined) return '–'
  const total = new Map<string, number>()
  for (const round of found.rounds) {
    for (const [key, count] of Object.entries(round[pick])) total.set(key, (total.get(key) ?? 0) + (count ?? 0))
  }
  const parts = [...total].filter(([, count]) => count > 0).map(([key, count]) => `${key} × ${count}`)
  return parts.length > 0 ? parts.join(', ') : 'none'
}

export function endpointSection(input: ReportInput, endpoint: EndpointVerdict, index: number, ids: IdSource): Html {
  const label = ENDPOINT_LABELS[endpoint.outcome.kind]
  const baseline = input.baseline?.result ?? null
  const runs = { candidate: input.candidate, baseline }
  const why = reasons(endpoint)
  const figures: Child[] = [
    endpointTimelineFigure(endpoint.endpoint, runs, ids),
    distributionFigure(endpoint.endpoint, runs, ids),
  ]
  for (const comparison of gatedComparisons(endpoint)) figures.push(roundsFigure(endpoint.endpoint, comparison, ids))
  if (input.baseline !== null) {
    figures.push(
      trendFigure(endpoint, { ...runs, baseline: input.baseline.result, history: input.baseline.history }, ids),
    )
  }
  const facts = [
    ['Requests measured', String(endpoint.candidate.requests)],
    ['Responses (this PR)', countsText(input.candidate, endpoint.endpoint, 'statusCounts')],
    ['Errors (this PR)', countsText(input.candidate, endpoint.endpoint, 'errors')],
    ['Errors (baseline)', baseline === null ? '–' : countsText(baseline, endpoint.endpoint, 'errors')],
    ...endpoint.budgets.map((check) => [
      `Budget ${check.budget.expression}`,
      `${check.passed ? '✅' : '❌'} ${formatBudgetActual(check)}`,
    ]),
  ]
  return h(
    'section',
    {
      id: endpointId(index),
      class: 'endpoint',
      'data-outcome': endpoint.outcome.kind,
      'aria-labelledby': `${endpointId(index)}-h`,
    },
    h(
      'h3',
      { id: `${endpointId(index)}-h` },
      `${label.emoji} `,
      h('span', { class: 'name' }, displayName(endpoint.endpoint)),
      ` · ${label.word}`,
    ),
    why.length > 0
      ? h(
          'ul',
          null,
          why.map((line) => h('li', null, line)),
        )
      : null,
    textTable('Requests, responses, errors and budgets', ['', 'Value'], facts),
    figures,
  )
}
