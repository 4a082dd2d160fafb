// Live A/B: the baseline target and the candidate target measured in the same job, rounds interleaved in ABBA
// order (A B B A A B B A ...), so runner noise that drifts over the job hits both sides alike. Composed from
// single-round runs of runLoad; each run gets a short warm-up of its own (excluded, as always).
import { ConfigError } from '../config/errors.js'
import { runFingerprint } from '../config/fingerprint.js'
import type { Profile } from '../config/profile.js'
import { createHistogram } from '../results/histogram.js'
import type { EndpointResult, RoundMeasurement, RunResult, TimelinePoint } from '../results/types.js'
import { performanceClock } from './clock.js'
import { runLoad } from './run-load.js'
import type { RunLoadOptions } from './types.js'

/** Warm-up of every interleaved run after the first of each side, ms (new connections, JIT already warm). */
export const REWARM_MS = 250

export interface LiveAbOptions extends Omit<RunLoadOptions, 'target' | 'profile'> {
  readonly profile: Profile
  readonly baselineTarget: URL
  readonly candidateTarget: URL
}

export interface LiveAbResult {
  readonly baseline: RunResult
  readonly candidate: RunResult
  /** The order the rounds ran in, e.g. ['A', 'B', 'B', 'A', ...] (A = baseline). */
  readonly order: readonly ('A' | 'B')[]
}

/** ABBA order for `rounds` rounds per side: A B B A A B B A ... (2 × rounds runs). */
export function abbaOrder(rounds: number): ('A' | 'B')[] {
  return Array.from({ length: 2 * rounds }, (_, i) => (i % 4 === 0 || i % 4 === 3 ? 'A' : 'B'))
}

/**
 * Measures both targets under the same profile, interleaved. Ramping models are refused (a ramp cannot be split
 * into interleaved rounds): use a constant model for live A/B. Stops early, with partial results for both sides,
 * when the signal aborts.
 */
export async function runLiveAb(options: LiveAbOptions): Promise<LiveAbResult> {
  const { profile } = options
  if (profile.model === 'capacity') {
    throw new ConfigError(
      'model',
      'round-by-round live A/B (calibrate) does not run capacity searches',
      'run the search with baseline-target (tailgate run --baseline-target), whose steps interleave on both targets',
    )
  }
  if (profile.model === 'ramping-arrival-rate' || profile.model === 'ramping-vus') {
    throw new ConfigError(
      'model',
      `live A/B cannot interleave a ramp ('${profile.model}')`,
      'use constant-arrival-rate or constant-vus with baseline-target',
    )
  }
  const roundMs = profile.durationMs / profile.rounds
  const order = abbaOrder(profile.rounds)
  const runs: { A: RunResult[]; B: RunResult[] } = { A: [], B: [] }
  const clock = options.clock ?? performanceClock
  const startMs = clock.now()
  let capped = false
  for (const side of order) {
    if (options.signal?.aborted) break
    // max-duration caps the whole interleaved run: each piece gets what is left of it.
    const remainingMs = profile.maxDurationMs === null ? null : profile.maxDurationMs - (clock.now() - startMs)
    if (remainingMs !== null && remainingMs <= 0) {
      capped = true
      break
    }
    const first = runs[side].length === 0
    const single: Profile = {
      ...profile,
      rounds: 1,
      durationMs: roundMs,
      warmupMs: first ? profile.warmupMs : Math.min(REWARM_MS, profile.warmupMs),
      maxDurationMs: remainingMs,
    }
    const run = await runLoad({
      ...options,
      profile: single,
      target: side === 'A' ? options.baselineTarget : options.candidateTarget,
    })
    runs[side].push(run)
    if (remainingMs !== null && run.completion.status === 'partial' && !options.signal?.aborted) {
      capped = true
      break
    }
  }
  const stopped = options.signal?.aborted
    ? 'stopped'
    : capped
      ? `max-duration (${profile.maxDurationMs} ms) reached`
      : null
  const measured = order.slice(0, runs.A.length + runs.B.length)
  return {
    ...markHalves(stitch(runs.A, profile, stopped), stitch(runs.B, profile, stopped), measured),
    order: measured,
  }
}

/**
 * Marks the two halves of one live A/B run with a run id they share and the order their rounds were measured in
 * (RunResult.liveAb), so the files alone say that round i of each forms a pair (tailgate compare pairs them).
 */
export function markHalves(
  baseline: RunResult,
  candidate: RunResult,
  order: readonly ('A' | 'B')[],
): { readonly baseline: RunResult; readonly candidate: RunResult } {
  const runId = globalThis.crypto.randomUUID()
  const measured = order.join('')
  return {
    baseline: { ...baseline, liveAb: { runId, side: 'baseline', order: measured } },
    candidate: { ...candidate, liveAb: { runId, side: 'candidate', order: measured } },
  }
}

/** Joins single-round runs of one side into one RunResult with one round per run; `stopped` says why it is short. */
function stitch(runs: readonly RunResult[], profile: Profile, stopped: string | null): RunResult {
  return joinRuns(
    runs,
    profile,
    stopped === null
      ? { status: 'complete' }
      : { status: 'partial', reason: `${stopped} after ${runs.length} of ${profile.rounds} rounds` },
  )
}

/**
 * Joins consecutive runs of one target under one profile (pieces of one or more rounds each) into one RunResult
 * whose rounds are all the pieces' rounds in order, with the given completion. Used by live A/B and rounds: auto.
 */
export function joinRuns(runs: readonly RunResult[], profile: Profile, completion: RunResult['completion']): RunResult {
  const first = runs[0]
  if (!first) throw new Error('live A/B was stopped before any round ran')
  const names = [...new Set(runs.flatMap((r) => r.endpoints.map((e) => e.name)))]
  // Each piece's seconds continue where the previous piece's wall time ended.
  const offsetsS = runs.map((_, i) =>
    runs.slice(0, i).reduce((sum, r) => sum + Math.ceil((r.warmupMs + r.durationMs) / 1000), 0),
  )
  const joinTimelines = (pick: (run: RunResult) => readonly TimelinePoint[]): TimelinePoint[] =>
    runs.flatMap((run, i) => pick(run).map((point) => ({ ...point, second: point.second + offsetsS[i]! })))
  const endpoints: EndpointResult[] = names.map((name) => {
    const found = runs.map((r) => r.endpoints.find((e) => e.name === name))
    return {
      name,
      warmupRequests: found.reduce((n, e) => n + (e?.warmupRequests ?? 0), 0),
      rounds: runs.flatMap((r, i) => found[i]?.rounds ?? Array.from({ length: r.rounds.length }, emptyRound)),
      ...(found.some((e) => e?.timeline !== undefined)
        ? { timeline: joinTimelines((r) => r.endpoints.find((e) => e.name === name)?.timeline ?? []) }
        : {}),
    }
  })
  const windows = runs.flatMap((r) => r.rounds)
  const roundMs = profile.durationMs / profile.rounds
  const timeline = joinTimelines((run) => run.timeline)
  const reasons = runs.flatMap((r, i) => r.health.invalidReasons.map((reason) => `round ${i + 1}: ${reason}`))
  const achieved = runs.reduce((sum, r) => sum + r.health.achievedRatePerSecond, 0) / runs.length
  // The generator's lateness per round, joined like the rounds (all pieces have it, or none is kept).
  const { generatorLateness: _firstOnly, ...rest } = first
  const lateness = runs.every((r) => r.generatorLateness !== undefined)
    ? { generatorLateness: runs.flatMap((r) => r.generatorLateness ?? []) }
    : {}
  return {
    ...rest,
    ...lateness,
    // The fingerprint of the whole profile, not of the single-round pieces it was measured in.
    profileFingerprint: runFingerprint(profile),
    rounds: windows.map((window, index) => ({ index, startMs: index * roundMs, durationMs: window.durationMs })),
    durationMs: windows.reduce((sum, window) => sum + window.durationMs, 0),
    warmupMs: profile.warmupMs,
    endpoints,
    timeline,
    health: {
      intendedRatePerSecond: first.health.intendedRatePerSecond,
      achievedRatePerSecond: achieved,
      maxEventLoopLagMs: Math.max(...runs.map((r) => r.health.maxEventLoopLagMs)),
      invalidReasons: reasons,
    },
    completion,
  }
}

function emptyRound(): RoundMeasurement {
  return {
    latency: createHistogram(),
    actualLatency: createHistogram(),
    requests: 0,
    statusCounts: {},
    errors: {},
    bytesReceived: 0,
  }
}
