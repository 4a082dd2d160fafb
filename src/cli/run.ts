// `tailgate run`: measure a profile and write the RunResult file. Everything that can be checked before the load is
// (the profile, the target, the output path, whether the rounds can ever show a regression); a run that is no
// evidence (a dead target, a generator that fell behind) exits 1 and says why, with the fix per error class.
import './analysis.js' // esbuild chunking hint (the shared analysis code in one chunk): see src/cli/analysis.ts
import { measureProfile, stepLine } from '../capacity/measure.js'
import { ConfigError } from '../config/errors.js'
import { readProfile } from '../config/load-profile.js'
import type { Profile } from '../config/profile.js'
import { applyShard, parseShard } from '../config/shard.js'
import { cannotFailWarning } from '../gate/validity.js'
import { localEnvironment, localGitContext } from '../load/environment.js'
import { plural } from '../report/format.js'
import { serializeRunResult } from '../results/codec.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { type CliIo, checkWritable } from './io.js'
import { cliProgress } from './progress.js'
import { reportInvalid } from './report-invalid.js'
import { runLiveAbCommand } from './run-live-ab.js'

export interface RunFlags {
  readonly target?: string
  readonly out?: string
  readonly quiet?: boolean
  /** `i/N`: run the i-th of N equal slices of the load (merge the shards with `tailgate merge`). */
  readonly shard?: string
  /** Live A/B: measure this target too, interleaved with the candidate (capacity searches step by step). */
  readonly 'baseline-target'?: string
  /** Where the live baseline's result goes (default tailgate-baseline.json). */
  readonly 'baseline-out'?: string
}

export async function runCommand(profilePath: string | undefined, flags: RunFlags, io: CliIo): Promise<ExitCode> {
  if (!profilePath) {
    throw new ConfigError('profile', 'is missing', 'pass the profile file: tailgate run tailgate.yml')
  }
  const full = readProfile(profilePath, flags.target ? { target: flags.target, targetName: '--target' } : {})
  const shard = parseShard(flags.shard ?? '', '--shard')
  const profile = applyShard(full, shard)
  const out = flags.out ?? 'tailgate-result.json'
  await checkWritable(out, '--out')
  const roundsWarning = profile.capacity === null ? roundsTooFew(profile) : null
  if (roundsWarning) io.stderr.write(`warning: ${roundsWarning}\n`)
  if (flags['baseline-target'] !== undefined) {
    if (shard) throw new ConfigError('--shard', 'cannot be combined with --baseline-target', 'drop one of the two')
    return await runLiveAbCommand(profilePath, profile, { ...flags, out }, io)
  }
  const progress = flags.quiet ? undefined : cliProgress(io)
  const result = await measureProfile({
    profile,
    signal: io.signal,
    environment: localEnvironment(),
    git: localGitContext(),
    ...(progress ? { onProgress: progress.update } : {}),
    ...(flags.quiet ? {} : { onStep: (step) => io.stderr.write(`${stepLine(step)}\n`) }),
  })
  progress?.done()
  const outPath = await io.writeText(out, serializeRunResult(result))
  const requests = result.endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0)
  io.stderr.write(
    `Measured ${plural(requests, 'request')} on ${plural(result.endpoints.length, 'endpoint')}; result written to ${outPath}\n`,
  )
  const capacity = result.capacity
  if (capacity) {
    io.stderr.write(
      `Capacity: ${capacity.reason}. ${capacity.steps.length} steps, ${capacity.totalRequests} requests, ${(capacity.totalDurationMs / 1000).toFixed(1)} s\n`,
    )
  }
  if (result.completion.status === 'partial') {
    io.stderr.write(`The run was cut short (${result.completion.reason}); the partial result was written\n`)
    return EXIT.interrupted
  }
  // A capacity search is no evidence when it ended without an answer; its own steps' failures are its findings.
  if (capacity) return capacity.status === 'invalid' ? EXIT.gateFailed : EXIT.pass
  return reportInvalid(result, profile, io) ? EXIT.gateFailed : EXIT.pass
}

/** The warning when the profile's rounds can never give a p-value below alpha/comparisons; null when they can. */
export function roundsTooFew(profile: Profile): string | null {
  const endpoints = new Set(profile.scenarios.flatMap((scenario) => scenario.steps.map((step) => step.name)))
  const warning = cannotFailWarning({
    baselineRounds: profile.rounds,
    candidateRounds: profile.rounds,
    comparisons: endpoints.size * profile.gate.metrics.length,
    alpha: profile.gate.alpha,
  })
  return warning && `rounds: ${profile.rounds} is too few. ${warning}`
}
