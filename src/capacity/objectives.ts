// The SLO's objectives judged on a capacity step's rounds: one value per round and objective (its p95, its error
// rate, ...), an exact sign test against the threshold, Holm over the step's objectives for "broken".
import type { Budget, Budgets } from '../config/gate-schema.js'
import { formatMs } from '../config/units.js'
import { budgetsFor, measure, meetsBudget } from '../gate/budgets.js'
import { errorCount, gatedHistogram, poolEndpoint } from '../gate/measurements.js'
import { type LatencyHistogram, mergeHistograms } from '../results/histogram.js'
import type { ObjectiveCheck, RoundMeasurement, RunResult } from '../results/types.js'
import { holmAdjust } from '../stats/holm.js'
import { signTest } from '../stats/sign-test.js'

/** An objective's value over a histogram and counts, in its unit (the budgets' measure); null without data. */
function objectiveValue(budget: Budget, histogram: LatencyHistogram, requests: number, errors: number): number | null {
  return budget.metric === 'rps' ? null : measure({ histogram, requests, errors, durationMs: 0 }, budget.metric)
}

const roundValue = (run: RunResult, budget: Budget, round: RoundMeasurement): number | null =>
  objectiveValue(budget, gatedHistogram(round, run.gatedLatency), round.requests, errorCount(round))

/** Formats an objective's value in its unit. */
export function formatObjectiveValue(budget: Pick<Budget, 'metric'>, value: number): string {
  return budget.metric === 'error-rate' ? `${(value * 100).toFixed(2)} %` : formatMs(value)
}

/**
 * `holds` when its values sit on the good side of the threshold: for `<`/`<=` the sign test's "below" side. The
 * objective's operator says which side is good.
 */
function judge(values: readonly number[], budget: Budget) {
  const test = signTest(values, budget.threshold)
  const upperLimit = budget.operator === '<' || budget.operator === '<='
  return upperLimit ? { pBroken: test.pAbove, pHolds: test.pBelow } : { pBroken: test.pBelow, pHolds: test.pAbove }
}

/**
 * Judges every objective of the SLO on every endpoint of the last attempt, over the rounds of all `attempts`
 * (pooled): an exact sign test per objective, Holm over the step's "broken" p-values.
 */
export function judgeObjectives(attempts: readonly RunResult[], slo: Budgets, alpha: number): ObjectiveCheck[] {
  const last = attempts[attempts.length - 1]
  const pending: Omit<ObjectiveCheck, 'status' | 'pBroken'>[] = []
  const rawBroken: number[] = []
  for (const endpoint of last?.endpoints ?? []) {
    const sides = attempts.flatMap((run) => {
      const own = run.endpoints.find((e) => e.name === endpoint.name)
      return own === undefined ? [] : [{ run, endpoint: own }]
    })
    const pooled = sides.map(({ run, endpoint: own }) => poolEndpoint(run, own))
    const histogram = mergeHistograms(pooled.map((p) => p.histogram))
    const requests = pooled.reduce((n, p) => n + p.requests, 0)
    const errors = pooled.reduce((n, p) => n + p.errors, 0)
    for (const budget of budgetsFor(endpoint.name, slo)) {
      const values = sides.flatMap(({ run, endpoint: own }) =>
        own.rounds.map((round) => roundValue(run, budget, round)).filter((value): value is number => value !== null),
      )
      const { pBroken, pHolds } = judge(values, budget)
      rawBroken.push(pBroken)
      pending.push({
        endpoint: endpoint.name,
        objective: budget.expression,
        roundValues: values,
        pooled: objectiveValue(budget, histogram, requests, errors),
        pHolds,
      })
    }
  }
  const adjusted = holmAdjust(rawBroken)
  return pending.map((check, index) => {
    const pBroken = adjusted[index] as number
    const status = pBroken < alpha ? 'broken' : check.pHolds < alpha ? 'holds' : 'undecided'
    return { ...check, pBroken, status }
  })
}

export function sloBudget(slo: Budgets, check: Pick<ObjectiveCheck, 'endpoint' | 'objective'>): Budget {
  return budgetsFor(check.endpoint, slo).find((budget) => budget.expression === check.objective) as Budget
}

/** Rounds whose value misses the objective. */
export function countOver(slo: Budgets, check: ObjectiveCheck): number {
  const budget = sloBudget(slo, check)
  return check.roundValues.filter((value) => !meetsBudget(budget, value)).length
}

/** `3 of 10`: rounds that missed the objective, of all. */
export function roundsOver(slo: Budgets, check: ObjectiveCheck): string {
  return `${countOver(slo, check)} of ${check.roundValues.length}`
}
