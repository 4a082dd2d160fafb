// `tailgate compare` on two plain samples: Mann-Whitney, Hodges-Lehmann and effect sizes as one JSON-ready object.
import { type EffectSize, effectSize } from './effect-size.js'
import { hodgesLehmannWeighted } from './hodges-lehmann.js'
import { mannWhitneyWeighted } from './mann-whitney.js'
import type { Alternative, MannWhitneyOptions } from './types.js'
import { weightedFromValues } from './weighted-sample.js'

export { parseSampleText, SampleFileError } from './sample-text.js'

/** What `tailgate compare --format json` prints for two sample files (the CLI contract). */
export interface SampleComparison {
  readonly mannWhitney: {
    /** U of the baseline (SciPy's U1 with x = baseline). */
    readonly u: number
    readonly uCandidate: number
    /** null only for degenerate input (every value equal): no evidence of a difference. */
    readonly pValue: number | null
    readonly method: 'exact' | 'asymptotic'
    /** null for the exact method and for degenerate input. */
    readonly z: number | null
    readonly alternative: Alternative
    readonly continuity: boolean
    readonly tieTerm: number
    readonly meanU: number
    readonly sdU: number
    /** Why the requested method was not used, or null. */
    readonly note: string | null
  }
  readonly hodgesLehmann: {
    /** Median of candidate − baseline over all pairs. */
    readonly estimate: number
    /** R's 95 % interval; every field null when it is undefined (both samples constant). */
    readonly ci95: {
      readonly lower: number | null
      readonly upper: number | null
      readonly method: 'exact' | 'asymptotic' | null
      readonly achievedConfLevel: number | null
      readonly confLevel: number | null
    }
  }
  readonly effectSize: EffectSize
  readonly n: { readonly baseline: number; readonly candidate: number }
  /** Every value equal: p is null and nothing can be concluded. */
  readonly degenerate: boolean
}

/**
 * Compares a baseline sample with a candidate sample: Mann-Whitney U (SciPy defaults: two-sided, auto, continuity),
 * the Hodges-Lehmann shift candidate − baseline with R's 95 % interval, and the rank effect sizes. Throws a
 * RangeError naming the sample when one is empty or holds a value that is not finite.
 *
 * O(N log N) to sort once, then O(N) per statistic.
 * Method: mannWhitneyU, hodgesLehmann and effectSize together.
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.mannwhitneyu.html; R's wilcox.test; N. Cliff,
 *  Psychological Bulletin 114(3), 1993 (delta)
 * @example
 * compareSamples([1, 2, 3], [4, 5, 6]).mannWhitney.u // => 0
 */
export function compareSamples(
  baseline: readonly number[],
  candidate: readonly number[],
  options: MannWhitneyOptions = {},
): SampleComparison {
  const x = weightedFromValues(baseline, 'baseline')
  const y = weightedFromValues(candidate, 'candidate')
  const test = mannWhitneyWeighted(x, y, options)
  const shift = hodgesLehmannWeighted(x, y, { confLevel: 0.95 })
  const interval = shift.interval
  return {
    mannWhitney: {
      u: test.u,
      uCandidate: test.uY,
      pValue: test.pValue,
      method: test.method,
      z: test.z,
      alternative: test.alternative,
      continuity: test.continuity,
      tieTerm: test.tieTerm,
      meanU: test.meanU,
      sdU: test.sdU,
      note: test.note,
    },
    hodgesLehmann: {
      estimate: shift.estimate,
      ci95: {
        lower: interval?.lower ?? null,
        upper: interval?.upper ?? null,
        method: interval?.method ?? null,
        achievedConfLevel: interval?.achievedConfLevel ?? null,
        confLevel: interval?.confLevel ?? null,
      },
    },
    effectSize: effectSize(test),
    n: { baseline: test.nX, candidate: test.nY },
    degenerate: test.degenerate,
  }
}
