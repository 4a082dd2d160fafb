// `tailgate run --baseline-target URL`: live A/B from the CLI, as the action does with `baseline-target`. Both
// targets are measured in this process, interleaved (a capacity profile searches both, step by step), and two
// result files are written: the candidate's (`--out`) and the baseline's (`--baseline-out`), which `tailgate compare`
// gates exactly as the action gates them.
import { measureLiveAbProfile, stepLine } from '../capacity/measure.js'
import { readProfile } from '../config/load-profile.js'
import type { Profile } from '../config/profile.js'
import { localEnvironment, localGitContext } from '../load/environment.js'
import { serializeRunResult } from '../results/codec.js'
import type { RunResult } from '../results/types.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { type CliIo, checkWritable } from './io.js'
import { reportInvalid } from './report-invalid.js'
import type { RunFlags } from './run.js'

export async function runLiveAbCommand(
  profilePath: string,
  profile: Profile,
  flags: RunFlags & { readonly out: string },
  io: CliIo,
): Promise<ExitCode> {
  // The profile read with the baseline target as its target: the same checks (and message) as --target.
  const baselineTarget = readProfile(profilePath, {
    target: flags['baseline-target'] as string,
    targetName: '--baseline-target',
  }).target
  const baselineOut = flags['baseline-out'] ?? 'tailgate-baseline.json'
  await checkWritable(baselineOut, '--baseline-out')
  io.stderr.write(`Live A/B: baseline ${baselineTarget.origin}, candidate ${profile.target.origin}, interleaved\n`)
  const { baseline, candidate } = await measureLiveAbProfile({
    profile,
    baselineTarget,
    candidateTarget: profile.target,
    signal: io.signal,
    environment: localEnvironment(),
    git: localGitContext(),
    ...(flags.quiet ? {} : { onStep: (step) => io.stderr.write(`${stepLine(step)}\n`) }),
  })
  const paths = {
    baseline: await io.writeText(baselineOut, serializeRunResult(baseline)),
    candidate: await io.writeText(flags.out, serializeRunResult(candidate)),
  }
  for (const [side, result] of [
    ['baseline', baseline],
    ['candidate', candidate],
  ] as const) {
    const capacity = result.capacity ? `; capacity: ${result.capacity.reason}` : ''
    io.stderr.write(`The ${side} result is at ${paths[side]}${capacity}\n`)
  }
  io.stderr.write(`Gate them with: tailgate compare --baseline ${baselineOut} --candidate ${flags.out}\n`)
  if (candidate.completion.status === 'partial' || baseline.completion.status === 'partial') {
    io.stderr.write('The run was cut short; the partial results were written\n')
    return EXIT.interrupted
  }
  return noEvidence(baseline, profile, io) || noEvidence(candidate, profile, io) ? EXIT.gateFailed : EXIT.pass
}

/** A capacity search without an answer, or a run that is no evidence: true (and says why). */
function noEvidence(result: RunResult, profile: Profile, io: CliIo): boolean {
  if (result.capacity) return result.capacity.status === 'invalid'
  return reportInvalid(result, profile, io)
}
