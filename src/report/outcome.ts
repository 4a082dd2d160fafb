// How each outcome reads in a report: emoji and words, per endpoint and overall. One table, used by every renderer.
import { OUTCOME_EMOJI } from '../gate/headline.js'
import type { EndpointOutcome, EndpointVerdict, MetricComparison, OverallOutcome, Verdict } from '../gate/types.js'
import { plural } from './format.js'

/** Emoji and word per endpoint outcome. */
export const ENDPOINT_LABELS = {
  regression: { emoji: '❌', word: 'regression' },
  improvement: { emoji: '🚀', word: 'improvement' },
  'no-change': { emoji: '✅', word: 'no change' },
  pass: { emoji: '✅', word: 'no regression' },
  inconclusive: { emoji: '❔', word: 'inconclusive' },
  'no-baseline': { emoji: '➖', word: 'no baseline' },
  invalid: { emoji: '⚠️', word: 'invalid' },
} as const satisfies Record<EndpointOutcome['kind'], { emoji: string; word: string }>

/** Emoji and words per overall outcome. */
export const OVERALL_LABELS = {
  invalid: { emoji: OUTCOME_EMOJI.invalid, word: 'invalid run' },
  regression: { emoji: OUTCOME_EMOJI.regression, word: 'regression' },
  'budget-violation': { emoji: OUTCOME_EMOJI['budget-violation'], word: 'budget exceeded' },
  inconclusive: { emoji: OUTCOME_EMOJI.inconclusive, word: 'inconclusive' },
  'no-baseline': { emoji: OUTCOME_EMOJI['no-baseline'], word: 'no baseline' },
  improvement: { emoji: OUTCOME_EMOJI.improvement, word: 'improvement' },
  pass: { emoji: OUTCOME_EMOJI.pass, word: 'no regression' },
  'no-change': { emoji: OUTCOME_EMOJI['no-change'], word: 'no change' },
} as const satisfies Record<OverallOutcome, { emoji: string; word: string }>

/** The reason an endpoint outcome carries, or null for regression, improvement and no change. */
export function outcomeReason(outcome: EndpointOutcome): string | null {
  switch (outcome.kind) {
    case 'inconclusive':
    case 'no-baseline':
    case 'invalid':
      return outcome.reason
    case 'regression':
    case 'improvement':
    case 'no-change':
    case 'pass':
      return null
  }
}

/**
 * The comparison that best summarises an endpoint: the worst regression, the best improvement, else the
 * comparison with the largest relative shift. null when nothing was compared.
 */
export function headlineComparison(endpoint: EndpointVerdict): MetricComparison | null {
  const { outcome } = endpoint
  if (outcome.kind === 'regression') return outcome.worst
  if (outcome.kind === 'improvement') return outcome.best
  let chosen: MetricComparison | null = null
  for (const comparison of endpoint.comparisons) {
    const size = Math.abs(comparison.relativeShift)
    if (chosen === null || (Number.isFinite(size) && size > Math.abs(chosen.relativeShift))) chosen = comparison
  }
  return chosen
}

/** Endpoints whose outcome is a regression. */
export function regressionCount(verdict: Verdict): number {
  const capacity = verdict.capacity?.outcome === 'regression' ? 1 : 0
  return capacity + verdict.endpoints.filter((endpoint) => endpoint.outcome.kind === 'regression').length
}

/**
 * One emoji at the start and the white space after it: a pictograph (Unicode Extended_Pictographic: ❌ ⚠ ✅ 🚀 …)
 * with its variation selector (U+FE0F emoji style, U+FE0E text style) or skin-tone modifier, and the pictographs
 * joined to it by zero-width joiners (U+200D: 🧑‍💻). Digits, letters and the `#`/`*` of keycaps are not pictographs.
 */
const LEADING_EMOJI =
  /^\p{Extended_Pictographic}(?:\u{FE0F}|\u{FE0E}|\p{Emoji_Modifier})?(?:\u{200D}\p{Extended_Pictographic}(?:\u{FE0F}|\u{FE0E}|\p{Emoji_Modifier})?)*\s*/u

/**
 * `text` without the one emoji (and its spaces) it starts with; unchanged when it starts with none.
 * @example withoutLeadingEmoji('⚠️ Invalid run') // => 'Invalid run'
 */
export function withoutLeadingEmoji(text: string): string {
  return text.replace(LEADING_EMOJI, '')
}

/**
 * The gate's headline as the first line of a report shows it: without its leading emoji (the report puts the
 * outcome's emoji first), and with `regressions` ("2 regressions") only when the headline does not already count them.
 * @example headlineParts(verdict) // { headline: '1 regression: GET /a p95 +20 %', regressions: null }
 */
export function headlineParts(verdict: Verdict): { readonly headline: string; readonly regressions: string | null } {
  const headline = withoutLeadingEmoji(verdict.headline)
  const regressions = /^\d+ regressions?\b/.test(headline) ? null : plural(regressionCount(verdict), 'regression')
  return { headline, regressions }
}

/** Whether any budget of the endpoint failed. */
export function failedBudgets(endpoint: EndpointVerdict): EndpointVerdict['budgets'] {
  return endpoint.budgets.filter((check) => !check.passed)
}

/**
 * The endpoint's gated comparisons; when a verdict lists none but names a deciding comparison (worst regression,
 * best improvement), that one.
 */
export function gatedComparisons(endpoint: EndpointVerdict): readonly MetricComparison[] {
  if (endpoint.comparisons.length > 0) return endpoint.comparisons
  const { outcome } = endpoint
  if (outcome.kind === 'regression') return [outcome.worst]
  if (outcome.kind === 'improvement') return [outcome.best]
  return []
}
