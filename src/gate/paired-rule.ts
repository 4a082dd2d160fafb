// The regression rule for a live A/B run, whose rounds are paired: the candidate's round i ran next to the baseline's
// round i (A B B A order), so each pair shares the runner's momentary state. The Wilcoxon signed-rank test on the
// pair differences against the margin, and the one-sided-sample Hodges-Lehmann shift with its Walsh interval.
import { median } from 'simple-statistics'
import type { GatedMetric, GateSettings } from '../config/gate-schema.js'
import type { EndpointResult, RunResult } from '../results/types.js'
import { minimumSignedRankPValue, pseudoMedian, wilcoxonSignedRank } from '../stats/signed-rank.js'
import { METRIC_UNITS, roundValue, WORSE_DIRECTION } from './measurements.js'
import { type MetricTest, marginFor, precisionOf, relative } from './metric-rule.js'
import type { GateInput } from './types.js'

/**
 * Whether a live A/B run has pairs enough for the signed-rank test to reach alpha/m (its smallest p is 1/2^pairs;
 * m = endpoints × gated metrics, Holm's first step). When not, the rounds are compared unpaired, as before pairing
 * existed (6 v 6 rounds reach p = 0.0011), and a warning says how many rounds the paired test needs. The choice
 * depends only on the design (pairs, m, alpha), never on the data, so it does not bias the test.
 */
export function pairsDecide(input: GateInput, baseline: RunResult, warnings: string[]): boolean {
  const pairs = Math.min(baseline.rounds.length, input.candidate.rounds.length)
  const comparisons = Math.max(1, input.candidate.endpoints.length * input.gate.metrics.length)
  const level = input.gate.alpha / comparisons
  if (minimumSignedRankPValue(pairs) < level) return true
  const needed = Math.floor(Math.log2(1 / level)) + 1
  warnings.push(
    `Live A/B: ${pairs} A/B pairs are too few for the paired signed-rank test to reach alpha/comparisons = ` +
      `${input.gate.alpha}/${comparisons} (its smallest p is 1/2^${pairs}), so the rounds were compared unpaired, ` +
      `which a drift common to both sides blurs. Use at least ${needed} rounds per side (or rounds: auto).`,
  )
  return false
}

/**
 * True when the two runs are the halves of one live A/B run (RunResult.liveAb: the same run id and order, the
 * baseline file the A side, the candidate the B side): then round i of each ran next to each other, and decide() pairs
 * them by itself (and treats the baseline as measured in this job), so a comparison of the two files decides as the
 * live A/B run did.
 */
export function halvesOfOneLiveAb(baseline: RunResult, candidate: RunResult): boolean {
  const a = baseline.liveAb
  const b = candidate.liveAb
  return (
    a !== undefined &&
    b !== undefined &&
    a.runId === b.runId &&
    a.order === b.order &&
    a.side === 'baseline' &&
    b.side === 'candidate'
  )
}

/** Round values of both sides, aligned by round index; a pair is left out when either round lacks the data. */
export function pairedRoundValues(
  baseline: { readonly run: RunResult; readonly endpoint: EndpointResult },
  candidate: { readonly run: RunResult; readonly endpoint: EndpointResult },
  metric: GatedMetric,
): { baseline: number[]; candidate: number[]; skipped: number } {
  const pairs = Math.min(baseline.endpoint.rounds.length, candidate.endpoint.rounds.length)
  const out = { baseline: [] as number[], candidate: [] as number[], skipped: 0 }
  for (let i = 0; i < pairs; i++) {
    const a = roundValue(baseline.run, baseline.endpoint.rounds[i]!, i, metric)
    const b = roundValue(candidate.run, candidate.endpoint.rounds[i]!, i, metric)
    if (a === null || b === null) out.skipped++
    else {
      out.baseline.push(a)
      out.candidate.push(b)
    }
  }
  out.skipped += Math.max(baseline.endpoint.rounds.length, candidate.endpoint.rounds.length) - pairs
  return out
}

/**
 * Tests one metric of a live A/B run on its pairs. d_i = candidate_i − baseline_i (positive = worse for latency).
 * Regression: the Wilcoxon signed-rank test (exact, conditional on ties) of H0: θ ≤ margin against θ > margin, θ the
 * location of d, i.e. the signed-rank test of d − margin (the paired form of the shifted null, statistics note §8
 * design A). Improvement: the mirrored test. Shift: the median of the Walsh averages with the 95 % Walsh interval.
 * In A B B A order a drift common to both servers biases neighbouring pairs by +δ and −δ alternately, which
 * widens the interval a little but keeps the differences symmetric around the true shift.
 * @see Wilcoxon, "Individual comparisons by ranking methods", Biometrics Bulletin 1(6):80-83 (1945)
 * @see Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., §3.1-3.3 (2014)
 */
export function testPairedMetric(input: {
  readonly metric: GatedMetric
  readonly baselineRounds: readonly number[]
  readonly candidateRounds: readonly number[]
  readonly gate: GateSettings
}): MetricTest {
  const { metric, baselineRounds, candidateRounds, gate } = input
  if (baselineRounds.length !== candidateRounds.length || baselineRounds.length === 0) {
    throw new RangeError(
      `paired rounds must be non-empty and of equal length (${baselineRounds.length} v ${candidateRounds.length})`,
    )
  }
  const direction = WORSE_DIRECTION[metric]
  const differences = candidateRounds.map((value, i) => value - (baselineRounds[i] as number))
  const baselineMedian = median([...baselineRounds])
  const margin = marginFor(metric, baselineMedian, gate)
  const worse = direction === 1 ? 'greater' : 'less'
  const better = direction === 1 ? 'less' : 'greater'
  const pValue = wilcoxonSignedRank(differences, { alternative: worse, mu: direction * margin }).pValue ?? 1
  const improvementPValue =
    wilcoxonSignedRank(differences, { alternative: better, mu: -direction * margin }).pValue ?? 1
  const hl = pseudoMedian(differences, { confLevel: 0.95 })
  const shiftInterval =
    hl.interval === null
      ? null
      : { lower: hl.interval.lower, upper: hl.interval.upper, confLevel: hl.interval.achievedConfLevel }
  return {
    metric,
    unit: METRIC_UNITS[metric],
    baselineRounds: [...baselineRounds],
    candidateRounds: [...candidateRounds],
    baselineMedian,
    candidateMedian: median([...candidateRounds]),
    shift: hl.estimate,
    relativeShift: relative(hl.estimate, baselineMedian),
    shiftInterval,
    margin,
    pValue,
    improvementPValue,
    detectableShift: null,
    jobNoise: { kind: 'same-job' },
    precision: precisionOf(shiftInterval, margin),
    paired: true,
  }
}

/** The tests of a live A/B endpoint for every gated metric: its rounds paired by index; skipped pairs are warned. */
export function pairedTests(
  input: GateInput,
  baseline: { readonly run: RunResult; readonly endpoint: EndpointResult },
  endpoint: EndpointResult,
  warnings: string[],
): MetricTest[] {
  const tests: MetricTest[] = []
  for (const metric of input.gate.metrics) {
    const pairs = pairedRoundValues(baseline, { run: input.candidate, endpoint }, metric)
    if (pairs.skipped > 0)
      warnings.push(`${endpoint.name}: ${pairs.skipped} round pair(s) without data were left out of ${metric}.`)
    if (pairs.baseline.length === 0) continue
    tests.push(
      testPairedMetric({ metric, baselineRounds: pairs.baseline, candidateRounds: pairs.candidate, gate: input.gate }),
    )
  }
  return tests
}
