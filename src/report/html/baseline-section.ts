// The baseline-and-environment section: which baseline was used (or why none), the environment of both runs, and
// the gate's warnings. Pure: ReportInput in, markup out.
import { ENVIRONMENT_ROWS } from '../details.js'
import { formatAge, plural } from '../format.js'
import type { ReportInput } from '../types.js'
import { fragment, type Html, h } from './element.js'
import { dataTable } from './figure.js'

export function baselineSection(input: ReportInput): Html {
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
