// The cache store with the real @actions/cache against the fake results service: exact-SHA hit, branch fallback
// with commits behind, no baseline, corrupt and unknown-format baselines, a different machine, and the service down
// (500s, hangs, 403) within the deadline; each with the report line the user sees.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import {
  applyEnv,
  backendRunId,
  pullRequestEvent,
  pushEvent,
  runnerEnv,
  runtimeToken,
  startFakeGitHub,
} from '../helpers/fake-github/index.js'
import { baselineRun, MACHINE, MAIN, prQuery } from './baseline-fixtures.js'

// The toolkit reads its env at import time: set it first, then load the code under test.
const fake = await startFakeGitHub()
const scenarioDir = await mkdtemp(join(tmpdir(), 'tailgate-cache-store-'))
const runner = await runnerEnv({ fakeUrl: fake.url, scenarioDir, event: pushEvent({ branch: 'main', sha: MAIN[5]! }) })
applyEnv(runner.env)
const cache = await import('@actions/cache')
const { createCacheStore, cacheBundlePath } = await import('../../src/baseline/cache-store.js')
const { cacheKey } = await import('../../src/baseline/cache-keys.js')
const { serializeBundle } = await import('../../src/baseline/bundle.js')
const { describeRestore, describeSave } = await import('../../src/baseline/describe.js')
const { createRestClient } = await import('../../src/github/rest.js')
const { createCommitsBehind } = await import('../../src/github/runs.js')

afterAll(async () => {
  await fake.close()
  await rm(scenarioDir, { recursive: true, force: true })
})
beforeEach(() => fake.fail.clear())

const NOW = Date.parse('2026-11-22T10:00:00Z')
const rest = createRestClient({ token: 'fake-token', baseUrl: fake.url, sleep: async () => {} })
/**
 * Two stores, one per kind of case. A healthy service must answer, however busy the runner: its saves and restores
 * (tar, zstd, HTTP to the fake) get the production deadline, 60 s, which only a broken service reaches. A service
 * that is down must be given up at the deadline: those cases use a 2 s deadline, which they reach by design (the
 * toolkit's retries of a 500 take longer), so a loaded core only makes that surer.
 */
const storeWithDeadline = (timeoutMs: number) =>
  createCacheStore({
    machine: MACHINE,
    timeoutMs,
    workDir: runner.runnerTemp,
    commitsBehind: createCommitsBehind({ rest, repository: { owner: 'octo', repo: 'repo' } }),
  })
const store = storeWithDeadline(60_000)
const downStore = storeWithDeadline(2000)
fake.state.setHistory('main', MAIN)

/** Runs `fn` with the token of a push to main (writes main's cache scope). */
async function asPush<T>(fn: () => Promise<T>): Promise<T> {
  const restore = applyEnv({ ACTIONS_RUNTIME_TOKEN: runner.env.ACTIONS_RUNTIME_TOKEN! })
  try {
    return await fn()
  } finally {
    restore()
  }
}

/** Runs `fn` with the token of PR #7 against main (reads main's scope). */
async function asPr<T>(fn: () => Promise<T>): Promise<T> {
  const pr = pullRequestEvent({ number: 7, baseSha: MAIN[5]!, headSha: 'c'.repeat(40) })
  const restore = applyEnv({
    ACTIONS_RUNTIME_TOKEN: runtimeToken({ runBackendId: backendRunId(2002), cacheScopes: pr.cacheScopes }),
  })
  try {
    return await fn()
  } finally {
    restore()
  }
}

/** Puts raw text into the cache under the key of (fingerprint, main, sha), as a broken writer would. */
async function seedRaw(fingerprint: string, sha: string, text: string) {
  const file = cacheBundlePath(runner.runnerTemp)
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, text)
  await asPush(() => cache.saveCache([file], cacheKey({ profileFingerprint: fingerprint, branch: 'main' }, sha)))
  await rm(dirname(file), { recursive: true })
}

describe('cache store', () => {
  it('saves on push and restores the exact base SHA on a PR', async () => {
    const fp = 'fp-exact'
    const saved = await asPush(() =>
      store.save(baselineRun({ fingerprint: fp, sha: MAIN[3] }), [], prQuery(MAIN[3]!, fp)),
    )

    const restored = await asPr(() => store.restore(prQuery(MAIN[3]!, fp)))

    expect(describeSave(saved, { branch: 'main' })).toEqual([
      `Saved this run as the baseline of main: cache key tailgate-v1-fp-exact-main-${MAIN[3]}`,
    ])
    expect(restored).toMatchObject({ kind: 'found', source: { store: 'cache', exactSha: true, sha: MAIN[3] } })
    expect(describeRestore(restored, NOW)).toEqual([
      `Baseline: main at 4444444 (the exact base SHA), measured 2026-11-20 10:00 UTC, 2 days before this run; from Actions cache entry tailgate-v1-fp-exact-main-${MAIN[3]}`,
    ])
  })

  it('falls back to the newest baseline of the base branch and says how many commits behind it is', async () => {
    const fp = 'fp-fallback'
    await asPush(() => store.save(baselineRun({ fingerprint: fp, sha: MAIN[1] }), [], prQuery(MAIN[1]!, fp)))
    await asPush(() =>
      store.save(
        baselineRun({ fingerprint: fp, sha: MAIN[2] }),
        [baselineRun({ fingerprint: fp, sha: MAIN[1] })],
        prQuery(MAIN[2]!, fp),
      ),
    )

    const restored = await asPr(() => store.restore(prQuery(MAIN[5]!, fp)))

    expect(restored).toMatchObject({
      kind: 'found',
      source: { exactSha: false, sha: MAIN[2], commitsBehind: 3, reference: `tailgate-v1-fp-fallback-main-${MAIN[2]}` },
    })
    expect(restored.kind === 'found' && restored.history.map((r) => r.git.sha)).toEqual([MAIN[1]])
    expect(describeRestore(restored, NOW)[0]).toBe(
      `Baseline: main at 3333333 (the newest baseline of the branch, 3 commits behind the base SHA), measured 2026-11-20 10:00 UTC, 2 days before this run; from Actions cache entry tailgate-v1-fp-fallback-main-${MAIN[2]}`,
    )
    expect(describeRestore(restored, NOW)[1]).toBe('Trend: 1 earlier baselines')
  })

  it('says there is no baseline when the branch has none for this profile', async () => {
    const restored = await asPr(() => store.restore(prQuery(MAIN[5]!, 'fp-never-saved')))

    expect(restored).toEqual({ kind: 'missing', reason: 'no baseline in the Actions cache for main yet', warnings: [] })
    expect(describeRestore(restored, NOW)).toEqual(['No baseline: no baseline in the Actions cache for main yet'])
  })

  it('refuses a corrupt baseline with the decoder message', async () => {
    await seedRaw('fp-corrupt', MAIN[4]!, '{"kind":"tailgate-baseline-bundle","current":{"formatVer')

    const restored = await asPr(() => store.restore(prQuery(MAIN[4]!, 'fp-corrupt')))

    expect(restored.kind).toBe('missing')
    expect(describeRestore(restored, NOW)).toEqual([
      expect.stringMatching(
        /^No baseline: cache entry tailgate-v1-fp-corrupt-main-5{40}: is not valid JSON \(.*\); is the file truncated\?$/,
      ),
      expect.stringMatching(
        /^Warning: Baseline not used: cache entry tailgate-v1-fp-corrupt-main-5{40}: is not valid JSON/,
      ),
    ])
  })

  it('refuses a baseline in an unknown format version with the decoder message', async () => {
    const text = serializeBundle({ current: baselineRun({ fingerprint: 'fp-future' }), history: [] }).replace(
      '"formatVersion":"1.2"',
      '"formatVersion":"2.0"',
    )
    await seedRaw('fp-future', MAIN[4]!, text)

    const restored = await asPr(() => store.restore(prQuery(MAIN[4]!, 'fp-future')))

    expect(describeRestore(restored, NOW)[0]).toMatch(
      /^No baseline: cache entry tailgate-v1-fp-future-main-5{40} \(current baseline\): has result format 2.0, written by a newer Tailgate; this Tailgate \(.*\) reads format 1.x: upgrade Tailgate, or re-run the baseline$/,
    )
  })

  it('compares a baseline measured on a different machine, with a warning line', async () => {
    const fp = 'fp-machine'
    await asPush(() =>
      store.save(
        baselineRun({ fingerprint: fp, sha: MAIN[3], cpuModel: 'Big CPU', cores: 16 }),
        [],
        prQuery(MAIN[3]!, fp),
      ),
    )

    const restored = await asPr(() => store.restore(prQuery(MAIN[3]!, fp)))

    expect(restored.kind).toBe('found')
    expect(describeRestore(restored, NOW)[1]).toBe(
      'Warning: The baseline was measured on a different machine (Big CPU, 16 cores; this run: Test CPU, 2 cores): part of any difference may be the hardware',
    )
  })

  it('does not overwrite an existing entry: not-saved with the reason', async () => {
    const fp = 'fp-twice'
    await asPush(() => store.save(baselineRun({ fingerprint: fp, sha: MAIN[3] }), [], prQuery(MAIN[3]!, fp)))

    const again = await asPush(() =>
      store.save(baselineRun({ fingerprint: fp, sha: MAIN[3] }), [], prQuery(MAIN[3]!, fp)),
    )

    expect(describeSave(again, { branch: 'main' })[0]).toBe(
      `Baseline NOT saved: the Actions cache already has an entry tailgate-v1-fp-twice-main-${MAIN[3]} (entries cannot be overwritten; this SHA already has a baseline)`,
    )
  })

  it('respects ACTIONS_CACHE_MODE=write-only (no restore), saying so', async () => {
    const restore = applyEnv({ ACTIONS_CACHE_MODE: 'write-only' })
    const restored = await asPr(() => store.restore(prQuery(MAIN[3]!, 'fp-exact'))).finally(restore)

    expect(describeRestore(restored, NOW)[0]).toBe(
      "No baseline: the Actions cache was not read: Cache restore skipped: the effective cache-mode 'write-only' does not permit reads.",
    )
  })
})

describe('cache store with the service down', () => {
  it.each([
    { what: 'answers 500 to every call', inject: () => fake.fail.status('cache', 500) },
    { what: 'never answers', inject: () => fake.fail.hang('cache') },
  ])(
    'gives up at the deadline when the service $what: no baseline, with a warning',
    async ({ inject }) => {
      inject()

      const restored = await asPr(() => downStore.restore(prQuery(MAIN[3]!, 'fp-down')))

      expect(describeRestore(restored, NOW)).toEqual([
        'No baseline: the Actions cache did not answer within 2 s (baseline-timeout)',
        'Warning: Could not restore the baseline from the Actions cache: the Actions cache did not answer within 2 s (baseline-timeout)',
      ])
    },
    8000,
  )

  it('reports a refused restore (403, not retried) with the toolkit message', async () => {
    fake.fail.status('cache', 403, { message: 'cache read denied: no readable scope' })

    const restored = await asPr(() => store.restore(prQuery(MAIN[3]!, 'fp-denied')))

    expect(describeRestore(restored, NOW)[0]).toMatch(
      /^No baseline: the Actions cache failed: Failed to restore: .*403/,
    )
    expect(restored.warnings).toEqual([
      expect.stringMatching(/^Could not restore the baseline from the Actions cache: Failed to restore:/),
    ])
  })

  it('gives up saving at the deadline: not-saved, with a warning', async () => {
    fake.fail.status('cache', 503)

    const saved = await asPush(() =>
      downStore.save(baselineRun({ fingerprint: 'fp-down-save' }), [], prQuery(MAIN[3]!, 'fp-down-save')),
    )

    expect(describeSave(saved, { branch: 'main' })).toEqual([
      'Baseline NOT saved: the Actions cache did not answer within 2 s (baseline-timeout)',
      'Warning: Could not save the baseline to the Actions cache: the Actions cache did not answer within 2 s (baseline-timeout)',
    ])
  }, 8000)
})
