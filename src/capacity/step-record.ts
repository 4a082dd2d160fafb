// What a capacity search records: each step as it ran and was decided, and the sentence that says what it found.
import type { CapacitySettings } from '../config/profile.js'
import type { CapacityResult, CapacityStep, RunResult, SafetyStop } from '../results/types.js'
import type { SafetyTrip } from './safety.js'
import type { SearchConclusion } from './search.js'
import type { StepDecision } from './step-decision.js'

export function buildStep(
  index: number,
  ratePerSecond: number,
  attempt: number,
  run: RunResult,
  decision: StepDecision,
  safetyStop: SafetyStop | null,
): CapacityStep {
  return {
    index,
    ratePerSecond,
    attempt,
    outcome: decision.outcome,
    reason: decision.reason,
    safetyStop,
    warmupMs: run.warmupMs,
    durationMs: run.durationMs,
    rounds: run.rounds,
    endpoints: run.endpoints,
    health: run.health,
    objectives: decision.objectives,
  }
}

export const countRequests = (run: RunResult): number =>
  run.endpoints.reduce(
    (total, endpoint) => total + endpoint.warmupRequests + endpoint.rounds.reduce((n, r) => n + r.requests, 0),
    0,
  )

/** The endpoint a safety stop concerns: the one with the most errors, else the first. */
export function safetyBreaking(trip: SafetyTrip, run: RunResult): StepDecision['breaking'] {
  const endpoint = run.endpoints[0]?.name ?? '*'
  return { endpoint, objective: `safety stop (${trip.stop})`, actual: null }
}

/** What broke at the first failing rate (the last step run there). */
export function firstBreaking(
  steps: readonly CapacityStep[],
  decisions: readonly StepDecision[],
  firstFailing: number | null,
): CapacityResult['breaking'] {
  if (firstFailing === null) return null
  const index = steps.findLastIndex((step) => step.ratePerSecond === firstFailing)
  return decisions[index]?.breaking ?? null
}

export function describeConclusion(
  conclusion: SearchConclusion,
  settings: CapacitySettings,
  steps: readonly CapacityStep[],
  stoppedWhy: string | null,
): string {
  const rate = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)}/s`)
  const { sustainedRatePerSecond: low, firstFailingRatePerSecond: high } = conclusion
  switch (conclusion.status) {
    case 'found': {
      const resolution = `${(settings.resolution * 100).toFixed(1)} %`
      const coarse = low !== null && high !== null && high / low - 1 > settings.resolution + 1e-9
      const last = steps[steps.length - 1]
      return coarse
        ? `sustained ${rate(low)}; broke at ${rate(high)} (coarser than the ${resolution} resolution: ${rate(last?.ratePerSecond ?? null)} could not be measured, ${last?.reason ?? 'invalid'})`
        : `sustained ${rate(low)}; broke at ${rate(high)} (within the ${resolution} resolution)`
    }
    case 'at-max-rate':
      return `held up to max-rate ${rate(settings.maxRatePerSecond)}: the capacity is at least that (raise max-rate to search further)`
    case 'below-start-rate':
      return `the first step (${rate(high)}) already broke the SLO: the capacity is below start-rate; lower start-rate`
    case 'invalid': {
      const last = steps[steps.length - 1]
      return `the search stopped without an answer: ${last?.reason ?? 'invalid step'} (${last?.attempt ?? 1} attempts at ${rate(last?.ratePerSecond ?? null)})`
    }
    case 'stopped':
      return `the search was cut short (${stoppedWhy ?? 'stopped'}); sustained so far ${rate(low)}, first failing ${rate(high)}`
  }
}
