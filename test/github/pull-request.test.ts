// The PR number of a workflow_run event: from the event, or by head SHA through REST for forks; never an artifact.
import { afterAll, describe, expect, it } from 'vitest'
import type { WorkflowRunDetails } from '../../src/github/context.js'
import { resolveWorkflowRunPullRequest } from '../../src/github/pull-request.js'
import { createRestClient } from '../../src/github/rest.js'
import { startFakeGitHub } from '../helpers/fake-github/index.js'

const fake = await startFakeGitHub()
afterAll(() => fake.close())

const rest = createRestClient({ token: 'fake-token', baseUrl: fake.url, sleep: async () => {} })
const repository = { owner: 'octo', repo: 'repo' }
const HEAD_SHA = 'c'.repeat(40)

const run = (overrides: Partial<WorkflowRunDetails>): WorkflowRunDetails => ({
  kind: 'workflow_run',
  runId: 555,
  workflowName: 'perf',
  triggeringEvent: 'pull_request',
  conclusion: 'success',
  headBranch: 'main',
  headSha: HEAD_SHA,
  headRepository: 'fork-owner/repo',
  isFork: true,
  pullRequest: null,
  ...overrides,
})

describe('resolveWorkflowRunPullRequest', () => {
  it('takes the number from workflow_run.pull_requests without calling the API', async () => {
    const before = fake.state.requests.length

    const found = await resolveWorkflowRunPullRequest({
      rest,
      repository,
      workflowRun: run({ pullRequest: { number: 9, baseBranch: 'main', baseSha: 'b'.repeat(40) } }),
    })

    expect(found).toEqual({ kind: 'found', number: 9, baseBranch: 'main', baseSha: 'b'.repeat(40), source: 'event' })
    expect(fake.state.requests.length).toBe(before)
  })

  it("for a fork (empty pull_requests), finds the open PR whose head is the run's head SHA", async () => {
    fake.state.addPullRequest({
      number: 12,
      headSha: 'd'.repeat(40),
      headRef: 'main',
      headRepository: 'fork-owner/repo',
      baseRef: 'main',
      baseSha: 'b'.repeat(40),
    })
    fake.state.addPullRequest({
      number: 13,
      headSha: HEAD_SHA,
      headRef: 'main',
      headRepository: 'fork-owner/repo',
      baseRef: 'main',
      baseSha: 'e'.repeat(40),
    })

    const found = await resolveWorkflowRunPullRequest({ rest, repository, workflowRun: run({}) })

    expect(found).toEqual({ kind: 'found', number: 13, baseBranch: 'main', baseSha: 'e'.repeat(40), source: 'api' })
    expect(fake.state.requestsTo('pulls').at(0)?.path).toBe(
      '/repos/octo/repo/pulls?state=open&head=fork-owner%3Amain&per_page=100',
    )
  })

  it('says none (with the reason) when no open PR has that head', async () => {
    const found = await resolveWorkflowRunPullRequest({
      rest,
      repository,
      workflowRun: run({ headSha: 'f'.repeat(40), headBranch: 'gone' }),
    })

    expect(found).toEqual({ kind: 'none', reason: 'no open pull request has head fffffff (gone)' })
  })

  it('says none when the lookup fails', async () => {
    fake.fail.status('pulls', 404, { times: 1 })

    const found = await resolveWorkflowRunPullRequest({ rest, repository, workflowRun: run({}) })

    expect(found).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/^could not look up the pull request of ccccccc/),
    })
  })
})
