// Gating against the baseline stores: restore the base branch's baseline and compare (mode: compare), or save this
// run as the branch's new baseline (mode: baseline; the previous one is restored for the trend history it carries).
import type { BaselineQuery } from '../baseline/types.js'
import { profileFingerprint } from '../config/fingerprint.js'
import type { ActionSettings } from '../config/inputs.js'
import type { Profile } from '../config/profile.js'
import type { SequentialConclusion } from '../gate/types.js'
import type { RunResult } from '../results/types.js'
import { gateAndPublish, type Restored } from './gate-and-publish.js'
import { baselineBranchOf } from './modes.js'
import type { ActionDeps, RunContext } from './ports.js'

export interface StoredBaselineArgs {
  readonly settings: ActionSettings
  readonly mode: 'baseline' | 'compare'
  readonly deps: ActionDeps
  readonly profile: Profile
  /** rounds: auto against a stored baseline: the restore made before measuring, and the sequential outcomes. */
  readonly restored?: Restored | null
  readonly sequential?: SequentialConclusion | null
}

/** Restores (and, in baseline mode, saves) the baseline, then gates and publishes. */
export async function gateWithStore(candidate: RunResult, args: StoredBaselineArgs) {
  const { settings, mode, deps, profile } = args
  const store = deps.baselines(settings)
  const query = baselineQuery(profile.id, candidate.profileFingerprint, mode, deps.context)
  const restore = args.restored ?? (await store.restore(query))
  if (mode === 'compare') {
    return gateAndPublish(candidate, restore, { deps, settings, profile, mode, sequential: args.sequential ?? null })
  }
  const previous = restore.outcome
  const history = previous.kind === 'found' ? [previous.result, ...previous.history].slice(0, settings.history) : []
  const saved = await store.save(candidate, history, query)
  for (const warning of saved.outcome.warnings) deps.log.warning(warning)
  deps.outputs.set('baseline-saved', saved.outcome.kind === 'saved' ? 'true' : 'false')
  const measures = `This run measures the baseline of ${query.branch}${query.sha ? ` at ${query.sha.slice(0, 7)}` : ''}.`
  const outcome = { kind: 'missing', reason: 'this run measures the baseline', warnings: previous.warnings } as const
  await gateAndPublish(candidate, { outcome, lines: [measures, ...saved.lines] }, { deps, settings, profile, mode })
}

/**
 * The stored baselines of the default branch for this profile (the latest and its history), for the job-to-job noise
 * calibrate reports next to its A/A runs; none when the store has none (restore never throws).
 */
export async function storedBaselines(
  profile: Profile,
  settings: ActionSettings,
  deps: ActionDeps,
): Promise<RunResult[]> {
  const { outcome } = await deps.baselines(settings).restore({
    profileId: profile.id,
    profileFingerprint: profileFingerprint(profile),
    branch: deps.context.defaultBranch ?? 'main',
    sha: null,
  })
  for (const warning of outcome.warnings) deps.log.warning(warning)
  return outcome.kind === 'found' ? [outcome.result, ...outcome.history] : []
}

/** The baseline a run is gated against: its own branch and commit in baseline mode, the base branch's otherwise. */
export function baselineQuery(
  profileId: string,
  profileFingerprint: string,
  mode: 'baseline' | 'compare',
  context: RunContext,
): BaselineQuery {
  const { branch, sha } =
    mode === 'baseline' ? { branch: context.branch ?? 'main', sha: context.sha } : baselineBranchOf(context)
  return { profileId, profileFingerprint, branch, sha }
}
