// `rounds: auto`: the sequential rule that decides, after every new round, whether each gated comparison is decided,
// with the error rates held across the repeated looks by alpha spending (stats/group-sequential.ts).
import { GroupSequentialBoundary, obrienFlemingSpending, type SequentialLook } from '../stats/group-sequential.js'
import { wilcoxonSignedRank } from '../stats/signed-rank.js'
import { formatP } from './explain.js'
import { WORSE_DIRECTION } from './measurements.js'
import { shiftedTest } from './metric-rule.js'
import type { MetricComparison, SequentialConclusion, SequentialSummary, Verdict } from './types.js'

/** A comparison's decision and the look it was made at. */
export interface SequentialDecision {
  readonly outcome: 'regression' | 'improvement' | 'no-change'
  readonly look: number
  readonly rounds: number
  /** The one-sided nominal p the decisive test had to reach at that look. */
  readonly nominalP: number
}

const key = (endpoint: string, metric: string): string => `${endpoint}\n${metric}`

/**
 * The sequential rule of `rounds: auto`. Three one-sided tests per gated comparison, each monitored with its own
 * Lan-DeMets O'Brien-Fleming-type alpha-spending boundary over the looks:
 * - regression ("worse by more than the margin", the gate's shifted-null test) and improvement (the mirrored test),
 *   each at alpha/m for m planned comparisons (Bonferroni, as Holm's first step; the fixed-length gate uses Holm);
 * - no change ("not worse by the margin", the non-inferiority test with the margin as null: the one-sided half of
 *   TOST) at alpha: claiming no change on every comparison is an intersection-union test, which needs no adjustment.
 * A comparison is decided the first time one of its tests crosses its boundary, and stays decided. Each test's
 * rejection region with early stopping is a subset of the one without, so stopping cannot raise its error rate.
 * The information fraction of a look is supplied by the caller (n/N for pairs; for a stored baseline, whose side does
 * not grow, (1/n_x + 1/N)/(1/n_x + 1/n_y)); the final look spends all remaining alpha.
 * @see Lan & DeMets, Biometrika 70(3):659-663 (1983); Jennison & Turnbull (2000), chapters 7 and 19
 * @see Schuirmann, "A comparison of the two one-sided tests procedure…", J Pharmacokinet Biopharm 15:657-680 (1987)
 */
export class SequentialMonitor {
  readonly #family: GroupSequentialBoundary
  readonly #single: GroupSequentialBoundary
  readonly #decisions = new Map<string, SequentialDecision>()
  #looks = 0

  constructor(alpha: number, plannedComparisons: number) {
    const m = Math.max(1, plannedComparisons)
    this.#family = new GroupSequentialBoundary(obrienFlemingSpending(alpha / m), `obf:${alpha / m}`)
    this.#single = new GroupSequentialBoundary(obrienFlemingSpending(alpha), `obf:${alpha}`)
  }

  get looks(): number {
    return this.#looks
  }

  /** True once the last look (information fraction 1) was made. */
  get finished(): boolean {
    return this.#family.finished
  }

  /**
   * One look: the verdict of the data so far (decide() on both runs), at information fraction `fraction` (1 for the
   * last look). Records the comparisons that cross a boundary and returns whether every gated comparison of the
   * verdict is now decided.
   */
  look(
    verdict: Verdict,
    fraction: number,
    rounds: number,
  ): { readonly allDecided: boolean; readonly comparisons: number } {
    const t = Math.min(1, fraction)
    const family = this.#nextLook(this.#family, t)
    const single = this.#nextLook(this.#single, t)
    this.#looks++
    let comparisons = 0
    let undecided = 0
    for (const endpoint of verdict.endpoints) {
      for (const comparison of endpoint.comparisons) {
        comparisons++
        const id = key(endpoint.endpoint, comparison.metric)
        if (this.#decisions.has(id)) continue
        const p = oneSidedPValues(comparison)
        const outcome =
          p.regression <= family.nominalP
            ? 'regression'
            : p.improvement <= family.nominalP
              ? 'improvement'
              : p.noChange <= single.nominalP
                ? 'no-change'
                : null
        if (outcome === null) {
          undecided++
          continue
        }
        const nominalP = outcome === 'no-change' ? single.nominalP : family.nominalP
        this.#decisions.set(id, { outcome, look: this.#looks, rounds, nominalP })
      }
    }
    return { allDecided: undecided === 0, comparisons }
  }

  /** The decision of a comparison, or null while (or if, at the end) it is undecided. */
  decisionOf(endpoint: string, metric: string): SequentialDecision | null {
    return this.#decisions.get(key(endpoint, metric)) ?? null
  }

  /**
   * The comparison with the sequential outcome: the decision recorded at its look, or inconclusive when no boundary
   * was crossed. The explanation says at which round it was decided and at what nominal level.
   */
  conclude(endpoint: string, comparison: MetricComparison): MetricComparison {
    const decision = this.decisionOf(endpoint, comparison.metric)
    const outcome = decision?.outcome ?? 'inconclusive'
    const note =
      decision === null
        ? `rounds: auto: not decided by the last look (${this.#looks} looks)`
        : `rounds: auto: ${decision.outcome === 'no-change' ? 'no change' : decision.outcome} decided at look ${decision.look} ` +
          `(${decision.rounds} rounds), one-sided p ≤ ${formatP(decision.nominalP)} needed`
    const explanation = `${comparison.explanation.replace(/ → [a-z -]+$/, '')}; ${note} → ${outcome === 'no-change' ? 'no change' : outcome}`
    return { ...comparison, outcome, explanation }
  }

  /** What decide() takes for the final verdict: this monitor's outcomes and the run's summary. */
  conclusion(summary: SequentialSummary): SequentialConclusion {
    return { conclude: (endpoint, comparison) => this.conclude(endpoint, comparison), summary }
  }

  #nextLook(design: GroupSequentialBoundary, fraction: number): SequentialLook {
    const previous = design.looks.at(-1)?.fraction ?? 0
    // Information can stall (a round without data): keep the look, with a hair more information.
    return design.next(fraction > previous ? fraction : Math.min(1, previous + 1e-9))
  }
}

/**
 * The three one-sided p-values of a comparison: regression, improvement, and "not worse by the margin" (the rule's own
 * noChangePValue when it gives one: the across-jobs t test, whose variance has the job-to-job part; else the rank test
 * of the rounds, paired or not, that matches the regression test).
 */
export function oneSidedPValues(comparison: MetricComparison): {
  readonly regression: number
  readonly improvement: number
  readonly noChange: number
} {
  const direction = WORSE_DIRECTION[comparison.metric]
  const margin = comparison.margin
  let noChange: number
  if (comparison.noChangePValue !== undefined) {
    // The run-level test across jobs (stored baseline): its variance includes the job-to-job component.
    noChange = comparison.noChangePValue
  } else if (comparison.paired) {
    const differences = comparison.candidateRounds.map((value, i) => value - (comparison.baselineRounds[i] as number))
    noChange =
      wilcoxonSignedRank(differences, { alternative: direction === 1 ? 'less' : 'greater', mu: direction * margin })
        .pValue ?? 1
  } else {
    noChange = shiftedTest(
      comparison.baselineRounds,
      comparison.candidateRounds,
      -direction * margin,
      direction === 1 ? 'greater' : 'less',
    )
  }
  return { regression: comparison.pValue, improvement: comparison.improvementPValue ?? 1, noChange }
}
