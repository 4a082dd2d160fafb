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
import type { CapacityResult, CapacityStep, RunResult, SafetyStop } from '../results/types.js'
import { type SafetyTrip, SafetyWatch, safetyLimits } from './safety.js'
import { CapacitySearch } from './search.js'
import { decideStep, type StepDecision } from './step-decision.js'

/** How often a running step is checked against the safety stops, ms. */
export const SAFETY_CHECK_MS = 200

export interface RunCapacityOptions extends Omit<RunLoadOptions, 'profile' | 'onProgress' | 'progressIntervalMs'> {
  /** A profile with `model: capacity`. */
  readonly profile: Profile
  /** Called after each step with what it decided (for progress lines). */
  readonly onStep?: (step: CapacityStep) => void
}

/** Runs the search; never rejects for server faults. The result's `capacity` holds every step and the finding. */
export async function runCapacity(options: RunCapacityOptions): Promise<RunResult> {
  const { profile } = options
  const settings = profile.capacity
  if (settings === null) throw new Error(`profile '${profile.id}' is not a capacity profile`)
  const clock = options.clock ?? performanceClock
  const log = options.log ?? silentLog
  const search = new CapacitySearch(settings)
  const limits = safetyLimits(settings.slo, 'maxInFlight' in profile.load ? profile.load.maxInFlight : 10_000)
  const startMs = clock.now()
  const steps: CapacityStep[] = []
  const runs: RunResult[] = []
  const decisions: StepDecision[] = []
  let totalRequests = 0
  let stoppedWhy: string | null = null
  /** The first attempt at the current rate, pooled with the repeat when a step is repeated. */
  let previous: RunResult | null = null
  for (let planned = search.next(); planned !== null; planned = search.next()) {
    if (options.signal?.aborted) {
      stoppedWhy = 'stopped by a signal'
      search.record('stopped')
      break
    }
    const remainingMs = profile.maxDurationMs === null ? null : profile.maxDurationMs - (clock.now() - startMs)
    if (remainingMs !== null && remainingMs <= 0) {
      stoppedWhy = `max-duration (${profile.maxDurationMs} ms) reached`
      search.record('stopped')
      break
    }
    const { ratePerSecond, attempt } = planned
    log.info(`Capacity step ${steps.length + 1}: ${ratePerSecond.toFixed(1)}/s${attempt > 1 ? ' (repeated)' : ''}`)
    const { run, trip } = await runStep(options, stepProfile(profile, ratePerSecond, remainingMs), limits)
    totalRequests += countRequests(run)
    const decision: StepDecision =
      trip !== null
        ? { outcome: 'fail', reason: trip.reason, objectives: [], breaking: safetyBreaking(trip, run) }
        : run.completion.status === 'partial'
          ? { outcome: 'stopped', reason: run.completion.reason, objectives: [], breaking: null }
          : decideStep(attempt > 1 && previous !== null ? [previous, run] : [run], settings.slo, profile.gate)
    previous = run
    // An undecided step counts as failed the second time (the search does the same); the record says why.
    const final: StepDecision =
      decision.outcome === 'undecided' && attempt > 1
        ? { ...decision, outcome: 'fail', reason: `undecided twice, counted as failed: ${decision.reason}` }
        : decision
    const step = buildStep(steps.length, ratePerSecond, attempt, run, final, trip?.stop ?? null)
    steps.push(step)
    runs.push(run)
    decisions.push(final)
    options.onStep?.(step)
    if (decision.outcome === 'stopped') {
      // A step cut short without a safety stop: the caller's signal, or the search's max-duration (the step was
      // given what was left of it).
      stoppedWhy = options.signal?.aborted
        ? decision.reason
        : `max-duration (${profile.maxDurationMs} ms) reached during step ${steps.length}`
    }
    search.record(decision.outcome)
  }
  const conclusion = search.conclusion()
  const capacity: CapacityResult = {
    ...conclusion,
    resolution: settings.resolution,
    maxRatePerSecond: settings.maxRatePerSecond,
    breaking: firstBreaking(steps, decisions, conclusion.firstFailingRatePerSecond),
    reason: describeConclusion(conclusion, settings, steps, stoppedWhy),
    slo: Object.fromEntries(Object.entries(settings.slo).map(([key, list]) => [key, list.map((b) => b.expression)])),
    totalDurationMs: clock.now() - startMs,
    totalRequests,
    steps,
  }
  // The run's own rounds and endpoints: the step at the sustained rate (the latency a reader can expect there).
  const shown =
    runs[steps.findLastIndex((s) => s.outcome === 'pass' && s.ratePerSecond === conclusion.sustainedRatePerSecond)] ??
    runs[runs.length - 1]
  const base = shown ?? (await emptyRun(options))
  return {
    ...base,
    profileFingerprint: profileFingerprint(profile),
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
  limits: ReturnType<typeof safetyLimits>,
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

function buildStep(
  index: number,
  ratePerSecond: number,
  attempt: number,
  run: RunResult,
  decision: StepDecision,
  safetyStop: SafetyStop | null,
): CapacityStep {
  return {
    index,
    ratePerSecond,
    attempt,
    outcome: decision.outcome,
    reason: decision.reason,
    safetyStop,
    warmupMs: run.warmupMs,
    durationMs: run.durationMs,
    rounds: run.rounds,
    endpoints: run.endpoints,
    health: run.health,
    objectives: decision.objectives,
  }
}

const countRequests = (run: RunResult): number =>
  run.endpoints.reduce(
    (total, endpoint) => total + endpoint.warmupRequests + endpoint.rounds.reduce((n, r) => n + r.requests, 0),
    0,
  )

/** The endpoint a safety stop concerns: the one with the most errors, else the first. */
function safetyBreaking(trip: SafetyTrip, run: RunResult): StepDecision['breaking'] {
  const endpoint = run.endpoints[0]?.name ?? '*'
  return { endpoint, objective: `safety stop (${trip.stop})`, actual: null }
}

/** What broke at the first failing rate (the last step run there). */
function firstBreaking(
  steps: readonly CapacityStep[],
  decisions: readonly StepDecision[],
  firstFailing: number | null,
): CapacityResult['breaking'] {
  if (firstFailing === null) return null
  const index = steps.findLastIndex((step) => step.ratePerSecond === firstFailing)
  return decisions[index]?.breaking ?? null
}

function describeConclusion(
  conclusion: ReturnType<CapacitySearch['conclusion']>,
  settings: CapacitySettings,
  steps: readonly CapacityStep[],
  stoppedWhy: string | null,
): string {
  const rate = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)}/s`)
  const { sustainedRatePerSecond: low, firstFailingRatePerSecond: high } = conclusion
  switch (conclusion.status) {
    case 'found':
      return `sustained ${rate(low)}; broke at ${rate(high)} (within the ${(settings.resolution * 100).toFixed(1)} % resolution)`
    case 'at-max-rate':
      return `held up to max-rate ${rate(settings.maxRatePerSecond)}: the capacity is at least that (raise max-rate to search further)`
    case 'below-start-rate':
      return `the first step (${rate(high)}) already broke the SLO: the capacity is below start-rate; lower start-rate`
    case 'invalid': {
      const last = steps[steps.length - 1]
      return `the search stopped without an answer: ${last?.reason ?? 'invalid step'} (twice at ${rate(last?.ratePerSecond ?? null)})`
    }
    case 'stopped':
      return `the search was cut short (${stoppedWhy ?? 'stopped'}); sustained so far ${rate(low)}, first failing ${rate(high)}`
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
