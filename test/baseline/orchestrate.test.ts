// restoreBaseline / saveBaseline over the stores a `baseline-store` setting picks, with the real toolkit against the
// fake: auto falls back from the cache to artifacts, says why when both miss, says "profile changed in this PR",
// and saves to both; the file store; each with the report lines the user sees.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { BaselineQuery } from '../../src/baseline/types.js'
import type { RunResult } from '../../src/results/types.js'
import {
  applyEnv,
  backendRunId,
  pullRequestEvent,
  pushEvent,
  runnerEnv,
  runtimeToken,
  startFakeGitHub,
} from '../helpers/fake-github/index.js'
import { baselineRun, MACHINE, MAIN } from './baseline-fixtures.js'

const fake = await startFakeGitHub()
const scenarioDir = await mkdtemp(join(tmpdir(), 'tailgate-orchestrate-'))
const runner = await runnerEnv({ fakeUrl: fake.url, scenarioDir, event: pushEvent({ branch: 'main', sha: MAIN[5]! }) })
applyEnv(runner.env)
const { createBaselineStores, restoreBaseline, saveBaseline } = await import('../../src/baseline/orchestrate.js')
const { createRestClient } = await import('../../src/github/rest.js')
const { createCommitsBehind, createRunLookup } = await import('../../src/github/runs.js')

afterAll(async () => {
  await fake.close()
  await rm(scenarioDir, { recursive: true, force: true })
})
beforeEach(() => fake.fail.clear())

const NOW = () => Date.parse('2026-11-22T10:00:00Z')
const repository = { owner: 'octo', repo: 'repo' }
const rest = createRestClient({ token: 'fake-token', baseUrl: fake.url, sleep: async () => {} })
const runtime = (currentRunId: string) => ({
  machine: MACHINE,
  workDir: runner.runnerTemp,
  github: {
    lookup: createRunLookup({ rest, repository, workflowFile: 'perf.yml' }),
    commitsBehind: createCommitsBehind({ rest, repository }),
    token: 'fake-token',
    repository,
  },
  currentRunId,
})
const settings = (store: 'auto' | 'cache' | 'artifact' | 'file', path?: string) => ({
  store,
  path,
  timeoutMs: 2000,
  waitMs: 0,
})
fake.state.setHistory('main', MAIN)

const query = (profileId: string, fingerprint: string, sha: string | null): BaselineQuery => ({
  profileId,
  profileFingerprint: fingerprint,
  branch: 'main',
  sha,
})
const run = (profileId: string, fingerprint: string, sha: string, runId: number): RunResult => ({
  ...baselineRun({ fingerprint, sha, runId: String(runId) }),
  profileId,
})

/** A push run on main that saves its result through `store` (as run `runId`, with main's cache scope). */
async function pushSaves(store: 'auto' | 'artifact', result: RunResult, runId: number) {
  const restore = applyEnv({
    ACTIONS_RUNTIME_TOKEN: runtimeToken({
      runBackendId: backendRunId(runId),
      cacheScopes: [{ scope: 'refs/heads/main', permission: 'read-write' }],
    }),
  })
  try {
    const stores = createBaselineStores(settings(store), runtime(String(runId)))
    const saved = await saveBaseline({
      stores,
      result,
      history: [],
      query: query(result.profileId, result.profileFingerprint, result.git.sha),
    })
    fake.state.addWorkflowRun({ id: runId, headBranch: 'main', headSha: result.git.sha! })
    return saved
  } finally {
    restore()
  }
}

/** PR #7's restore through `store`. */
async function prRestores(store: 'auto' | 'cache' | 'artifact', q: BaselineQuery) {
  const pr = pullRequestEvent({ number: 7, baseSha: MAIN[5]!, headSha: 'c'.repeat(40) })
  const restore = applyEnv({
    ACTIONS_RUNTIME_TOKEN: runtimeToken({ runBackendId: backendRunId(2002), cacheScopes: pr.cacheScopes }),
  })
  try {
    return await restoreBaseline({ stores: createBaselineStores(settings(store), runtime('2002')), query: q, now: NOW })
  } finally {
    restore()
  }
}

describe('baseline-store: auto', () => {
  it('saves to the cache and as an artifact, and restores the exact SHA from the cache first', async () => {
    const saved = await pushSaves('auto', run('both', 'fp-both', MAIN[3]!, 800), 800)

    const restored = await prRestores('auto', query('both', 'fp-both', MAIN[3]!))

    expect(saved.lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Saved this run as the baseline of main: cache key tailgate-v1-fp-both-main-${MAIN[3]} and artifact tailgate-baseline-both \\(id \\d+\\)$`,
        ),
      ),
    ])
    expect(restored.outcome).toMatchObject({ kind: 'found', source: { store: 'cache', exactSha: true } })
    expect(restored.lines[0]).toMatch(/\(the exact base SHA\).*; from Actions cache entry tailgate-v1-fp-both-main-/)
  })

  it('falls back to the artifact when the cache has no entry', async () => {
    await pushSaves('artifact', run('art-only', 'fp-art-only', MAIN[3]!, 801), 801)

    const restored = await prRestores('auto', query('art-only', 'fp-art-only', MAIN[5]!))

    expect(restored.outcome).toMatchObject({
      kind: 'found',
      source: { store: 'artifact', runId: '801', commitsBehind: 2 },
    })
    expect(restored.lines).toEqual([
      expect.stringMatching(
        /^Baseline: main at 4444444 \(the newest baseline of the branch, 2 commits behind the base SHA\), measured .*; from artifact tailgate-baseline-art-only \(artifact \d+ of run 801\)$/,
      ),
    ])
  })

  it('falls back to the artifact when the cache service is down, keeping the cache warning', async () => {
    await pushSaves('artifact', run('cache-down', 'fp-cache-down', MAIN[4]!, 802), 802)
    fake.fail.hang('cache')

    const restored = await prRestores('auto', query('cache-down', 'fp-cache-down', MAIN[4]!))

    expect(restored.outcome).toMatchObject({ kind: 'found', source: { store: 'artifact', exactSha: true } })
    expect(restored.lines.slice(1)).toEqual([
      'Warning: Could not restore the baseline from the Actions cache: the Actions cache did not answer within 2 s (baseline-timeout)',
    ])
  }, 8000)

  it('when both miss, gives both reasons', async () => {
    const restored = await prRestores('auto', query('nothing', 'fp-nothing', MAIN[5]!))

    expect(restored.lines).toEqual([
      expect.stringMatching(
        /^No baseline: no baseline in the Actions cache for main yet; no artifact tailgate-baseline-nothing in the last \d+ successful runs of perf.yml on main$/,
      ),
    ])
  })

  it('does not compare a baseline of a changed profile: "profile changed in this PR"', async () => {
    await pushSaves('auto', run('changed', 'fp-before', MAIN[3]!, 803), 803)

    const restored = await prRestores('auto', query('changed', 'fp-after', MAIN[3]!))

    expect(restored.outcome).toMatchObject({ kind: 'missing', reason: 'profile changed in this PR' })
    expect(restored.lines).toEqual([
      'No baseline: profile changed in this PR',
      expect.stringMatching(
        /^Warning: The baseline of main \(tailgate-baseline-changed \(artifact \d+ of run 803\)\) was measured with another load profile \(fingerprint fp-before, this run fp-after\)/,
      ),
    ])
  })
})

describe('baseline-store: file', () => {
  it('saves a bundle to the path and restores it', async () => {
    const path = join(scenarioDir, 'baselines', 'checkout.json')
    const stores = createBaselineStores(settings('file', path), runtime('1'))

    const saved = await saveBaseline({
      stores,
      result: run('file', 'fp-file', MAIN[2]!, 1),
      history: [run('file', 'fp-file', MAIN[1]!, 0)],
      query: query('file', 'fp-file', MAIN[2]!),
    })
    const restored = await restoreBaseline({ stores, query: query('file', 'fp-file', MAIN[2]!), now: NOW })

    expect(saved.lines).toEqual([`Saved this run as the baseline of main: ${path}`])
    expect(restored.outcome).toMatchObject({ kind: 'found', source: { store: 'file', exactSha: true } })
    expect(restored.lines).toEqual([
      `Baseline: main at 3333333 (the exact base SHA), measured 2026-11-20 10:00 UTC, 2 days before this run; from file ${path}`,
      'Trend: 1 earlier baselines',
    ])
  })

  it.each([
    { what: 'a missing file', text: null, line: /^No baseline: no baseline file at .*absent.json$/ },
    {
      what: 'a corrupt file',
      text: '{"formatVersion":',
      line: /^No baseline: .*absent.json: is not valid JSON .*; is the file truncated\?$/,
    },
    { what: 'a file of another profile', text: 'other-profile', line: /^No baseline: profile changed in this PR$/ },
  ])('says why for $what', async ({ text, line }) => {
    const path = join(scenarioDir, 'absent.json')
    await rm(path, { force: true })
    if (text === 'other-profile') {
      const writer = createBaselineStores(settings('file', path), runtime('1'))
      await saveBaseline({
        stores: writer,
        result: run('file', 'fp-other', MAIN[2]!, 1),
        history: [],
        query: query('file', 'fp-other', MAIN[2]!),
      })
    } else if (text !== null) {
      await writeFile(path, text)
    }

    const restored = await restoreBaseline({
      stores: createBaselineStores(settings('file', path), runtime('1')),
      query: query('file', 'fp-file', MAIN[2]!),
      now: NOW,
    })

    expect(restored.lines[0]).toMatch(line)
  })
})

describe('createBaselineStores', () => {
  it.each([
    { store: 'auto', names: ['cache', 'artifact'] },
    { store: 'cache', names: ['cache'] },
    { store: 'artifact', names: ['artifact'] },
    { store: 'file', names: ['file'] },
  ] as const)('picks $names for baseline-store: $store', ({ store, names }) => {
    expect(createBaselineStores(settings(store, 'b.json'), runtime('1')).map((s) => s.name)).toEqual(names)
  })
})
