// `tailgate run`: measure a profile and write the RunResult file.
import { measureProfile, stepLine } from '../capacity/measure.js'
import { ConfigError } from '../config/errors.js'
import { readProfile } from '../config/load-profile.js'
import { applyShard, parseShard } from '../config/shard.js'
import { localEnvironment, localGitContext } from '../load/environment.js'
import { serializeRunResult } from '../results/codec.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import type { CliIo } from './io.js'
import { cliProgress } from './progress.js'

export interface RunFlags {
  readonly target?: string
  readonly out?: string
  readonly quiet?: boolean
  /** `i/N`: run the i-th of N equal slices of the load (merge the shards with `tailgate merge`). */
  readonly shard?: string
}

export async function runCommand(profilePath: string | undefined, flags: RunFlags, io: CliIo): Promise<ExitCode> {
  if (!profilePath) {
    throw new ConfigError('profile', 'is missing', 'pass the profile file: tailgate run tailgate.yml')
  }
  const full = readProfile(profilePath, flags.target ? { target: flags.target } : {})
  const shard = parseShard(flags.shard ?? '', '--shard')
  const profile = applyShard(full, shard)
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
  const outPath = await io.writeText(flags.out ?? 'tailgate-result.json', serializeRunResult(result))
  const requests = result.endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0)
  io.stderr.write(
    `Measured ${requests} requests on ${result.endpoints.length} endpoints; result written to ${outPath}\n`,
  )
  if (result.capacity) {
    const c = result.capacity
    io.stderr.write(
      `Capacity: ${c.reason}. ${c.steps.length} steps, ${c.totalRequests} requests, ${(c.totalDurationMs / 1000).toFixed(1)} s\n`,
    )
  }
  for (const reason of result.health.invalidReasons) io.stderr.write(`warning: the run is invalid: ${reason}\n`)
  if (result.completion.status === 'partial') {
    io.stderr.write(`The run was cut short (${result.completion.reason}); the partial result was written\n`)
    return EXIT.interrupted
  }
  return EXIT.pass
}
