// Picks the stores for the `baseline-store` setting (auto = cache, then artifacts) and runs restore and save over
// them, returning the outcome plus the report lines the user sees. Never throws.
import { PROFILE_CHANGED } from '../config/fingerprint.js'
import type { BaselineStoreSetting } from '../config/inputs.js'
import type { RepositoryRef } from '../github/context.js'
import type { CommitsBehind, RunLookup } from '../github/runs.js'
import { messageOf } from '../log.js'
import type { RunResult } from '../results/types.js'
import { createArtifactStore } from './artifact-store.js'
import { createCacheStore } from './cache-store.js'
import { describeRestore, describeSave } from './describe.js'
import { createFileStore } from './file-store.js'
import type { MachineFacts } from './judge.js'
import type { BaselineQuery, BaselineStore, RestoreOutcome, SaveOutcome } from './types.js'

export interface BaselineSettings {
  readonly store: BaselineStoreSetting
  /** baseline-path, for the file store. */
  readonly path: string | undefined
  readonly timeoutMs: number
  readonly waitMs: number
}

/** What the stores need from the run: the machine, a scratch directory, and GitHub access when there is a token. */
export interface BaselineRuntime {
  readonly machine: MachineFacts
  /** RUNNER_TEMP: fixed across runs on hosted runners (the cache version hashes the bundle's path). */
  readonly workDir: string
  /** The GitHub services the stores use (built by the shell from its REST client); null without a token. */
  readonly github: {
    readonly lookup: RunLookup
    readonly commitsBehind: CommitsBehind
    readonly token: string
    readonly repository: RepositoryRef
  } | null
  readonly currentRunId: string | null
  readonly sleep?: (ms: number) => Promise<void>
  readonly now?: () => number
}

/**
 * The stores for a setting, in lookup order: auto → [cache, artifact]; cache, artifact or file → that one.
 * @example createBaselineStores({ store: 'auto', path: undefined, timeoutMs: 60_000, waitMs: 0 }, runtime)
 */
export function createBaselineStores(settings: BaselineSettings, runtime: BaselineRuntime): BaselineStore[] {
  const github = runtime.github
  const commitsBehind = github?.commitsBehind ?? null
  const cacheStore = () =>
    createCacheStore({
      machine: runtime.machine,
      timeoutMs: settings.timeoutMs,
      workDir: runtime.workDir,
      commitsBehind,
    })
  const artifactStore = () =>
    createArtifactStore({
      machine: runtime.machine,
      timeoutMs: settings.timeoutMs,
      waitMs: settings.waitMs,
      workDir: runtime.workDir,
      currentRunId: runtime.currentRunId,
      ...(runtime.sleep ? { sleep: runtime.sleep } : {}),
      ...(runtime.now ? { now: runtime.now } : {}),
      github,
    })
  switch (settings.store) {
    case 'auto':
      return [cacheStore(), artifactStore()]
    case 'cache':
      return [cacheStore()]
    case 'artifact':
      return [artifactStore()]
    case 'file':
      return [createFileStore({ path: settings.path ?? 'tailgate-baseline.json', machine: runtime.machine })]
  }
}

/**
 * Tries each store in order; the first `found` wins (keeping earlier stores' warnings). When all miss, the reason
 * joins theirs ("profile changed in this PR" when any store saw that).
 */
export async function restoreBaseline(options: {
  readonly stores: readonly BaselineStore[]
  readonly query: BaselineQuery
  /** For the age in the report line (Date.now by default). */
  readonly now?: () => number
}): Promise<{ readonly outcome: RestoreOutcome; readonly lines: string[] }> {
  const warnings: string[] = []
  const reasons: string[] = []
  for (const store of options.stores) {
    const outcome = await store.restore(options.query).catch(
      (error: unknown): RestoreOutcome => ({
        kind: 'missing',
        reason: `the ${store.name} store failed: ${messageOf(error)}`,
        warnings: [`Baseline restore from the ${store.name} store failed: ${messageOf(error)}`],
      }),
    )
    warnings.push(...outcome.warnings)
    if (outcome.kind === 'found') {
      const found: RestoreOutcome = { ...outcome, warnings }
      return { outcome: found, lines: describeRestore(found, options.now?.() ?? Date.now()) }
    }
    reasons.push(outcome.reason)
  }
  const reason = reasons.includes(PROFILE_CHANGED)
    ? PROFILE_CHANGED
    : reasons.length > 0
      ? reasons.join('; ')
      : 'no baseline store is configured'
  const missing: RestoreOutcome = { kind: 'missing', reason, warnings }
  return { outcome: missing, lines: describeRestore(missing, options.now?.() ?? Date.now()) }
}

/** Saves into every store (auto: cache and artifact); saved when any store saved it. */
export async function saveBaseline(options: {
  readonly stores: readonly BaselineStore[]
  readonly result: RunResult
  /** Earlier baselines, newest first (see nextHistory). */
  readonly history: readonly RunResult[]
  readonly query: BaselineQuery
}): Promise<{ readonly outcome: SaveOutcome; readonly lines: string[] }> {
  const outcomes: SaveOutcome[] = []
  for (const store of options.stores) {
    outcomes.push(
      await store.save(options.result, options.history, options.query).catch(
        (error: unknown): SaveOutcome => ({
          kind: 'not-saved',
          reason: `the ${store.name} store failed: ${messageOf(error)}`,
          warnings: [`Baseline save to the ${store.name} store failed: ${messageOf(error)}`],
        }),
      ),
    )
  }
  const warnings = outcomes.flatMap((o) => o.warnings)
  const saved = outcomes.filter((o) => o.kind === 'saved')
  const outcome: SaveOutcome =
    saved.length > 0
      ? { kind: 'saved', reference: saved.map((o) => o.reference).join(' and '), warnings }
      : {
          kind: 'not-saved',
          reason:
            outcomes.map((o) => (o.kind === 'not-saved' ? o.reason : '')).join('; ') ||
            'no baseline store is configured',
          warnings,
        }
  return { outcome, lines: describeSave(outcome, options.query) }
}
