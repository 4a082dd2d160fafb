// The JSON report (`report-path` output): the verdict and every figure behind it, versioned (reportVersion 1),
// shaped by ReportSchema in json-schema.ts. Non-finite numbers become null; strings are kept verbatim.
import type {
  BudgetCheck,
  CapacityComparison,
  CapacitySummary,
  EndpointVerdict,
  LatencySummary,
  MetricComparison,
} from '../gate/types.js'
import type { CapacityResult, RunResult } from '../results/types.js'
import { TAILGATE_VERSION } from '../version.js'
import { finiteOrNull as num } from './format.js'
import { generatorLateness, type LatenessFigures } from './generator-lateness.js'
import { type JsonCapacity, type JsonEndpoint, type JsonReport, type JsonRun, REPORT_VERSION } from './json-schema.js'
import { outcomeReason, regressionCount } from './outcome.js'
import type { ReportBaseline, ReportInput } from './types.js'

function latency(summary: LatencySummary): JsonEndpoint['candidate'] {
  return {
    requests: summary.requests,
    p50Ms: num(summary.p50Ms),
    p95Ms: num(summary.p95Ms),
    p99Ms: num(summary.p99Ms),
    errorRate: num(summary.errorRate),
    ratePerSecond: num(summary.ratePerSecond),
  }
}

function comparison(c: MetricComparison): JsonEndpoint['comparisons'][number] {
  const interval = c.shiftInterval
  return {
    metric: c.metric,
    unit: c.unit,
    baselineRounds: c.baselineRounds.map(num),
    candidateRounds: c.candidateRounds.map(num),
    baselineMedian: num(c.baselineMedian),
    candidateMedian: num(c.candidateMedian),
    shift: num(c.shift),
    relativeShift: num(c.relativeShift),
    shiftInterval:
      interval === null
        ? null
        : { lower: num(interval.lower), upper: num(interval.upper), confLevel: num(interval.confLevel) },
    margin: num(c.margin),
    pValue: num(c.pValue),
    pValueAdjusted: num(c.pValueAdjusted),
    detectableShift: c.detectableShift === null ? null : num(c.detectableShift),
    jobNoise: jobNoise(c.jobNoise),
    outcome: c.outcome,
    explanation: c.explanation,
  }
}

function jobNoise(noise: MetricComparison['jobNoise']): JsonEndpoint['comparisons'][number]['jobNoise'] {
  switch (noise?.kind) {
    case undefined:
      return null
    case 'history':
      return {
        kind: 'history',
        historyRuns: noise.runs - 1,
        runSd: num(noise.runSd),
        jobSd: noise.jobSd === null ? null : num(noise.jobSd),
        withinSd: noise.withinSd === null ? null : num(noise.withinSd),
      }
    case 'allowance':
      return { kind: 'allowance', historyRuns: noise.historyRuns, runSd: null, jobSd: num(noise.jobSd), withinSd: null }
    case 'same-job':
      return { kind: 'same-job', historyRuns: 0, runSd: null, jobSd: null, withinSd: null }
  }
}

function budget(check: BudgetCheck): JsonEndpoint['budgets'][number] {
  const { expression, metric, operator, threshold } = check.budget
  return { expression, metric, operator, threshold, actual: num(check.actual), passed: check.passed }
}

function endpoint(verdict: EndpointVerdict, candidate: RunResult): JsonEndpoint {
  const level = verdict.requestLevel
  return {
    name: verdict.endpoint,
    outcome: verdict.outcome.kind,
    reason: outcomeReason(verdict.outcome),
    warmupRequests: candidate.endpoints.find((e) => e.name === verdict.endpoint)?.warmupRequests ?? 0,
    baseline: verdict.baseline === null ? null : latency(verdict.baseline),
    candidate: latency(verdict.candidate),
    comparisons: verdict.comparisons.map(comparison),
    budgets: verdict.budgets.map(budget),
    requestLevel:
      level === null
        ? null
        : {
            pValueTwoSided: level.pValueTwoSided === null ? null : num(level.pValueTwoSided),
            shiftMs: num(level.shiftMs),
            shiftIntervalMs:
              level.shiftIntervalMs === null
                ? null
                : { lower: num(level.shiftIntervalMs.lower), upper: num(level.shiftIntervalMs.upper) },
            probabilityCandidateSlower: num(level.probabilityCandidateSlower),
          },
  }
}

function latenessSummary(run: RunResult): JsonRun['health']['generatorLateness'] {
  const found = generatorLateness(run)
  if (found === null) return null
  const figures = (f: LatenessFigures) => ({ p50Ms: num(f.p50Ms), p99Ms: num(f.p99Ms), maxMs: num(f.maxMs) })
  return { summary: found.summary, ...figures(found.overall), perRound: found.perRound.map(figures) }
}

/** The run-level facts of a RunResult (no histograms: the RunResult file has those). */
export function runSummary(run: RunResult): JsonRun {
  return {
    startedAt: run.startedAt,
    model: run.model,
    gatedLatency: run.gatedLatency,
    warmupMs: run.warmupMs,
    durationMs: run.durationMs,
    rounds: run.rounds.length,
    completion:
      run.completion.status === 'complete'
        ? { status: 'complete', reason: null }
        : { status: 'partial', reason: run.completion.reason },
    health: {
      intendedRatePerSecond: run.health.intendedRatePerSecond === null ? null : num(run.health.intendedRatePerSecond),
      achievedRatePerSecond: num(run.health.achievedRatePerSecond),
      maxEventLoopLagMs: num(run.health.maxEventLoopLagMs),
      invalidReasons: [...run.health.invalidReasons],
      generatorLateness: latenessSummary(run),
    },
    environment: { ...run.environment },
    git: { ...run.git },
  }
}

function baselineSection(input: ReportInput): JsonReport['baseline'] {
  const found: ReportBaseline | null = input.baseline
  const lines = [...input.baselineLines]
  if (found === null) {
    const reasons = input.verdict.endpoints.flatMap((e) => (e.outcome.kind === 'no-baseline' ? [e.outcome.reason] : []))
    return { found: false, source: null, run: null, historyRuns: 0, missingReasons: [...new Set(reasons)], lines }
  }
  const ageMs = Date.parse(input.candidate.startedAt) - Date.parse(found.source.measuredAt)
  return {
    found: true,
    source: { ...found.source, ageSeconds: num(ageMs / 1000) },
    run: runSummary(found.result),
    historyRuns: found.history.length,
    missingReasons: [],
    lines,
  }
}

/**
 * Builds the JSON report object (ready for JSON.stringify): the verdict, per-endpoint figures (summaries, every
 * comparison with its rounds, p-values and margin, budgets), the baseline used or why there is none, both runs'
 * facts, and the warnings. Conforms to ReportSchema / schema/report.schema.json.
 */
export function renderJsonReport(input: ReportInput): JsonReport {
  const { verdict } = input
  return {
    reportVersion: REPORT_VERSION,
    tailgateVersion: TAILGATE_VERSION,
    profileId: input.profileId,
    mode: input.mode,
    runUrl: input.runUrl,
    verdict: {
      outcome: verdict.outcome,
      failed: verdict.failed,
      failing: [...verdict.failing],
      headline: verdict.headline,
      regressions: regressionCount(verdict),
      budgetViolations: verdict.endpoints.reduce((sum, e) => sum + e.budgets.filter((b) => !b.passed).length, 0),
      sequential: verdict.sequential ? { ...verdict.sequential } : null,
    },
    accepted: input.accepted === null ? null : { label: input.accepted.label, by: input.accepted.by },
    endpoints: verdict.endpoints.map((e) => endpoint(e, input.candidate)),
    baseline: baselineSection(input),
    candidate: runSummary(input.candidate),
    warnings: [...verdict.warnings],
    ...(verdict.capacity && input.candidate.capacity
      ? { capacity: capacitySection(verdict.capacity, input.candidate.capacity) }
      : {}),
  }
}

function capacitySummary(summary: CapacitySummary): JsonCapacity['candidate'] {
  return {
    status: summary.status,
    sustainedRatePerSecond: summary.sustainedRatePerSecond,
    firstFailingRatePerSecond: summary.firstFailingRatePerSecond,
    breaking: summary.breaking && { ...summary.breaking },
  }
}

function capacitySection(comparison: CapacityComparison, search: CapacityResult): JsonCapacity {
  return {
    outcome: comparison.outcome,
    baseline: comparison.baseline === null ? null : capacitySummary(comparison.baseline),
    candidate: capacitySummary(comparison.candidate),
    relativeChange: comparison.relativeChange === null ? null : num(comparison.relativeChange),
    marginRelative: comparison.marginRelative,
    explanation: comparison.explanation,
    steps: search.steps.length,
    totalRequests: search.totalRequests,
    totalDurationMs: search.totalDurationMs,
  }
}

/** The JSON report as text: two-space indented, with a final newline. */
export function serializeJsonReport(input: ReportInput): string {
  return `${JSON.stringify(renderJsonReport(input), null, 2)}\n`
}
