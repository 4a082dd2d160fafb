// The `gate:` and `budgets:` sections of a profile: regression rules and absolute limits, as zod schemas.
import * as z from 'zod'
import { DURATION_HINT, parseDurationMs, parsePercentFraction } from './units.js'

/** Per-round summaries the regression test can gate on. */
export const GATED_METRICS = ['p50', 'p90', 'p95', 'p99', 'mean', 'error-rate', 'throughput'] as const
export type GatedMetric = (typeof GATED_METRICS)[number]

/** Outcomes that can fail the step. */
export const FAIL_ON = ['regression', 'budget', 'invalid', 'inconclusive', 'no-baseline'] as const
export type FailOn = (typeof FAIL_ON)[number]

/**
 * Metrics a budget can limit (k6 threshold names, plus our percentiles). `recovery`: the time after a ramp's spike
 * until p95 is back within the margin of its pre-spike level (ramping-arrival-rate profiles with a spike).
 */
export const BUDGET_METRICS = [
  'p50',
  'p90',
  'p95',
  'p99',
  'p99.9',
  'max',
  'mean',
  'error-rate',
  'rps',
  'recovery',
] as const
export type BudgetMetric = (typeof BUDGET_METRICS)[number]
export const BUDGET_OPERATORS = ['<', '<=', '>', '>='] as const
export type BudgetOperator = (typeof BUDGET_OPERATORS)[number]

/**
 * One absolute limit, e.g. `p95 < 300ms`: latency and recovery limits in ms, error-rate as a fraction, rps in
 * requests/s.
 */
export interface Budget {
  readonly expression: string
  readonly metric: BudgetMetric
  readonly operator: BudgetOperator
  readonly threshold: number
}

export interface GateSettings {
  readonly metrics: readonly GatedMetric[]
  /** Relative practical margin, a fraction (0.05 = 5 %). */
  readonly marginRelative: number
  /** Absolute practical margin, ms. The margin used is max(relative × baseline, absolute). */
  readonly marginAbsoluteMs: number
  readonly alpha: number
  readonly failOn: readonly FailOn[]
  /** A run whose error rate exceeds this fraction is invalid evidence. */
  readonly maxErrorRate: number
}

export const DEFAULT_GATE: GateSettings = Object.freeze({
  metrics: Object.freeze(['p50', 'p95'] as GatedMetric[]),
  marginRelative: 0.05,
  marginAbsoluteMs: 1,
  alpha: 0.05,
  failOn: Object.freeze(['regression', 'budget', 'invalid'] as FailOn[]),
  maxErrorRate: 0.5,
})

/** The key of `budgets:` (and `slo:`) that applies to every endpoint. */
export const EVERY_ENDPOINT_KEY = '*'

const BUDGET_PATTERN = /^\s*([a-z0-9.-]+)\s*(<=|>=|<|>)\s*(.+?)\s*$/

/**
 * Parses a budget expression the way k6 users write thresholds: `p95 < 300ms`, `p99 < 1s`, `error-rate < 1%`,
 * `rps >= 50`. Returns an error text (with the fix) instead of throwing, for zod to report with the field path.
 */
export function parseBudget(expression: string): Budget | string {
  const match = BUDGET_PATTERN.exec(expression)
  if (!match) return `'${expression}' is not a budget; write e.g. "p95 < 300ms", "error-rate < 1%" or "rps >= 50"`
  const [, metricText, operator, valueText] = match as unknown as [string, string, BudgetOperator, string]
  if (!(BUDGET_METRICS as readonly string[]).includes(metricText)) {
    return `unknown budget metric '${metricText}'; use one of ${BUDGET_METRICS.join(', ')}`
  }
  const metric = metricText as BudgetMetric
  let threshold: number | undefined
  if (metric === 'error-rate') {
    threshold = parsePercentFraction(valueText)
    if (threshold === undefined) return `'${valueText}' is not a rate for error-rate; write a percentage like 1%`
  } else if (metric === 'rps') {
    threshold = Number(valueText)
    if (!Number.isFinite(threshold) || threshold < 0) return `'${valueText}' is not a rate; write requests/s like 50`
  } else {
    threshold = parseDurationMs(valueText)
    if (threshold === undefined) return `'${valueText}' is not a duration for ${metric}; ${DURATION_HINT}`
  }
  return { expression: expression.trim(), metric, operator, threshold }
}

const budgetSchema = z.string().transform((text, ctx) => {
  const parsed = parseBudget(text)
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed })
    return z.NEVER
  }
  return parsed
})

/** `budgets:` maps an endpoint name (or `*` for every endpoint) to one expression or a list. */
export const BudgetsSchema = z
  .record(z.string(), z.union([budgetSchema, z.array(budgetSchema)]))
  .transform((record) => {
    const out: Record<string, readonly Budget[]> = {}
    for (const [endpoint, value] of Object.entries(record)) out[endpoint] = Array.isArray(value) ? value : [value]
    return out
  })

/**
 * `slo:` of the capacity model: a list of budget expressions for every endpoint (`["p95 < 50ms", "error-rate < 1%"]`),
 * or a map like `budgets:`. `rps` (the search sets the rate) and `recovery` (no spike in a step) are refused.
 */
export const SloSchema = z
  .union([z.array(budgetSchema).min(1, 'the SLO needs at least one objective, e.g. "p95 < 50ms"'), BudgetsSchema])
  .transform((value, ctx) => {
    const slo: Record<string, readonly Budget[]> = Array.isArray(value) ? { [EVERY_ENDPOINT_KEY]: value } : value
    for (const budget of Object.values(slo).flat()) {
      if (budget.metric === 'rps' || budget.metric === 'recovery') {
        ctx.addIssue({
          code: 'custom',
          message: `'${budget.expression}' cannot be an SLO: a step is judged by latency or error-rate; use e.g. "p95 < 50ms"`,
        })
        return z.NEVER
      }
    }
    return slo
  })

const percentSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const fraction = parsePercentFraction(value)
  if (fraction === undefined) {
    ctx.addIssue({ code: 'custom', message: `'${value}' is not a percentage; write e.g. 5%` })
    return z.NEVER
  }
  return fraction
})

const msSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = parseDurationMs(value, 'ms')
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `'${value}' is not a duration; ${DURATION_HINT}` })
    return z.NEVER
  }
  return ms
})

export { percentSchema }

export const GateSchema = z
  .strictObject({
    metrics: z.array(z.enum(GATED_METRICS)).min(1).optional(),
    margin: z.strictObject({ relative: percentSchema.optional(), absolute: msSchema.optional() }).optional(),
    alpha: z.number().gt(0).lt(1).optional(),
    'fail-on': z.array(z.enum(FAIL_ON)).optional(),
    'max-error-rate': percentSchema.optional(),
  })
  .transform(
    (gate): GateSettings => ({
      metrics: gate.metrics ?? DEFAULT_GATE.metrics,
      marginRelative: gate.margin?.relative ?? DEFAULT_GATE.marginRelative,
      marginAbsoluteMs: gate.margin?.absolute ?? DEFAULT_GATE.marginAbsoluteMs,
      alpha: gate.alpha ?? DEFAULT_GATE.alpha,
      failOn: gate['fail-on'] ?? DEFAULT_GATE.failOn,
      maxErrorRate: gate['max-error-rate'] ?? DEFAULT_GATE.maxErrorRate,
    }),
  )
export type Budgets = z.output<typeof BudgetsSchema>
