// What every store does with a bundle it found: refuse a different profile, warn about a different machine, and
// build the `found` outcome. Pure.
import { PROFILE_CHANGED } from '../config/fingerprint.js'
import type { BaselineSource } from '../results/provenance.js'
import type { RunResult } from '../results/types.js'
import type { ParsedBundle } from './bundle.js'
import type { BaselineQuery, RestoreOutcome } from './types.js'

/** The machine this run measures on (cpu model string and logical core count, as RunResult.environment has). */
export interface MachineFacts {
  readonly cpuModel: string
  readonly cores: number
}

/**
 * Turns a restored bundle into an outcome: `missing` ("profile changed in this PR") when the fingerprints differ,
 * else `found`, with a warning when the CPU model or core count differs from `machine`.
 */
export function judgeBaseline(options: {
  readonly bundle: ParsedBundle
  readonly query: BaselineQuery
  readonly machine: MachineFacts
  readonly source: BaselineSource
  readonly warnings?: readonly string[]
}): RestoreOutcome {
  const { bundle, query, machine, source } = options
  const warnings = [...(options.warnings ?? []), ...bundle.warnings]
  const baseline = bundle.current
  if (baseline.profileFingerprint !== query.profileFingerprint) {
    warnings.push(
      `The baseline of ${source.branch ?? query.branch} (${source.reference}) was measured with another load profile ` +
        `(fingerprint ${short(baseline.profileFingerprint)}, this run ${short(query.profileFingerprint)}), so it is ` +
        'not compared; the next baseline run on that branch measures the new profile',
    )
    return { kind: 'missing', reason: PROFILE_CHANGED, warnings }
  }
  const machineWarning = differentMachine(baseline, machine)
  if (machineWarning) warnings.push(machineWarning)
  return {
    kind: 'found',
    result: baseline,
    history: bundle.history.filter((r) => r.profileFingerprint === query.profileFingerprint),
    source,
    warnings,
  }
}

function differentMachine(baseline: RunResult, machine: MachineFacts): string | null {
  const then = baseline.environment
  if (then.cpuModel === machine.cpuModel && then.cores === machine.cores) return null
  return (
    `The baseline was measured on a different machine (${then.cpuModel}, ${then.cores} cores; this run: ` +
    `${machine.cpuModel}, ${machine.cores} cores): part of any difference may be the hardware`
  )
}

function short(fingerprint: string): string {
  return fingerprint.length > 12 ? fingerprint.slice(0, 12) : fingerprint
}
