// Variance components of run-level values: how much a run's value moves from job to job beyond what its own rounds
// explain, and the Welch-Satterthwaite degrees of freedom of a sum of estimated variances.
import { mean, sampleVariance } from 'simple-statistics'

/** One estimated variance and the degrees of freedom of its estimate (Infinity for a known constant). */
export interface VarianceComponent {
  readonly variance: number
  readonly df: number
}

/**
 * Welch-Satterthwaite effective degrees of freedom of a sum of independent variance estimates,
 * ν = (Σ vᵢ)² / Σ (vᵢ² / νᵢ). Components with infinite ν (known constants) add to the sum but not to the
 * denominator; a sum whose every component is known has ν = Infinity. O(components).
 * @see F. E. Satterthwaite, "An approximate distribution of estimates of variance components", Biometrics Bulletin
 *   2(6), 1946; B. L. Welch, "The generalization of 'Student's' problem when several different population variances
 *   are involved", Biometrika 34, 1947.
 * @example
 * welchSatterthwaiteDf([{ variance: 1, df: 5 }, { variance: 1, df: 5 }]) // => 10
 */
export function welchSatterthwaiteDf(components: readonly VarianceComponent[]): number {
  let total = 0
  let denominator = 0
  for (const { variance, df } of components) {
    if (!(variance >= 0) || !(df > 0)) throw new RangeError(`a variance component needs variance ≥ 0 and df > 0`)
    total += variance
    if (Number.isFinite(df)) denominator += (variance * variance) / df
  }
  return denominator === 0 ? Number.POSITIVE_INFINITY : (total * total) / denominator
}

/** The spread of run-level values over K runs, split into within-run and between-job parts. */
export interface BetweenRunEstimate {
  /** Number of runs K. */
  readonly runs: number
  /** Mean of the run values. */
  readonly mean: number
  /** Sample variance of the run values (K − 1 in the denominator): within + between, as one new run would vary. */
  readonly runVariance: number
  /** Mean of the runs' own within-run variances of their value; null when some run could not give one. */
  readonly withinVariance: number | null
  /** Between-job variance τ² = max(0, runVariance − withinVariance); null when withinVariance is null. */
  readonly betweenVariance: number | null
}

/**
 * Method-of-moments estimate of the between-run variance component in a one-way random-effects model
 * yⱼ = μ + uⱼ + eⱼ, Var(uⱼ) = τ², Var(eⱼ) = wⱼ (known from each run's rounds): τ̂² = max(0, s²_y − w̄), the
 * equal-weight form of the DerSimonian-Laird estimator (truncated at zero). Needs K ≥ 2 runs.
 * @see R. DerSimonian and N. Laird, "Meta-analysis in clinical trials", Controlled Clinical Trials 7, 1986;
 *   S. R. Searle, G. Casella and C. E. McCulloch, "Variance Components", Wiley 1992, §3.5 (ANOVA estimators).
 * @example
 * betweenRunVariance([1, 2, 3], [0.25, 0.25, 0.25]).betweenVariance // => 0.75
 */
export function betweenRunVariance(
  values: readonly number[],
  withinVariances: readonly (number | null)[],
): BetweenRunEstimate {
  if (values.length < 2) throw new RangeError('the between-run variance needs at least two runs')
  const runVariance = sampleVariance([...values])
  const known = withinVariances.filter((w): w is number => w !== null)
  const withinVariance = known.length === values.length ? mean(known) : null
  return {
    runs: values.length,
    mean: mean([...values]),
    runVariance,
    withinVariance,
    betweenVariance: withinVariance === null ? null : Math.max(0, runVariance - withinVariance),
  }
}
