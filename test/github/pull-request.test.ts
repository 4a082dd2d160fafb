// The PR number of a workflow_run event: from the event, or by head SHA through REST for forks; never an artifact.
import { afterAll, describe, expect, it } from 'vitest'
import type { WorkflowRunDetails } from '../../src/github/context.js'
import { parseGitHubContext } from '../../src/github/context.js'
import { resolveWorkflowRunPullRequest } from '../../src/github/pull-request.js'
import { createRestClient } from '../../src/github/rest.js'
import { startFakeGitHub } from '../helpers/fake-github/index.js'
import { example } from '../helpers/webhook-examples.js'

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
  refusedPullRequests: null,
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

    expect(found).toEqual({ kind: 'none', reason: 'no open pull request of octo/repo has head fffffff (gone)' })
  })

  it('says none when the lookup fails', async () => {
    fake.fail.status('pulls', 404, { times: 1 })

    const found = await resolveWorkflowRunPullRequest({ rest, repository, workflowRun: run({}) })

    expect(found).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/^could not look up the pull request of ccccccc/),
    })
  })

  it("on GitHub's example payload (a run in octo-org/octo-repo listing PR #2 of Codertocat/Hello-World), comments nowhere and says why", async () => {
    const payload = example(
      'workflow_run',
      (p) => (p.workflow_run as { pull_requests: unknown[] }).pull_requests.length > 0,
    )
    const context = parseGitHubContext({
      env: {
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: 'event.json',
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
      },
      readFile: () => JSON.stringify(payload),
    })
    if (context.event.kind !== 'workflow_run') throw new Error('not a workflow_run')

    const found = await resolveWorkflowRunPullRequest({
      rest,
      repository: context.repository,
      workflowRun: context.event,
    })

    expect(context.event.pullRequest).toBeNull()
    expect(found).toEqual({
      kind: 'none',
      reason:
        'no open pull request of octo-org/octo-repo has head 3484a3f (master); workflow_run.pull_requests: #2 targets Codertocat/Hello-World, not octo-org/octo-repo',
    })
  })

  it("refuses a listed PR of this repository whose head is not the run's head SHA, and looks it up instead", async () => {
    fake.state.addPullRequest({
      number: 21,
      headSha: HEAD_SHA,
      headRef: 'topic',
      headRepository: 'octo/repo',
      baseRef: 'main',
      baseSha: 'a'.repeat(40),
    })
    const payload = {
      repository: { full_name: 'octo/repo', id: 1 },
      workflow_run: {
        id: 9,
        head_sha: HEAD_SHA,
        head_branch: 'topic',
        head_repository: { full_name: 'octo/repo' },
        pull_requests: [
          {
            number: 20,
            head: { sha: '9'.repeat(40), ref: 'topic' },
            base: { ref: 'main', sha: 'a'.repeat(40), repo: { id: 1, url: 'https://api.github.com/repos/octo/repo' } },
          },
        ],
      },
    }
    const context = parseGitHubContext({
      env: { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: 'e.json', GITHUB_REPOSITORY: 'octo/repo' },
      readFile: () => JSON.stringify(payload),
    })
    if (context.event.kind !== 'workflow_run') throw new Error('not a workflow_run')

    const found = await resolveWorkflowRunPullRequest({ rest, repository, workflowRun: context.event })

    expect(context.event.refusedPullRequests).toBe(
      "workflow_run.pull_requests: #20's head is 9999999, not the run's ccccccc",
    )
    expect(found).toMatchObject({ kind: 'found', number: 21, source: 'api' })
  })
})
