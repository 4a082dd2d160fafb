// The summary section: one row per endpoint (latency baseline → PR, change, verdict, budgets) and why each
// endpoint got its verdict. Pure: ReportInput in, markup out.
import type { BudgetCheck, EndpointVerdict } from '../../gate/types.js'
import { formatBudgetActual } from '../details.js'
import { formatChange, formatMsNumber } from '../format.js'
import { ENDPOINT_LABELS, gatedComparisons, headlineComparison, outcomeReason } from '../outcome.js'
import type { ReportInput } from '../types.js'
import { type Html, h } from './element.js'
import { displayName, endpointId } from './figure.js'
import { reportSection } from './section-parts.js'

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
      h('th', { scope: 'row', class: 'name' }, h('a', { href: `#${endpointId(i)}` }, displayName(endpoint.endpoint))),
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
export function reasons(endpoint: EndpointVerdict): string[] {
  const parts = gatedComparisons(endpoint).map((c) => c.explanation)
  const reason = outcomeReason(endpoint.outcome)
  if (reason !== null) parts.unshift(reason)
  for (const check of endpoint.budgets.filter((c) => !c.passed)) {
    parts.push(`budget ${check.budget.expression} exceeded: ${formatBudgetActual(check)}`)
  }
  return parts
}

export function summarySection(input: ReportInput): Html {
  const items = input.verdict.endpoints.map((endpoint) => {
    const label = ENDPOINT_LABELS[endpoint.outcome.kind]
    const why = reasons(endpoint)
    return h(
      'li',
      null,
      `${label.emoji} `,
      h('strong', null, displayName(endpoint.endpoint)),
      `: ${why.length > 0 ? why.join('; ') : label.word}`,
    )
  })
  return reportSection(
    'summary',
    'Summary',
    summaryTable(input),
    h('h3', null, 'Why'),
    h('ul', { class: 'verdict-list' }, items),
  )
}
