// Why a measured run is no evidence (every request failed, too many errors, the generator fell behind), with the fix
// per error class: printed by `tailgate run` (and its live A/B form) before it exits 1.
import type { Profile } from '../config/profile.js'
import { measuredRunProblems } from '../gate/validity.js'
import { errorAdvice } from '../report/error-advice.js'
import type { RunResult } from '../results/types.js'
import type { CliIo } from './io.js'

/** Says why the run is no evidence, with the fix per error class; false when it is valid. */
export function reportInvalid(result: RunResult, profile: Profile, io: CliIo): boolean {
  const { problems, errors } = measuredRunProblems(result, profile.gate)
  if (problems.length === 0) return false
  io.stderr.write(`tailgate: the run is invalid, not evidence either way (exit 1):\n`)
  for (const problem of problems) io.stderr.write(`  - ${problem}\n`)
  if (errors.length > 0) io.stderr.write('Failed requests by cause:\n')
  const context = { target: profile.target, requestTimeoutMs: profile.requestTimeoutMs }
  for (const { errorClass, count } of errors) {
    io.stderr.write(`  ${errorClass} (${count}): ${errorAdvice(errorClass, context)}\n`)
  }
  return true
}
