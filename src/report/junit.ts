// JUnit XML for test-report tools: one <testcase> per endpoint and gated metric, one per budget. Every string
// goes through escapeXml(), so names and server texts cannot break the XML and the file is valid UTF-8.
import type { CapacityComparison, EndpointVerdict, MetricComparison } from '../gate/types.js'
import { formatBudgetActual } from './details.js'
import { escapeXml as x } from './escape.js'
import { gatedComparisons, OVERALL_LABELS } from './outcome.js'
import type { ReportInput } from './types.js'

/** How a test case ended, in JUnit terms. */
type CaseStatus =
  | { readonly kind: 'passed'; readonly output: string }
  | { readonly kind: 'failure'; readonly type: string; readonly message: string; readonly detail: string }
  | { readonly kind: 'error'; readonly type: string; readonly message: string }
  | { readonly kind: 'skipped'; readonly message: string }

interface TestCase {
  readonly classname: string
  readonly name: string
  readonly status: CaseStatus
}

function acceptedNote(input: ReportInput): string | null {
  if (input.accepted === null) return null
  return `accepted with the label '${input.accepted.label}'${input.accepted.by ? ` by @${input.accepted.by.replace(/^@/, '')}` : ''}`
}

function comparisonStatus(
  endpoint: EndpointVerdict,
  comparison: MetricComparison,
  accepted: string | null,
): CaseStatus {
  switch (comparison.outcome) {
    case 'regression':
      if (accepted !== null) return { kind: 'skipped', message: `regression ${accepted}: ${comparison.explanation}` }
      return {
        kind: 'failure',
        type: 'regression',
        message: `${endpoint.endpoint} ${comparison.metric} regressed: ${comparison.explanation}`,
        detail: comparison.explanation,
      }
    case 'inconclusive':
      return { kind: 'skipped', message: `inconclusive: ${comparison.explanation}` }
    case 'improvement':
    case 'no-change':
    case 'pass':
      return { kind: 'passed', output: comparison.explanation }
  }
}

/** The capacity gate as one test case: a regression fails it, no baseline skips it, an invalid search errors. */
function capacityCase(capacity: CapacityComparison, accepted: string | null): TestCase {
  const status = ((): CaseStatus => {
    switch (capacity.outcome) {
      case 'regression':
        return accepted !== null
          ? { kind: 'skipped', message: `regression ${accepted}: ${capacity.explanation}` }
          : { kind: 'failure', type: 'regression', message: capacity.explanation, detail: capacity.explanation }
      case 'invalid':
        return { kind: 'error', type: 'invalid', message: capacity.explanation }
      case 'no-baseline':
        return { kind: 'skipped', message: capacity.explanation }
      case 'improvement':
      case 'no-change':
        return { kind: 'passed', output: capacity.explanation }
    }
  })()
  return { classname: 'capacity', name: 'sustained rate', status }
}

/** The status every gate case of an endpoint gets when the endpoint as a whole was not compared. */
function endpointStatus(endpoint: EndpointVerdict): CaseStatus | null {
  const { outcome } = endpoint
  switch (outcome.kind) {
    case 'invalid':
      return { kind: 'error', type: 'invalid', message: `${endpoint.endpoint} is invalid evidence: ${outcome.reason}` }
    case 'no-baseline':
      return { kind: 'skipped', message: `no baseline: ${outcome.reason}` }
    case 'inconclusive':
      return endpoint.comparisons.length === 0 ? { kind: 'skipped', message: `inconclusive: ${outcome.reason}` } : null
    case 'no-change':
    case 'pass':
      return endpoint.comparisons.length === 0 ? { kind: 'passed', output: 'no change' } : null
    case 'regression':
    case 'improvement':
      return null
  }
}

function casesOf(endpoint: EndpointVerdict, input: ReportInput): TestCase[] {
  const classname = `${input.profileId}.${endpoint.endpoint}`
  const accepted = acceptedNote(input)
  const whole = endpointStatus(endpoint)
  const compared = gatedComparisons(endpoint)
  const cases: TestCase[] =
    compared.length === 0
      ? [{ classname, name: 'regression gate', status: whole! }]
      : compared.map((c) => ({
          classname,
          name: `${c.metric} regression gate`,
          status: whole ?? comparisonStatus(endpoint, c, accepted),
        }))
  for (const check of endpoint.budgets) {
    const measured = `${check.budget.metric} = ${formatBudgetActual(check)}`
    const name = `budget ${check.budget.expression}`
    if (check.passed) {
      cases.push({ classname, name, status: { kind: 'passed', output: measured } })
    } else if (accepted !== null) {
      cases.push({ classname, name, status: { kind: 'skipped', message: `budget exceeded, ${accepted}: ${measured}` } })
    } else {
      const message = `${endpoint.endpoint}: budget ${check.budget.expression} exceeded (${measured})`
      cases.push({ classname, name, status: { kind: 'failure', type: 'budget', message, detail: measured } })
    }
  }
  return cases
}

function caseXml(testCase: TestCase): string {
  const open = `    <testcase classname="${x(testCase.classname)}" name="${x(testCase.name)}" time="0.000"`
  const { status } = testCase
  switch (status.kind) {
    case 'passed':
      return `${open}>\n      <system-out>${x(status.output)}</system-out>\n    </testcase>`
    case 'failure':
      return `${open}>\n      <failure message="${x(status.message)}" type="${status.type}">${x(status.detail)}</failure>\n    </testcase>`
    case 'error':
      return `${open}>\n      <error message="${x(status.message)}" type="${status.type}"/>\n    </testcase>`
    case 'skipped':
      return `${open}>\n      <skipped message="${x(status.message)}"/>\n    </testcase>`
  }
}

/** Seconds with millisecond precision, never negative or non-finite. */
const seconds = (ms: number): string => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3)

/**
 * Renders the JUnit XML report. Regressions and failed budgets are `<failure>`s, inconclusive and no-baseline
 * comparisons `<skipped>`, invalid endpoints `<error>`s; when the run was accepted by label, failures become
 * `<skipped>` with the label named. Test cases carry `time="0.000"` (endpoints run concurrently, so a per-case time
 * would be meaningless); the suite carries the run's wall time (warm-up plus measured duration).
 */
export function renderJunit(input: ReportInput): string {
  const capacity = input.verdict.capacity
  const cases = [
    ...(capacity === undefined ? [] : [capacityCase(capacity, acceptedNote(input))]),
    ...input.verdict.endpoints.flatMap((endpoint) => casesOf(endpoint, input)),
  ]
  const count = (kind: CaseStatus['kind']): number => cases.filter((c) => c.status.kind === kind).length
  const totals = `tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}"`
  const time = seconds(input.candidate.warmupMs + input.candidate.durationMs)
  const suiteName = x(`Tailgate ${input.profileId}`)
  const verdict = OVERALL_LABELS[input.verdict.outcome].word
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="Tailgate" ${totals} time="${time}">`,
    `  <testsuite name="${suiteName}" ${totals} time="${time}" timestamp="${x(input.candidate.startedAt)}">`,
    '    <properties>',
    `      <property name="verdict" value="${x(input.verdict.outcome)}"/>`,
    `      <property name="headline" value="${x(input.verdict.headline)}"/>`,
    `      <property name="summary" value="${x(verdict)}"/>`,
    '    </properties>',
    ...cases.map(caseXml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}
