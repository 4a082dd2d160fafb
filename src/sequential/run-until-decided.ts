// rounds: auto: measures rounds until every gated comparison is decided (gate/sequential.ts), max-rounds is reached
// or the next round would not fit in max-duration. Live A/B grows both sides, interleaved A B B A; against a
// stored baseline only the candidate grows. Every piece is one load run (runLoad, or a fake in tests).
import { ConfigError } from '../config/errors.js'
import type { Profile } from '../config/profile.js'
import { SequentialMonitor } from '../gate/sequential.js'
import type { SequentialSummary, Verdict } from '../gate/types.js'
import { type Clock, performanceClock } from '../load/clock.js'
import { abbaOrder, joinRuns, markHalves, REWARM_MS } from '../load/live-ab.js'
import type { RunResult } from '../results/types.js'
import { reasonOf } from './stop-reason.js'

/** Runs the profile once against a target (the first piece of a side gets the full warm-up, later ones REWARM_MS). */
export type MeasurePiece = (profile: Profile, target: URL, signal: AbortSignal | undefined) => Promise<RunResult>

export interface RunUntilDecidedOptions {
  /** A profile with `autoRounds` set; `profile.rounds` rounds (min-rounds) come before the first look. */
  readonly profile: Profile
  readonly candidateTarget: URL
  /** Live A/B (both sides measured, interleaved) or a stored baseline run (only the candidate grows). */
  readonly baseline:
    | { readonly kind: 'live'; readonly target: URL }
    | { readonly kind: 'stored'; readonly run: RunResult }
  readonly measure: MeasurePiece
  /** The verdict of the data so far, without the sequential rule (decide() with the gate the step uses). */
  readonly decideLook: (baseline: RunResult, candidate: RunResult) => Verdict
  readonly signal?: AbortSignal
  readonly clock?: Clock
}

export interface RunUntilDecidedResult {
  /** The baseline side as measured (live), or the stored run as given. */
  readonly baseline: RunResult
  readonly candidate: RunResult
  /** The sequential rule after the last look: pass `monitor.conclusion(summary)` to decide() as `sequential`. */
  readonly monitor: SequentialMonitor
  readonly summary: SequentialSummary
}

/**
 * Measures until decided. The information horizon N (rounds per side) is fixed up front from max-rounds and the
 * time budget; the look after n rounds has information fraction n/N for pairs, and (1/n_x + 1/N)/(1/n_x + 1/n) when
 * a stored baseline of n_x rounds does not grow. A look after which no further round fits (N reached, or the time
 * left is less than the slowest round so far needs) is the last: it spends all remaining alpha.
 */
export async function runUntilDecided(options: RunUntilDecidedOptions): Promise<RunUntilDecidedResult> {
  const { profile } = options
  if (profile.autoRounds === null || profile.maxDurationMs === null) {
    throw new ConfigError(
      'rounds',
      'runUntilDecided needs rounds: auto with max-duration',
      'set rounds: auto and max-duration',
    )
  }
  const run = new AutoRun(options, profile.autoRounds.maxRounds)
  let stopped = await run.firstLook()
  while (stopped === null) {
    stopped = run.look()
    if (stopped === null) stopped = await run.nextRound()
  }
  // A round cut by max-duration leaves the last look short of fraction 1: look once more (same rounds) and spend the rest.
  if (stopped === 'max-duration' && run.looked && !run.monitor.finished) stopped = run.look(true) ?? stopped
  return run.finish(stopped)
}

type Stop = SequentialSummary['stopped']

/** The state of one rounds: auto run: the pieces of each side, the clock, and the sequential monitor. */
class AutoRun {
  readonly #options: RunUntilDecidedOptions
  readonly #profile: Profile
  readonly #live: boolean
  readonly #clock: Clock
  readonly #startMs: number
  readonly #rewarmMs: number
  readonly #horizon: number
  readonly #single: Profile
  readonly #pieces: { A: RunResult[]; B: RunResult[] } = { A: [], B: [] }
  readonly monitor: SequentialMonitor
  #rounds = 0
  #slowestRoundMs = 0
  #lastLookMs = 0

  constructor(options: RunUntilDecidedOptions, maxRounds: number) {
    const { profile } = options
    this.#options = options
    this.#profile = profile
    this.#live = options.baseline.kind === 'live'
    this.#clock = options.clock ?? performanceClock
    this.#startMs = this.#clock.now()
    const roundMs = profile.durationMs / profile.rounds
    this.#rewarmMs = Math.min(REWARM_MS, profile.warmupMs)
    this.#horizon = Math.max(
      profile.rounds,
      Math.min(maxRounds, plannedRounds(profile, roundMs, this.#rewarmMs, this.#live)),
    )
    this.#single = { ...profile, rounds: 1, durationMs: roundMs }
    this.monitor = new SequentialMonitor(profile.gate.alpha, plannedComparisons(profile))
  }

  /** The first look's rounds: single rounds in A B B A order (live), or one run of min-rounds rounds (stored). */
  async firstLook(): Promise<Stop | null> {
    const order = this.#live ? abbaOrder(this.#profile.rounds) : (['B'] as const)
    for (const side of order) {
      const stop = await this.#piece(side, this.#live ? 1 : this.#profile.rounds)
      if (stop !== null) return stop
    }
    this.#rounds = this.#profile.rounds
    return null
  }

  /** True once a look was made (the first min-rounds rounds were all measured). */
  get looked(): boolean {
    return this.monitor.looks > 0
  }

  /**
   * A look at the data so far; the look after which no round fits is the last (it spends all remaining alpha).
   * `final`: no further round will be measured (the next one was cut by max-duration), so this look is the last.
   */
  look(final = false): Stop | null {
    const now = this.#clock.now()
    const first = this.#lastLookMs === 0
    this.#slowestRoundMs = Math.max(
      this.#slowestRoundMs,
      first ? (now - this.#startMs) / this.#rounds : now - this.#lastLookMs,
    )
    this.#lastLookMs = now
    const n = this.#rounds
    if (final && this.#live) {
      // The cut pair may have left its first side a round ahead: look at complete pairs only.
      this.#pieces.A.splice(n)
      this.#pieces.B.splice(n)
    }
    const last = final || n >= this.#horizon || this.#remainingMs() < 1.2 * this.#slowestRoundMs
    const verdict = this.#options.decideLook(this.#baseline(), joinRuns(this.#pieces.B, this.#profile, COMPLETE))
    const look = this.monitor.look(verdict, last ? 1 : this.#fraction(n), n)
    if (look.comparisons === 0) return 'nothing-to-decide'
    if (look.allDecided) return 'decided'
    if (last) return n >= this.#horizon ? 'max-rounds' : 'max-duration'
    return null
  }

  /** One more round per side; live A/B continues the A B B A order (pair n + 1 is B A when n is odd). */
  async nextRound(): Promise<Stop | null> {
    const order = this.#live
      ? this.#rounds % 2 === 0
        ? (['A', 'B'] as const)
        : (['B', 'A'] as const)
      : (['B'] as const)
    for (const side of order) {
      const stop = await this.#piece(side, 1)
      if (stop !== null) return stop
    }
    this.#rounds++
    return null
  }

  finish(stopped: Stop): RunUntilDecidedResult {
    const n = this.#rounds
    // A cut look (signal, or a piece past max-duration) leaves one side a round ahead: compare complete pairs only.
    if (this.#live) {
      this.#pieces.A.splice(n)
      this.#pieces.B.splice(n)
    }
    if (this.#pieces.B.length === 0) throw new Error('rounds: auto was stopped before any round ran')
    const completion = completionOf(stopped, n, this.#profile)
    const summary: SequentialSummary = {
      rounds: n,
      looks: this.monitor.looks,
      maxRounds: this.#horizon,
      stopped,
      reason: reasonOf(stopped, n, this.monitor.looks, this.#horizon, this.#live),
    }
    const candidate = joinRuns(this.#pieces.B, this.#profile, completion)
    const sides = this.#live
      ? markHalves(joinRuns(this.#pieces.A, this.#profile, completion), candidate, abbaOrder(n))
      : { baseline: this.#baseline(), candidate }
    return { ...sides, monitor: this.monitor, summary }
  }

  #fraction(n: number): number {
    const { baseline } = this.#options
    if (baseline.kind === 'live' || baseline.run.rounds.length === 0) return n / this.#horizon
    const nx = baseline.run.rounds.length
    return (1 / nx + 1 / this.#horizon) / (1 / nx + 1 / n)
  }

  #remainingMs(): number {
    return (this.#profile.maxDurationMs as number) - (this.#clock.now() - this.#startMs)
  }

  #baseline(): RunResult {
    const { baseline } = this.#options
    return baseline.kind === 'stored' ? baseline.run : joinRuns(this.#pieces.A, this.#profile, COMPLETE)
  }

  /** Measures one piece of a side; a stop reason when it could not (signal, no time left, cut short). */
  async #piece(side: 'A' | 'B', rounds: number): Promise<Stop | null> {
    const { signal, baseline } = this.#options
    const left = this.#remainingMs()
    if (left <= 0 || signal?.aborted) return signal?.aborted ? 'stopped' : 'max-duration'
    const shape: Profile = {
      ...(rounds === 1 ? this.#single : this.#profile),
      warmupMs: this.#pieces[side].length === 0 ? this.#profile.warmupMs : this.#rewarmMs,
      maxDurationMs: left,
    }
    const target = side === 'B' || baseline.kind !== 'live' ? this.#options.candidateTarget : baseline.target
    const run = await this.#options.measure(shape, target, signal)
    if (run.completion.status === 'partial') return signal?.aborted ? 'stopped' : 'max-duration'
    this.#pieces[side].push(run)
    return null
  }
}

const COMPLETE = { status: 'complete' } as const

/** Rounds per side that fit max-duration: the first warm-up(s), then rounds with their re-warm-ups. */
function plannedRounds(profile: Profile, roundMs: number, rewarmMs: number, live: boolean): number {
  const budgetMs = profile.maxDurationMs as number
  if (live) return Math.floor((budgetMs - 2 * profile.warmupMs + 2 * rewarmMs) / (2 * (roundMs + rewarmMs)))
  const firstMs = profile.warmupMs + profile.durationMs
  return profile.rounds + Math.floor(Math.max(0, budgetMs - firstMs) / (roundMs + rewarmMs))
}

/** The gated comparisons the profile plans: endpoints (steps) × gated metrics. */
function plannedComparisons(profile: Profile): number {
  const endpoints = new Set(profile.scenarios.flatMap((scenario) => scenario.steps.map((step) => step.name)))
  return endpoints.size * profile.gate.metrics.length
}

function completionOf(stopped: SequentialSummary['stopped'], n: number, profile: Profile): RunResult['completion'] {
  if (stopped === 'stopped') return { status: 'partial', reason: `stopped after ${n} rounds (rounds: auto)` }
  if (stopped === 'max-duration' && n < profile.rounds) {
    return { status: 'partial', reason: `max-duration (${profile.maxDurationMs} ms) reached after ${n} rounds` }
  }
  return { status: 'complete' }
}
