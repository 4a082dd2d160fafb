// `rounds: auto`: the sequential rule that decides, after every new round, whether each gated comparison is decided,
// with the error rates held across the repeated looks by alpha spending (stats/group-sequential.ts).
import { GroupSequentialBoundary, obrienFlemingSpending } from '../stats/group-sequential.js'
import { wilcoxonSignedRank } from '../stats/signed-rank.js'
import { formatP } from './explain.js'
import { WORSE_DIRECTION } from './measurements.js'
import { shiftedTest } from './metric-rule.js'
import { RESOLVABLE_MARGIN_MULTIPLE } from './resolution.js'
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
 * The sequential rule of `rounds: auto`. Three one-sided tests per gated comparison, each monitored with a
 * Lan-DeMets O'Brien-Fleming-type alpha-spending boundary over the looks:
 * - regression ("worse by more than the margin", the gate's shifted-null test) and improvement (the mirrored test),
 *   each family with Holm's step-down over the m planned comparisons, as the fixed-length gate: at each look a
 *   comparison is a regression when its p reaches the boundary at level alpha/(m − r), r the regressions already
 *   found (the same for improvements). This is the graphical (Holm) procedure for group-sequential designs of
 *   Maurer & Bretz (2013) restricted to the current look, so it rejects no more than theirs and keeps the
 *   family-wise error rate at alpha;
 * - no change ("not worse by the margin", the non-inferiority test with the margin as null: the one-sided half of
 *   TOST) at alpha: claiming no change on every comparison is an intersection-union test, which needs no adjustment.
 * A comparison is decided the first time one of its tests crosses its boundary, and stays decided. Each test's
 * rejection region with early stopping is a subset of the one without, so stopping cannot raise its error rate.
 * The information fraction of a look is supplied by the caller (n/N for pairs; for a stored baseline, whose side does
 * not grow, (1/n_x + 1/N)/(1/n_x + 1/n_y)); the final look spends all remaining alpha.
 * @see Lan & DeMets, Biometrika 70(3):659-663 (1983); Jennison & Turnbull (2000), chapters 7 and 19
 * @see Maurer & Bretz, "Multiple testing in group sequential trials using graphical approaches", Statistics in
 * Biopharmaceutical Research 5(4):311-320 (2013); Holm, Scand J Statist 6:65-70 (1979)
 * @see Schuirmann, "A comparison of the two one-sided tests procedure…", J Pharmacokinet Biopharm 15:657-680 (1987)
 */
export class SequentialMonitor {
  readonly #designs: LevelDesigns
  readonly #planned: number
  readonly #decisions = new Map<string, SequentialDecision>()
  #looks = 0

  constructor(alpha: number, plannedComparisons: number) {
    this.#planned = Math.max(1, plannedComparisons)
    this.#designs = new LevelDesigns(alpha)
  }

  get looks(): number {
    return this.#looks
  }

  /** True once the last look (information fraction 1) was made. */
  get finished(): boolean {
    return this.#designs.finished
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
    this.#designs.look(Math.min(1, fraction))
    this.#looks++
    const open: OpenComparison[] = []
    for (const endpoint of verdict.endpoints) {
      for (const comparison of endpoint.comparisons) {
        const id = key(endpoint.endpoint, comparison.metric)
        if (!this.#decisions.has(id)) open.push({ id, p: oneSidedPValues(comparison) })
      }
    }
    const comparisons = verdict.endpoints.reduce((n, endpoint) => n + endpoint.comparisons.length, 0)
    this.#holm(open, 'regression', rounds)
    this.#holm(open, 'improvement', rounds)
    const noChangeP = this.#designs.nominalP(1)
    for (const { id, p } of open) {
      if (!this.#decisions.has(id) && p.noChange <= noChangeP)
        this.#decisions.set(id, { outcome: 'no-change', look: this.#looks, rounds, nominalP: noChangeP })
    }
    return { allDecided: open.every(({ id }) => this.#decisions.has(id)), comparisons }
  }

  /** Holm's step-down at this look for one family: level alpha/(m − r) until no further comparison reaches it. */
  #holm(open: readonly OpenComparison[], outcome: 'regression' | 'improvement', rounds: number): void {
    for (;;) {
      const found = [...this.#decisions.values()].filter((decision) => decision.outcome === outcome).length
      const nominalP = this.#designs.nominalP(Math.max(1, this.#planned - found))
      const crossing = open.filter(({ id, p }) => !this.#decisions.has(id) && p[outcome] <= nominalP)
      if (crossing.length === 0) return
      for (const { id } of crossing) this.#decisions.set(id, { outcome, look: this.#looks, rounds, nominalP })
    }
  }

  /** The decision of a comparison, or null while (or if, at the end) it is undecided. */
  decisionOf(endpoint: string, metric: string): SequentialDecision | null {
    return this.#decisions.get(key(endpoint, metric)) ?? null
  }

  /**
   * The comparison with the sequential outcome: the decision recorded at its look; when no boundary was crossed, a
   * pass if the fixed-length rule on all the rounds shows no regression and resolves the margin, else inconclusive.
   * The explanation says at which round it was decided and at what nominal level.
   */
  conclude(endpoint: string, comparison: MetricComparison): MetricComparison {
    const decision = this.decisionOf(endpoint, comparison.metric)
    // Undecided at the end: a pass when there is no sign of a regression and the rounds resolve the margin, as the
    // fixed-length gate says it (no error-rate claim is made by a pass); else inconclusive.
    const resolved =
      comparison.detectableShift !== null &&
      comparison.detectableShift <= RESOLVABLE_MARGIN_MULTIPLE * comparison.margin
    const outcome = decision?.outcome ?? (comparison.outcome !== 'regression' && resolved ? 'pass' : 'inconclusive')
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
}

interface OpenComparison {
  readonly id: string
  readonly p: ReturnType<typeof oneSidedPValues>
}

/**
 * The O'Brien-Fleming-type designs at levels alpha/k (k = 1: alpha), all over the same looks; a level's design is made
 * when first needed (Holm moves to alpha/(m − r) only after r rejections) and catches up on the earlier looks.
 */
class LevelDesigns {
  readonly #alpha: number
  readonly #designs = new Map<number, GroupSequentialBoundary>()
  readonly #fractions: number[] = []

  constructor(alpha: number) {
    this.#alpha = alpha
  }

  get finished(): boolean {
    return this.#fractions.at(-1) === 1
  }

  /** A new look at information fraction t, for every design. */
  look(t: number): void {
    const previous = this.#fractions.at(-1) ?? 0
    // Information can stall (a round without data): keep the look, with a hair more information.
    const fraction = t > previous ? t : Math.min(1, previous + 1e-9)
    this.#fractions.push(fraction)
    for (const design of this.#designs.values()) design.next(fraction)
  }

  /** The one-sided nominal p the current look must reach at level alpha/k. */
  nominalP(k: number): number {
    let design = this.#designs.get(k)
    if (design === undefined) {
      const level = this.#alpha / k
      design = new GroupSequentialBoundary(obrienFlemingSpending(level), `obf:${level}`)
      for (const fraction of this.#fractions) design.next(fraction)
      this.#designs.set(k, design)
    }
    return design.looks.at(-1)?.nominalP ?? 0
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
