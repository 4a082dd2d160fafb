// The documented fork-safe pair, run end to end in the workflow harness: `perf` measures a fork's PR with its
// read-only token and uploads the result; `perf report` runs on workflow_run, downloads that result and main's
// baseline (REST + jq, as documented) and comments with mode: report. Events are GitHub's example payloads.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeGitHub, startFakeGitHub } from '../../helpers/fake-github/index.js'
import { openApiViolations } from '../../helpers/openapi.js'
import { appRepository, freePort, OFFLINE_NPM_ENV, REGRESSION_FACTOR } from '../../helpers/workflows/app.js'
import { documented } from '../../helpers/workflows/documented.js'
import { pullRequestExample, pushExample, workflowRunExample } from '../../helpers/workflows/events.js'
import { type HarnessOptions, runWorkflow } from '../../helpers/workflows/runner.js'

const MAIN_SHA = 'a1'.repeat(20)
const MEASURE = documented('README.md', 'perf', 2)
const REPORT = documented('README.md', 'perf report')

let fake: FakeGitHub
let machineDir: string
let harness: Omit<HarnessOptions, 'repository'>
beforeAll(async () => {
  fake = await startFakeGitHub()
  machineDir = await mkdtemp(join(tmpdir(), 'tailgate-wf-fork-'))
  const port = await freePort()
  harness = {
    fake,
    machineDir,
    hosts: { '127.0.0.1:3000': `127.0.0.1:${port}` },
    env: { ...OFFLINE_NPM_ENV, PORT: String(port) },
  }
  // Given main's push run measured and saved the baseline,
  const push = await runWorkflow(MEASURE, pushExample({ sha: MAIN_SHA }), {
    ...harness,
    repository: appRepository(),
    runId: 100,
  })
  expect(push.conclusion, stepsLog(push)).toBe('success')
}, 120_000)
afterAll(async () => {
  expect(openApiViolations(fake.state.requests)).toEqual([])
  await fake?.close()
  await rm(machineDir, { recursive: true, force: true })
})

function stepsLog(run: Awaited<ReturnType<typeof runWorkflow>>): string {
  return run.jobs
    .flatMap((j) => j.steps.map((s) => `[${j.id}] ${s.name}: ${s.outcome}\n${s.stdout}\n${s.stderr}`))
    .join('\n')
}

/** A fork PR measured by `perf` (run `runId`), then `perf report` on its workflow_run. */
async function forkPullRequest(options: { number: number; headSha: string; searchFactor: number; runId: number }) {
  const headRepository = 'contributor/Hello-World'
  fake.state.addPullRequest({
    number: options.number,
    headSha: options.headSha,
    headRef: 'patch-1',
    headRepository,
    baseRef: 'main',
    baseSha: MAIN_SHA,
  })
  // A fork's token cannot write comments (the measuring workflow does not try: comment: never).
  const measure = await runWorkflow(
    MEASURE,
    pullRequestExample({
      number: options.number,
      headSha: options.headSha,
      baseSha: MAIN_SHA,
      headRef: 'patch-1',
      headRepository,
    }),
    { ...harness, repository: appRepository({ searchFactor: options.searchFactor }), runId: options.runId },
  )
  const report = await runWorkflow(
    REPORT,
    workflowRunExample({
      runId: options.runId,
      workflowName: 'perf',
      event: 'pull_request',
      conclusion: measure.conclusion,
      headSha: options.headSha,
      headBranch: 'patch-1',
      headRepository,
      sha: MAIN_SHA,
    }),
    // The report workflow checks nothing out: no repository files reach its workspace.
    { ...harness, repository: {}, runId: options.runId + 1 },
  )
  return { measure, report }
}

describe(`the fork-safe pair (${MEASURE.source} + ${REPORT.source})`, () => {
  it('a fork PR that changes nothing: both workflows pass and the report comments "no change" on the PR', async () => {
    const { measure, report } = await forkPullRequest({
      number: 7,
      headSha: 'b2'.repeat(20),
      searchFactor: 1,
      runId: 200,
    })

    expect(measure.conclusion, stepsLog(measure)).toBe('success')
    expect(measure.tailgate[0]?.outputs.verdict).toMatch(/^(pass|no-change|inconclusive|improvement)$/)
    expect(report.conclusion, stepsLog(report)).toBe('success')
    const steps = report.jobs[0]!.steps
    expect(steps.map((s) => s.outcome)).toEqual(['success', 'success', 'success', 'success', 'success'])
    expect(report.tailgate[0]?.stdout).toContain('Tailgate mode: report')
    const comments = fake.state.commentsOn(7)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.user.login).toBe('github-actions[bot]')
    expect(comments[0]!.body).toMatch(/artifact|baseline/i)
    expect(comments[0]!.body).not.toContain('no baseline')
  }, 120_000)

  it('a fork PR with a 2× slower endpoint: perf fails (the required check), and the report comments the regression', async () => {
    const { measure, report } = await forkPullRequest({
      number: 8,
      headSha: 'c3'.repeat(20),
      searchFactor: REGRESSION_FACTOR,
      runId: 300,
    })

    expect(measure.conclusion).toBe('failure')
    expect(measure.tailgate[0]?.outputs.verdict).toBe('regression')
    // The upload still ran (`if: always()`), so the report has the result.
    expect(measure.jobs[0]!.steps.at(-1)).toMatchObject({ outcome: 'success' })
    expect(report.tailgate[0]?.outputs.verdict).toBe('regression')
    expect(report.conclusion).toBe('failure')
    const comments = fake.state.commentsOn(8)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('**Tailgate: regression**')
    expect(comments[0]!.body).toContain('GET /api/search')
    expect(fake.state.commentsOn(7)).toHaveLength(1)
  }, 120_000)

  it(`docs/workflows.md shows the same pair as the README`, () => {
    expect(documented('docs/workflows.md', 'perf', 2).text).toBe(MEASURE.text)
    expect(documented('docs/workflows.md', 'perf report').text).toBe(REPORT.text)
  })
})
