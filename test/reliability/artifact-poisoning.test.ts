// Artifact poisoning: a fork can name its branch `main` and (editing the workflow in its PR) upload an artifact
// named like the baseline. GitHub lists that fork run among the runs "on branch main". The artifact store must only
// take baselines from runs of this repository, never from a fork's run, so a PR cannot plant the baseline that
// later PRs are judged against.
import { afterAll, describe, expect, it } from 'vitest'
import { createRestClient } from '../../src/github/rest.js'
import { createRunLookup } from '../../src/github/runs.js'
import { startFakeGitHub } from '../helpers/fake-github/index.js'

const fake = await startFakeGitHub()
afterAll(() => fake.close())
const rest = createRestClient({ token: 'fake-token', baseUrl: fake.url })
const lookup = createRunLookup({ rest, repository: { owner: 'octo', repo: 'repo' }, workflowFile: 'perf.yml' })

describe('baseline runs of the base branch', () => {
  it("skips a fork's run whose branch is also named main, even when it is the newest", async () => {
    // Given main's own baseline run, then a newer run of a fork PR whose head branch is called `main`,
    fake.state.addWorkflowRun({ id: 501, headBranch: 'main', headSha: 'a'.repeat(40), event: 'push' })
    fake.state.addWorkflowRun({
      id: 502,
      headBranch: 'main',
      headSha: 'e'.repeat(40),
      event: 'pull_request',
      headRepository: 'mallory/repo',
      pullRequests: [],
    })

    // when the artifact store lists the successful runs on main,
    const runs = await lookup.successfulRuns('main', 10)
    const active = await lookup.activeRuns('main')

    // then only the repository's own run is a candidate.
    expect(runs.map((r) => r.id)).toEqual([501])
    expect(active).toEqual([])
  })

  it("skips a fork's run that is still in progress (the store may wait for it)", async () => {
    fake.state.addWorkflowRun({
      id: 503,
      headBranch: 'release',
      headSha: 'f'.repeat(40),
      event: 'pull_request',
      headRepository: 'mallory/repo',
      status: 'in_progress',
      conclusion: null,
    })

    expect(await lookup.activeRuns('release')).toEqual([])
  })
})
