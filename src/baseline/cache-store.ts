// The Actions cache store (@actions/cache v2). The bundle lives at a fixed path under RUNNER_TEMP: the cache version
// hashes the literal path strings, so save and restore must pass the same string (hosted runners keep RUNNER_TEMP
// fixed). Every call runs under a deadline; a miss is told apart from an outage by the toolkit's own messages.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as cache from '@actions/cache'
import type { CommitsBehind } from '../github/runs.js'
import { messageOf } from '../log.js'
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
// long-function: a factory; restore and save are closures over one store's file, key and timeout, each under 60
// lines on its own.
export function createCacheStore(options: CacheStoreOptions): BaselineStore {
  const file = cacheBundlePath(options.workDir)
  const dir = dirname(file)
  const timeout = formatTimeout(options.timeoutMs)
  return {
    name: 'cache',
    async restore(query) {
      if (!cache.isFeatureAvailable()) return unavailable()
      const prefix = cacheKeyPrefix(query)
      const primary = query.sha ? cacheKey(query, query.sha) : prefix
      try {
        await rm(dir, { recursive: true, force: true })
        const call = await withToolkitMessages(() =>
          withDeadline(cache.restoreCache([file], primary, [prefix]), options.timeoutMs),
        )
        if (call.value.kind === 'timeout') {
          return failed(`the Actions cache did not answer within ${timeout} (baseline-timeout)`)
        }
        const matched = call.value.value
        if (matched === undefined) {
          const why = call.messages[0]
          if (why?.startsWith('Cache restore skipped')) return failed(`the Actions cache was not read: ${why}`)
          if (why) return failed(`the Actions cache failed: ${why}`)
          return { kind: 'missing', reason: `no baseline in the Actions cache for ${query.branch} yet`, warnings: [] }
        }
        return await judgeRestored({ query, matched, primary, prefix })
      } catch (error) {
        return failed(`the Actions cache failed: ${messageOf(error)}`)
      } finally {
        await rm(dir, { recursive: true, force: true }).catch(() => {})
      }
    },
    async save(result, history, query) {
      if (!cache.isFeatureAvailable())
        return notSaved('the Actions cache is not available in this run (ACTIONS_RESULTS_URL is not set)')
      const key = cacheKey(query, query.sha ?? result.git.sha ?? 'unknown')
      try {
        await mkdir(dir, { recursive: true })
        await writeFile(file, serializeBundle({ current: result, history }))
        const call = await withToolkitMessages(() => withDeadline(cache.saveCache([file], key), options.timeoutMs))
        if (call.value.kind === 'timeout')
          return notSaved(`the Actions cache did not answer within ${timeout} (baseline-timeout)`)
        if (call.value.value !== -1) return { kind: 'saved', reference: `cache key ${key}`, warnings: [] }
        return notSaved(saveFailure(key, call.messages))
      } catch (error) {
        return notSaved(`the Actions cache failed: ${messageOf(error)}`)
      } finally {
        await rm(dir, { recursive: true, force: true }).catch(() => {})
      }
    },
  }

  async function judgeRestored(found: {
    query: BaselineQuery
    matched: string
    primary: string
    prefix: string
  }): Promise<RestoreOutcome> {
    const { query, matched } = found
    const sha = shaOfKey(matched, found.prefix)
    if (sha === null) {
      return { kind: 'missing', reason: `no baseline in the Actions cache for ${query.branch} yet`, warnings: [] }
    }
    const origin = `cache entry ${matched}`
    let bundle: ReturnType<typeof parseBundle>
    try {
      bundle = parseBundle(await readFile(file, 'utf8'), origin)
    } catch (error) {
      return { kind: 'missing', reason: messageOf(error), warnings: [`Baseline not used: ${messageOf(error)}`] }
    }
    const exactSha = query.sha !== null && matched === found.primary
    const commitsBehind =
      !exactSha && query.sha && options.commitsBehind ? await countBehind(options.commitsBehind, sha, query.sha) : null
    return judgeBaseline({
      bundle,
      query,
      machine: options.machine,
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

  async function countBehind(commitsBehind: CommitsBehind, fromSha: string, toSha: string): Promise<number | null> {
    const answer = await withDeadline(commitsBehind(fromSha, toSha), options.timeoutMs).catch(() => null)
    return answer?.kind === 'done' ? answer.value : null
  }
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
