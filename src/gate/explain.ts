// The words of the gate: one-line explanations of comparisons, inconclusive reasons and the verdict's headline.
import { RESOLVABLE_MARGIN_MULTIPLE } from './resolution.js'
import type { MetricComparison } from './types.js'

const MINUS = '−'

/** A value in its unit: `12.3 ms`, `1.20 %`, `250.0 req/s`. */
export function formatValue(value: number, unit: MetricComparison['unit']): string {
  return `${formatNumber(value, unit)}${unitSuffix(unit)}`
}

/** A signed change in its unit (fractions as percentage points): `+1.40 ms`, `−0.50 pp`. */
export function formatSigned(value: number, unit: MetricComparison['unit']): string {
  const sign = value > 0 ? '+' : value < 0 ? MINUS : '±'
  const suffix = unit === 'fraction' ? ' pp' : unitSuffix(unit)
  return `${sign}${formatNumber(Math.abs(value), unit)}${suffix}`
}

/** A signed relative change: `+12.0 %`; `n/a` when the baseline is 0. */
export function formatRelative(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a'
  const sign = fraction > 0 ? '+' : fraction < 0 ? MINUS : '±'
  return `${sign}${Math.abs(fraction * 100).toFixed(1)} %`
}

/** A p-value: 4 decimals, or 2 significant digits in scientific notation below 0.0001. */
export function formatP(p: number): string {
  return p !== 0 && p < 0.0001 ? p.toExponential(1) : p.toFixed(4)
}

/** A confidence level: `95.9 %`. */
export function formatLevel(level: number): string {
  return `${(Math.round(level * 1000) / 10).toString()} %`
}

/** The interval in the metric's unit, or a short reason when there is none. */
export function formatInterval(comparison: Pick<MetricComparison, 'shiftInterval' | 'unit'>): string {
  const interval = comparison.shiftInterval
  if (interval === null) return 'every round equal on each side'
  const level = formatLevel(interval.confLevel)
  return `${level} CI ${formatSigned(interval.lower, comparison.unit)} to ${formatSigned(interval.upper, comparison.unit)}`
}

/** The interval relative to the baseline median, for the headline: `(95.9 % CI +27.0 % to +35.5 %)`. */
export function formatRelativeInterval(comparison: MetricComparison): string {
  const interval = comparison.shiftInterval
  if (interval === null || comparison.baselineMedian === 0) return ''
  const base = Math.abs(comparison.baselineMedian)
  const level = formatLevel(interval.confLevel)
  return ` (${level} CI ${formatRelative(interval.lower / base)} to ${formatRelative(interval.upper / base)})`
}

const OUTCOME_WORDS = {
  regression: 'regression',
  improvement: 'improvement',
  'no-change': 'no change',
  pass: 'no regression',
  inconclusive: 'inconclusive',
} as const satisfies Record<MetricComparison['outcome'], string>

/**
 * The one line a reviewer reads for a comparison: the change with its interval, the p-value (raw and Holm), the
 * margin and the rounds per side, then the outcome. E.g. `p95 +37.4 ms (+31.2 %), 95.9 % CI +32.4 ms to +42.6 ms;
 * p = 0.0011 (Holm 0.0043) for "worse by more than the 6.00 ms margin"; 6 v 6 rounds → regression`.
 */
export function explainComparison(comparison: Omit<MetricComparison, 'explanation'>): string {
  const { metric, unit, shift, relativeShift, margin, pValue, pValueAdjusted, outcome } = comparison
  const change = `${metric} ${formatSigned(shift, unit)} (${formatRelative(relativeShift)}), ${formatInterval(comparison)}`
  const worse = metric === 'throughput' ? 'lower' : 'worse'
  const test = `p = ${formatP(pValue)} (Holm ${formatP(pValueAdjusted)}) for "${worse} by more than the ${formatValue(margin, unit)} margin"`
  return `${change}; ${test}; ${roundsText(comparison)}${jobNoiseNote(comparison.jobNoise)} → ${OUTCOME_WORDS[outcome]}`
}

/** How the comparison allowed for job-to-job shifts, for its one line: `, job-to-job sd 1.7 % from 11 runs`. */
function jobNoiseNote(noise: MetricComparison['jobNoise']): string {
  switch (noise?.kind) {
    case undefined:
    case 'same-job':
      return ''
    case 'history':
      return noise.jobSd === null
        ? `, run-to-run sd ${(noise.runSd * 100).toFixed(1)} % from ${noise.runs} base-branch runs`
        : `, job-to-job sd ${(noise.jobSd * 100).toFixed(1)} % from ${noise.runs} base-branch runs`
    case 'allowance':
      return `, assumed job-to-job sd ${(noise.jobSd * 100).toFixed(0)} % (${noise.historyRuns} earlier baselines)`
  }
}

/**
 * Why a comparison is inconclusive (it could not resolve the margin), in one sentence: the smallest worsening it
 * would catch, then the cheapest way to resolve the margin (resolutionFix).
 */
export function inconclusiveReason(comparison: MetricComparison): string {
  const { metric, unit, margin, detectableShift } = comparison
  const rounds = roundsText(comparison)
  const caught =
    detectableShift === null
      ? `${rounds} cannot detect any change`
      : `only a worsening of ${formatValue(detectableShift, unit)}${relativeTo(detectableShift, comparison)} or more would be caught (in 80 % of runs, ${rounds})`
  return `${metric}: could not resolve the ${formatValue(margin, unit)} margin: ${caught}; ${resolutionFix(comparison)}`
}

/** ` (+12.3 %)` when the comparison has a non-zero baseline, else empty. */
function relativeTo(size: number, comparison: Pick<MetricComparison, 'baselineMedian'>): string {
  return comparison.baselineMedian === 0 ? '' : ` (${formatRelative(size / Math.abs(comparison.baselineMedian))})`
}

/**
 * The cheapest way to resolve the margin, from what limits the comparison: no history → keep history or live A/B;
 * too few rounds for any interval → more rounds; job-to-job shifts dominate → live A/B or a wider margin (more rounds
 * cannot average a job's shift away); round noise dominates → about how many rounds would do.
 */
export function resolutionFix(comparison: MetricComparison): string {
  const noise = comparison.jobNoise
  if (comparison.detectableShift === null) return 'run more rounds (at least 5 per side), or longer rounds'
  if (noise?.kind === 'allowance') {
    return (
      `keep ${3 - Math.min(3, noise.historyRuns)} more stored baseline(s) of the base branch as history, which ` +
      'measures the real job-to-job shift, or run live A/B (baseline-target), which cancels it'
    )
  }
  const spread = comparison.detectableShift - comparison.margin
  const wider = `a margin of at least ${formatValue(spread / (RESOLVABLE_MARGIN_MULTIPLE - 1), comparison.unit)}`
  if (noise?.kind === 'history' && noise.jobSd !== null && (noise.withinSd === null || noise.jobSd >= noise.withinSd)) {
    return `the job-to-job shift dominates, so run live A/B (baseline-target), which cancels it, or use ${wider}`
  }
  const target = (RESOLVABLE_MARGIN_MULTIPLE - 1) * comparison.margin
  const factor = spread > 0 && target > 0 ? Math.ceil((spread / target) ** 2 * 10) / 10 : 2
  const more = Math.ceil(comparison.candidateRounds.length * Math.max(1.5, factor))
  return `run about ${more} rounds (or longer rounds), live A/B (baseline-target), or use ${wider}`
}

/** `6 v 6 rounds`, or for a live A/B run `6 A/B pairs (signed-rank)`. */
function roundsText(comparison: Pick<MetricComparison, 'baselineRounds' | 'candidateRounds' | 'paired'>): string {
  if (comparison.paired) return `${comparison.candidateRounds.length} A/B pairs (signed-rank)`
  return `${comparison.baselineRounds.length} v ${comparison.candidateRounds.length} rounds`
}

function formatNumber(value: number, unit: MetricComparison['unit']): string {
  if (!Number.isFinite(value)) return String(value)
  switch (unit) {
    case 'ms': {
      const abs = Math.abs(value)
      return abs < 10 ? value.toFixed(2) : abs < 1000 ? value.toFixed(1) : value.toFixed(0)
    }
    case 'fraction':
      return (value * 100).toFixed(2)
    case 'rps':
      return value.toFixed(1)
  }
}

function unitSuffix(unit: MetricComparison['unit']): string {
  return unit === 'ms' ? ' ms' : unit === 'fraction' ? ' %' : ' req/s'
}
