// Annotations (`::error` / `::warning`): one per regression and per failed budget. Plain text; the caller prints
// them through @actions/core, which escapes `%`, CR and LF.
import type { EndpointVerdict } from '../gate/types.js'
import { formatBudgetActual } from './details.js'
import { plainText } from './escape.js'
import { failedBudgets, gatedComparisons } from './outcome.js'
import type { ReportInput } from './types.js'

/** One annotation: errors fail nothing by themselves, they point the reader at the problem. */
export interface ReportAnnotation {
  readonly level: 'error' | 'warning'
  readonly title: string
  readonly message: string
}

function regressionAnnotations(endpoint: EndpointVerdict): { title: string; message: string }[] {
  if (endpoint.outcome.kind !== 'regression') return []
  const regressed = gatedComparisons(endpoint).filter((c) => c.outcome === 'regression')
  const comparisons = regressed.length > 0 ? regressed : [endpoint.outcome.worst]
  return comparisons.map((c) => ({
    title: `Tailgate: ${endpoint.endpoint} ${c.metric} regression`,
    message: c.explanation,
  }))
}

function budgetAnnotations(endpoint: EndpointVerdict): { title: string; message: string }[] {
  return failedBudgets(endpoint).map((check) => ({
    title: `Tailgate: ${endpoint.endpoint} over budget`,
    message: `${check.budget.expression} exceeded: ${check.budget.metric} = ${formatBudgetActual(check)}`,
  }))
}

/**
 * One annotation per regressed gated metric and per failed budget, errors normally and warnings when the run was
 * accepted by label (the message then says who accepted it). Texts are single-line plain text.
 */
export function annotationsFor(input: ReportInput): ReportAnnotation[] {
  const { accepted } = input
  const level = accepted === null ? 'error' : 'warning'
  const suffix =
    accepted === null
      ? ''
      : ` (accepted with the label '${accepted.label}'${accepted.by ? ` by @${accepted.by.replace(/^@/, '')}` : ''})`
  return input.verdict.endpoints
    .flatMap((endpoint) => [...regressionAnnotations(endpoint), ...budgetAnnotations(endpoint)])
    .map((a) => ({ level, title: plainText(a.title), message: plainText(`${a.message}${suffix}`) }))
}
