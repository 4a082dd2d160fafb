// The capacity gate: a candidate's capacity search against the baseline's. Each search brackets the limit between
// its sustained rate (held) and its first failing rate (broke); the gate calls a regression only when the
// candidate's bracket lies below the baseline's, widened by one bracket width (repeated searches of one server
// spread over about one bisection step), by more than the margin: the uncertainty of both searches is always on
// the candidate's side.

import { PROFILE_CHANGED } from '../config/fingerprint.js'
import type { FailOn } from '../config/gate-schema.js'
import type { CapacityResult, RunResult } from '../results/types.js'
import type { CapacityComparison, CapacitySummary, GateInput, OverallOutcome, Verdict } from './types.js'

const rate = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} req/s` : '∞')
const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)} %`
const signedPercent = (fraction: number): string =>
  `${fraction > 0 ? '+' : fraction < 0 ? '−' : '±'}${(Math.abs(fraction) * 100).toFixed(1)} %`

/** The bracket a search puts the capacity in: [sustained, first failing), 0 and ∞ at the open ends. */
export function summarizeCapacity(capacity: CapacityResult): CapacitySummary {
  return {
    status: capacity.status,
    sustainedRatePerSecond: capacity.sustainedRatePerSecond,
    firstFailingRatePerSecond: capacity.firstFailingRatePerSecond,
    lowerPerSecond: capacity.sustainedRatePerSecond ?? 0,
    upperPerSecond: capacity.firstFailingRatePerSecond ?? Number.POSITIVE_INFINITY,
    breaking: capacity.breaking,
  }
}

function bracket(summary: CapacitySummary): string {
  return `${rate(summary.lowerPerSecond)} held, ${Number.isFinite(summary.upperPerSecond) ? `${rate(summary.upperPerSecond)} broke` : 'nothing broke up to max-rate'}`
}

/** Why a search gives no usable bracket (invalid, cut short), or null when it does. */
function unusable(summary: CapacitySummary, side: string): string | null {
  if (summary.status === 'invalid') return `the ${side} search ended without an answer (invalid steps)`
  if (summary.status === 'stopped') return `the ${side} search was cut short`
  return null
}

/** A search's relative bracket width (first failing / sustained − 1): how finely it located its limit; 0 when open. */
export function bracketWidth(summary: CapacitySummary): number {
  const { lowerPerSecond: lower, upperPerSecond: upper } = summary
  return lower > 0 && Number.isFinite(upper) ? upper / lower - 1 : 0
}

/**
 * Compares the candidate's capacity with the baseline's. Each side's limit is uncertain by its bracket, and repeated
 * searches of an unchanged server land up to one bracket apart (a step near the limit can fail on a slow moment), so
 * the other side's bracket is widened by one bracket width before the margin applies:
 * - regression: the candidate broke (first failing rate) below the baseline's sustained rate ÷ (1 + its width) ×
 *   (1 − margin): a drop of at least the margin wherever both limits lie;
 * - improvement: the candidate's sustained rate ÷ (1 + its width) is above the baseline's first failing rate ×
 *   (1 + margin);
 * - otherwise no change, stating both brackets.
 */
export function compareCapacity(
  candidate: CapacityResult,
  baseline: CapacityResult,
  marginRelative: number,
): CapacityComparison {
  const after = summarizeCapacity(candidate)
  const before = summarizeCapacity(baseline)
  const change =
    before.sustainedRatePerSecond !== null && after.sustainedRatePerSecond !== null && before.sustainedRatePerSecond > 0
      ? after.sustainedRatePerSecond / before.sustainedRatePerSecond - 1
      : null
  const brackets = `baseline ${bracket(before)}; this run ${bracket(after)}`
  const common = { baseline: before, candidate: after, relativeChange: change, marginRelative }
  const broken = unusable(after, 'candidate') ?? unusable(before, 'baseline')
  if (broken !== null)
    return { ...common, outcome: 'invalid', explanation: `capacity not compared: ${broken} (${brackets})` }
  const changeText = change === null ? '' : ` (${signedPercent(change)})`
  const sustained = `sustained ${rate(before.lowerPerSecond)} → ${rate(after.lowerPerSecond)}${changeText}`
  const baseFloor = before.lowerPerSecond / (1 + bracketWidth(before))
  if (after.upperPerSecond < baseFloor * (1 - marginRelative)) {
    const confirmed = 1 - after.upperPerSecond / baseFloor
    const broke = after.breaking ? ` (${after.breaking.endpoint}: ${after.breaking.objective})` : ''
    return {
      ...common,
      outcome: 'regression',
      explanation:
        `capacity dropped: ${sustained}; this run broke at ${rate(after.upperPerSecond)}${broke}, below the baseline's ` +
        `sustained ${rate(before.lowerPerSecond)} less its ${percent(bracketWidth(before))} bracket ` +
        `(${rate(baseFloor)}): a drop of at least ${percent(confirmed)} given both searches' uncertainty ` +
        `(${brackets}), beyond the ${percent(marginRelative)} margin`,
    }
  }
  const candidateFloor = after.lowerPerSecond / (1 + bracketWidth(after))
  if (candidateFloor > before.upperPerSecond * (1 + marginRelative)) {
    const confirmed = candidateFloor / before.upperPerSecond - 1
    return {
      ...common,
      outcome: 'improvement',
      explanation:
        `capacity rose: ${sustained}; this run held ${rate(after.lowerPerSecond)} (${rate(candidateFloor)} less its ` +
        `${percent(bracketWidth(after))} bracket), above the baseline's first failing ${rate(before.upperPerSecond)}: ` +
        `a rise of at least ${percent(confirmed)} given both searches' uncertainty (${brackets})`,
    }
  }
  return {
    ...common,
    outcome: 'no-change',
    explanation:
      `capacity unchanged within both searches' uncertainty and the ${percent(marginRelative)} margin: ${sustained} ` +
      `(${brackets})`,
  }
}

const HEADLINES = {
  regression: '❌ 1 regression',
  improvement: '🚀 1 improvement',
  'no-change': '✅ No change',
  invalid: '⚠️ Invalid run',
  'no-baseline': '➖ No baseline',
} as const satisfies Record<CapacityComparison['outcome'], string>

/**
 * The verdict of a capacity run: the capacity comparison decides (latency at different rates is not compared
 * endpoint by endpoint). No baseline, a baseline of another profile, or one without a capacity search: no-baseline.
 */
export function decideCapacity(input: GateInput): Verdict {
  const candidate = input.candidate.capacity as CapacityResult
  const baselineRun: RunResult | null = input.baseline.kind === 'found' ? input.baseline.result : null
  const missing =
    input.baseline.kind === 'missing'
      ? input.baseline.reason
      : baselineRun?.profileFingerprint !== input.candidate.profileFingerprint
        ? PROFILE_CHANGED
        : baselineRun?.capacity === undefined
          ? 'the baseline has no capacity search'
          : null
  const comparison: CapacityComparison =
    missing !== null || baselineRun?.capacity === undefined
      ? {
          outcome: 'no-baseline',
          baseline: null,
          candidate: summarizeCapacity(candidate),
          relativeChange: null,
          marginRelative: input.gate.marginRelative,
          explanation: `capacity ${bracket(summarizeCapacity(candidate))}; not compared: ${missing ?? 'no baseline'}`,
        }
      : compareCapacity(candidate, baselineRun.capacity, input.gate.marginRelative)
  const outcome: OverallOutcome = comparison.outcome
  const occurred: Partial<Record<FailOn, boolean>> = {
    regression: outcome === 'regression',
    invalid: outcome === 'invalid',
    'no-baseline': outcome === 'no-baseline',
  }
  const failing = input.gate.failOn.filter((failOn) => occurred[failOn] === true)
  const accepted = input.accepted ?? null
  const warnings: string[] = []
  if (accepted !== null && failing.length > 0) {
    warnings.push(
      `Accepted by the '${accepted.label}' label${accepted.by ? ` (applied by @${accepted.by})` : ''}: ` +
        `${failing.join(', ')} would have failed the step.`,
    )
  }
  return {
    outcome,
    failed: failing.length > 0 && accepted === null,
    failing,
    endpoints: [],
    warnings,
    headline: `${HEADLINES[comparison.outcome]}: ${comparison.explanation}`,
    capacity: comparison,
  }
}
