// The label flow of docs/workflows.md pattern 1, run end to end in the workflow harness on GitHub's example payloads:
// a failing PR stays failing when an unrelated label is added (the job runs, it is never skipped), passes when the
// accept label is added, fails again when it is removed, all without measuring again; a PR whose head was never
// measured says so and fails.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeGitHub, startFakeGitHub } from '../../helpers/fake-github/index.js'
import { openApiViolations } from '../../helpers/openapi.js'
import { appRepository, freePort, OFFLINE_NPM_ENV, REGRESSION_FACTOR } from '../../helpers/workflows/app.js'
import { documented } from '../../helpers/workflows/documented.js'
import { pullRequestExample, pushExample } from '../../helpers/workflows/events.js'
import { type HarnessOptions, runWorkflow, type WorkflowRun } from '../../helpers/workflows/runner.js'

const MAIN_SHA = 'a1'.repeat(20)
const HEAD_SHA = 'd4'.repeat(20)
const WORKFLOW = documented('docs/workflows.md', 'perf', 1)

let fake: FakeGitHub
let machineDir: string
let harness: HarnessOptions
let runId = 100
beforeAll(async () => {
  fake = await startFakeGitHub()
  machineDir = await mkdtemp(join(tmpdir(), 'tailgate-wf-labels-'))
  const port = await freePort()
  harness = {
    fake,
    machineDir,
    repository: appRepository(),
    hosts: { '127.0.0.1:3000': `127.0.0.1:${port}` },
    env: { ...OFFLINE_NPM_ENV, PORT: String(port) },
  }
  const push = await runWorkflow(WORKFLOW, pushExample({ sha: MAIN_SHA }), { ...harness, runId: runId++ })
  expect(push.conclusion).toBe('success')
  fake.state.addPullRequest({
    number: 5,
    headSha: HEAD_SHA,
    headRef: 'slow-search',
    headRepository: 'Codertocat/Hello-World',
    baseRef: 'main',
    baseSha: MAIN_SHA,
  })
}, 120_000)
afterAll(async () => {
  expect(openApiViolations(fake.state.requests)).toEqual([])
  await fake?.close()
  await rm(machineDir, { recursive: true, force: true })
})

const event = (action: string, label?: string, number = 5, headSha = HEAD_SHA) =>
  pullRequestExample({
    action,
    number,
    headSha,
    baseSha: MAIN_SHA,
    headRef: 'slow-search',
    labels: fake.state.pulls.get(number)?.labels ?? [],
    ...(label === undefined ? {} : { label }),
  })

const tailgateOf = (run: WorkflowRun) => run.tailgate[0]!

describe(`labels re-decide, they do not skip (${WORKFLOW.source})`, () => {
  it('a PR with a 2× slower endpoint fails, then every label change re-decides that result without load', async () => {
    const slow = { ...harness, repository: appRepository({ searchFactor: REGRESSION_FACTOR }) }
    const measured = await runWorkflow(WORKFLOW, event('opened'), { ...slow, runId: runId++ })
    expect(measured.conclusion, tailgateOf(measured).stdout + tailgateOf(measured).summary).toBe('failure')
    expect(tailgateOf(measured).outputs.verdict).toBe('regression')

    // An unrelated label: the job runs (never skipped) and the check stays failing.
    fake.state.addLabel(5, 'docs', 'reviewer')
    const docs = await runWorkflow(WORKFLOW, event('labeled', 'docs'), { ...slow, runId: runId++ })
    expect(docs.jobs.map((j) => j.result)).toEqual(['failure'])
    expect(tailgateOf(docs).stdout).toContain("Tailgate mode: relabel (input 'auto', event 'pull_request')")
    expect(tailgateOf(docs).stdout).not.toContain('Starting the target')
    expect(tailgateOf(docs).outputs.verdict).toBe('regression')
    expect(tailgateOf(docs).summary).toContain(`from the result measured in run ${measured.runId} (no load was sent)`)

    // The accept label: the same result, accepted; the check passes and the comment says who applied it.
    fake.state.addLabel(5, 'tailgate:accept', 'lead')
    const accepted = await runWorkflow(WORKFLOW, event('labeled', 'tailgate:accept'), { ...slow, runId: runId++ })
    expect(accepted.conclusion, tailgateOf(accepted).stdout).toBe('success')
    expect(tailgateOf(accepted).outputs.verdict).toBe('regression')
    const comments = fake.state.commentsOn(5)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toMatch(/tailgate:accept[\s\S]*applied by @\W?lead/)

    // Removing it: failing again.
    const pr = fake.state.pulls.get(5)!
    pr.labels = pr.labels.filter((l) => l !== 'tailgate:accept')
    const removed = await runWorkflow(WORKFLOW, event('unlabeled', 'tailgate:accept'), { ...slow, runId: runId++ })
    expect(removed.conclusion).toBe('failure')
    expect(fake.state.commentsOn(5)).toHaveLength(1)
    expect(fake.state.commentsOn(5)[0]!.body).not.toMatch(/applied by/)
  }, 180_000)

  it('a label on a PR whose head was never measured says so and keeps the check failing', async () => {
    fake.state.addPullRequest({
      number: 6,
      headSha: 'e5'.repeat(20),
      headRef: 'unmeasured',
      headRepository: 'Codertocat/Hello-World',
      baseRef: 'main',
      baseSha: MAIN_SHA,
    })
    fake.state.addLabel(6, 'docs', 'reviewer')

    const run = await runWorkflow(WORKFLOW, event('labeled', 'docs', 6, 'e5'.repeat(20)), {
      ...harness,
      runId: runId++,
    })

    expect(run.conclusion).toBe('failure')
    expect(tailgateOf(run).outputs.verdict).toBe('no-result')
    expect(tailgateOf(run).annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^No measured result for the head e5e5e5e to re-decide after the label change: no completed run of perf\.yml measured the head e5e5e5e yet\. The check stays failing/,
    )
  }, 120_000)
})
