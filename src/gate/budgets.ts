// Absolute budgets (k6-style thresholds) evaluated on an endpoint's pooled data; they need no baseline.
import type { Budget, BudgetOperator, Budgets } from '../config/gate-schema.js'
import type { SpikeRecovery } from '../results/types.js'
import type { PooledEndpoint } from './measurements.js'
import type { BudgetCheck } from './types.js'

/** The key that applies a budget to every endpoint. */
export const EVERY_ENDPOINT = '*'

const COMPARE = {
  '<': (actual, threshold) => actual < threshold,
  '<=': (actual, threshold) => actual <= threshold,
  '>': (actual, threshold) => actual > threshold,
  '>=': (actual, threshold) => actual >= threshold,
} as const satisfies Record<BudgetOperator, (actual: number, threshold: number) => boolean>

/** The budgets that apply to an endpoint: those under `*` first, then its own. */
export function budgetsFor(endpoint: string, budgets: Budgets): readonly Budget[] {
  return [...(budgets[EVERY_ENDPOINT] ?? []), ...(budgets[endpoint] ?? [])]
}

/** Budget keys that name no measured endpoint (probably a typo): the caller warns. */
export function unknownBudgetKeys(budgets: Budgets, endpoints: readonly string[]): string[] {
  return Object.keys(budgets).filter((key) => key !== EVERY_ENDPOINT && !endpoints.includes(key))
}

/**
 * Checks each budget against the endpoint's pooled data: latency metrics in ms from the merged gated histogram,
 * error-rate as a fraction of all requests, rps over the measured duration. A latency budget on an endpoint that
 * recorded no latency fails (nothing met the limit), with `actual` 0. `recovery` reads the run's spike recovery
 * (Infinity when it did not recover by the end).
 */
export function evaluateBudgets(
  pooled: PooledEndpoint,
  budgets: readonly Budget[],
  recovery: SpikeRecovery | null = null,
): BudgetCheck[] {
  return budgets.map((budget) => {
    if (budget.metric === 'recovery') {
      // Not recovered by the end (or no spike measured): Infinity, which no limit passes.
      const actual = recovery?.recoveredAfterMs ?? Number.POSITIVE_INFINITY
      return { budget, actual, passed: COMPARE[budget.operator](actual, budget.threshold) }
    }
    const actual = measure(pooled, budget.metric)
    if (actual === null) return { budget, actual: 0, passed: false }
    return { budget, actual, passed: COMPARE[budget.operator](actual, budget.threshold) }
  })
}

/** Whether a value meets a budget (`actual < threshold` for `p95 < 300ms`, …). */
export function meetsBudget(budget: Pick<Budget, 'operator' | 'threshold'>, actual: number): boolean {
  return COMPARE[budget.operator](actual, budget.threshold)
}

/**
 * A budget metric's value over pooled data in its unit (ms, fraction, requests/s); null when there is no data for it
 * (and for `recovery`, which is a run-level figure).
 */
export function measure(pooled: PooledEndpoint, metric: Budget['metric']): number | null {
  const { histogram } = pooled
  switch (metric) {
    case 'error-rate':
      return pooled.requests === 0 ? null : pooled.errors / pooled.requests
    case 'rps':
      return pooled.durationMs > 0 ? pooled.requests / (pooled.durationMs / 1000) : null
    case 'recovery':
      return null
    case 'mean':
      return histogram.count === 0 ? null : histogram.meanUs() / 1000
    case 'max':
      return histogram.count === 0 ? null : histogram.maxUs() / 1000
    default:
      return histogram.count === 0 ? null : histogram.percentileUs(Number(metric.slice(1))) / 1000
  }
}
