// Whether one capacity step held the SLO, with the gate's kind of evidence: the step's rounds are the unit (never
// single, autocorrelated requests). Each objective is judged by an exact sign test of its round values against the
// threshold (objectives.ts); a queue that grows round over round means the rate cannot be sustained, even if the
// SLO still held in the step (queue-trend.ts).
import type { Budgets, GateSettings } from '../config/gate-schema.js'
import type { CapacityStepOutcome, ObjectiveCheck, RunResult } from '../results/types.js'
import { screenStalls, smallestLatencyMs, stallLimitMs } from './generator-stalls.js'
import { countOver, formatObjectiveValue, judgeObjectives, roundsOver, sloBudget } from './objectives.js'
import { risingLatency } from './queue-trend.js'

export interface StepDecision {
  readonly outcome: CapacityStepOutcome
  readonly reason: string
  readonly objectives: readonly ObjectiveCheck[]
  /** The objective that broke (the smallest p), when the step failed on one. */
  readonly breaking: { readonly endpoint: string; readonly objective: string; readonly actual: number | null } | null
}

/**
 * Decides a step from its run (or, for a repeated step, from both attempts: their rounds are pooled, which is what
 * makes the repeat able to decide). Invalid when the generator was unhealthy (fell behind, waited on its in-flight
 * cap): never "capacity found". Fail when an objective is broken (Holm-adjusted p < alpha) or latency rises round
 * over round in an attempt (see risingLatency); pass when every objective holds (p < alpha each: an
 * intersection-union test needs no adjustment); otherwise undecided.
 */
export function decideStep(attempts: readonly RunResult[], slo: Budgets, gate: GateSettings): StepDecision {
  const last = attempts[attempts.length - 1]
  if (last === undefined || last.health.invalidReasons.length > 0) {
    const unhealthy = attempts.flatMap((run) => run.health.invalidReasons)
    return {
      outcome: 'invalid',
      reason: `the generator did not keep up: ${unhealthy.join('; ')}`,
      objectives: [],
      breaking: null,
    }
  }
  const usable = attempts.filter((run) => run.health.invalidReasons.length === 0)
  // Generator lateness only makes a step look worse: a pass as measured stands. Otherwise the rounds the generator
  // disturbed (sends late past the limit) are set aside and the step decided on the rest; too few left: invalid.
  const asMeasured = decideScreened(usable, slo, gate)
  if (asMeasured.outcome === 'pass') return asMeasured
  const limitMs = stallLimitMs(slo)
  const screens = usable.map((run) => screenStalls(run, limitMs, smallestLatencyMs(slo)))
  const aside = screens.reduce((n, screen) => n + screen.setAside.length, 0)
  if (aside === 0) return asMeasured
  const own = screens[screens.length - 1]
  if (own?.tooFew) {
    return {
      outcome: 'invalid',
      reason:
        `the generator stalled: ${own.setAside.length} of ${last.rounds.length} rounds set aside (their sends up to ` +
        `${own.worstLatenessMs.toFixed(0)} ms late, past ${limitMs.toFixed(0)} ms, and the round after each); ` +
        `as measured: ${asMeasured.reason}`,
      objectives: [],
      breaking: null,
    }
  }
  const decision = decideScreened(
    screens.map((screen) => screen.run),
    slo,
    gate,
  )
  return { ...decision, reason: `${decision.reason} (${aside} rounds set aside: the generator stalled)` }
}

function decideScreened(usable: readonly RunResult[], slo: Budgets, gate: GateSettings): StepDecision {
  const objectives = judgeObjectives(usable, slo, gate.alpha)
  const broken = objectives.filter((check) => check.status === 'broken')
  if (broken.length > 0) {
    const first = broken.reduce((a, b) => (b.pBroken < a.pBroken ? b : a))
    const budget = sloBudget(slo, first)
    const value = first.pooled === null ? 'no data' : formatObjectiveValue(budget, first.pooled)
    return {
      outcome: 'fail',
      reason:
        `${first.endpoint}: ${first.objective} broken (${value} over the step; ${roundsOver(slo, first)} rounds ` +
        `over; sign test p = ${first.pBroken.toPrecision(2)})`,
      objectives,
      breaking: { endpoint: first.endpoint, objective: first.objective, actual: first.pooled },
    }
  }
  for (const run of usable) {
    const rising = risingLatency(run, gate)
    if (rising !== null) return { outcome: 'fail', reason: rising.reason, objectives, breaking: rising.breaking }
  }
  if (objectives.length > 0 && objectives.every((check) => check.status === 'holds')) {
    const over = Math.max(...objectives.map((check) => countOver(slo, check)))
    const rounds = objectives[0]?.roundValues.length ?? 0
    const reason =
      over === 0
        ? `every objective held in all ${rounds} rounds`
        : `every objective held (at most ${over} of ${rounds} rounds over)`
    return { outcome: 'pass', reason, objectives, breaking: null }
  }
  const open = objectives.filter((check) => check.status !== 'holds')
  const reason =
    open.length === 0
      ? 'no objective could be measured (no requests finished)'
      : `neither held nor broken: ${open.map((c) => `${c.endpoint} ${c.objective} (${roundsOver(slo, c)} rounds over)`).join(', ')}`
  return { outcome: 'undecided', reason, objectives, breaking: null }
}
