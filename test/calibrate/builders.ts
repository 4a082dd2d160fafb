// Synthetic verdicts for the aggregation tests: only the fields the calibration reads are meaningful.
import type { GatedMetric } from '../../src/config/gate-schema.js'
import { METRIC_UNITS } from '../../src/gate/measurements.js'
import type { EndpointOutcome, EndpointVerdict, MetricComparison, Verdict } from '../../src/gate/types.js'

export interface ComparisonSpec {
  readonly metric?: GatedMetric
  /** Half-width of the shift's interval, in the metric's unit; null when the rounds could not give one. */
  readonly detectable: number | null
  readonly baselineMedian?: number
  readonly shift?: number
  readonly outcome?: MetricComparison['outcome']
}

export function comparison(spec: ComparisonSpec): MetricComparison {
  const metric = spec.metric ?? 'p50'
  const baselineMedian = spec.baselineMedian ?? 10
  const shift = spec.shift ?? 0
  return {
    metric,
    unit: METRIC_UNITS[metric],
    baselineRounds: [baselineMedian],
    candidateRounds: [baselineMedian + shift],
    baselineMedian,
    candidateMedian: baselineMedian + shift,
    shift,
    relativeShift: baselineMedian === 0 ? 0 : shift / baselineMedian,
    // The interval calibration reads its half-width from: ±detectable at 95 %, or a 67 % one (2 v 2 rounds) for null.
    shiftInterval:
      spec.detectable === null
        ? { lower: shift - 1, upper: shift + 1, confLevel: 0.667 }
        : spec.detectable === 0
          ? null
          : { lower: shift - spec.detectable, upper: shift + spec.detectable, confLevel: 0.95 },
    margin: 1,
    pValue: 0.5,
    pValueAdjusted: 0.5,
    outcome: spec.outcome ?? 'no-change',
    detectableShift: spec.detectable,
    explanation: 'synthetic',
  }
}

const OUTCOMES: Record<EndpointOutcome['kind'], (c: readonly MetricComparison[]) => EndpointOutcome> = {
  regression: (c) => ({ kind: 'regression', worst: c[0] as MetricComparison }),
  improvement: (c) => ({ kind: 'improvement', best: c[0] as MetricComparison }),
  'no-change': () => ({ kind: 'no-change' }),
  pass: () => ({ kind: 'pass' }),
  inconclusive: () => ({ kind: 'inconclusive', reason: 'synthetic' }),
  'no-baseline': () => ({ kind: 'no-baseline', reason: 'synthetic' }),
  invalid: () => ({ kind: 'invalid', reason: 'the generator fell behind' }),
}

/** An endpoint verdict; an `invalid` one carries no comparisons, as the gate gives it. */
export function endpoint(
  name: string,
  kind: EndpointOutcome['kind'],
  comparisons: readonly MetricComparison[] = [],
): EndpointVerdict {
  const own = kind === 'invalid' || kind === 'no-baseline' ? [] : comparisons
  return {
    endpoint: name,
    outcome: OUTCOMES[kind](own),
    comparisons: own,
    budgets: [],
    requestLevel: null,
    baseline: null,
    candidate: { requests: 100, p50Ms: 10, p95Ms: 12, p99Ms: 14, errorRate: 0, ratePerSecond: 50 },
  }
}

/** A verdict over the given endpoints; the overall outcome is regression when any endpoint regressed. */
export function verdict(endpoints: readonly EndpointVerdict[]): Verdict {
  const regressed = endpoints.some((e) => e.outcome.kind === 'regression')
  return {
    outcome: regressed ? 'regression' : 'no-change',
    failed: regressed,
    failing: regressed ? ['regression'] : [],
    endpoints,
    warnings: [],
    headline: regressed ? 'regression' : 'no change',
  }
}

/** A verdict with one endpoint `name` whose p50 comparison has the given detectable shift. */
export function oneEndpointRun(
  name: string,
  kind: EndpointOutcome['kind'],
  detectable: number | null,
  baselineMedian = 10,
): Verdict {
  return verdict([endpoint(name, kind, [comparison({ detectable, baselineMedian })])])
}
