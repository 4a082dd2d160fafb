// The artifact store with the real @actions/artifact against the fake: upload in the push run, find the newest
// successful base-branch run through REST and download its artifact with findBy; wait for a run in progress; fail
// visibly (no token, REST down, hang, corrupt artifact) within the deadline.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import {
  applyEnv,
  backendRunId,
  pushEvent,
  runnerEnv,
  runtimeToken,
  startFakeGitHub,
} from '../helpers/fake-github/index.js'
import { baselineRun, MACHINE, MAIN, prQuery } from './baseline-fixtures.js'

const fake = await startFakeGitHub()
const scenarioDir = await mkdtemp(join(tmpdir(), 'tailgate-artifact-store-'))
const runner = await runnerEnv({ fakeUrl: fake.url, scenarioDir, event: pushEvent({ branch: 'main', sha: MAIN[5]! }) })
applyEnv(runner.env)
const { DefaultArtifactClient } = await import('@actions/artifact')
const { createArtifactStore } = await import('../../src/baseline/artifact-store.js')
const { describeRestore, describeSave } = await import('../../src/baseline/describe.js')
const { createRestClient } = await import('../../src/github/rest.js')
const { createCommitsBehind, createRunLookup } = await import('../../src/github/runs.js')

afterAll(async () => {
  await fake.close()
  await rm(scenarioDir, { recursive: true, force: true })
})
beforeEach(() => fake.fail.clear())

const NOW = Date.parse('2026-11-22T10:00:00Z')
const repository = { owner: 'octo', repo: 'repo' }
const rest = createRestClient({ token: 'fake-token', baseUrl: fake.url, sleep: async () => {} })
const github = {
  lookup: createRunLookup({ rest, repository, workflowFile: 'perf.yml' }),
  commitsBehind: createCommitsBehind({ rest, repository }),
  token: 'fake-token',
  repository,
}
fake.state.setHistory('main', MAIN)

function storeFor(options: { waitMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number } = {}) {
  return createArtifactStore({
    machine: MACHINE,
    timeoutMs: 2000,
    waitMs: options.waitMs ?? 0,
    pollIntervalMs: 10_000,
    workDir: runner.runnerTemp,
    github,
    currentRunId: '2002',
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
}

/** Runs `fn` as workflow run `runId` (its artifacts belong to that run). */
async function asRun<T>(runId: number, fn: () => Promise<T>): Promise<T> {
  const restore = applyEnv({ ACTIONS_RUNTIME_TOKEN: runtimeToken({ runBackendId: backendRunId(runId) }) })
  try {
    return await fn()
  } finally {
    restore()
  }
}

/** A push run on main that saved a baseline of profile `profileId`. */
async function pushRunWithBaseline(runId: number, sha: string, profileId = 'checkout') {
  const result = { ...baselineRun({ sha, runId: String(runId) }), profileId }
  const saved = await asRun(runId, () => storeFor().save(result, [], prQuery(sha)))
  fake.state.addWorkflowRun({ id: runId, headBranch: 'main', headSha: sha })
  return saved
}

describe('artifact store', () => {
  it('saves as an artifact of this run and restores it from the newest successful base-branch run', async () => {
    const saved = await pushRunWithBaseline(900, MAIN[3]!)

    const restored = await asRun(2002, () => storeFor().restore(prQuery(MAIN[5]!)))

    expect(describeSave(saved, { branch: 'main' })[0]).toMatch(
      /^Saved this run as the baseline of main: artifact tailgate-baseline-checkout \(id \d+\)$/,
    )
    expect(restored).toMatchObject({
      kind: 'found',
      source: { store: 'artifact', sha: MAIN[3], exactSha: false, commitsBehind: 2, runId: '900' },
    })
    expect(describeRestore(restored, NOW)[0]).toMatch(
      /^Baseline: main at 4444444 \(the newest baseline of the branch, 2 commits behind the base SHA\), measured .*; from artifact tailgate-baseline-checkout \(artifact \d+ of run 900\)$/,
    )
    expect(fake.state.requestsTo('artifact-zip')).toHaveLength(1)
  })

  it('prefers the run measured on exactly the base SHA over a newer one', async () => {
    await pushRunWithBaseline(901, MAIN[4]!)

    const restored = await asRun(2002, () => storeFor().restore(prQuery(MAIN[3]!)))

    expect(restored).toMatchObject({ kind: 'found', source: { runId: '900', exactSha: true } })
  })

  it('says there is no baseline when the base branch has no successful run', async () => {
    const restored = await asRun(2002, () => storeFor().restore({ ...prQuery(null), branch: 'develop' }))

    expect(describeRestore(restored, NOW)).toEqual([
      'No baseline: no successful run of perf.yml on develop yet, so no baseline artifact',
    ])
  })

  it('says so when the successful runs carry no baseline artifact for this profile', async () => {
    const restored = await asRun(2002, () => storeFor().restore({ ...prQuery(MAIN[5]!), profileId: 'search' }))

    expect(describeRestore(restored, NOW)).toEqual([
      'No baseline: no artifact tailgate-baseline-search in the last 2 successful runs of perf.yml on main',
    ])
  })

  it('waits for a base-branch run still in progress, then uses its baseline', async () => {
    const inProgress = fake.state.addWorkflowRun({
      id: 950,
      headBranch: 'main',
      headSha: MAIN[5]!,
      status: 'in_progress',
      conclusion: null,
    })
    let clockMs = 0
    const sleeps: number[] = []
    const sleep = async (ms: number) => {
      sleeps.push(ms)
      clockMs += ms
      // Meanwhile the base-branch run finishes and uploads its baseline.
      await asRun(950, () =>
        storeFor().save({ ...baselineRun({ sha: MAIN[5], runId: '950' }), profileId: 'cart' }, [], prQuery(MAIN[5]!)),
      )
      inProgress.status = 'completed'
      inProgress.conclusion = 'success'
    }

    const restored = await asRun(2002, () =>
      storeFor({ waitMs: 60_000, sleep, now: () => clockMs }).restore({ ...prQuery(MAIN[5]!), profileId: 'cart' }),
    )

    expect(sleeps).toEqual([10_000])
    expect(restored).toMatchObject({ kind: 'found', source: { runId: '950', exactSha: true } })
  })

  it('refuses a corrupt artifact with the decoder message', async () => {
    const dir = join(scenarioDir, 'corrupt')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'baseline.json'), 'not json at all')
    await asRun(960, () =>
      new DefaultArtifactClient().uploadArtifact('tailgate-baseline-broken', [join(dir, 'baseline.json')], dir),
    )
    fake.state.addWorkflowRun({ id: 960, headBranch: 'main', headSha: MAIN[5]! })

    const restored = await asRun(2002, () => storeFor().restore({ ...prQuery(MAIN[5]!), profileId: 'broken' }))

    expect(describeRestore(restored, NOW)).toEqual([
      expect.stringMatching(/^No baseline: artifact tailgate-baseline-broken of run 960: is not valid JSON/),
      expect.stringMatching(
        /^Warning: Baseline not used: artifact tailgate-baseline-broken of run 960: is not valid JSON/,
      ),
    ])
  })
})

describe('artifact store failures', () => {
  it('without a token, says it cannot look (no warning: nothing failed)', async () => {
    const store = createArtifactStore({
      machine: MACHINE,
      timeoutMs: 2000,
      waitMs: 0,
      workDir: runner.runnerTemp,
      github: null,
      currentRunId: null,
    })

    expect(describeRestore(await store.restore(prQuery(MAIN[5]!)), NOW)).toEqual([
      'No baseline: no GitHub token to read earlier runs (input github-token)',
    ])
  })

  it('when the runs API keeps failing, is missing after bounded retries, with a warning', async () => {
    fake.fail.status('workflow-runs', 502)

    const restored = await asRun(2002, () => storeFor().restore(prQuery(MAIN[5]!)))

    expect(describeRestore(restored, NOW)).toEqual([
      expect.stringMatching(/^No baseline: the artifact lookup failed: GitHub answered 502: fake failure 502$/),
      expect.stringMatching(
        /^Warning: Could not restore the baseline from artifacts: the artifact lookup failed: GitHub answered 502: fake failure 502$/,
      ),
    ])
  })

  it('gives up at the deadline when the API hangs', async () => {
    fake.fail.hang('run-artifacts')

    const restored = await asRun(2002, () => storeFor().restore(prQuery(MAIN[5]!)))

    expect(describeRestore(restored, NOW)[0]).toBe(
      'No baseline: the artifact lookup did not finish within 2 s (baseline-timeout)',
    )
  }, 8000)

  it('gives up saving at the deadline when the artifact service answers 500', async () => {
    fake.fail.status('artifact', 500)

    const saved = await asRun(970, () => storeFor().save(baselineRun(), [], prQuery(MAIN[5]!)))

    expect(describeSave(saved, { branch: 'main' })).toEqual([
      'Baseline NOT saved: the artifact upload did not finish within 2 s (baseline-timeout)',
      'Warning: Could not save the baseline as an artifact: the artifact upload did not finish within 2 s (baseline-timeout)',
    ])
  }, 8000)
})
