// The gate's output: per-endpoint outcomes (a tagged union) and the overall verdict.
import type { Budget, Budgets, FailOn, GatedMetric, GateSettings } from '../config/gate-schema.js'
import type { CapacityResult, CapacityStatus, RunResult } from '../results/types.js'

/** How one gated metric of one endpoint compares, round against round. */
export interface MetricComparison {
  readonly metric: GatedMetric
  /** Unit of the values below: ms for latency metrics, a fraction for error-rate, requests/s for throughput. */
  readonly unit: 'ms' | 'fraction' | 'rps'
  /** The per-round summary values (e.g. each round's p95), baseline and candidate, in `unit`. */
  readonly baselineRounds: readonly number[]
  readonly candidateRounds: readonly number[]
  readonly baselineMedian: number
  readonly candidateMedian: number
  /** Hodges-Lehmann shift candidate − baseline on the round values, in `unit` (positive = worse for latency). */
  readonly shift: number
  /** shift relative to the baseline median (0.12 = 12 % slower). */
  readonly relativeShift: number
  /** Confidence interval of the shift, with its achieved level; null when the rounds cannot give one. */
  readonly shiftInterval: { readonly lower: number; readonly upper: number; readonly confLevel: number } | null
  /** The practical margin used: max(relative × baseline median, absolute), in `unit`. */
  readonly margin: number
  /** One-sided p of "worse by more than the margin" (exact Mann-Whitney, shifted null), before Holm. */
  readonly pValue: number
  /** After Holm-Bonferroni over every gated comparison of the run. */
  readonly pValueAdjusted: number
  readonly outcome: MetricOutcome
  /**
   * The resolution of this comparison: the smallest worsening (a positive size in `unit`) it would catch in at least
   * 80 % of runs, at Holm's strictest level alpha/m; null when it could catch none (too few rounds or runs).
   */
  readonly detectableShift: number | null
  /** How the test accounted for the shift between the baseline's CI job and this one (absent for older verdicts). */
  readonly jobNoise?: JobNoise
  /** One line a reviewer reads: change with its interval, p-value, margin, rounds per side. */
  readonly explanation: string
  /** One-sided p of "better by more than the margin" (the mirrored shifted-null test), before Holm. */
  readonly improvementPValue?: number
  /** The improvement p after Holm over every gated comparison of the run. */
  readonly improvementPValueAdjusted?: number
  /**
   * One-sided p of "not worse by the margin or more" (non-inferiority, the worse-side half of TOST), unadjusted; set by
   * the run-level test across jobs (its variance includes the job-to-job component). rounds: auto's "no change" test
   * uses it; for round tests it computes the matching rank test itself (gate/sequential.ts).
   */
  readonly noChangePValue?: number
  /**
   * True for a live A/B run: the rounds are pairs (baselineRounds[i] ran next to candidateRounds[i]) and the test is
   * the Wilcoxon signed-rank test of the differences, the shift their Walsh-average Hodges-Lehmann estimate.
   */
  readonly paired?: boolean
}

/**
 * A comparison's outcome: `regression` (worse by more than the margin, significant after Holm); `improvement`
 * (the mirror); `no-change` (equivalence shown: the (1 − 2α) interval lies within ±margin, two one-sided tests);
 * `pass` (no evidence of a regression, and the run resolves the margin: see detectableShift); `inconclusive` (no
 * evidence either way, and the run could not resolve the margin).
 */
export type MetricOutcome = 'regression' | 'improvement' | 'no-change' | 'pass' | 'inconclusive'

/**
 * How the regression test accounted for the CI job-to-job shift (log-scale sds, ≈ relative: 0.02 = 2 %):
 * `history`: estimated from `runs` stored runs of the base branch (the baseline and its history), with the sd of a
 * run's value (`runSd`), its between-job part (`jobSd`) and its within-run part (`withinSd`, from the rounds);
 * `allowance`: too little history (`historyRuns` earlier baselines), a conservative `jobSd` was assumed;
 * `same-job`: the baseline was measured in the same job (live A/B), so there is no job-to-job shift to allow for.
 */
export type JobNoise =
  | {
      readonly kind: 'history'
      readonly runs: number
      readonly runSd: number
      readonly jobSd: number | null
      readonly withinSd: number | null
    }
  | { readonly kind: 'allowance'; readonly historyRuns: number; readonly jobSd: number }
  | { readonly kind: 'same-job' }

/** The result of one budget on one endpoint. */
export interface BudgetCheck {
  readonly budget: Budget
  /** Measured value in the budget's unit (ms, fraction, requests/s). */
  readonly actual: number
  readonly passed: boolean
}

/** Request-level statistics, for humans (not gated by default): pooled Mann-Whitney and Hodges-Lehmann. */
export interface RequestLevelComparison {
  readonly pValueTwoSided: number | null
  /** Hodges-Lehmann shift of single requests, ms, with its 95 % interval. */
  readonly shiftMs: number
  readonly shiftIntervalMs: { readonly lower: number; readonly upper: number } | null
  readonly probabilityCandidateSlower: number
}

/** What the gate concluded for one endpoint. Handle with an exhaustive switch on `kind`. */
export type EndpointOutcome =
  | { readonly kind: 'regression'; readonly worst: MetricComparison }
  | { readonly kind: 'improvement'; readonly best: MetricComparison }
  | { readonly kind: 'no-change' }
  | { readonly kind: 'pass' }
  | { readonly kind: 'inconclusive'; readonly reason: string }
  | { readonly kind: 'no-baseline'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string }

export type EndpointOutcomeKind = EndpointOutcome['kind']

/** Percentiles of the pooled (all rounds) latency, ms, for the report table. */
export interface LatencySummary {
  readonly requests: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly p99Ms: number
  readonly errorRate: number
  readonly ratePerSecond: number
}

export interface EndpointVerdict {
  readonly endpoint: string
  readonly outcome: EndpointOutcome
  readonly comparisons: readonly MetricComparison[]
  readonly budgets: readonly BudgetCheck[]
  readonly requestLevel: RequestLevelComparison | null
  readonly baseline: LatencySummary | null
  readonly candidate: LatencySummary
}

/** The run's overall outcome, worst first. */
export const OVERALL_OUTCOMES = [
  'invalid',
  'regression',
  'budget-violation',
  'inconclusive',
  'no-baseline',
  'improvement',
  'pass',
  'no-change',
] as const
export type OverallOutcome = (typeof OVERALL_OUTCOMES)[number]

/** Where one capacity search put the limit: held at `lowerPerSecond`, broke at `upperPerSecond` (∞: never). */
export interface CapacitySummary {
  readonly status: CapacityStatus
  readonly sustainedRatePerSecond: number | null
  readonly firstFailingRatePerSecond: number | null
  readonly lowerPerSecond: number
  readonly upperPerSecond: number
  readonly breaking: CapacityResult['breaking']
}

/** The capacity gate's comparison of two searches (see compareCapacity). */
export interface CapacityComparison {
  readonly outcome: 'regression' | 'improvement' | 'no-change' | 'invalid' | 'no-baseline'
  readonly baseline: CapacitySummary | null
  readonly candidate: CapacitySummary
  /** Sustained rate candidate / baseline − 1; null when either has none. */
  readonly relativeChange: number | null
  /** The gate's relative margin (a fraction) the drop must exceed. */
  readonly marginRelative: number
  /** One line a reviewer reads: both rates, both brackets, the margin, the outcome. */
  readonly explanation: string
}

export interface Verdict {
  readonly outcome: OverallOutcome
  /** True when any configured `fail-on` outcome occurred (and was not accepted by label). */
  readonly failed: boolean
  /** Which fail-on outcomes occurred (empty when the step passes). */
  readonly failing: readonly FailOn[]
  readonly endpoints: readonly EndpointVerdict[]
  /** Things the reader should know (few rounds, CPU differs, gate can never fail, ...). */
  readonly warnings: readonly string[]
  /** One line: overall verdict, count of regressions, worst change. */
  readonly headline: string
  /** Capacity runs only: the capacity gate's comparison (then `endpoints` is empty: rates differ per step). */
  readonly capacity?: CapacityComparison
  /** rounds: auto only: how many rounds it took and why it stopped. */
  readonly sequential?: SequentialSummary
}

/** What decide() needs from the sequential rule of rounds: auto (implemented by SequentialMonitor). */
export interface SequentialConclusion {
  conclude(endpoint: string, comparison: MetricComparison): MetricComparison
  readonly summary: SequentialSummary
}

/** What the report says about a `rounds: auto` run. */
export interface SequentialSummary {
  /** Rounds per side measured (pairs, for live A/B). */
  readonly rounds: number
  /** Looks made (one after the minimum rounds, then one per new round). */
  readonly looks: number
  /** The planned maximum rounds per side (from max-rounds and max-duration): the information horizon. */
  readonly maxRounds: number
  readonly stopped: 'decided' | 'max-rounds' | 'max-duration' | 'stopped' | 'nothing-to-decide'
  /** One sentence: how many rounds, and why it stopped. */
  readonly reason: string
}

/**
 * How the baseline was measured: `stored` in another CI job (a stored baseline: job-to-job shifts count), or
 * `live-ab` in this job, its rounds interleaved with the candidate's.
 */
export type BaselineDesign = 'stored' | 'live-ab'

/**
 * The baseline the gate compares with, or why there is none. `history`: earlier stored baselines of the base branch
 * (any order; other profiles and duplicates of the baseline are ignored), which measure the job-to-job shift.
 * `design` defaults to `live-ab` for the halves of one live A/B run (RunResult.liveAb), else `stored`.
 */
export type GateBaseline =
  | {
      readonly kind: 'found'
      readonly result: RunResult
      readonly history?: readonly RunResult[]
      readonly design?: BaselineDesign
    }
  | { readonly kind: 'missing'; readonly reason: string }

/** Everything `decide` needs: the candidate run, the baseline (or why not), the rules and the budgets. */
export interface GateInput {
  readonly candidate: RunResult
  readonly baseline: GateBaseline
  readonly gate: GateSettings
  /** Absolute limits per endpoint name, or `*` for every endpoint; evaluated even without a baseline. */
  readonly budgets: Budgets
  /**
   * 'abba' when the baseline was measured live in the same job, rounds interleaved A B B A: round i of each side
   * form a pair, tested with the Wilcoxon signed-rank test (paired-rule.ts); null: unpaired rounds. Default (absent):
   * paired exactly when the two runs are the halves of one live A/B run (RunResult.liveAb), else unpaired.
   */
  readonly pairing?: 'abba' | null
  /**
   * rounds: auto: the sequential rule's outcome of each comparison replaces the fixed-length one (sequential.ts),
   * and the verdict carries the summary (rounds, looks, why it stopped).
   */
  readonly sequential?: SequentialConclusion | null
  /** Set when a reviewer accepted the change by label: failures become warnings naming the label and who. */
  readonly accepted?: { readonly label: string; readonly by: string | null } | null
}
