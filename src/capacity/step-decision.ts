// Whether one capacity step held the SLO, with the gate's kind of evidence: the step's rounds are the unit (never
// single, autocorrelated requests). Each objective is judged by an exact sign test of its round values against the
// threshold (Holm over the step's objectives for "broken"); a queue that grows round over round (Mann-Kendall trend
// beyond the gate's practical margin) means the rate cannot be sustained, even if the SLO still held in the step.
import type { Budget, Budgets, GateSettings } from '../config/gate-schema.js'
import { formatMs } from '../config/units.js'
import { budgetsFor } from '../gate/budgets.js'
import { errorCount, gatedHistogram, poolEndpoint } from '../gate/measurements.js'
import { marginFor, median } from '../gate/metric-rule.js'
import { mergeHistograms } from '../results/histogram.js'
import type { CapacityStepOutcome, ObjectiveCheck, RoundMeasurement, RunResult } from '../results/types.js'
import { holmAdjust } from '../stats/holm.js'
import { signTest } from '../stats/sign-test.js'
import { mannKendall, theilSenSlope } from '../stats/trend.js'

export interface StepDecision {
  readonly outcome: CapacityStepOutcome
  readonly reason: string
  readonly objectives: readonly ObjectiveCheck[]
  /** The objective that broke (the smallest p), when the step failed on one. */
  readonly breaking: { readonly endpoint: string; readonly objective: string; readonly actual: number | null } | null
}

/** An objective's metric over some latency histogram and counts, in its unit; null when there is no data. */
function objectiveValue(
  budget: Budget,
  histogram: { count: number; percentileUs(p: number): number; meanUs(): number; maxUs(): number },
  requests: number,
  errors: number,
): number | null {
  switch (budget.metric) {
    case 'error-rate':
      return requests === 0 ? null : errors / requests
    case 'rps':
      return null
    case 'mean':
      return histogram.count === 0 ? null : histogram.meanUs() / 1000
    case 'max':
      return histogram.count === 0 ? null : histogram.maxUs() / 1000
    default:
      return histogram.count === 0 ? null : histogram.percentileUs(Number(budget.metric.slice(1))) / 1000
  }
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
 * Decides a step from its run (or, for a repeated step, from both attempts: their rounds are pooled, which is what
 * makes the repeat able to decide). Invalid when the generator was unhealthy (fell behind, waited on its in-flight
 * cap, lagged): never "capacity found". Fail when an objective is broken (Holm-adjusted p < alpha) or latency rises
 * round over round in an attempt (see risingLatency); pass when every objective holds (p < alpha each: an
 * intersection-union test needs no adjustment); otherwise undecided.
 */
export function decideStep(attempts: readonly RunResult[], slo: Budgets, gate: GateSettings): StepDecision {
  const unhealthy = attempts.flatMap((run) => run.health.invalidReasons)
  const last = attempts[attempts.length - 1]
  if (last === undefined || last.health.invalidReasons.length > 0) {
    return {
      outcome: 'invalid',
      reason: `the generator did not keep up: ${unhealthy.join('; ')}`,
      objectives: [],
      breaking: null,
    }
  }
  const usable = attempts.filter((run) => run.health.invalidReasons.length === 0)
  const pending: Omit<ObjectiveCheck, 'status' | 'pBroken'>[] = []
  const rawBroken: number[] = []
  for (const endpoint of last.endpoints) {
    const sides = usable.flatMap((run) => {
      const own = run.endpoints.find((e) => e.name === endpoint.name)
      return own === undefined ? [] : [{ run, endpoint: own }]
    })
    for (const budget of budgetsFor(endpoint.name, slo)) {
      const values = sides.flatMap(({ run, endpoint: own }) =>
        own.rounds.map((round) => roundValue(run, budget, round)).filter((value): value is number => value !== null),
      )
      const pooled = sides.map(({ run, endpoint: own }) => poolEndpoint(run, own))
      const histogram = mergeHistograms(pooled.map((p) => p.histogram))
      const requests = pooled.reduce((n, p) => n + p.requests, 0)
      const errors = pooled.reduce((n, p) => n + p.errors, 0)
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
  const objectives: ObjectiveCheck[] = pending.map((check, index) => {
    const pBroken = adjusted[index] as number
    const status = pBroken < gate.alpha ? 'broken' : check.pHolds < gate.alpha ? 'holds' : 'undecided'
    return { ...check, pBroken, status }
  })
  const broken = objectives.filter((check) => check.status === 'broken')
  if (broken.length > 0) {
    const first = broken.reduce((a, b) => (b.pBroken < a.pBroken ? b : a))
    const budget = sloBudget(slo, first)
    const rounds = first.roundValues.filter((value) => !meets(budget, value)).length
    return {
      outcome: 'fail',
      reason:
        `${first.endpoint}: ${first.objective} broken (${first.pooled === null ? 'no data' : formatObjectiveValue(budget, first.pooled)} ` +
        `over the step; ${rounds} of ${first.roundValues.length} rounds over; sign test p = ${first.pBroken.toPrecision(2)})`,
      objectives,
      breaking: { endpoint: first.endpoint, objective: first.objective, actual: first.pooled },
    }
  }
  for (const run of usable) {
    const rising = risingLatency(run, gate)
    if (rising !== null) return { outcome: 'fail', reason: rising.reason, objectives, breaking: rising.breaking }
  }
  if (objectives.length > 0 && objectives.every((check) => check.status === 'holds')) {
    const over = objectives.reduce((n, check) => Math.max(n, Number(roundsOver(slo, check).split(' ')[0])), 0)
    const rounds = objectives[0]?.roundValues.length ?? 0
    return {
      outcome: 'pass',
      reason:
        over === 0
          ? `every objective held in all ${rounds} rounds`
          : `every objective held (at most ${over} of ${rounds} rounds over)`,
      objectives,
      breaking: null,
    }
  }
  const open = objectives.filter((check) => check.status !== 'holds')
  const reason =
    open.length === 0
      ? 'no objective could be measured (no requests finished)'
      : `neither held nor broken: ${open
          .map((check) => `${check.endpoint} ${check.objective} (${roundsOver(slo, check)} rounds over)`)
          .join(', ')}`
  return { outcome: 'undecided', reason, objectives, breaking: null }
}

function sloBudget(slo: Budgets, check: Pick<ObjectiveCheck, 'endpoint' | 'objective'>): Budget {
  return budgetsFor(check.endpoint, slo).find((budget) => budget.expression === check.objective) as Budget
}

function meets(budget: Budget, value: number): boolean {
  switch (budget.operator) {
    case '<':
      return value < budget.threshold
    case '<=':
      return value <= budget.threshold
    case '>':
      return value > budget.threshold
    case '>=':
      return value >= budget.threshold
  }
}

function roundsOver(slo: Budgets, check: ObjectiveCheck): string {
  const budget = sloBudget(slo, check)
  return `${check.roundValues.filter((value) => !meets(budget, value)).length} of ${check.roundValues.length}`
}

/**
 * A rise this large relative to the step's median p10 is a growing queue, not noise: above capacity by a fraction
 * ε, the wait grows by ε seconds per second, so even 1 % over the limit adds tens of ms over a step of seconds.
 */
export const TREND_MARGIN_RELATIVE = 0.2

/**
 * The trend test's level is alpha / 10 (and Bonferroni over endpoints): only the near-monotone rise of a growing
 * queue should end a step, not the bump a busy runner leaves in one or two rounds.
 */
export const TREND_ALPHA_DIVISOR = 10

/**
 * The percentile whose rise marks a growing queue: a low one. Above capacity the queue never empties, so even the
 * fastest requests of a round wait for the backlog; below it, a stall of the runner delays some requests of a round
 * but rarely its fastest tenth, so this percentile stays at the service time.
 */
export const TREND_PERCENTILE = 10

/**
 * A queue that grows through the step: the rounds' p10 rise (Mann-Kendall one-sided p < alpha / 10, Bonferroni
 * over endpoints) by more than max(the gate's margin, 20 % of the median p10) over the step (Theil-Sen slope × rounds).
 * In an open model above capacity the backlog grows linearly, so this catches a rate just above the limit before
 * its SLO breaks.
 */
function risingLatency(
  run: RunResult,
  gate: GateSettings,
): { reason: string; breaking: StepDecision['breaking'] } | null {
  for (const endpoint of run.endpoints) {
    const lows: number[] = []
    const at: number[] = []
    for (const [index, round] of endpoint.rounds.entries()) {
      const histogram = gatedHistogram(round, run.gatedLatency)
      if (histogram.count === 0) continue
      lows.push(histogram.percentileUs(TREND_PERCENTILE) / 1000)
      at.push(index)
    }
    if (lows.length < 4) continue
    const trend = mannKendall(lows)
    const risePerStep = theilSenSlope(at, lows) * (endpoint.rounds.length - 1)
    const margin = Math.max(marginFor('p50', median(lows), gate), TREND_MARGIN_RELATIVE * median(lows))
    if (trend.pIncreasing < gate.alpha / TREND_ALPHA_DIVISOR / run.endpoints.length && risePerStep > margin) {
      return {
        reason:
          `${endpoint.name}: latency rose round over round (p${TREND_PERCENTILE} ${formatMs(lows[0] as number)} → ` +
          `${formatMs(lows[lows.length - 1] as number)}, +${formatMs(risePerStep)} over the step, beyond the ` +
          `${formatMs(margin)} margin; Mann-Kendall p = ${trend.pIncreasing.toPrecision(2)}): a growing queue, not sustainable`,
        breaking: { endpoint: endpoint.name, objective: 'sustainable (no growing queue)', actual: null },
      }
    }
  }
  return null
}
