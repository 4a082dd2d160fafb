// The sharded workflow of README.md and docs/workflows.md, run end to end in the workflow harness: four shard jobs
// (a matrix) each measure their slice of the shared target and upload it; the gate job downloads them with a pattern
// and runs mode: merge. A push saves the merged baseline; a PR whose preview is 2× slower fails in the gate job.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeGitHub, startFakeGitHub } from '../../helpers/fake-github/index.js'
import { openApiViolations } from '../../helpers/openapi.js'
import {
  appRepository,
  type PreviewServer,
  profileYaml,
  REGRESSION_FACTOR,
  startPreview,
} from '../../helpers/workflows/app.js'
import { documented } from '../../helpers/workflows/documented.js'
import { pullRequestExample, pushExample } from '../../helpers/workflows/events.js'
import { runWorkflow } from '../../helpers/workflows/runner.js'

const MAIN_SHA = 'a1'.repeat(20)
const HEAD_SHA = 'b2'.repeat(20)
const SHARDED = documented('README.md', 'perf', 3)

let fake: FakeGitHub
let machineDir: string
let staging: PreviewServer
let preview: PreviewServer
beforeAll(async () => {
  fake = await startFakeGitHub()
  machineDir = await mkdtemp(join(tmpdir(), 'tailgate-wf-shards-'))
  staging = await startPreview({})
  preview = await startPreview({ searchFactor: REGRESSION_FACTOR })
})
afterAll(async () => {
  expect(openApiViolations(fake.state.requests)).toEqual([])
  await Promise.all([staging?.close(), preview?.close()])
  await fake?.close()
  await rm(machineDir, { recursive: true, force: true })
})

describe(`shards and mode: merge (${SHARDED.source})`, () => {
  it('docs/workflows.md shows the same workflow', () => {
    expect(SHARDED.text).toContain('mode: merge')
    expect(documented('docs/workflows.md', 'perf', 3).text).toBe(SHARDED.text)
  })

  it('a push measures 4 shards and saves the merged baseline; a 2× slower PR preview fails the gate job', async () => {
    const harness = {
      fake,
      machineDir,
      // One virtual user per shard.
      repository: { ...appRepository(), 'tailgate.yml': profileYaml(undefined, { vus: 4 }) },
      hosts: {
        'https://staging.example.com': staging.url.origin,
        'https://pr-9.preview.example.com': preview.url.origin,
      },
    }
    fake.state.addPullRequest({
      number: 9,
      headSha: HEAD_SHA,
      headRef: 'slow',
      headRepository: 'Codertocat/Hello-World',
      baseRef: 'main',
      baseSha: MAIN_SHA,
    })

    const push = await runWorkflow(SHARDED, pushExample({ sha: MAIN_SHA }), { ...harness, runId: 100 })
    const pr = await runWorkflow(
      SHARDED,
      pullRequestExample({ number: 9, headSha: HEAD_SHA, baseSha: MAIN_SHA, headRef: 'slow' }),
      { ...harness, runId: 200 },
    )

    const log = push.jobs
      .flatMap((j) =>
        j.steps.map(
          (st) =>
            `[${j.id}] ${st.name} ${st.outcome}\n${st.stdout
              .split('\n')
              .filter((l) => !l.startsWith('::debug'))
              .join('\n')
              .slice(-1500)}`,
        ),
      )
      .join('\n')
    expect(
      push.jobs.map((j) => [j.id, j.matrix?.shard ?? null, j.result]),
      log,
    ).toEqual([
      ['shard', 1, 'success'],
      ['shard', 2, 'success'],
      ['shard', 3, 'success'],
      ['shard', 4, 'success'],
      ['gate', null, 'success'],
    ])
    expect(push.tailgate.slice(0, 4).map((s) => s.outputs.verdict)).toEqual(['shard', 'shard', 'shard', 'shard'])
    const pushGate = push.tailgate[4]!
    expect(pushGate.stdout).toContain("Tailgate mode: merge (input 'merge', event 'push')")
    expect(pushGate.outputs['baseline-saved']).toBe('true')

    expect(pr.jobs.map((j) => j.result)).toEqual(['success', 'success', 'success', 'success', 'failure'])
    expect(pr.tailgate[4]!.outputs.verdict).toBe('regression')
    expect(fake.state.commentsOn(9)[0]?.body).toContain('**Tailgate: regression**')
    expect(await preview.apiRequests()).toBeGreaterThan(20)
  }, 240_000)
})
