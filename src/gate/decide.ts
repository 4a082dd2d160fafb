// The gate: budgets and the regression rule over every endpoint and gated metric of a run -> one Verdict.
import { PROFILE_CHANGED } from '../config/fingerprint.js'
import type { FailOn, GateSettings } from '../config/gate-schema.js'
import type { EndpointResult, RunResult } from '../results/types.js'
import { holmAdjust } from '../stats/holm.js'
import { budgetsFor, evaluateBudgets, unknownBudgetKeys } from './budgets.js'
import { decideCapacity } from './capacity.js'
import { inconclusiveReason } from './explain.js'
import { headline } from './headline.js'
import { EMPTY_SUMMARY, latencySummary, poolEndpoint, roundValues, WORSE_DIRECTION } from './measurements.js'
import { concludeMetric, type MetricTest, testMetric } from './metric-rule.js'
import { pairedTests, pairsDecide } from './paired-rule.js'
import { requestLevelComparison } from './request-level.js'
import {
  type EndpointOutcome,
  type EndpointVerdict,
  type GateInput,
  type MetricComparison,
  OVERALL_OUTCOMES,
  type OverallOutcome,
  type SequentialConclusion,
  type Verdict,
} from './types.js'
import {
  cannotFailWarning,
  completionWarnings,
  endpointInvalidReason,
  environmentWarnings,
  runInvalidReason,
} from './validity.js'

type Settled = Omit<EndpointVerdict, 'outcome' | 'comparisons'> & { readonly outcome: EndpointOutcome }
type Pending = Omit<EndpointVerdict, 'outcome' | 'comparisons'> & { readonly tests: readonly MetricTest[] }

/**
 * Decides the verdict of a run. Per endpoint: budgets on the pooled data (always, baseline or not); invalid when the
 * candidate or baseline run is unhealthy or the endpoint failed more than `gate.maxErrorRate`; no-baseline when the
 * baseline is missing, was measured with another profile, or lacks the endpoint; otherwise each gated metric is
 * compared round against round (exact Mann-Whitney against the margin-shifted null, Hodges-Lehmann interval), with
 * Holm over every gated comparison of the run. The overall outcome is the worst, in OVERALL_OUTCOMES order; the step
 * fails on the `gate.failOn` outcomes that occurred, unless a reviewer accepted the change by label. A capacity run
 * is decided by the capacity gate instead (decideCapacity).
 */
export function decide(input: GateInput): Verdict {
  if (input.candidate.capacity !== undefined) return decideCapacity(input)
  const { candidate, gate } = input
  const baselineRun = input.baseline.kind === 'found' ? input.baseline.result : null
  const profileChanged = baselineRun !== null && baselineRun.profileFingerprint !== candidate.profileFingerprint
  const comparable = profileChanged ? null : baselineRun
  const warnings = [...completionWarnings(candidate, 'candidate')]
  if (comparable !== null)
    warnings.push(...completionWarnings(comparable, 'baseline'), ...environmentWarnings(candidate, comparable))

  const paired = input.pairing === 'abba' && comparable !== null && pairsDecide(input, comparable, warnings)
  const context: EndpointContext = {
    paired,
    input,
    comparable,
    missingReason: input.baseline.kind === 'missing' ? input.baseline.reason : PROFILE_CHANGED,
    runInvalid: runInvalidReason(candidate, comparable),
    warnings,
  }
  const planned = candidate.endpoints.map((endpoint) => planEndpoint(endpoint, context))
  for (const removed of comparable?.endpoints ?? []) {
    if (candidate.endpoints.some((endpoint) => endpoint.name === removed.name)) continue
    planned.push({
      endpoint: removed.name,
      outcome: { kind: 'no-baseline', reason: 'in the baseline but not measured in this run (removed or renamed?)' },
      budgets: [],
      requestLevel: null,
      baseline: latencySummary(poolEndpoint(comparable as RunResult, removed)),
      candidate: EMPTY_SUMMARY,
    })
  }
  const unknown = unknownBudgetKeys(
    input.budgets,
    candidate.endpoints.map((endpoint) => endpoint.name),
  )
  if (unknown.length > 0) warnings.push(`Budgets name endpoints this run did not measure: ${unknown.join(', ')}.`)

  const endpoints = settle(
    planned,
    gate,
    warnings,
    comparable === null ? 0 : comparable.rounds.length,
    candidate.rounds.length,
    paired,
    input.sequential ?? null,
  )
  return overall(endpoints, input, warnings)
}

interface EndpointContext {
  readonly input: GateInput
  readonly comparable: RunResult | null
  readonly missingReason: string
  readonly runInvalid: string | null
  /** Live A/B with enough pairs: compare round i against round i (paired-rule.ts). */
  readonly paired: boolean
  readonly warnings: string[]
}

function planEndpoint(endpoint: EndpointResult, context: EndpointContext): Settled | Pending {
  const { input, comparable } = context
  const pooled = poolEndpoint(input.candidate, endpoint)
  const common = {
    endpoint: endpoint.name,
    budgets: evaluateBudgets(pooled, budgetsFor(endpoint.name, input.budgets), input.candidate.recovery ?? null),
    requestLevel: null,
    baseline: null,
    candidate: latencySummary(pooled),
  }
  const invalid = context.runInvalid ?? endpointInvalidReason('candidate', pooled, input.gate)
  if (invalid !== null) return { ...common, outcome: { kind: 'invalid', reason: invalid } }
  if (comparable === null) return { ...common, outcome: { kind: 'no-baseline', reason: context.missingReason } }
  const before = comparable.endpoints.find((candidate) => candidate.name === endpoint.name)
  if (before === undefined)
    return { ...common, outcome: { kind: 'no-baseline', reason: 'new endpoint: not in the baseline' } }
  const pooledBefore = poolEndpoint(comparable, before)
  const withBaseline = { ...common, baseline: latencySummary(pooledBefore) }
  const invalidBefore = endpointInvalidReason('baseline', pooledBefore, input.gate)
  if (invalidBefore !== null) return { ...withBaseline, outcome: { kind: 'invalid', reason: invalidBefore } }

  if (context.paired) {
    const paired = pairedTests(input, { run: comparable, endpoint: before }, endpoint, context.warnings)
    return {
      ...withBaseline,
      requestLevel: requestLevelComparison(pooledBefore.histogram, pooled.histogram),
      tests: paired,
    }
  }
  const tests: MetricTest[] = []
  for (const metric of input.gate.metrics) {
    const baselineRounds = roundValues(comparable, before, metric)
    const candidateRounds = roundValues(input.candidate, endpoint, metric)
    const skipped = baselineRounds.skipped + candidateRounds.skipped
    if (skipped > 0)
      context.warnings.push(`${endpoint.name}: ${skipped} round(s) without data were left out of ${metric}.`)
    if (baselineRounds.values.length === 0 || candidateRounds.values.length === 0) continue
    tests.push(
      testMetric({
        metric,
        baselineRounds: baselineRounds.values,
        candidateRounds: candidateRounds.values,
        gate: input.gate,
      }),
    )
  }
  return { ...withBaseline, requestLevel: requestLevelComparison(pooledBefore.histogram, pooled.histogram), tests }
}

/** Holm over every gated comparison of the run (regression and improvement families apart), then the outcomes. */
function settle(
  planned: readonly (Settled | Pending)[],
  gate: GateSettings,
  warnings: string[],
  baselineRounds: number,
  candidateRounds: number,
  paired: boolean,
  sequential: SequentialConclusion | null,
): EndpointVerdict[] {
  const tests = planned.flatMap((plan) => ('tests' in plan ? plan.tests : []))
  const regression = holmAdjust(tests.map((test) => test.pValue))
  const improvement = holmAdjust(tests.map((test) => test.improvementPValue))
  const cannotFail = cannotFailWarning({
    baselineRounds,
    candidateRounds,
    comparisons: tests.length,
    alpha: gate.alpha,
    paired,
  })
  if (cannotFail !== null) warnings.push(cannotFail)
  let next = 0
  return planned.map((plan) => {
    if (!('tests' in plan)) return { ...plan, comparisons: [] }
    const { tests: own, ...rest } = plan
    const comparisons = own.map((test) => {
      const index = next++
      const concluded = concludeMetric(
        test,
        { regression: regression[index] as number, improvement: improvement[index] as number },
        gate.alpha,
      )
      return sequential === null ? concluded : sequential.conclude(plan.endpoint, concluded)
    })
    return { ...rest, comparisons, outcome: endpointOutcome(comparisons) }
  })
}

/** The endpoint's outcome from its comparisons: regression, then inconclusive, then improvement, then no change. */
function endpointOutcome(comparisons: readonly MetricComparison[]): EndpointOutcome {
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
  return { kind: 'no-change' }
}

function overall(endpoints: readonly EndpointVerdict[], input: GateInput, warnings: string[]): Verdict {
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
