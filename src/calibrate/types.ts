// The A/A calibration's result: how often the gate cried wolf with the same target on both sides, how small a change
// the rounds could see, and the practical margin that follows. Produced by aggregate.ts, rendered by render.ts.

import type { GatedMetric } from '../config/gate-schema.js'
import type { EndpointOutcomeKind, MetricComparison } from '../gate/types.js'
import type { ProportionInterval } from './binomial-interval.js'
import type { JobNoiseEstimate } from './job-noise.js'

/** The share of the detectable changes a recommended margin covers (0.9: the 90th percentile). */
export const MARGIN_COVERAGE = 0.9

/** Confidence level of the false-regression rate's interval. */
export const RATE_CONF_LEVEL = 0.95

/** A count out of the compared runs, with its rate and exact (Clopper-Pearson) interval. */
export interface FalseAlarmRate {
  /** Runs in which the gate called a regression although both sides were the same target. */
  readonly regressions: number
  /** Runs that were compared (not invalid, not cut short). */
  readonly comparedRuns: number
  /** regressions / comparedRuns; NaN when nothing was compared. */
  readonly rate: number
  /** Clopper-Pearson interval at RATE_CONF_LEVEL; null when nothing was compared. */
  readonly interval: ProportionInterval | null
}

/** How small a change one gated metric of one endpoint could show, over the A/A runs. */
export interface MetricCalibration {
  readonly metric: GatedMetric
  readonly unit: MetricComparison['unit']
  /** Runs with a detectable shift (the rest had too few rounds for a 90 % interval). */
  readonly measuredRuns: number
  /** Runs whose rounds could not give a detectable shift (interval level below 90 %). */
  readonly unmeasuredRuns: number
  /** Median over runs of the baseline side's median round value, in `unit`. */
  readonly baselineMedian: number
  /** Smallest detectable shift (half the 95 % interval's width) in `unit`: median, 90th percentile and max. */
  readonly detectableMedian: number | null
  readonly detectableP90: number | null
  readonly detectableMax: number | null
  /** The same relative to the baseline median (0.08 = 8 %); null when the median is 0. */
  readonly relativeDetectableMedian: number | null
  readonly relativeDetectableMax: number | null
  /** The largest |shift| the A/A runs showed: pure noise, in `unit`. */
  readonly largestNoiseShift: number
}

/** One endpoint over the A/A runs. */
export interface EndpointCalibration {
  readonly endpoint: string
  readonly falseRegressions: FalseAlarmRate
  /** How many runs ended in each outcome (an improvement is a false alarm too, though it never fails the step). */
  readonly outcomes: Readonly<Partial<Record<EndpointOutcomeKind, number>>>
  readonly metrics: readonly MetricCalibration[]
}

/** The practical margin recommended for one gated metric. */
export interface MarginRecommendation {
  readonly metric: GatedMetric
  readonly unit: MetricComparison['unit']
  /** How many (run, endpoint) detectable shifts the recommendation rests on. */
  readonly samples: number
  /** 90th percentile of the detectable shifts, in `unit`, and relative to each run's baseline median. */
  readonly detectableP90: number
  readonly relativeDetectableP90: number | null
  /**
   * The (relative, absolute) pair with the smallest average margin whose max(relative × median, absolute) covers
   * MARGIN_COVERAGE of the detectable shifts, rounded up (whole %, two significant digits of ms). `absoluteMs` is
   * null for metrics not in ms (their floor is fixed: 0.5 pp for error-rate, none for throughput).
   */
  readonly relative: number
  readonly absoluteMs: number | null
  /** Share of the A/A detectable shifts the rounded pair covers. */
  readonly coverage: number
  /**
   * The margin the rounded pair gives a typical endpoint, relative to its baseline median (the median over the
   * shifts of max(relative × median, absolute) / median): roughly the smallest regression the gate can confirm.
   * Null when every baseline median is 0.
   */
  readonly typicalRelativeMargin: number | null
}

/** A typical margin above this (relative) means the metric is too noisy to gate on with these rounds. */
export const NOISY_METRIC_MARGIN = 0.25

/**
 * What a `gate.margin` line in the profile should say: the largest relative and absolute parts over the latency
 * metrics, leaving out those too noisy to gate on (unless all are).
 */
export interface SuggestedMargin {
  readonly relative: number
  readonly absoluteMs: number
  /** Latency metrics too noisy to gate on (NOISY_METRIC_MARGIN), left out of this suggestion. */
  readonly leftOut: readonly GatedMetric[]
  /** The profile's current margin, for comparison. */
  readonly currentRelative: number
  readonly currentAbsoluteMs: number
}

/** The whole calibration. */
export interface CalibrationReport {
  readonly profileId: string
  /** The target measured on both sides. */
  readonly target: string
  readonly requestedRuns: number
  /** Runs measured to the end (an interrupted calibration has fewer). */
  readonly completedRuns: number
  readonly roundsPerSide: number
  readonly alpha: number
  readonly gatedMetrics: readonly GatedMetric[]
  /** Runs with a regression on any endpoint: the step would have failed. Expected at most alpha (Holm). */
  readonly overall: FalseAlarmRate
  /** Runs with an improvement on any endpoint (never fails the step, but is as false). */
  readonly falseImprovements: number
  /** Runs in which no endpoint could be compared (the generator fell behind, too many errors, ...). */
  readonly invalidRuns: number
  readonly endpoints: readonly EndpointCalibration[]
  readonly recommendations: readonly MarginRecommendation[]
  /** Null when no latency metric had a detectable shift (too few rounds, or nothing compared). */
  readonly suggestedMargin: SuggestedMargin | null
  /** Stored baselines of the base branch given to calibrate (they measure the job-to-job shift). */
  readonly historyRuns: number
  /**
   * The job-to-job noise per endpoint and metric from those stored runs (empty with fewer than 3): the shift between
   * CI jobs that A/A runs inside one job cannot see, and that the gate allows for against a stored baseline.
   */
  readonly jobNoise: readonly JobNoiseEstimate[]
  /** Things to know: too few rounds, invalid runs, a false-regression rate above alpha, an interruption. */
  readonly notes: readonly string[]
}
