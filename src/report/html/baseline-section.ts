// The baseline-and-environment section: which baseline was used (or why none), the environment of both runs, and
// the gate's warnings. Pure: ReportInput in, markup out.
import { ENVIRONMENT_ROWS } from '../details.js'
import { formatAge, plural } from '../format.js'
import type { ReportInput } from '../types.js'
import { fragment, type Html, h } from './element.js'
import { reportSection, sideBySideRows, textTable } from './section-parts.js'

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
  const environment = sideBySideRows(
    ENVIRONMENT_ROWS,
    baseline === null ? null : baseline.result.environment,
    input.candidate.environment,
  )
  return reportSection(
    'baseline',
    'Baseline and environment',
    input.baselineLines.length > 0
      ? h(
          'ul',
          null,
          input.baselineLines.map((line) => h('li', null, line)),
        )
      : null,
    textTable('Baseline used', ['', 'Value'], sourceRows),
    textTable('Environment', ['', 'Baseline', 'This PR'], environment),
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
