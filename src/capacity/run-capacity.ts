// runCapacity: the capacity search against a target. Each step is one constant-arrival-rate run of runLoad (its own
// warm-up, step-duration split into rounds), watched by the safety stops and decided by decideStep; the search
// (CapacitySearch) picks the next rate. Bounded: max-rate caps every step, max-duration the whole search, and
// every step is bounded by runLoad's own schedule.
import { profileFingerprint } from '../config/fingerprint.js'
import type { CapacitySettings, Profile } from '../config/profile.js'
import { performanceClock } from '../load/clock.js'
import { runLoad } from '../load/run-load.js'
import type { RunLoadOptions } from '../load/types.js'
import { silentLog } from '../log.js'
import type { CapacityResult, CapacityStep, CapacityStepOutcome, RunResult } from '../results/types.js'
import { type SafetyLimits, type SafetyTrip, SafetyWatch, safetyLimits } from './safety.js'
import { CapacitySearch, type PlannedStep, type SearchConclusion } from './search.js'
import { decideStep, type StepDecision } from './step-decision.js'
import { buildStep, countRequests, describeConclusion, firstBreaking, safetyBreaking } from './step-record.js'

/** How often a running step is checked against the safety stops, ms. */
export const SAFETY_CHECK_MS = 200

export interface RunCapacityOptions extends Omit<RunLoadOptions, 'profile' | 'onProgress' | 'progressIntervalMs'> {
  /** A profile with `model: capacity`. */
  readonly profile: Profile
  /** Called after each step with what it decided (for progress lines). */
  readonly onStep?: (step: CapacityStep) => void
  /** Which side of a live A/B search this is ('baseline', 'candidate'), for the log lines. */
  readonly side?: string
}

/** What the search has gathered so far. */
interface Gathered {
  readonly steps: CapacityStep[]
  readonly runs: RunResult[]
  readonly decisions: StepDecision[]
  totalRequests: number
  stoppedWhy: string | null
}

/** One search under way: its state machine, what it gathered, and when it (and the whole run) started. */
export interface SearchSide {
  readonly options: RunCapacityOptions
  readonly settings: CapacitySettings
  readonly limits: SafetyLimits
  readonly search: CapacitySearch
  readonly gathered: Gathered
  readonly startMs: number
}

/** Starts a search (no step run yet); `startMs` is shared by interleaved searches so max-duration caps both. */
export function startSearch(options: RunCapacityOptions, startMs: number): SearchSide {
  const { profile } = options
  const settings = profile.capacity
  if (settings === null) throw new Error(`profile '${profile.id}' is not a capacity profile`)
  const limits = safetyLimits(settings.slo, 'maxInFlight' in profile.load ? profile.load.maxInFlight : 10_000)
  const gathered: Gathered = { steps: [], runs: [], decisions: [], totalRequests: 0, stoppedWhy: null }
  return { options, settings, limits, search: new CapacitySearch(settings), gathered, startMs }
}

/** Runs the search; never rejects for server faults. The result's `capacity` holds every step and the finding. */
export async function runCapacity(options: RunCapacityOptions): Promise<RunResult> {
  const clock = options.clock ?? performanceClock
  const side = startSearch(options, clock.now())
  while (await stepSearch(side)) {
    // one step per turn until the search is over
  }
  return finishSearch(side)
}

/** Runs the search's next step (or ends it at max-duration or on the signal); false once the search is over. */
export async function stepSearch(side: SearchSide): Promise<boolean> {
  const { options, search, gathered } = side
  const { profile } = options
  const planned = search.next()
  if (planned === null) return false
  const clock = options.clock ?? performanceClock
  const remainingMs = profile.maxDurationMs === null ? null : profile.maxDurationMs - (clock.now() - side.startMs)
  if (options.signal?.aborted || (remainingMs !== null && remainingMs <= 0)) {
    gathered.stoppedWhy = options.signal?.aborted
      ? 'stopped by a signal'
      : `max-duration (${profile.maxDurationMs} ms) reached`
    search.record('stopped')
    return false
  }
  // The repeat of an undecided first attempt is decided with both attempts' rounds pooled.
  const previous = planned.pooled ? (gathered.runs[gathered.runs.length - 1] ?? null) : null
  const outcome = await runOneStep(options, side.settings, side.limits, planned, remainingMs, previous, gathered)
  search.record(outcome, { safetyStop: (gathered.steps[gathered.steps.length - 1]?.safetyStop ?? null) !== null })
  return search.next() !== null
}

/** The search's RunResult (partial when it was cut short). */
export function finishSearch(side: SearchSide): Promise<RunResult> {
  const clock = side.options.clock ?? performanceClock
  return assembleResult(
    side.options,
    side.settings,
    side.search.conclusion(),
    side.gathered,
    clock.now() - side.startMs,
  )
}

/** Runs one step, decides it, records it in `gathered`; returns the outcome for the search. */
async function runOneStep(
  options: RunCapacityOptions,
  settings: CapacitySettings,
  limits: SafetyLimits,
  planned: PlannedStep,
  remainingMs: number | null,
  previous: RunResult | null,
  gathered: Gathered,
): Promise<CapacityStepOutcome> {
  const { profile } = options
  const { ratePerSecond, attempt } = planned
  const log = options.log ?? silentLog
  log.info(
    `Capacity step ${gathered.steps.length + 1}${options.side ? ` (${options.side})` : ''}: ${ratePerSecond.toFixed(1)}/s${attempt > 1 ? ' (repeated)' : ''}`,
  )
  const { run, trip } = await runStep(options, stepProfile(profile, ratePerSecond, remainingMs), limits)
  gathered.totalRequests += countRequests(run)
  const decision: StepDecision =
    trip !== null
      ? { outcome: 'fail', reason: trip.reason, objectives: [], breaking: safetyBreaking(trip, run) }
      : run.completion.status === 'partial'
        ? { outcome: 'stopped', reason: run.completion.reason, objectives: [], breaking: null }
        : decideStep(previous !== null ? [previous, run] : [run], settings.slo, profile.gate)
  // An undecided repeat counts as failed (the search does the same); the record says why.
  const final: StepDecision =
    decision.outcome === 'undecided' && attempt > 1
      ? {
          ...decision,
          outcome: 'fail',
          reason: `${planned.pooled ? 'undecided twice' : 'undecided after a failure'}, counted as failed: ${decision.reason}`,
        }
      : decision
  const step = buildStep(gathered.steps.length, ratePerSecond, attempt, run, final, trip?.stop ?? null)
  gathered.steps.push(step)
  gathered.runs.push(run)
  gathered.decisions.push(final)
  options.onStep?.(step)
  if (decision.outcome === 'stopped') {
    // Cut short without a safety stop: the caller's signal, or the search's max-duration (the step had what was left).
    gathered.stoppedWhy = options.signal?.aborted
      ? decision.reason
      : `max-duration (${profile.maxDurationMs} ms) reached during step ${gathered.steps.length}`
  }
  return decision.outcome
}

/** The RunResult of the search: the step at the sustained rate as the run's own data, plus `capacity`. */
async function assembleResult(
  options: RunCapacityOptions,
  settings: CapacitySettings,
  conclusion: SearchConclusion,
  gathered: Gathered,
  totalDurationMs: number,
): Promise<RunResult> {
  const { steps, runs, decisions, stoppedWhy } = gathered
  const capacity: CapacityResult = {
    ...conclusion,
    resolution: settings.resolution,
    maxRatePerSecond: settings.maxRatePerSecond,
    breaking: firstBreaking(steps, decisions, conclusion.firstFailingRatePerSecond),
    reason: describeConclusion(conclusion, settings, steps, stoppedWhy),
    slo: Object.fromEntries(Object.entries(settings.slo).map(([key, list]) => [key, list.map((b) => b.expression)])),
    totalDurationMs,
    totalRequests: gathered.totalRequests,
    steps,
  }
  const sustainedAt = steps.findLastIndex(
    (s) => s.outcome === 'pass' && s.ratePerSecond === conclusion.sustainedRatePerSecond,
  )
  const base = runs[sustainedAt] ?? runs[runs.length - 1] ?? (await emptyRun(options))
  return {
    ...base,
    profileFingerprint: profileFingerprint(options.profile),
    completion:
      conclusion.status === 'stopped' ? { status: 'partial', reason: stoppedWhy ?? 'stopped' } : { status: 'complete' },
    capacity,
  }
}

/**
 * The profile of one step: constant-arrival-rate at `ratePerSecond`, step-duration, capped by what is left. The
 * generator's event-loop lag does not make a step invalid: latency counts from the intended send, so lag only makes
 * a step look worse and the search err low, never high; on a busy runner it would otherwise void every step. A
 * generator that falls behind its schedule (or waits on max-in-flight) still makes the step invalid.
 */
function stepProfile(profile: Profile, ratePerSecond: number, remainingMs: number | null): Profile {
  if (profile.load.model !== 'constant-arrival-rate') throw new Error('a capacity profile steps at a constant rate')
  return {
    ...profile,
    model: 'constant-arrival-rate',
    load: { ...profile.load, ratePerSecond },
    capacity: null,
    maxDurationMs: remainingMs,
    maxEventLoopLagMs: Number.POSITIVE_INFINITY,
  }
}

async function runStep(
  options: RunCapacityOptions,
  profile: Profile,
  limits: SafetyLimits,
): Promise<{ run: RunResult; trip: SafetyTrip | null }> {
  const controller = new AbortController()
  const onOuterAbort = () => controller.abort(options.signal?.reason ?? 'stopped')
  options.signal?.addEventListener('abort', onOuterAbort, { once: true })
  const rate = profile.load.model === 'constant-arrival-rate' ? profile.load.ratePerSecond : 0
  const watch = new SafetyWatch(rate, limits)
  try {
    const run = await runLoad({
      ...options,
      profile,
      signal: controller.signal,
      progressIntervalMs: SAFETY_CHECK_MS,
      onProgress: (snapshot) => {
        if (snapshot.phase === 'drain') return
        const trip = watch.observe(snapshot)
        if (trip !== null) controller.abort(trip.reason)
      },
    })
    return { run, trip: watch.tripped }
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort)
  }
}

/** A run with no step (aborted before the first): zero rounds of nothing, for a well-formed partial result. */
async function emptyRun(options: RunCapacityOptions): Promise<RunResult> {
  const aborted = new AbortController()
  aborted.abort('stopped before the first step')
  return runLoad({
    ...options,
    profile: stepProfile(options.profile, options.profile.capacity?.startRatePerSecond ?? 1, null),
    signal: aborted.signal,
  })
}
