// Request-level context for humans (never gated): pooled Mann-Whitney and Hodges-Lehmann over single requests.
import type { LatencyHistogram } from '../results/histogram.js'
import { effectSize } from '../stats/effect-size.js'
import { hodgesLehmannFromHistograms } from '../stats/hodges-lehmann.js'
import { mannWhitneyUFromHistograms } from '../stats/mann-whitney.js'
import type { WeightedValue } from '../stats/types.js'
import type { RequestLevelComparison } from './types.js'

/**
 * Compares every request of the baseline with every request of the candidate, from the pooled histograms (shared
 * bucket edges, O(buckets)): two-sided Mann-Whitney, Hodges-Lehmann shift in ms with its 95 % interval, and
 * P(candidate request slower). Requests are not independent (the statistics note §7), so this is descriptive only.
 * null when either side recorded no latency.
 */
export function requestLevelComparison(
  baseline: LatencyHistogram,
  candidate: LatencyHistogram,
): RequestLevelComparison | null {
  if (baseline.count === 0 || candidate.count === 0) return null
  const x = entriesMs(baseline)
  const y = entriesMs(candidate)
  const test = mannWhitneyUFromHistograms(x, y, { alternative: 'two-sided', method: 'asymptotic' })
  const shift = hodgesLehmannFromHistograms(x, y, { confLevel: 0.95 })
  return {
    pValueTwoSided: test.pValue,
    shiftMs: shift.estimate,
    shiftIntervalMs: shift.interval === null ? null : { lower: shift.interval.lower, upper: shift.interval.upper },
    probabilityCandidateSlower: effectSize(test).probabilityCandidateGreater,
  }
}

function entriesMs(histogram: LatencyHistogram): WeightedValue[] {
  return histogram.entries().map((entry) => ({ value: entry.valueUs / 1000, count: entry.count }))
}
