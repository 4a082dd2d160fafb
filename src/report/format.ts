// Number and time formatting shared by the report renderers. Our own numbers only: nothing here needs escaping.
import type { MetricComparison } from '../gate/types.js'

/** A unit of a comparison: ms for latency, a fraction for error rate, requests/s for throughput. */
export type ValueUnit = MetricComparison['unit']

const MINUS = '−'

/**
 * A latency in ms for a table cell, without the unit, at a precision that fits its size: 0.85, 12.3, 1250.
 * Non-finite values print as `–`.
 */
export function formatMsNumber(ms: number): string {
  if (!Number.isFinite(ms)) return '–'
  const abs = Math.abs(ms)
  if (abs < 10) return ms.toFixed(2)
  if (abs < 1000) return ms.toFixed(1)
  return ms.toFixed(0)
}

/** A value in its unit, with the unit: `12.3 ms`, `1.20 %`, `250.0 req/s`. */
export function formatValue(value: number, unit: ValueUnit): string {
  if (!Number.isFinite(value)) return '–'
  switch (unit) {
    case 'ms':
      return `${formatMsNumber(value)} ms`
    case 'fraction':
      return `${(value * 100).toFixed(2)} %`
    case 'rps':
      return `${value.toFixed(1)} req/s`
  }
}

/** A signed change in its unit (fractions as percentage points): `+1.40 ms`, `−0.50 pp`, `+3.0 req/s`. */
export function formatShift(value: number, unit: ValueUnit): string {
  if (!Number.isFinite(value)) return '–'
  const sign = value > 0 ? '+' : value < 0 ? MINUS : '±'
  const abs = Math.abs(value)
  switch (unit) {
    case 'ms':
      return `${sign}${formatMsNumber(abs)} ms`
    case 'fraction':
      return `${sign}${(abs * 100).toFixed(2)} pp`
    case 'rps':
      return `${sign}${abs.toFixed(1)} req/s`
  }
}

/** A signed relative change: `+12.0 %`, `−3.5 %`. */
export function formatRelative(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–'
  const sign = fraction > 0 ? '+' : fraction < 0 ? MINUS : '±'
  return `${sign}${Math.abs(fraction * 100).toFixed(1)} %`
}

/** A p-value: 4 decimals, or scientific below 0.0001 (`3.2e-6`). */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return '–'
  if (p !== 0 && p < 0.0001) return p.toExponential(1)
  return p.toFixed(4)
}

/** A shift interval with its confidence level: `95 % CI [+0.80, +2.10] ms`; `no CI` when there is none. */
export function formatInterval(interval: MetricComparison['shiftInterval'], unit: ValueUnit): string {
  if (interval === null) return 'no CI'
  const level = `${Math.round(interval.confLevel * 1000) / 10} % CI`
  const strip = (text: string): string => text.replace(/ (ms|pp|req\/s)$/, '')
  const unitText = unit === 'ms' ? ' ms' : unit === 'fraction' ? ' pp' : ' req/s'
  return `${level} [${strip(formatShift(interval.lower, unit))}, ${strip(formatShift(interval.upper, unit))}]${unitText}`
}

/** The change of one comparison in a few words: `p95 +1.40 ms (+12.0 %), 95 % CI [+0.80, +2.10] ms`. */
export function formatChange(comparison: MetricComparison): string {
  const shift = formatShift(comparison.shift, comparison.unit)
  const relative = formatRelative(comparison.relativeShift)
  return `${comparison.metric} ${shift} (${relative}), ${formatInterval(comparison.shiftInterval, comparison.unit)}`
}

/** Per-round values, comma-separated, in the comparison's unit (without the unit). */
export function formatRounds(values: readonly number[], unit: ValueUnit): string {
  if (values.length === 0) return '–'
  return values.map((value) => formatValue(value, unit).replace(/ (ms|%|req\/s)$/, '')).join(', ')
}

const AGE_STEPS = [
  { limitMs: 60_000, unitMs: 1000, word: 's' },
  { limitMs: 3_600_000, unitMs: 60_000, word: 'min' },
  { limitMs: 86_400_000, unitMs: 3_600_000, word: 'h' },
  { limitMs: Number.POSITIVE_INFINITY, unitMs: 86_400_000, word: 'days' },
] as const

/**
 * How much older `earlierIso` is than `laterIso`, for people: `42 s`, `17 min`, `5 h`, `3 days`.
 * Returns null when a date does not parse; `in the future` when the order is reversed (clock skew).
 */
export function formatAge(earlierIso: string, laterIso: string): string | null {
  const ageMs = Date.parse(laterIso) - Date.parse(earlierIso)
  if (!Number.isFinite(ageMs)) return null
  if (ageMs < 0) return 'in the future'
  const step = AGE_STEPS.find((s) => ageMs < s.limitMs) ?? AGE_STEPS[AGE_STEPS.length - 1]!
  return `${Math.floor(ageMs / step.unitMs)} ${step.word}`
}

/** A number that JSON can hold: non-finite values become null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** `1 regression`, `2 regressions`. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`
}
