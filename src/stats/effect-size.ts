// Rank-based effect sizes from Mann-Whitney U: probability of superiority and Cliff's delta.

/** Scale-free effect sizes of y (candidate) against x (baseline). */
export interface EffectSize {
  /** P(Y > X) + ½·P(Y = X) = U_y/(n_x·n_y): the probability of superiority (Vargha-Delaney A). Above 0.5 = slower. */
  readonly probabilityCandidateGreater: number
  /** P(Y > X) − P(Y < X) = (U_y − U_x)/(n_x·n_y), in [−1, 1] (Cliff 1993). */
  readonly cliffsDelta: number
}

/**
 * Probability of superiority and Cliff's delta from the baseline's U (Cliff 1993; Vargha & Delaney 2000). O(1).
 * @see https://en.wikipedia.org/wiki/Effect_size#Common_language_effect_size
 * @example
 * effectSize({ u: 17, nX: 5, nY: 4 }) // => { probabilityCandidateGreater: 0.15, cliffsDelta: -0.7 }
 */
export function effectSize(input: { readonly u: number; readonly nX: number; readonly nY: number }): EffectSize {
  const pairs = input.nX * input.nY
  const uY = pairs - input.u
  return { probabilityCandidateGreater: uY / pairs, cliffsDelta: (uY - input.u) / pairs }
}
