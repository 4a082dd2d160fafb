// rounds: auto: measures rounds until every gated comparison is decided (gate/sequential.ts), max-rounds is reached
// or the next round would not fit in max-duration. Live A/B grows both sides, interleaved A B B A; against a
// stored baseline only the candidate grows. Every piece is one load run (runLoad, or a fake in tests).
import { ConfigError } from '../config/errors.js'
import type { Profile } from '../config/profile.js'
import { SequentialMonitor } from '../gate/sequential.js'
import type { SequentialSummary, Verdict } from '../gate/types.js'
import { type Clock, performanceClock } from '../load/clock.js'
import { abbaOrder, joinRuns, REWARM_MS } from '../load/live-ab.js'
import type { RunResult } from '../results/types.js'

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
  const { profile, measure, signal } = options
  const auto = profile.autoRounds
  if (auto === null || profile.maxDurationMs === null) {
    throw new ConfigError(
      'rounds',
      'runUntilDecided needs rounds: auto with max-duration',
      'set rounds: auto and max-duration',
    )
  }
  const clock = options.clock ?? performanceClock
  const startMs = clock.now()
  const live = options.baseline.kind === 'live'
  const roundMs = profile.durationMs / profile.rounds
  const rewarmMs = Math.min(REWARM_MS, profile.warmupMs)
  const horizon = Math.max(profile.rounds, Math.min(auto.maxRounds, plannedRounds(profile, roundMs, rewarmMs, live)))
  const baselineRounds = options.baseline.kind === 'stored' ? options.baseline.run.rounds.length : 0
  const fraction = (n: number): number =>
    live || baselineRounds === 0 ? n / horizon : (1 / baselineRounds + 1 / horizon) / (1 / baselineRounds + 1 / n)
  const single: Profile = { ...profile, rounds: 1, durationMs: roundMs }

  const pieces: { A: RunResult[]; B: RunResult[] } = { A: [], B: [] }
  const remaining = (): number => (profile.maxDurationMs as number) - (clock.now() - startMs)
  const piece = async (side: 'A' | 'B', rounds: number): Promise<RunResult | null> => {
    const left = remaining()
    if (left <= 0 || signal?.aborted) return null
    const first = pieces[side].length === 0
    const shape: Profile = {
      ...(rounds === 1 ? single : profile),
      warmupMs: first ? profile.warmupMs : rewarmMs,
      maxDurationMs: left,
    }
    const target = side === 'B' ? options.candidateTarget : (options.baseline as { target: URL }).target
    const run = await measure(shape, target, signal)
    if (run.completion.status === 'partial') return null
    pieces[side].push(run)
    return run
  }

  const monitor = new SequentialMonitor(profile.gate.alpha, plannedComparisons(profile))
  let stopped: SequentialSummary['stopped'] | null = null
  let slowestLookMs = 0
  let lookStartMs = startMs
  let n = 0
  // The first look: min-rounds rounds per side (live: single rounds in A B B A order; stored: one run of them).
  const firstOrder = live ? abbaOrder(profile.rounds) : (['B'] as const)
  for (const side of firstOrder) {
    if ((await piece(side, live ? 1 : profile.rounds)) === null) {
      stopped = signal?.aborted ? 'stopped' : 'max-duration'
      break
    }
  }
  if (stopped === null) n = profile.rounds
  while (stopped === null) {
    const now = clock.now()
    slowestLookMs = Math.max(slowestLookMs, n === profile.rounds ? (now - startMs) / profile.rounds : now - lookStartMs)
    lookStartMs = now
    const last = n >= horizon || remaining() < 1.2 * slowestLookMs
    const verdict = options.decideLook(baselineOf(options, pieces, profile), joinRuns(pieces.B, profile, complete))
    const look = monitor.look(verdict, last ? 1 : fraction(n), n)
    if (look.comparisons === 0) stopped = 'nothing-to-decide'
    else if (look.allDecided) stopped = 'decided'
    else if (last) stopped = n >= horizon ? 'max-rounds' : 'max-duration'
    if (stopped !== null) break
    // One more round per side; live A/B continues the A B B A order (pair n+1 is B A when n is odd).
    const order = live ? (n % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) : (['B'] as const)
    for (const side of order) {
      if ((await piece(side, 1)) === null) {
        stopped = signal?.aborted ? 'stopped' : 'max-duration'
        break
      }
    }
    if (stopped === null) n++
  }
  // A cut look (signal, or a piece past max-duration) leaves one side a round ahead: compare complete pairs only.
  if (live) {
    pieces.A.splice(n)
    pieces.B.splice(n)
  }
  if (pieces.B.length === 0) throw new Error('rounds: auto was stopped before any round ran')
  const candidate = joinRuns(pieces.B, profile, completionOf(stopped, n, profile))
  const baseline = live
    ? joinRuns(pieces.A, profile, completionOf(stopped, n, profile))
    : baselineOf(options, pieces, profile)
  const summary: SequentialSummary = {
    rounds: n,
    looks: monitor.looks,
    maxRounds: horizon,
    stopped,
    reason: reasonOf(stopped, n, monitor.looks, horizon, live),
  }
  return { baseline, candidate, monitor, summary }
}

const complete = { status: 'complete' } as const

function baselineOf(options: RunUntilDecidedOptions, pieces: { A: RunResult[] }, profile: Profile): RunResult {
  return options.baseline.kind === 'stored' ? options.baseline.run : joinRuns(pieces.A, profile, complete)
}

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

function reasonOf(stopped: SequentialSummary['stopped'], n: number, looks: number, horizon: number, live: boolean) {
  const what = `${n} ${live ? 'A/B pairs' : 'rounds'} (${looks} look${looks === 1 ? '' : 's'}, up to ${horizon} planned)`
  switch (stopped) {
    case 'decided':
      return `rounds: auto stopped after ${what}: every gated comparison was decided.`
    case 'max-rounds':
      return `rounds: auto stopped after ${what}: the planned rounds were measured; undecided comparisons stay inconclusive.`
    case 'max-duration':
      return `rounds: auto stopped after ${what}: max-duration left no room for another round; undecided comparisons stay inconclusive.`
    case 'stopped':
      return `rounds: auto was stopped after ${what}.`
    case 'nothing-to-decide':
      return `rounds: auto stopped after ${what}: no comparison to decide (no baseline data or invalid endpoints).`
  }
}
