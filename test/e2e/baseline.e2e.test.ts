// End to end: baselines through the real @actions/cache and @actions/artifact (the default `baseline-store: auto`)
// against the in-repo fake of GitHub's services. `node dist/index.js` runs with the runner's environment: a push to
// main measures the sample server and saves (cache entry + artifact), then pull requests restore that baseline and
// compare; the summary names the baseline used (branch, SHA, exact or commits behind, store). A PR that changed the
// load profile gets `no-baseline` ("profile changed in this PR") and passes. Node 20 only (the lead's test covers 24).
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type SampleServer, startSampleServer } from '../../src/cli/demo/sample-server.js'
import { parseRunResult } from '../../src/results/codec.js'
import {
  type ActionRun,
  type FakeGitHub,
  pullRequestEvent,
  pushEvent,
  startFakeGitHub,
} from '../helpers/fake-github/index.js'
import { openApiViolations } from '../helpers/openapi.js'
import { removeScenarioDirs, runScenario, SHAS, STACK_TRACE, scenarioDir, shortProfile } from './scenario.js'

const PUSH_RUN_ID = 3001
const ARTIFACT_NAME = 'tailgate-baseline-e2e'
/** A wide practical margin: these runs prove where the baseline came from, not the gate (a noisy 2-core runner). */
const PR_MARGIN = '50%'

let fake: FakeGitHub
let server: SampleServer
let scenario: string
let push: ActionRun
let fingerprint: string

/** One job of the scenario (same RUNNER_TEMP and workspace paths on every run, like a hosted runner). */
function job(options: {
  event: Parameters<typeof runScenario>[0]['event']
  runId: number
  profile?: string
  inputs?: Record<string, string>
}): Promise<ActionRun> {
  return runScenario({
    fakeUrl: fake.url,
    scenario,
    event: options.event,
    runId: options.runId,
    inputs: { profile: 'tailgate.yml', target: server.url.href, 'github-token': 'fake-token', ...options.inputs },
    files: { 'tailgate.yml': options.profile ?? shortProfile() },
  })
}

const prEvent = (number: number, baseSha: string) =>
  pullRequestEvent({ number, baseSha, headSha: SHAS.head, headRef: `feature-${number}` })

beforeAll(async () => {
  fake = await startFakeGitHub()
  server = await startSampleServer({ seed: 1, latencyScale: 3 })
  scenario = await scenarioDir('baseline')
  // main's history, oldest first: the baseline is measured at A; later PRs branch off A or C (2 commits later).
  fake.state.setHistory('main', [SHAS.mainA, SHAS.mainB, SHAS.mainC])

  // Given a push to main measured the sample server with the default baseline-store (auto),
  push = await job({ event: pushEvent({ branch: 'main', sha: SHAS.mainA }), runId: PUSH_RUN_ID })
  const resultPath = push.outputs['result-path'] ?? ''
  fingerprint = parseRunResult(await readFile(resultPath, 'utf8'), resultPath).profileFingerprint
  // and that workflow run then completed (the artifact store finds baselines through successful runs on main).
  fake.state.addWorkflowRun({ id: PUSH_RUN_ID, headBranch: 'main', headSha: SHAS.mainA, event: 'push' })
}, 60_000)
afterAll(async () => {
  // Every REST request of this file, checked against GitHub's OpenAPI description of api.github.com.
  expect(openApiViolations(fake.state.requests)).toEqual([])
  await server?.close()
  await fake?.close()
  await removeScenarioDirs()
})
beforeEach(() => fake.fail.clear())

describe('a push to main', () => {
  it('saves the run as the baseline of main in the Actions cache and as an artifact of its run', () => {
    expect(push.stderr).not.toMatch(STACK_TRACE)
    expect(push.exitCode, push.stdout).toBe(0)
    expect(push.stdout).toContain("Tailgate mode: baseline (input 'auto', event 'push')")
    expect(push.outputs['baseline-saved']).toBe('true')
    expect(push.summary).toContain('This run measures the baseline of main at a1a1a1a.')

    const key = `tailgate-v1-${fingerprint}-main-${SHAS.mainA}`
    const entry = fake.state.cacheEntries.find((e) => e.key === key)
    expect(entry).toMatchObject({ finalized: true, scope: 'refs/heads/main' })
    expect(entry?.sizeBytes).toBeGreaterThan(0)
    const artifact = fake.state.artifacts.find((a) => a.name === ARTIFACT_NAME)
    expect(artifact).toMatchObject({ finalized: true, runBackendId: `run-${PUSH_RUN_ID}`, expired: false })
    expect(push.summary).toMatch(
      new RegExp(`Saved this run as the baseline of main: .*${key}.* and .*${ARTIFACT_NAME}.*id ${artifact?.id}`),
    )
  })
})

describe('a pull request into main', () => {
  it.each([
    {
      what: 'based on the baseline commit: restores the exact base SHA from the cache',
      number: 21,
      baseSha: SHAS.mainA,
      line: /Baseline: main at a1a1a1a \(the exact base SHA\), measured .*; from Actions cache entry tailgate-v1-/,
      store: 'cache',
    },
    {
      what: 'based 2 commits later: restores the newest baseline of main and says how far behind it is',
      number: 22,
      baseSha: SHAS.mainC,
      line: /Baseline: main at a1a1a1a \(the newest baseline of the branch, 2 commits behind the base SHA\), measured .*; from Actions cache entry tailgate-v1-/,
      store: 'cache',
    },
  ])(
    '$what',
    async ({ number, baseSha, line, store }) => {
      const baselineArtifacts = () => fake.state.artifacts.filter((a) => a.name.startsWith('tailgate-baseline-'))
      const savedBefore = { entries: fake.state.cacheEntries.length, artifacts: baselineArtifacts().length }

      // When the PR's job measures and compares,
      const run = await job({ event: prEvent(number, baseSha), runId: 3100 + number, inputs: { margin: PR_MARGIN } })

      // then the summary names the baseline used, the comparison ran, and nothing was saved from PR code.
      expect(run.stderr).not.toMatch(STACK_TRACE)
      expect(run.stdout).toContain("Tailgate mode: compare (input 'auto', event 'pull_request')")
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.summary).toMatch(line)
      expect(run.outputs['baseline-source']).toMatch(new RegExp(`^${store}:`))
      expect(['no-change', 'pass', 'inconclusive', 'improvement']).toContain(run.outputs.verdict)
      expect(run.summary).toMatch(/\| GET \/api\/search\?q=shoes \| \d+(\.\d+)? → \d+(\.\d+)? \|/)
      expect(fake.state.cacheEntries).toHaveLength(savedBefore.entries)
      // Nothing is saved as a baseline from a PR (it keeps only its own result, tailgate-result-<profile>, for labels).
      expect(baselineArtifacts()).toHaveLength(savedBefore.artifacts)
    },
    60_000,
  )

  it('falls back to the artifact of the last successful main run when the cache does not answer', async () => {
    // Given the cache service hangs,
    fake.fail.hang('cache')

    // when a PR based on A runs with a 2 s baseline deadline,
    const run = await job({
      event: prEvent(23, SHAS.mainA),
      runId: 3123,
      inputs: { margin: PR_MARGIN, 'baseline-timeout': '2s' },
    })

    // then the artifact of the push's run is the baseline, and the cache outage is a visible warning.
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.exitCode, run.stdout).toBe(0)
    const artifact = fake.state.artifacts.find((a) => a.name === ARTIFACT_NAME)
    expect(run.summary).toMatch(
      new RegExp(
        `Baseline: main at a1a1a1a \\(the exact base SHA\\), measured .*; from artifact ${ARTIFACT_NAME} \\(artifact ${artifact?.id} of run ${PUSH_RUN_ID}\\)`,
      ),
    )
    expect(run.outputs['baseline-source']).toMatch(/^artifact:/)
    expect(
      run.annotations.some((a) => a.level === 'warning' && /cache did not answer within 2 s/.test(a.message)),
    ).toBe(true)
  }, 60_000)

  it('that changed the load profile gets no-baseline ("profile changed in this PR") and passes', async () => {
    // When the PR's profile runs more virtual users (another fingerprint),
    const run = await job({
      event: prEvent(24, SHAS.mainA),
      runId: 3124,
      profile: shortProfile({ vus: 5 }),
    })

    // then nothing is compared, the summary says why, and the step passes.
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs.verdict).toBe('no-baseline')
    expect(run.outputs['baseline-source']).toBe('')
    expect(run.summary).toContain('No baseline: profile changed in this PR')
    expect(run.annotations.some((a) => a.level === 'warning' && /another load profile/.test(a.message))).toBe(true)
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([])
  }, 60_000)
})
