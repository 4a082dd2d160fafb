// The PR a workflow_run is about. Taken from the event (`workflow_run.pull_requests`, only an entry whose base is this
// repository and whose head is the run's head SHA), or, when GitHub lists none (always for forks) or none of them
// holds, looked up by the head SHA through the REST API; else none, with the reason. Never from an artifact: an
// artifact is written by PR code and must not choose which PR gets the comment.
import type { RepositoryRef, WorkflowRunDetails } from './context.js'
import { describeApiError } from './errors.js'
import type { RestClient } from './rest.js'

export type WorkflowRunPullRequest =
  | {
      readonly kind: 'found'
      readonly number: number
      readonly baseBranch: string | null
      readonly baseSha: string | null
      /** `event`: workflow_run.pull_requests; `api`: matched by head SHA through REST. */
      readonly source: 'event' | 'api'
    }
  | { readonly kind: 'none'; readonly reason: string }

/** Open PRs scanned at most when the head-branch query finds nothing. */
const MAX_SCANNED_PULLS = 300

/**
 * The PR number of a workflow_run event.
 * @example await resolveWorkflowRunPullRequest({ rest, repository, workflowRun: context.event })
 */
export async function resolveWorkflowRunPullRequest(options: {
  readonly rest: RestClient
  readonly repository: RepositoryRef
  readonly workflowRun: WorkflowRunDetails
}): Promise<WorkflowRunPullRequest> {
  const run = options.workflowRun
  if (run.pullRequest) {
    return {
      kind: 'found',
      number: run.pullRequest.number,
      baseBranch: run.pullRequest.baseBranch,
      baseSha: run.pullRequest.baseSha,
      source: 'event',
    }
  }
  const { owner, repo } = options.repository
  const headOwner = run.headRepository?.split('/')[0] ?? owner
  try {
    const byHead = run.headBranch
      ? await options.rest.paginate(options.rest.rest.pulls.list, {
          owner,
          repo,
          state: 'open',
          head: `${headOwner}:${run.headBranch}`,
          per_page: 100,
        })
      : []
    let match = byHead.find((pr) => pr.head.sha === run.headSha)
    if (!match) {
      let scanned = 0
      for await (const page of options.rest.paginate.iterator(options.rest.rest.pulls.list, {
        owner,
        repo,
        state: 'open',
        per_page: 100,
      })) {
        match = page.data.find((pr) => pr.head.sha === run.headSha)
        scanned += page.data.length
        if (match || scanned >= MAX_SCANNED_PULLS) break
      }
    }
    if (!match) {
      const refused = run.refusedPullRequests ? `; ${run.refusedPullRequests}` : ''
      return {
        kind: 'none',
        reason: `no open pull request of ${owner}/${repo} has head ${run.headSha.slice(0, 7)} (${run.headBranch})${refused}`,
      }
    }
    return { kind: 'found', number: match.number, baseBranch: match.base.ref, baseSha: match.base.sha, source: 'api' }
  } catch (error) {
    return {
      kind: 'none',
      reason: `could not look up the pull request of ${run.headSha.slice(0, 7)}: ${describeApiError(error)}`,
    }
  }
}
