// Small RunResults to save and restore as baselines, and the SHAs of a linear main branch.
import type { RunResult } from '../../src/results/types.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'

/** main's history, oldest first: MAIN[0] … MAIN[5]. */
export const MAIN = ['1', '2', '3', '4', '5', '6'].map((d) => d.repeat(40))
export const FINGERPRINT = 'fp-checkout-0001'
export const MACHINE = { cpuModel: 'Test CPU', cores: 2 } as const

/** A small baseline measured on `sha` of `branch` (profile `checkout`). */
export function baselineRun(
  options: {
    sha?: string
    branch?: string
    fingerprint?: string
    startedAt?: string
    cpuModel?: string
    cores?: number
    runId?: string
    centreMs?: number
  } = {},
): RunResult {
  const base = syntheticRun([{ name: 'GET /cart', roundsMs: [spreadMs(20, options.centreMs ?? 20)] }])
  return {
    ...base,
    profileId: 'checkout',
    profileFingerprint: options.fingerprint ?? FINGERPRINT,
    startedAt: options.startedAt ?? '2026-11-20T10:00:00.000Z',
    environment: {
      ...base.environment,
      cpuModel: options.cpuModel ?? MACHINE.cpuModel,
      cores: options.cores ?? MACHINE.cores,
    },
    git: { ...base.git, branch: options.branch ?? 'main', sha: options.sha ?? MAIN[0]!, runId: options.runId ?? '1' },
  }
}

/** The query a PR against main at `baseSha` makes. */
export function prQuery(baseSha: string | null, fingerprint = FINGERPRINT) {
  return { profileId: 'checkout', profileFingerprint: fingerprint, branch: 'main', sha: baseSha } as const
}
