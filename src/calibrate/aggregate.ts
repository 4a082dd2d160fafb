// Pure aggregation of K A/A verdicts (the same target on both sides) into a CalibrationReport: false-regression
// rates with exact intervals, detectable shifts per endpoint and gated metric, and the margin they call for.
import { quantile } from 'simple-statistics'
import type { GatedMetric, GateSettings } from '../config/gate-schema.js'
import { METRIC_UNITS } from '../gate/measurements.js'
import { ERROR_RATE_MARGIN_FLOOR } from '../gate/metric-rule.js'
import type { EndpointOutcomeKind, EndpointVerdict, MetricComparison, Verdict } from '../gate/types.js'
import { clopperPearson } from './binomial-interval.js'
import { coveringMargin, type DetectableShift, halfWidth, roundMarginUp } from './margin.js'
import {
  type CalibrationReport,
  type EndpointCalibration,
  type FalseAlarmRate,
  MARGIN_COVERAGE,
  type MarginRecommendation,
  type MetricCalibration,
  NOISY_METRIC_MARGIN,
  RATE_CONF_LEVEL,
  type SuggestedMargin,
} from './types.js'

/** The fixed absolute floors of the margins not in ms (marginFor in the gate): 0.5 pp of error rate, none for rps. */
const FIXED_FLOORS = { fraction: ERROR_RATE_MARGIN_FLOOR, rps: 0 } as const

/** What aggregateCalibration needs: the verdicts of the A/A runs and what they were measured with. */
export interface AggregateInput {
  readonly profileId: string
  readonly target: string
  readonly requestedRuns: number
  readonly roundsPerSide: number
  /** The gate the verdicts were decided with (alpha, metrics, current margin). */
  readonly gate: GateSettings
  /** One verdict per completed A/A run, in run order. */
  readonly verdicts: readonly Verdict[]
  /** True when the calibration was stopped before `requestedRuns`. */
  readonly interrupted?: boolean
}

/**
 * Aggregates A/A verdicts. A run counts as a false regression when any endpoint's outcome is `regression` (the step
 * would have failed); runs where no endpoint was compared (invalid evidence) are left out of every rate and counted
 * apart. Detectable shifts are half the width of the comparisons' 95 % Hodges-Lehmann interval (halfWidth).
 *
 * O(K · E · M) for K runs, E endpoints and M gated metrics, plus the margin search (O(n² log n), n = K · E).
 * @example
 * aggregateCalibration({ profileId: 'api', target: 'http://127.0.0.1:3000/', requestedRuns: 20, roundsPerSide: 6,
 *   gate: DEFAULT_GATE, verdicts }).overall // => { regressions: 0, comparedRuns: 20, rate: 0, interval: {…} }
 */
export function aggregateCalibration(input: AggregateInput): CalibrationReport {
  const { verdicts, gate } = input
  const compared = verdicts.filter((verdict) => verdict.endpoints.some(isCompared))
  const names = [...new Set(verdicts.flatMap((verdict) => verdict.endpoints.map((e) => e.endpoint)))]
  const endpoints = names.map((name) => calibrateEndpoint(name, verdicts, gate.metrics))
  const recommendations = gate.metrics
    .map((metric) => recommend(metric, verdicts))
    .filter((r): r is MarginRecommendation => r !== null)
  const overall = falseAlarmRate(
    compared.filter((verdict) => verdict.endpoints.some((e) => e.outcome.kind === 'regression')).length,
    compared.length,
  )
  const report: Omit<CalibrationReport, 'notes'> = {
    profileId: input.profileId,
    target: input.target,
    requestedRuns: input.requestedRuns,
    completedRuns: verdicts.length,
    roundsPerSide: input.roundsPerSide,
    alpha: gate.alpha,
    gatedMetrics: [...gate.metrics],
    overall,
    falseImprovements: compared.filter((v) => v.endpoints.some((e) => e.outcome.kind === 'improvement')).length,
    invalidRuns: verdicts.length - compared.length,
    endpoints,
    recommendations,
    suggestedMargin: suggestMargin(recommendations, gate),
    // The job-to-job figure needs stored baselines: calibrate() adds it (withJobNoise).
    historyRuns: 0,
    jobNoise: [],
  }
  return { ...report, notes: notesFor(report, verdicts, input.interrupted === true) }
}

function isCompared(endpoint: EndpointVerdict): boolean {
  return endpoint.comparisons.length > 0
}

function falseAlarmRate(regressions: number, comparedRuns: number): FalseAlarmRate {
  return {
    regressions,
    comparedRuns,
    rate: comparedRuns === 0 ? Number.NaN : regressions / comparedRuns,
    interval: comparedRuns === 0 ? null : clopperPearson(regressions, comparedRuns, RATE_CONF_LEVEL),
  }
}

function calibrateEndpoint(
  name: string,
  verdicts: readonly Verdict[],
  metrics: readonly GatedMetric[],
): EndpointCalibration {
  const own = verdicts.flatMap((verdict) => verdict.endpoints.filter((e) => e.endpoint === name))
  const outcomes: Partial<Record<EndpointOutcomeKind, number>> = {}
  for (const endpoint of own) outcomes[endpoint.outcome.kind] = (outcomes[endpoint.outcome.kind] ?? 0) + 1
  const compared = own.filter(isCompared)
  const calibration: EndpointCalibration = {
    endpoint: name,
    falseRegressions: falseAlarmRate(compared.filter((e) => e.outcome.kind === 'regression').length, compared.length),
    outcomes,
    metrics: metrics
      .map((metric) => calibrateMetric(metric, comparisonsOf(compared, metric)))
      .filter((m): m is MetricCalibration => m !== null),
  }
  return calibration
}

function comparisonsOf(endpoints: readonly EndpointVerdict[], metric: GatedMetric): MetricComparison[] {
  return endpoints.flatMap((e) => e.comparisons.filter((c) => c.metric === metric))
}

function calibrateMetric(metric: GatedMetric, comparisons: readonly MetricComparison[]): MetricCalibration | null {
  if (comparisons.length === 0) return null
  const measured = comparisons.filter((c) => halfWidth(c) !== null)
  const shifts = measured.map((c) => halfWidth(c) as number)
  const baselineMedian = quantile(
    comparisons.map((c) => c.baselineMedian),
    0.5,
  )
  const relatives = measured.map((c) => relativeTo(halfWidth(c) as number, c.baselineMedian))
  const finiteRelatives = relatives.filter((r): r is number => r !== null)
  return {
    metric,
    unit: METRIC_UNITS[metric],
    measuredRuns: measured.length,
    unmeasuredRuns: comparisons.length - measured.length,
    baselineMedian,
    detectableMedian: shifts.length > 0 ? quantile(shifts, 0.5) : null,
    detectableP90: shifts.length > 0 ? quantile(shifts, MARGIN_COVERAGE) : null,
    detectableMax: shifts.length > 0 ? Math.max(...shifts) : null,
    relativeDetectableMedian: finiteRelatives.length > 0 ? quantile(finiteRelatives, 0.5) : null,
    relativeDetectableMax: finiteRelatives.length > 0 ? Math.max(...finiteRelatives) : null,
    largestNoiseShift: Math.max(...comparisons.map((c) => Math.abs(c.shift))),
  }
}

function relativeTo(value: number, base: number): number | null {
  return base === 0 ? null : value / Math.abs(base)
}

/** The margin for one metric over every (run, endpoint) detectable shift of it. */
function recommend(metric: GatedMetric, verdicts: readonly Verdict[]): MarginRecommendation | null {
  const comparisons = verdicts.flatMap((verdict) => comparisonsOf(verdict.endpoints.filter(isCompared), metric))
  const shifts: DetectableShift[] = comparisons
    .filter((c) => halfWidth(c) !== null)
    .map((c) => ({ shift: halfWidth(c) as number, baselineMedian: c.baselineMedian }))
  const unit = METRIC_UNITS[metric]
  const fixedAbsolute = unit === 'ms' ? undefined : FIXED_FLOORS[unit]
  const pair = coveringMargin(shifts, {
    coverage: MARGIN_COVERAGE,
    ...(fixedAbsolute === undefined ? {} : { fixedAbsolute }),
  })
  if (pair === null) return null
  // For error rate and throughput the absolute part is the gate's fixed floor; only the relative part is chosen.
  const rounded = roundMarginUp(pair, shifts)
  const relatives = shifts.map((s) => relativeTo(s.shift, s.baselineMedian)).filter((r): r is number => r !== null)
  const typical = shifts
    .filter((s) => s.baselineMedian !== 0)
    .map((s) => Math.max(rounded.relative * Math.abs(s.baselineMedian), rounded.absolute) / Math.abs(s.baselineMedian))
  return {
    metric,
    unit,
    samples: shifts.length,
    detectableP90: quantile(
      shifts.map((s) => s.shift),
      MARGIN_COVERAGE,
    ),
    relativeDetectableP90: relatives.length > 0 ? quantile(relatives, MARGIN_COVERAGE) : null,
    relative: rounded.relative,
    absoluteMs: unit === 'ms' ? rounded.absolute : null,
    coverage: rounded.coverage,
    typicalRelativeMargin: typical.length > 0 ? quantile(typical, 0.5) : null,
  }
}

/** One `gate.margin` for the profile, over the latency metrics that are not too noisy to gate on (or all). */
function suggestMargin(recommendations: readonly MarginRecommendation[], gate: GateSettings): SuggestedMargin | null {
  const latency = recommendations.filter((r) => r.unit === 'ms')
  if (latency.length === 0) return null
  const isNoisy = (r: MarginRecommendation) => (r.typicalRelativeMargin ?? 0) > NOISY_METRIC_MARGIN
  const usable = latency.some((r) => !isNoisy(r)) ? latency.filter((r) => !isNoisy(r)) : latency
  return {
    relative: Math.max(...usable.map((r) => r.relative)),
    absoluteMs: Math.max(...usable.map((r) => r.absoluteMs ?? 0)),
    leftOut: latency.filter((r) => !usable.includes(r)).map((r) => r.metric),
    currentRelative: gate.marginRelative,
    currentAbsoluteMs: gate.marginAbsoluteMs,
  }
}

function notesFor(
  report: Omit<CalibrationReport, 'notes'>,
  verdicts: readonly Verdict[],
  interrupted: boolean,
): string[] {
  const notes: string[] = []
  if (interrupted)
    notes.push(`Interrupted after ${report.completedRuns} of ${report.requestedRuns} runs: the figures rest on those.`)
  if (report.invalidRuns > 0) {
    const reason = verdicts
      .flatMap((v) => v.endpoints)
      .map((e) => (e.outcome.kind === 'invalid' ? e.outcome.reason : null))
      .find((r) => r !== null)
    notes.push(
      `${report.invalidRuns} run(s) could not be compared and are left out${reason ? ` (e.g. ${reason})` : ''}.`,
    )
  }
  const unmeasured = report.endpoints.reduce((n, e) => n + e.metrics.reduce((m, x) => m + x.unmeasuredRuns, 0), 0)
  if (unmeasured > 0) {
    notes.push(
      `${unmeasured} comparison(s) had too few rounds (${report.roundsPerSide} per side) for a 90 % interval of the ` +
        'shift, so no detectable change; the gate calls such comparisons inconclusive: use more rounds.',
    )
  }
  for (const r of report.recommendations) {
    if (r.unit !== 'ms' || r.typicalRelativeMargin === null || r.typicalRelativeMargin <= NOISY_METRIC_MARGIN) continue
    notes.push(
      `${r.metric} needs a margin of about ${percent(r.typicalRelativeMargin)} of a typical endpoint here: its rounds ` +
        `are too short or too noisy to gate on; lengthen them (duration / rounds) or leave ${r.metric} out of gate.metrics.`,
    )
  }
  const { overall, alpha } = report
  if (overall.interval !== null && overall.interval.lower > alpha) {
    notes.push(
      `The false-regression rate is above alpha (${percent(alpha)}) even at its interval's lower end: the two sides ` +
        'are not measured alike on this runner (a warm-up too short, a noisy neighbour in phase with the rounds?).',
    )
  } else if (overall.rate > alpha) {
    notes.push(`The observed false-regression rate is above alpha (${percent(alpha)}); run more A/A runs to tell.`)
  }
  if (overall.interval !== null && overall.interval.upper > 2 * alpha) {
    notes.push(
      `With ${overall.comparedRuns} compared run(s) the rate could still be up to ${percent(overall.interval.upper)} ` +
        `(${percent(RATE_CONF_LEVEL)} interval); more runs narrow it.`,
    )
  }
  return notes
}

/** 0.3 %, 7.5 %, 17 %, 681 %: one decimal below 10 %. */
function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(fraction < 0.1 ? 1 : 0))} %`
}
