// The verdict's one-line headline: overall outcome, how many endpoints it concerns, and the worst change.
import { formatRelative, formatRelativeInterval, formatSigned, formatValue } from './explain.js'
import type { BudgetCheck, EndpointVerdict, MetricComparison, OverallOutcome } from './types.js'

/** The emoji of each overall outcome: the headline starts with it, and the reports show the same one. */
export const OUTCOME_EMOJI = {
  invalid: '⚠️',
  regression: '❌',
  'budget-violation': '❌',
  inconclusive: '❔',
  'no-baseline': '➖',
  improvement: '🚀',
  pass: '✅',
  'no-change': '✅',
} as const satisfies Record<OverallOutcome, string>

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/**
 * E.g. `❌ 1 regression: GET /search p95 +31.2 % (95.9 % CI +27.0 % to +35.5 %)`, `✅ No change: 3 endpoints within
 * the margin`, `❌ 1 budget exceeded: GET /search p95 312 ms (budget p95 < 300ms)`.
 */
export function headline(outcome: OverallOutcome, endpoints: readonly EndpointVerdict[]): string {
  const emoji = OUTCOME_EMOJI[outcome]
  const of = (kind: EndpointVerdict['outcome']['kind']): EndpointVerdict[] =>
    endpoints.filter((endpoint) => endpoint.outcome.kind === kind)
  switch (outcome) {
    case 'invalid': {
      const first = of('invalid')[0]
      const reason = first?.outcome.kind === 'invalid' ? first.outcome.reason : 'the run measured no endpoint'
      return `${emoji} Invalid run: ${first ? `${first.endpoint}: ` : ''}${reason}`
    }
    case 'regression': {
      const regressions = of('regression')
      const worst = extreme(
        regressions.flatMap((e) => (e.outcome.kind === 'regression' ? [[e.endpoint, e.outcome.worst] as const] : [])),
      )
      return `${emoji} ${plural(regressions.length, 'regression')}: ${describe(worst)}`
    }
    case 'budget-violation': {
      const failed = endpoints.flatMap((e) =>
        e.budgets.filter((check) => !check.passed).map((check) => [e.endpoint, check] as const),
      )
      const [endpoint, check] = failed[0] as readonly [string, BudgetCheck]
      return `${emoji} ${failed.length} budget${failed.length === 1 ? '' : 's'} exceeded: ${endpoint} ${budgetActual(check)} (budget ${check.budget.expression})`
    }
    case 'inconclusive': {
      const inconclusive = of('inconclusive')
      const names = inconclusive.map((e) => e.endpoint).join(', ')
      const resolution = resolutionOf(inconclusive)
      const caught = resolution === null ? '' : `; only ${resolution} would have been caught`
      return `${emoji} Inconclusive: ${plural(inconclusive.length, 'endpoint')} could not resolve the margin (${names})${caught}, no sign of a regression`
    }
    case 'no-baseline': {
      const first = of('no-baseline')[0]
      const reason = first?.outcome.kind === 'no-baseline' ? first.outcome.reason : ''
      const all = of('no-baseline').length === endpoints.length
      return `${emoji} No baseline${all ? '' : ` for ${plural(of('no-baseline').length, 'endpoint')}`}: ${reason}`
    }
    case 'improvement': {
      const improvements = of('improvement')
      const best = extreme(
        improvements.flatMap((e) => (e.outcome.kind === 'improvement' ? [[e.endpoint, e.outcome.best] as const] : [])),
      )
      return `${emoji} ${plural(improvements.length, 'improvement')}: ${describe(best)}`
    }
    case 'pass': {
      const resolution = resolutionOf(endpoints)
      const caught = resolution === null ? '' : `: ${resolution} would have been caught`
      return `${emoji} No regression in ${plural(endpoints.length, 'endpoint')}${caught}`
    }
    case 'no-change':
      return `${emoji} No change: ${plural(endpoints.length, 'endpoint')} within the margin`
  }
}

/**
 * The run's resolution in words, from the comparison that resolves least (largest detectable worsening relative to
 * its baseline): `a slowdown of +14.2 % or more (GET /a p95)`; null when no comparison states one.
 */
export function resolutionOf(endpoints: readonly EndpointVerdict[]): string | null {
  let coarsest: readonly [string, MetricComparison, number] | null = null
  for (const endpoint of endpoints) {
    for (const comparison of endpoint.comparisons) {
      if (comparison.detectableShift === null || comparison.outcome === 'regression') continue
      const base = Math.abs(comparison.baselineMedian)
      const size = base > 0 ? comparison.detectableShift / base : Number.POSITIVE_INFINITY
      if (coarsest === null || size > coarsest[2]) coarsest = [endpoint.endpoint, comparison, size]
    }
  }
  if (coarsest === null) return null
  const [endpoint, comparison, size] = coarsest
  const worse =
    comparison.metric === 'throughput' ? 'a throughput drop' : comparison.unit === 'ms' ? 'a slowdown' : 'a rise'
  const amount = Number.isFinite(size)
    ? `${comparison.metric === 'throughput' ? '−' : '+'}${(size * 100).toFixed(1)} %`
    : formatValue(comparison.detectableShift as number, comparison.unit)
  return `${worse} of ${amount} or more (${endpoint} ${comparison.metric})`
}

/** The comparison with the largest relative change (in absolute value) among (endpoint, comparison) pairs. */
function extreme(pairs: readonly (readonly [string, MetricComparison])[]): readonly [string, MetricComparison] {
  const size = (c: MetricComparison): number =>
    Number.isFinite(c.relativeShift) ? Math.abs(c.relativeShift) : Math.abs(c.shift)
  return pairs.reduce((best, pair) => (size(pair[1]) > size(best[1]) ? pair : best))
}

function describe([endpoint, comparison]: readonly [string, MetricComparison]): string {
  const change =
    comparison.unit === 'ms' && Number.isFinite(comparison.relativeShift)
      ? `${formatRelative(comparison.relativeShift)}${formatRelativeInterval(comparison)}`
      : formatSigned(comparison.shift, comparison.unit)
  return `${endpoint} ${comparison.metric} ${change}`
}

function budgetActual(check: BudgetCheck): string {
  const { metric } = check.budget
  if (metric === 'error-rate') return `error-rate ${formatValue(check.actual, 'fraction')}`
  if (metric === 'rps') return `rps ${formatValue(check.actual, 'rps')}`
  if (metric === 'recovery' && !Number.isFinite(check.actual)) return 'recovery: not recovered by the end'
  return `${metric} ${formatValue(check.actual, 'ms')}`
}
