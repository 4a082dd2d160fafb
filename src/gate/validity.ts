// Whether the evidence can be used: invalid runs and endpoints, and the warnings a reader should see.
import type { GateSettings } from '../config/gate-schema.js'
import type { ErrorClass, RunResult } from '../results/types.js'
import { minimumExactPValue } from '../stats/exact-distribution.js'
import { minimumSignedRankPValue } from '../stats/signed-rank.js'
import { formatP } from './explain.js'
import { type PooledEndpoint, poolEndpoint } from './measurements.js'

/** Run-level reasons that make every endpoint invalid (candidate or baseline health). */
export function runInvalidReason(candidate: RunResult, baseline: RunResult | null): string | null {
  if (candidate.health.invalidReasons.length > 0) return `run invalid: ${candidate.health.invalidReasons.join('; ')}`
  if (baseline !== null && baseline.health.invalidReasons.length > 0) {
    return `baseline run invalid: ${baseline.health.invalidReasons.join('; ')}`
  }
  return null
}

/** Why one endpoint's data cannot be used: no requests, or more errors than `gate.maxErrorRate`. */
export function endpointInvalidReason(
  side: 'candidate' | 'baseline',
  pooled: PooledEndpoint,
  gate: GateSettings,
): string | null {
  const prefix = side === 'baseline' ? 'baseline: ' : ''
  if (pooled.requests === 0) return `${prefix}no requests were measured`
  const errorRate = pooled.errors / pooled.requests
  if (errorRate > gate.maxErrorRate) {
    const percent = (value: number): string => `${(value * 100).toFixed(1)} %`
    return `${prefix}${percent(errorRate)} of requests failed (max-error-rate is ${percent(gate.maxErrorRate)})`
  }
  return null
}

/**
 * Rounds per side needed for the gate to be able to fail: the smallest k with 1/binom(2k, k) < alpha/m.
 * @example roundsNeeded(0.05, 6) // => 5
 */
export function roundsNeeded(alpha: number, comparisons: number): number {
  let k = 1
  while (minimumExactPValue(k, k) >= alpha / comparisons && k < 50) k++
  return k
}

/**
 * The warning when the exact test cannot reach alpha/m with these rounds (Holm's first step), so the gate can never
 * report a regression; null when it can.
 */
export function cannotFailWarning(input: {
  readonly baselineRounds: number
  readonly candidateRounds: number
  readonly comparisons: number
  readonly alpha: number
  /** Live A/B: the rounds are pairs and the signed-rank test's smallest p is 1/2^pairs. */
  readonly paired?: boolean
}): string | null {
  const { baselineRounds, candidateRounds, comparisons, alpha } = input
  if (comparisons === 0 || baselineRounds === 0 || candidateRounds === 0) return null
  const pairs = Math.min(baselineRounds, candidateRounds)
  const smallest = input.paired ? minimumSignedRankPValue(pairs) : minimumExactPValue(baselineRounds, candidateRounds)
  const level = alpha / comparisons
  if (smallest < level) return null
  const needed = input.paired ? Math.ceil(Math.log2(comparisons / alpha) + 1e-9) : roundsNeeded(alpha, comparisons)
  const measured = input.paired
    ? `With ${pairs} A/B pairs (signed-rank test)`
    : `With ${baselineRounds} baseline and ${candidateRounds} candidate rounds`
  return (
    `${measured} the smallest possible p-value is ` +
    `${formatP(smallest)}, not below alpha/comparisons = ${alpha}/${comparisons} = ${formatP(level)}: the gate can ` +
    `never report a regression. Use at least ${needed} rounds per side.`
  )
}

/** Warnings about the machines: a baseline measured on other hardware is compared, but the reader should know. */
export function environmentWarnings(candidate: RunResult, baseline: RunResult): string[] {
  const warnings: string[] = []
  const a = baseline.environment
  const b = candidate.environment
  if (a.cpuModel !== b.cpuModel || a.cores !== b.cores) {
    warnings.push(
      `The baseline ran on ${a.cpuModel} (${a.cores} cores), this run on ${b.cpuModel} (${b.cores} cores); ` +
        'compared anyway, but part of any change may be the machine.',
    )
  }
  if (baseline.gatedLatency !== candidate.gatedLatency) {
    warnings.push(
      `The baseline gates on ${baseline.gatedLatency} latency, this run on ${candidate.gatedLatency}; compared anyway.`,
    )
  }
  return warnings
}

/** A warning for a run that was cut short (signal, max-duration). */
export function completionWarnings(run: RunResult, side: 'candidate' | 'baseline'): string[] {
  if (run.completion.status === 'complete') return []
  const which = side === 'candidate' ? 'This run' : 'The baseline run'
  return [`${which} was cut short (${run.completion.reason}); only its completed rounds are compared.`]
}

/** Failed requests of one error class over a whole run. */
export interface ErrorClassCount {
  readonly errorClass: ErrorClass
  readonly count: number
}

/**
 * Why a measured run is no evidence by itself, before any baseline is looked at (`tailgate run` says it at once):
 * the generator's health reasons (it fell behind, its event loop lagged), then every endpoint without requests or
 * with more errors than `gate.maxErrorRate` (a dead target fails them all). With the error classes over the whole
 * run, most frequent first, so the message can name each with its fix. No problems: the run is valid evidence.
 */
export function measuredRunProblems(
  run: RunResult,
  gate: GateSettings,
): { readonly problems: string[]; readonly errors: ErrorClassCount[] } {
  const problems = [...run.health.invalidReasons]
  const totals = new Map<ErrorClass, number>()
  let requests = 0
  let failed = 0
  const endpointProblems: string[] = []
  for (const endpoint of run.endpoints) {
    const pooled = poolEndpoint(run, endpoint)
    requests += pooled.requests
    failed += pooled.errors
    const reason = endpointInvalidReason('candidate', pooled, gate)
    if (reason !== null) endpointProblems.push(`${endpoint.name}: ${reason}`)
    for (const round of endpoint.rounds) {
      for (const [errorClass, count] of Object.entries(round.errors) as [ErrorClass, number | undefined][]) {
        if (count) totals.set(errorClass, (totals.get(errorClass) ?? 0) + count)
      }
    }
  }
  if (requests === 0) problems.push('no request was measured')
  else if (failed === requests) problems.push(`every request failed (${failed} of ${requests})`)
  else problems.push(...endpointProblems)
  const errors = [...totals].map(([errorClass, count]) => ({ errorClass, count })).sort((a, b) => b.count - a.count)
  return { problems, errors }
}
