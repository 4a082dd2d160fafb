// The self-contained HTML report: one file, no script, no network (a Content-Security-Policy forbids both), charts
// drawn as inline SVG with their numbers in tables. Pure: ReportInput in, a complete HTML document out.
import type { BudgetCheck, EndpointVerdict } from '../../gate/types.js'
import type { RunEnvironment, RunResult } from '../../results/types.js'
import { TAILGATE_VERSION } from '../../version.js'
import { formatBudgetActual } from '../details.js'
import { truncateText } from '../escape.js'
import { formatAge, formatChange, formatMsNumber, plural } from '../format.js'
import {
  ENDPOINT_LABELS,
  gatedComparisons,
  headlineComparison,
  headlineParts,
  OVERALL_LABELS,
  outcomeReason,
} from '../outcome.js'
import type { ReportInput } from '../types.js'
import { dataTable, distributionFigure, idSource, roundsFigure, timelineFigures, trendFigure } from './charts.js'
import { type Child, fragment, type Html, h, trustedHtml } from './element.js'
import { REPORT_CSS } from './style.js'

/** Longest endpoint name shown (code points); the JSON report has the full name. */
export const MAX_HTML_NAME_CHARS = 300

/** No script, no fetch, no external anything: only our inline styles and SVG. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const SAFE_URL = /^https:\/\/[^\s<>"'`\\]+$/

const name = (text: string): string => truncateText(text, MAX_HTML_NAME_CHARS)
const endpointId = (index: number): string => `endpoint-${index + 1}`

function header(input: ReportInput): Html {
  const { verdict } = input
  const label = OVERALL_LABELS[verdict.outcome]
  const { headline, regressions } = headlineParts(verdict)
  const status =
    input.accepted !== null
      ? `Accepted with the label “${input.accepted.label}”${input.accepted.by === null ? '' : `, applied by ${input.accepted.by}`}: the check does not fail.`
      : verdict.failed
        ? `The check fails on: ${verdict.failing.join(', ')}.`
        : 'The check passes.'
  return h(
    'header',
    null,
    h('h1', { id: 'verdict', class: `verdict v-${verdict.outcome}` }, `${label.emoji} Tailgate: ${label.word}`),
    h('p', { class: 'profile' }, 'Profile ', h('strong', null, name(input.profileId)), ` · ${input.mode}`),
    h('p', { class: 'headline', id: 'headline' }, regressions === null ? '' : `${regressions} · `, headline),
    h('p', { class: 'status', id: 'status' }, status),
    notices(input),
  )
}

function notices(input: ReportInput): Html[] {
  const out: Html[] = []
  if (input.baseline === null) {
    const reasons = [
      ...new Set(input.verdict.endpoints.flatMap((e) => (e.outcome.kind === 'no-baseline' ? [e.outcome.reason] : []))),
    ]
    const why = reasons.join('; ') || 'the baseline step found none'
    out.push(notice('no-baseline', `➖ No baseline: ${why}. Nothing was compared; budgets were still checked.`))
  }
  const invalid = input.candidate.health.invalidReasons
  if (invalid.length > 0) out.push(notice('invalid', `⚠️ Invalid run: ${invalid.join('; ')}.`))
  if (input.candidate.completion.status === 'partial') {
    out.push(notice('partial', `⏹ Partial run: ${input.candidate.completion.reason}.`))
  }
  return out
}

const notice = (kind: string, text: string): Html =>
  h('p', { class: 'notice', 'data-notice': kind, role: 'note' }, text)

function contents(input: ReportInput): Html {
  return h(
    'nav',
    { 'aria-label': 'Contents' },
    h('h2', null, 'Contents'),
    h(
      'ol',
      null,
      h('li', null, h('a', { href: '#summary' }, 'Summary table')),
      h('li', null, h('a', { href: '#run' }, 'Run health and timeline')),
      input.verdict.endpoints.map((endpoint, i) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: `#${endpointId(i)}` },
            `${ENDPOINT_LABELS[endpoint.outcome.kind].emoji} ${name(endpoint.endpoint)}`,
          ),
        ),
      ),
      h('li', null, h('a', { href: '#baseline' }, 'Baseline and environment')),
    ),
  )
}

const latencyCell = (endpoint: EndpointVerdict, key: 'p50Ms' | 'p95Ms' | 'p99Ms'): string =>
  `${endpoint.baseline === null ? '–' : formatMsNumber(endpoint.baseline[key])} → ${formatMsNumber(endpoint.candidate[key])}`

function budgetsCell(checks: readonly BudgetCheck[]): string {
  if (checks.length === 0) return '–'
  const failed = checks.filter((c) => !c.passed)
  if (failed.length === 0) return `✅ ${checks.length}/${checks.length}`
  return failed.map((c) => `❌ ${c.budget.expression} (${formatBudgetActual(c)})`).join('; ')
}

function summaryTable(input: ReportInput): Html {
  const rows = input.verdict.endpoints.map((endpoint, i) => {
    const label = ENDPOINT_LABELS[endpoint.outcome.kind]
    const comparison = headlineComparison(endpoint)
    return h(
      'tr',
      { 'data-outcome': endpoint.outcome.kind },
      h('th', { scope: 'row', class: 'name' }, h('a', { href: `#${endpointId(i)}` }, name(endpoint.endpoint))),
      h('td', { class: 'num' }, latencyCell(endpoint, 'p50Ms')),
      h('td', { class: 'num' }, latencyCell(endpoint, 'p95Ms')),
      h('td', { class: 'num' }, latencyCell(endpoint, 'p99Ms')),
      h('td', null, comparison === null ? '–' : formatChange(comparison)),
      h('td', null, `${label.emoji} ${label.word}`),
      h('td', null, budgetsCell(endpoint.budgets)),
    )
  })
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'summary-table' },
      h(
        'caption',
        null,
        'Per endpoint: latency baseline → this PR (ms), the change with its confidence interval, verdict',
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Endpoint', 'p50 ms (base → PR)', 'p95 ms', 'p99 ms', 'Change', 'Verdict', 'Budgets'].map((cell) =>
            h('th', { scope: 'col' }, cell),
          ),
        ),
      ),
      h('tbody', null, rows),
    ),
  )
}

/** Why each endpoint got its verdict: the outcome's reason, the gated comparisons' explanations, failed budgets. */
function reasons(endpoint: EndpointVerdict): string[] {
  const parts = gatedComparisons(endpoint).map((c) => c.explanation)
  const reason = outcomeReason(endpoint.outcome)
  if (reason !== null) parts.unshift(reason)
  for (const check of endpoint.budgets.filter((c) => !c.passed)) {
    parts.push(`budget ${check.budget.expression} exceeded: ${formatBudgetActual(check)}`)
  }
  return parts
}

function summarySection(input: ReportInput): Html {
  const items = input.verdict.endpoints.map((endpoint) => {
    const label = ENDPOINT_LABELS[endpoint.outcome.kind]
    const why = reasons(endpoint)
    return h(
      'li',
      null,
      `${label.emoji} `,
      h('strong', null, name(endpoint.endpoint)),
      `: ${why.length > 0 ? why.join('; ') : label.word}`,
    )
  })
  return h(
    'section',
    { id: 'summary', 'aria-labelledby': 'summary-h' },
    h('h2', { id: 'summary-h' }, 'Summary'),
    summaryTable(input),
    h('h3', null, 'Why'),
    h('ul', { class: 'verdict-list' }, items),
  )
}

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

function runSection(input: ReportInput, ids: ReturnType<typeof idSource>): Html {
  const baseline = input.baseline?.result ?? null
  const rows = HEALTH_ROWS.map((row) => [
    row.label,
    baseline === null ? '–' : row.value(baseline),
    row.value(input.candidate),
  ])
  const timeline = timelineFigures({ candidate: input.candidate, baseline }, ids)
  return h(
    'section',
    { id: 'run', 'aria-labelledby': 'run-h' },
    h('h2', { id: 'run-h' }, 'Run health and timeline'),
    h(
      'div',
      { class: 'table-wrap' },
      dataTable('Run health: did the generator keep up?', ['', 'Baseline', 'This PR'], rows, false),
    ),
    timeline ?? h('p', null, 'No per-second timeline in these results (imported or empty runs have none).'),
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

function endpointSection(
  input: ReportInput,
  endpoint: EndpointVerdict,
  index: number,
  ids: ReturnType<typeof idSource>,
): Html {
  const label = ENDPOINT_LABELS[endpoint.outcome.kind]
  const baseline = input.baseline?.result ?? null
  const runs = { candidate: input.candidate, baseline }
  const why = reasons(endpoint)
  const figures: Child[] = [distributionFigure(endpoint.endpoint, runs, ids)]
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
      h('span', { class: 'name' }, name(endpoint.endpoint)),
      ` · ${label.word}`,
    ),
    why.length > 0
      ? h(
          'ul',
          null,
          why.map((line) => h('li', null, line)),
        )
      : null,
    h(
      'div',
      { class: 'table-wrap' },
      dataTable('Requests, responses, errors and budgets', ['', 'Value'], facts, false),
    ),
    figures,
  )
}

const ENVIRONMENT_ROWS = [
  { label: 'CPU', value: (e: RunEnvironment) => e.cpuModel },
  { label: 'Cores', value: (e: RunEnvironment) => String(e.cores) },
  { label: 'OS', value: (e: RunEnvironment) => `${e.os} ${e.arch}` },
  { label: 'Node', value: (e: RunEnvironment) => e.nodeVersion },
  { label: 'Tailgate', value: (e: RunEnvironment) => e.tailgateVersion },
  { label: 'Runner', value: (e: RunEnvironment) => e.runner ?? '–' },
] as const

function baselineSection(input: ReportInput): Html {
  const { baseline } = input
  const sourceRows =
    baseline === null
      ? [['Baseline', 'none']]
      : [
          ['Store, reference', `${baseline.source.store}: ${baseline.source.reference}`],
          ['Branch, SHA', `${baseline.source.branch ?? 'unknown'}, ${baseline.source.sha ?? 'unknown SHA'}`],
          [
            'Measured',
            `${baseline.source.measuredAt}${(() => {
              const age = formatAge(baseline.source.measuredAt, input.candidate.startedAt)
              return age === null ? '' : ` (${age} before this run)`
            })()}`,
          ],
          ['History', plural(baseline.history.length, 'earlier baseline')],
        ]
  const environment = ENVIRONMENT_ROWS.map((row) => [
    row.label,
    baseline === null ? '–' : row.value(baseline.result.environment),
    row.value(input.candidate.environment),
  ])
  return h(
    'section',
    { id: 'baseline', 'aria-labelledby': 'baseline-h' },
    h('h2', { id: 'baseline-h' }, 'Baseline and environment'),
    input.baselineLines.length > 0
      ? h(
          'ul',
          null,
          input.baselineLines.map((line) => h('li', null, line)),
        )
      : null,
    h('div', { class: 'table-wrap' }, dataTable('Baseline used', ['', 'Value'], sourceRows, false)),
    h('div', { class: 'table-wrap' }, dataTable('Environment', ['', 'Baseline', 'This PR'], environment, false)),
    input.verdict.warnings.length > 0
      ? fragment(
          h('h3', null, 'Warnings'),
          h(
            'ul',
            null,
            input.verdict.warnings.map((w) => h('li', null, w)),
          ),
        )
      : null,
  )
}

function footer(input: ReportInput): Html {
  const link =
    input.runUrl !== null && SAFE_URL.test(input.runUrl)
      ? fragment(' · ', h('a', { href: input.runUrl, rel: 'noreferrer' }, 'workflow run'))
      : input.runUrl === null
        ? null
        : ` · workflow run ${input.runUrl}`
  return h('footer', null, `Tailgate ${TAILGATE_VERSION} · generated from ${input.candidate.startedAt}`, link)
}

/**
 * Renders the HTML report: verdict and why (as in the comment), run health with per-second latency and rate,
 * then per endpoint the latency distribution, the rounds the gate compared (margin and CI drawn) and the base
 * branch's p95 trend; every chart has its numbers in a table. Readable without JavaScript (there is none).
 */
export function renderHtml(input: ReportInput): string {
  const ids = idSource()
  const title = `Tailgate: ${OVERALL_LABELS[input.verdict.outcome].word} · ${truncateText(input.profileId, 80)}`
  const document = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { 'http-equiv': 'Content-Security-Policy', content: REPORT_CSP }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'generator', content: `Tailgate ${TAILGATE_VERSION}` }),
      h('title', null, title),
      h('style', null, trustedHtml(REPORT_CSS)),
    ),
    h(
      'body',
      null,
      h('a', { class: 'skip', href: '#summary' }, 'Skip to the summary'),
      h(
        'main',
        null,
        header(input),
        contents(input),
        summarySection(input),
        runSection(input, ids),
        h(
          'section',
          { id: 'endpoints', 'aria-labelledby': 'endpoints-h' },
          h('h2', { id: 'endpoints-h' }, 'Endpoints'),
          input.verdict.endpoints.map((endpoint, i) => endpointSection(input, endpoint, i, ids)),
        ),
        baselineSection(input),
      ),
      footer(input),
    ),
  )
  return `<!doctype html>\n${document.html}\n`
}
