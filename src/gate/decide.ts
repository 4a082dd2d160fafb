// The gate: budgets and the regression rule over every endpoint and gated metric of a run -> one Verdict.
import { PROFILE_CHANGED } from '../config/fingerprint.js'
import type { GateSettings } from '../config/gate-schema.js'
import type { EndpointResult, RunResult } from '../results/types.js'
import { holmAdjust } from '../stats/holm.js'
import { testAcrossJobs } from './across-jobs-rule.js'
import { budgetsFor, evaluateBudgets, unknownBudgetKeys } from './budgets.js'
import { decideCapacity } from './capacity.js'
import { baseHistory, historyRoundValues, historyWarning } from './history.js'
import { EMPTY_SUMMARY, latencySummary, poolEndpoint, roundValues } from './measurements.js'
import { concludeMetric, type MetricTest, testMetric } from './metric-rule.js'
import { endpointOutcome, overall } from './outcome.js'
import { halvesOfOneLiveAb, pairedTests, pairsDecide } from './paired-rule.js'
import { requestLevelComparison } from './request-level.js'
import type {
  BaselineDesign,
  EndpointOutcome,
  EndpointVerdict,
  GateInput,
  SequentialConclusion,
  Verdict,
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
 * compared: against a stored baseline (another CI job) by the run-level test across jobs (testAcrossJobs: the
 * job-to-job shift from the base branch's history, or an allowance), against a live A/B baseline (same job) and for
 * the error rate round against round (exact Mann-Whitney against the margin-shifted null, Hodges-Lehmann interval);
 * Holm over every gated comparison of the run. The overall outcome is the worst, in OVERALL_OUTCOMES order; the step
 * fails on the `gate.failOn` outcomes that occurred, unless a reviewer accepted the change by label. A capacity run
 * is decided by the capacity gate instead (decideCapacity).
 */
export function decide(input: GateInput): Verdict {
  if (input.candidate.capacity !== undefined) return decideCapacity(input)
  const { candidate, gate } = input
  const baselineRun = input.baseline.kind === 'found' ? input.baseline.result : null
  const { design, pairing } = designOf(input, baselineRun)
  const history =
    input.baseline.kind === 'found' && baselineRun !== null
      ? baseHistory(baselineRun, input.baseline.history ?? [], candidate.profileFingerprint)
      : []
  const profileChanged = baselineRun !== null && baselineRun.profileFingerprint !== candidate.profileFingerprint
  const comparable = profileChanged ? null : baselineRun
  const warnings = [...completionWarnings(candidate, 'candidate')]
  if (comparable !== null)
    warnings.push(...completionWarnings(comparable, 'baseline'), ...environmentWarnings(candidate, comparable))

  const paired = pairing === 'abba' && comparable !== null && pairsDecide(input, comparable, warnings)
  const context: EndpointContext = {
    paired,
    input,
    comparable,
    missingReason: input.baseline.kind === 'missing' ? input.baseline.reason : PROFILE_CHANGED,
    runInvalid: runInvalidReason(candidate, comparable),
    warnings,
    design,
    history,
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
  const thin = historyWarning(endpoints.flatMap((endpoint) => endpoint.comparisons))
  if (thin !== null) warnings.push(thin)
  return overall(endpoints, input, warnings)
}

/**
 * The caller's design and pairing; when it gives none, the halves of one live A/B run (their files say so:
 * RunResult.liveAb) are paired and same-job, any other baseline is stored and unpaired.
 */
function designOf(
  input: GateInput,
  baselineRun: RunResult | null,
): { readonly design: BaselineDesign; readonly pairing: 'abba' | null } {
  const live = baselineRun !== null && halvesOfOneLiveAb(baselineRun, input.candidate)
  const design = input.baseline.kind === 'found' ? input.baseline.design : undefined
  return {
    design: design ?? (live ? 'live-ab' : 'stored'),
    pairing: input.pairing === undefined ? (live ? 'abba' : null) : input.pairing,
  }
}

interface EndpointContext {
  readonly input: GateInput
  readonly comparable: RunResult | null
  readonly missingReason: string
  readonly runInvalid: string | null
  /** Live A/B with enough pairs: compare round i against round i (paired-rule.ts). */
  readonly paired: boolean
  readonly warnings: string[]
  readonly design: BaselineDesign
  /** Earlier baselines of the base branch, same profile, newest first (baseHistory). */
  readonly history: readonly RunResult[]
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
    const rounds = { metric, baselineRounds: baselineRounds.values, candidateRounds: candidateRounds.values }
    const acrossJobs =
      context.design === 'stored' && metric !== 'error-rate'
        ? testAcrossJobs({
            ...rounds,
            historyRounds: historyRoundValues(context.history, endpoint.name, metric),
            gate: input.gate,
          })
        : null
    tests.push(acrossJobs ?? testMetric({ ...rounds, gate: input.gate }))
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
  const roundTests = tests.filter((test) => test.jobNoise === undefined || test.jobNoise.kind === 'same-job')
  const cannotFail = cannotFailWarning({
    baselineRounds,
    candidateRounds,
    comparisons: tests.length,
    alpha: gate.alpha,
    paired,
  })
  // Only the exact rank test on rounds has a smallest possible p; the run-level t test can always reject.
  if (cannotFail !== null && roundTests.length > 0) warnings.push(cannotFail)
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
        tests.length,
      )
      return sequential === null ? concluded : sequential.conclude(plan.endpoint, concluded)
    })
    return { ...rest, comparisons, outcome: endpointOutcome(comparisons) }
  })
}
