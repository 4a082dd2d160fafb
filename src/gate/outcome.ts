// The outcome of an endpoint from its comparisons, and of the whole run from its endpoints (with failOn and the
// acceptance label).
import type { FailOn } from '../config/gate-schema.js'
import { inconclusiveReason } from './explain.js'
import { headline } from './headline.js'
import { WORSE_DIRECTION } from './measurements.js'
import {
  type EndpointOutcome,
  type EndpointVerdict,
  type GateInput,
  type MetricComparison,
  OVERALL_OUTCOMES,
  type OverallOutcome,
  type Verdict,
} from './types.js'

/**
 * The endpoint's outcome from its comparisons: regression, then inconclusive, then improvement, then pass (no
 * evidence of a regression), then no change (equivalence shown for every comparison).
 */
export function endpointOutcome(comparisons: readonly MetricComparison[]): EndpointOutcome {
  const worseness = (c: MetricComparison): number =>
    WORSE_DIRECTION[c.metric] * (Number.isFinite(c.relativeShift) ? c.relativeShift : c.shift)
  const regressions = comparisons.filter((c) => c.outcome === 'regression')
  if (regressions.length > 0)
    return { kind: 'regression', worst: regressions.reduce((a, b) => (worseness(b) > worseness(a) ? b : a)) }
  const inconclusive = comparisons.filter((c) => c.outcome === 'inconclusive')
  if (inconclusive.length > 0) return { kind: 'inconclusive', reason: inconclusive.map(inconclusiveReason).join('; ') }
  if (comparisons.length === 0) return { kind: 'inconclusive', reason: 'no round had data for the gated metrics' }
  const improvements = comparisons.filter((c) => c.outcome === 'improvement')
  if (improvements.length > 0)
    return { kind: 'improvement', best: improvements.reduce((a, b) => (worseness(b) < worseness(a) ? b : a)) }
  if (comparisons.some((c) => c.outcome === 'pass')) return { kind: 'pass' }
  return { kind: 'no-change' }
}

/** The run's verdict: the worst endpoint outcome, the failOn outcomes that occurred, and the acceptance label. */
export function overall(endpoints: readonly EndpointVerdict[], input: GateInput, warnings: string[]): Verdict {
  const kinds = new Set<string>(endpoints.map((endpoint) => endpoint.outcome.kind))
  const budgetFailed = endpoints.some((endpoint) => endpoint.budgets.some((check) => !check.passed))
  if (budgetFailed) kinds.add('budget-violation')
  if (endpoints.length === 0) {
    kinds.add('invalid')
    warnings.push('The run measured no endpoint.')
  }
  const outcome: OverallOutcome = OVERALL_OUTCOMES.find((candidate) => kinds.has(candidate)) ?? 'no-change'
  const occurred: Record<FailOn, boolean> = {
    regression: kinds.has('regression'),
    budget: budgetFailed,
    invalid: kinds.has('invalid'),
    inconclusive: kinds.has('inconclusive'),
    'no-baseline': kinds.has('no-baseline'),
  }
  const failing = input.gate.failOn.filter((failOn) => occurred[failOn])
  const accepted = input.accepted ?? null
  if (accepted !== null && failing.length > 0) {
    warnings.push(
      `Accepted by the '${accepted.label}' label${accepted.by ? ` (applied by @${accepted.by})` : ''}: ` +
        `${failing.join(', ')} would have failed the step.`,
    )
  }
  const acceptedNote = accepted !== null && failing.length > 0 ? ` (accepted by label '${accepted.label}')` : ''
  return {
    outcome,
    failed: failing.length > 0 && accepted === null,
    failing,
    endpoints,
    warnings,
    headline: `${headline(outcome, endpoints)}${acceptedNote}`,
    ...(input.sequential ? { sequential: input.sequential.summary } : {}),
  }
}
