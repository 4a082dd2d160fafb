// Hand-built report inputs for the report tests: verdicts from the gate's types (not from the gate), runs from
// the shared synthetic RunResult helper. Every builder takes overrides so a test states only what it is about.

import type { Budget } from '../../src/config/gate-schema.js'
import type {
  BudgetCheck,
  EndpointOutcome,
  EndpointVerdict,
  LatencySummary,
  MetricComparison,
  Verdict,
} from '../../src/gate/types.js'
import type { ReportBaseline, ReportInput } from '../../src/report/types.js'
import type { BaselineSource } from '../../src/results/provenance.js'
import type { RunResult } from '../../src/results/types.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'

/** A p95 comparison: baseline rounds around 20 ms, candidate rounds shifted by `shiftMs`. */
export function comparison(overrides: Partial<MetricComparison> = {}): MetricComparison {
  const shift = overrides.shift ?? 0.2
  const outcome = overrides.outcome ?? 'no-change'
  return {
    metric: 'p95',
    unit: 'ms',
    baselineRounds: [20.1, 19.8, 20.4, 20.0, 19.9],
    candidateRounds: [20.1 + shift, 19.8 + shift, 20.4 + shift, 20.0 + shift, 19.9 + shift],
    baselineMedian: 20,
    candidateMedian: 20 + shift,
    shift,
    relativeShift: shift / 20,
    shiftInterval: { lower: shift - 0.5, upper: shift + 0.5, confLevel: 0.95 },
    margin: 1,
    pValue: outcome === 'regression' ? 0.004 : 0.41,
    pValueAdjusted: outcome === 'regression' ? 0.008 : 0.82,
    outcome,
    detectableShift: 0.9,
    explanation: `p95 ${shift >= 0 ? '+' : ''}${shift} ms, 95 % CI [${shift - 0.5}, ${shift + 0.5}] ms, p=0.41, margin 1 ms, 5 vs 5 rounds`,
    ...overrides,
  }
}

/** A latency summary around `p50Ms`. */
export function summary(p50Ms = 10, overrides: Partial<LatencySummary> = {}): LatencySummary {
  return {
    requests: 1000,
    p50Ms,
    p95Ms: p50Ms * 2,
    p99Ms: p50Ms * 3,
    errorRate: 0,
    ratePerSecond: 100,
    ...overrides,
  }
}

/** A budget check, e.g. `budgetCheck('p95 < 300ms', 'p95', 300, 350)` (failed). */
export function budgetCheck(
  expression: string,
  metric: Budget['metric'],
  threshold: number,
  actual: number,
): BudgetCheck {
  const budget: Budget = { expression, metric, operator: '<', threshold }
  return { budget, actual, passed: actual < threshold }
}

/** An endpoint verdict; the comparisons default to match the outcome. */
export function endpointVerdict(
  endpoint: string,
  outcome: EndpointOutcome,
  overrides: Partial<EndpointVerdict> = {},
): EndpointVerdict {
  const comparisons: MetricComparison[] =
    outcome.kind === 'regression'
      ? [outcome.worst]
      : outcome.kind === 'improvement'
        ? [outcome.best]
        : outcome.kind === 'no-change' || outcome.kind === 'inconclusive'
          ? [comparison({ outcome: outcome.kind })]
          : []
  return {
    endpoint,
    outcome,
    comparisons,
    budgets: [],
    requestLevel: null,
    baseline: outcome.kind === 'no-baseline' ? null : summary(10),
    candidate: summary(outcome.kind === 'regression' ? 14 : 10),
    ...overrides,
  }
}

export const regressionOf = (shift = 4): EndpointOutcome => ({
  kind: 'regression',
  worst: comparison({
    shift,
    outcome: 'regression',
    explanation: `p95 +${shift} ms (+20.0 %), p=0.004, 5 vs 5 rounds`,
  }),
})
export const improvementOf = (shift = -4): EndpointOutcome => ({
  kind: 'improvement',
  best: comparison({ shift, outcome: 'improvement', explanation: `p95 ${shift} ms (−20.0 %), p=0.003, 5 vs 5 rounds` }),
})

/** A verdict over the given endpoints; overall outcome and headline default to something plausible. */
export function verdict(endpoints: readonly EndpointVerdict[], overrides: Partial<Verdict> = {}): Verdict {
  const regressions = endpoints.filter((e) => e.outcome.kind === 'regression').length
  return {
    outcome: regressions > 0 ? 'regression' : 'no-change',
    failed: regressions > 0,
    failing: regressions > 0 ? ['regression'] : [],
    endpoints,
    warnings: [],
    headline: regressions > 0 ? `${regressions} regression(s), worst p95 +20.0 %` : 'no significant change',
    ...overrides,
  }
}

/** A RunResult holding the named endpoints, five rounds each, latencies around `centreMs` (× `factor` per name). */
export function run(
  names: readonly string[],
  options: { centreMs?: number; factors?: Readonly<Record<string, number>>; overrides?: Partial<RunResult> } = {},
): RunResult {
  const centre = options.centreMs ?? 20
  return syntheticRun(
    names.map((name) => ({
      name,
      roundsMs: Array.from({ length: 5 }, (_, r) =>
        spreadMs(20, centre * (options.factors?.[name] ?? 1) * (1 + r / 200)),
      ),
    })),
    options.overrides,
  )
}

export function baselineSource(overrides: Partial<BaselineSource> = {}): BaselineSource {
  return {
    store: 'cache',
    reference: 'tailgate-v1-api-main-abc1234',
    branch: 'main',
    sha: 'abc1234def5678abc1234def5678abc1234def56',
    exactSha: false,
    measuredAt: '2026-11-20T12:00:00.000Z',
    commitsBehind: 3,
    runId: '987654',
    ...overrides,
  }
}

/** A full report input with a baseline; `endpoints` are the verdict's endpoints and both runs hold them. */
export function reportInput(
  endpoints: readonly EndpointVerdict[],
  overrides: Partial<ReportInput> & { verdictOverrides?: Partial<Verdict> } = {},
): ReportInput {
  const names = endpoints.map((e) => e.endpoint)
  const slower = Object.fromEntries(endpoints.map((e) => [e.endpoint, e.outcome.kind === 'regression' ? 1.4 : 1]))
  const baseline: ReportBaseline = {
    result: run(names, { overrides: { startedAt: '2026-11-20T12:00:00.000Z' } }),
    source: baselineSource(),
    history: [],
  }
  const { verdictOverrides, ...rest } = overrides
  return {
    verdict: verdict(endpoints, verdictOverrides),
    candidate: run(names, { factors: slower, overrides: { profileId: 'api' } }),
    baseline,
    baselineLines: ['Baseline: cache key tailgate-v1-api-main-abc1234 (3 commits behind main)'],
    profileId: 'api',
    runUrl: 'https://github.com/octo/app/actions/runs/42',
    accepted: null,
    mode: 'pull-request',
    ...rest,
  }
}
