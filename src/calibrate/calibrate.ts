// A/A calibration: the same target measured as both sides of a live A/B, K times, each run decided by the gate as
// if it were a pull request, then aggregated. The measuring is injected (`measure`), so the loop is testable and the
// action can pass its own live A/B port.
import { ConfigError } from '../config/errors.js'
import type { Profile } from '../config/profile.js'
import { decide } from '../gate/decide.js'
import type { Verdict } from '../gate/types.js'
import { REWARM_MS, runLiveAb } from '../load/live-ab.js'
import type { RunLoadOptions } from '../load/types.js'
import type { RunResult } from '../results/types.js'
import { aggregateCalibration } from './aggregate.js'
import { withJobNoise } from './job-noise.js'
import type { CalibrationReport } from './types.js'

/** Most A/A runs one calibration accepts: beyond this the interval hardly narrows and the job runs for hours. */
export const MAX_CALIBRATION_RUNS = 200

/** A/A runs when none are asked for: enough for a rough rate (0 of 10 still allows up to 31 %) in modest time. */
export const DEFAULT_CALIBRATION_RUNS = 10

/**
 * Measures a live A/B: `profile.target` as the candidate, `baselineTarget` as the baseline, rounds interleaved.
 * The same shape as the action's `measureLiveAb` port. Rejects only for a user mistake (e.g. a ramping model) or a
 * bug; an aborted signal gives partial results.
 */
export type CalibrationMeasure = (
  profile: Profile,
  options: { readonly baselineTarget: URL; readonly signal: AbortSignal },
) => Promise<{ readonly baseline: RunResult; readonly candidate: RunResult }>

/** Progress after each A/A run. */
export interface CalibrationProgress {
  /** 1-based. */
  readonly run: number
  readonly of: number
  readonly verdict: Verdict
}

/** What calibrate needs: the profile, the target, K, and how to measure one A/A run. */
export interface CalibrateOptions {
  readonly profile: Profile
  /** The target measured as both sides; defaults to the profile's target. */
  readonly target?: URL
  /** K: how many A/A comparisons (1 to MAX_CALIBRATION_RUNS). */
  readonly runs: number
  readonly measure: CalibrationMeasure
  /** Stops after the run under way; the report covers the runs completed before. */
  readonly signal?: AbortSignal
  readonly onRun?: (progress: CalibrationProgress) => void
  /**
   * Stored baselines of the base branch (same profile), for the job-to-job noise the A/A runs in one job cannot see;
   * the report gives it per endpoint and metric when there are at least 3.
   */
  readonly history?: readonly RunResult[]
}

/**
 * Runs K A/A comparisons of one target against itself and aggregates them: the observed false-regression rate
 * (overall and per endpoint, with exact intervals), the smallest detectable change per endpoint and gated metric,
 * and the recommended `gate.margin`. Each run is decided with the profile's gate, as a pull request would be.
 * Throws a ConfigError for a bad `runs` before any load is sent.
 */
export async function calibrate(options: CalibrateOptions): Promise<CalibrationReport> {
  const { runs } = options
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_CALIBRATION_RUNS) {
    throw new ConfigError(
      'runs',
      `'${runs}' is not a run count`,
      `use a whole number from 1 to ${MAX_CALIBRATION_RUNS}`,
    )
  }
  const target = options.target ?? options.profile.target
  const profile: Profile = { ...options.profile, target }
  const signal = options.signal ?? new AbortController().signal
  const verdicts: Verdict[] = []
  for (let run = 1; run <= runs && !signal.aborted; run++) {
    let measured: Awaited<ReturnType<CalibrationMeasure>>
    try {
      measured = await options.measure(profile, { baselineTarget: target, signal })
    } catch (error) {
      // runLiveAb rejects when stopped before one side measured anything: that is an interruption, not a failure.
      if (signal.aborted) break
      throw error
    }
    // A run cut short by the signal is not a fair comparison: leave it out.
    if (signal.aborted) break
    const verdict = decide({
      candidate: measured.candidate,
      baseline: { kind: 'found', result: measured.baseline, design: 'live-ab' },
      gate: profile.gate,
      budgets: {},
      accepted: null,
      pairing: 'abba',
    })
    verdicts.push(verdict)
    options.onRun?.({ run, of: runs, verdict })
  }
  const report = aggregateCalibration({
    profileId: profile.id,
    target: target.href,
    requestedRuns: runs,
    roundsPerSide: profile.rounds,
    gate: profile.gate,
    verdicts,
    interrupted: verdicts.length < runs,
  })
  return withJobNoise(report, options.history ?? [], profile.gate.metrics)
}

/** What `liveAbMeasure` passes to every load run besides the profile and targets. */
export type LiveAbMeasureOptions = Omit<RunLoadOptions, 'profile' | 'target' | 'signal'>

/**
 * The real measure: runLiveAb with the profile's target as the candidate.
 * @example calibrate({ profile, runs: 10, measure: liveAbMeasure({ environment, git }) })
 */
export function liveAbMeasure(options: LiveAbMeasureOptions): CalibrationMeasure {
  return (profile, { baselineTarget, signal }) =>
    runLiveAb({ ...options, profile, baselineTarget, candidateTarget: profile.target, signal })
}

/**
 * About how long a calibration takes, ms: per run, both sides' measured windows, their first warm-ups and the short
 * re-warm-up of every later interleaved run (REWARM_MS), plus the drains (not counted).
 */
export function estimatedCalibrationMs(profile: Profile, runs: number): number {
  const rewarmMs = Math.min(REWARM_MS, profile.warmupMs)
  const perRunMs = 2 * profile.durationMs + 2 * profile.warmupMs + (2 * profile.rounds - 2) * rewarmMs
  return runs * perRunMs
}
