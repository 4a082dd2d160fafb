// The Actions cache store (@actions/cache v2). The bundle lives at a fixed path under RUNNER_TEMP: the cache version
// hashes the literal path strings, so save and restore must pass the same string (hosted runners keep RUNNER_TEMP
// fixed). Every call runs under a deadline; a miss is told apart from an outage by the toolkit's own messages.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { CommitsBehind } from '../github/runs.js'
import { messageOf } from '../log.js'
import type { RunResult } from '../results/types.js'
import { parseBundle, serializeBundle } from './bundle.js'
import { cacheKey, cacheKeyPrefix, shaOfKey } from './cache-keys.js'
import { formatTimeout, withDeadline } from './deadline.js'
import { judgeBaseline, type MachineFacts } from './judge.js'
import { withToolkitMessages } from './toolkit-messages.js'
import type { BaselineQuery, BaselineStore, RestoreOutcome, SaveOutcome } from './types.js'

export interface CacheStoreOptions {
  readonly machine: MachineFacts
  /** Deadline of each restore or save (input baseline-timeout). */
  readonly timeoutMs: number
  /** A directory whose path is the same on every run (RUNNER_TEMP). */
  readonly workDir: string
  /** Counts commits between a fallback baseline and the queried SHA; null without a token. */
  readonly commitsBehind: CommitsBehind | null
}

/** Where the cache store keeps the bundle: the same literal path string on every run (the cache version hashes it). */
export function cacheBundlePath(workDir: string): string {
  return join(workDir, 'tailgate-baseline-cache', 'bundle.json')
}

/**
 * A BaselineStore on the Actions cache. Never throws.
 * @example createCacheStore({ machine, timeoutMs: 60_000, workDir: process.env.RUNNER_TEMP!, commitsBehind: null })
 */
export function createCacheStore(options: CacheStoreOptions): BaselineStore {
  const store: Store = { ...options, file: cacheBundlePath(options.workDir) }
  return {
    name: 'cache',
    restore: (query) => restoreFromCache(store, query),
    save: (result, history, query) => saveToCache(store, { result, history, query }),
  }
}

/** One store's options and the bundle's path (the same literal string for save and restore). */
interface Store extends CacheStoreOptions {
  readonly file: string
}

// @actions/cache (with the Azure SDK under it) is loaded on first use: parsing it up front was a large part of the
// action's start-up (dist/index.js), and a run that restores nothing never needs it.
const loadCache = () => import('@actions/cache')

/** Restore: the entry of the queried SHA, else the newest of the branch (key prefix), judged; a miss is no error. */
async function restoreFromCache(store: Store, query: BaselineQuery): Promise<RestoreOutcome> {
  const cache = await loadCache()
  if (!cache.isFeatureAvailable()) return unavailable()
  const prefix = cacheKeyPrefix(query)
  const primary = query.sha ? cacheKey(query, query.sha) : prefix
  const dir = dirname(store.file)
  try {
    await rm(dir, { recursive: true, force: true })
    const call = await withToolkitMessages(() =>
      withDeadline(cache.restoreCache([store.file], primary, [prefix]), store.timeoutMs),
    )
    if (call.value.kind === 'timeout') {
      return failed(`the Actions cache did not answer within ${formatTimeout(store.timeoutMs)} (baseline-timeout)`)
    }
    const matched = call.value.value
    if (matched === undefined) return restoreMiss(query, call.messages)
    return await judgeRestored(store, { query, matched, primary, prefix })
  } catch (error) {
    return failed(`the Actions cache failed: ${messageOf(error)}`)
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {})
  }
}

/** No entry matched: a plain miss, unless the toolkit logged why it did not read the cache (then a warning). */
function restoreMiss(query: BaselineQuery, messages: readonly string[]): RestoreOutcome {
  const why = messages[0]
  if (why?.startsWith('Cache restore skipped')) return failed(`the Actions cache was not read: ${why}`)
  if (why) return failed(`the Actions cache failed: ${why}`)
  return { kind: 'missing', reason: `no baseline in the Actions cache for ${query.branch} yet`, warnings: [] }
}

/** Save: the bundle (this run and its history) under this SHA's key, under the deadline; entries are never replaced. */
async function saveToCache(
  store: Store,
  { result, history, query }: { result: RunResult; history: readonly RunResult[]; query: BaselineQuery },
): Promise<SaveOutcome> {
  const cache = await loadCache()
  if (!cache.isFeatureAvailable())
    return notSaved('the Actions cache is not available in this run (ACTIONS_RESULTS_URL is not set)')
  const key = cacheKey(query, query.sha ?? result.git.sha ?? 'unknown')
  const dir = dirname(store.file)
  try {
    await mkdir(dir, { recursive: true })
    await writeFile(store.file, serializeBundle({ current: result, history }))
    const call = await withToolkitMessages(() => withDeadline(cache.saveCache([store.file], key), store.timeoutMs))
    if (call.value.kind === 'timeout')
      return notSaved(`the Actions cache did not answer within ${formatTimeout(store.timeoutMs)} (baseline-timeout)`)
    if (call.value.value !== -1) return { kind: 'saved', reference: `cache key ${key}`, warnings: [] }
    return notSaved(saveFailure(key, call.messages))
  } catch (error) {
    return notSaved(`the Actions cache failed: ${messageOf(error)}`)
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {})
  }
}

/** The matched entry's bundle, judged against the query; its SHA comes from the key it was found under. */
async function judgeRestored(
  store: Store,
  found: { query: BaselineQuery; matched: string; primary: string; prefix: string },
): Promise<RestoreOutcome> {
  const { query, matched } = found
  const sha = shaOfKey(matched, found.prefix)
  if (sha === null) {
    return { kind: 'missing', reason: `no baseline in the Actions cache for ${query.branch} yet`, warnings: [] }
  }
  const origin = `cache entry ${matched}`
  let bundle: ReturnType<typeof parseBundle>
  try {
    bundle = parseBundle(await readFile(store.file, 'utf8'), origin)
  } catch (error) {
    return { kind: 'missing', reason: messageOf(error), warnings: [`Baseline not used: ${messageOf(error)}`] }
  }
  const exactSha = query.sha !== null && matched === found.primary
  const commitsBehind =
    !exactSha && query.sha && store.commitsBehind
      ? await countBehind(store.commitsBehind, { fromSha: sha, toSha: query.sha }, store.timeoutMs)
      : null
  return judgeBaseline({
    bundle,
    query,
    machine: store.machine,
    source: {
      store: 'cache',
      reference: matched,
      branch: query.branch,
      sha,
      exactSha,
      measuredAt: bundle.current.startedAt,
      commitsBehind,
      runId: bundle.current.git.runId,
    },
  })
}

/** Commits from `fromSha` to `toSha`; null when unknown or not answered within the deadline. */
async function countBehind(
  commitsBehind: CommitsBehind,
  { fromSha, toSha }: { fromSha: string; toSha: string },
  timeoutMs: number,
): Promise<number | null> {
  const answer = await withDeadline(commitsBehind(fromSha, toSha), timeoutMs).catch(() => null)
  return answer?.kind === 'done' ? answer.value : null
}

function unavailable(): RestoreOutcome {
  return failed('the Actions cache is not available in this run (ACTIONS_RESULTS_URL is not set)')
}

function failed(reason: string): RestoreOutcome {
  return {
    kind: 'missing',
    reason,
    warnings: [`Could not restore the baseline from the Actions cache: ${dropPrefix(reason)}`],
  }
}

function notSaved(reason: string): SaveOutcome {
  return {
    kind: 'not-saved',
    reason,
    warnings: [`Could not save the baseline to the Actions cache: ${dropPrefix(reason)}`],
  }
}

function saveFailure(key: string, messages: readonly string[]): string {
  const skipped = messages.find((m) => m.startsWith('Cache save skipped'))
  if (skipped) return `the Actions cache was not written: ${skipped}`
  if (messages.some((m) => /Unable to reserve cache/.test(m))) {
    return `the Actions cache already has an entry ${key} (entries cannot be overwritten; this SHA already has a baseline)`
  }
  return messages[0]
    ? `the Actions cache failed: ${messages[0]}`
    : 'the Actions cache did not save it (no reason given)'
}

function dropPrefix(reason: string): string {
  return reason.replace(/^the Actions cache failed: /, '')
}
