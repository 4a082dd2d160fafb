// Shared types of the statistics modules: alternatives, methods, weighted samples and result shapes. No logic here.

/** Alternatives, stated for x (the baseline) as in SciPy and R: `less` = x stochastically smaller = candidate slower. */
export const ALTERNATIVES = ['two-sided', 'less', 'greater'] as const
export type Alternative = (typeof ALTERNATIVES)[number]

/** How the Mann-Whitney p-value is computed; `auto` is SciPy's rule (exact iff min(n) ≤ 8 and no ties). */
export const MWU_METHODS = ['auto', 'exact', 'asymptotic'] as const
export type MwuMethod = (typeof MWU_METHODS)[number]

/** One value of a weighted sample (a histogram bucket): the value and how many observations have it. */
export interface WeightedValue {
  readonly value: number
  readonly count: number
}

/** Options of the Mann-Whitney U test. Defaults are SciPy's: two-sided, auto, continuity correction on. */
export interface MannWhitneyOptions {
  readonly alternative?: Alternative
  readonly method?: MwuMethod
  /** Continuity correction of the normal approximation (0.5 toward the mean). Default true. */
  readonly continuity?: boolean
}

/** The result of a Mann-Whitney U test of x (baseline) against y (candidate). */
export interface MannWhitneyResult {
  /** U of x: sum(rank(x)) − n_x(n_x+1)/2 = #{x > y} + ½·#{x = y} (SciPy's U1 with x first, R's W). */
  readonly u: number
  /** U of y: n_x·n_y − u. */
  readonly uY: number
  readonly nX: number
  readonly nY: number
  /** sum(rank(x)) over the pooled sample, average ranks for ties. */
  readonly rankSumX: number
  /** Σ(t³ − t) over the tie groups of the pooled sample. */
  readonly tieTerm: number
  readonly hasTies: boolean
  /** n_x·n_y/2. */
  readonly meanU: number
  /** Tie-corrected standard deviation of U under the null. */
  readonly sdU: number
  /** One-sided or two-sided p; null only for degenerate input (every value equal), meaning "no evidence". */
  readonly pValue: number | null
  /** Standardized statistic of the normal approximation; null for the exact method and for degenerate input. */
  readonly z: number | null
  /** The method actually used (`exact` may fall back to `asymptotic`, see `note`). */
  readonly method: 'exact' | 'asymptotic'
  readonly alternative: Alternative
  readonly continuity: boolean
  /** True when every observation is equal (sd of U is 0): there is no evidence of any difference. */
  readonly degenerate: boolean
  /** Why the requested method was not used, or null. */
  readonly note: string | null
}

/** A confidence interval of the Hodges-Lehmann shift, as R's `wilcox.test(y, x, conf.int = TRUE)` computes it. */
export interface ShiftInterval {
  readonly lower: number
  readonly upper: number
  /** R's branch: `exact` iff both sizes < 50 and no ties in the pooled sample. */
  readonly method: 'exact' | 'asymptotic'
  /** Exact branch only: the true coverage of the discrete interval, 1 − 2·P(U ≤ qu − 1). */
  readonly achievedConfLevel: number | null
  /** The level R reports: the requested one, or the achieved one when the requested level is out of reach. */
  readonly confLevel: number
}

/** The Hodges-Lehmann shift of y − x (candidate minus baseline) with its confidence interval. */
export interface HodgesLehmannResult {
  /** Median of all pairwise differences y_j − x_i (positive = candidate larger, i.e. slower). */
  readonly estimate: number
  /** null when every pairwise difference is equal and R cannot compute an interval (both samples constant). */
  readonly interval: ShiftInterval | null
}
