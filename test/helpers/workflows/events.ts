// Runner events built from GitHub's own example payloads (@octokit/webhooks-examples): the example is taken as GitHub
// sent it, and only what the scenario is about is set (repository, branch names, SHAs, numbers, run ids, URLs).
import type { CacheScope, RunnerEvent } from '../fake-github/index.js'
import { example } from '../webhook-examples.js'

/** The repository every harness scenario plays in (the examples' own). */
export const REPOSITORY = 'Codertocat/Hello-World'
const DEFAULT_BRANCH = 'main'

// biome-ignore lint/suspicious/noExplicitAny: example payloads are edited field by field; their full types add nothing here
type Json = Record<string, any>

function ourRepository(payload: Json): void {
  payload.repository.full_name = REPOSITORY
  payload.repository.default_branch = DEFAULT_BRANCH
}

/** A push to `branch` at `sha` (GitHub's example of a branch push). */
export function pushExample(options: { readonly branch?: string; readonly sha: string }): RunnerEvent {
  const payload = example('push', (p) => String(p.ref).startsWith('refs/heads/')) as Json
  const branch = options.branch ?? DEFAULT_BRANCH
  ourRepository(payload)
  payload.ref = `refs/heads/${branch}`
  payload.after = options.sha
  payload.head_commit.id = options.sha
  const scopes: CacheScope[] = [{ scope: payload.ref, permission: 'read-write' }]
  return { name: 'push', payload, sha: options.sha, ref: payload.ref, cacheScopes: scopes }
}

export interface PullRequestExample {
  /** `opened` (default), `synchronize`, `labeled`, `unlabeled`, … */
  readonly action?: string
  readonly number: number
  readonly headSha: string
  readonly baseSha: string
  readonly headRef?: string
  /** `owner/repo` of the head: another owner makes it a fork PR. */
  readonly headRepository?: string
  /** Labels on the PR when the event fired. */
  readonly labels?: readonly string[]
  /** The label added or removed (labeled/unlabeled). */
  readonly label?: string
}

/** A pull_request event (GitHub's example of the action, or of `opened`). */
export function pullRequestExample(options: PullRequestExample): RunnerEvent {
  const action = options.action ?? 'opened'
  const payload = example('pull_request', (p) => p.action === action) as Json
  ourRepository(payload)
  const headRepository = options.headRepository ?? REPOSITORY
  const headRef = options.headRef ?? `feature-${options.number}`
  const pr = payload.pull_request
  payload.number = options.number
  pr.number = options.number
  pr.head.ref = headRef
  pr.head.sha = options.headSha
  pr.head.label = `${headRepository.split('/')[0]}:${headRef}`
  pr.head.repo = { ...pr.head.repo, full_name: headRepository, fork: headRepository !== REPOSITORY }
  pr.base.ref = DEFAULT_BRANCH
  pr.base.sha = options.baseSha
  pr.base.repo = { ...pr.base.repo, full_name: REPOSITORY, default_branch: DEFAULT_BRANCH }
  const labelTemplate = pr.labels[0] ?? { id: 1, name: 'bug', color: 'd73a4a', default: true }
  pr.labels = (options.labels ?? []).map((name, i) => ({ ...labelTemplate, id: i + 1, name, default: false }))
  if (options.label !== undefined) payload.label = { ...labelTemplate, name: options.label, default: false }
  else delete payload.label
  const ref = `refs/pull/${options.number}/merge`
  return {
    name: 'pull_request',
    payload,
    sha: `${options.headSha.slice(0, 32)}deadbeef`,
    ref,
    baseRef: DEFAULT_BRANCH,
    headRef,
    cacheScopes: [
      { scope: ref, permission: 'read-write' },
      { scope: `refs/heads/${DEFAULT_BRANCH}`, permission: 'read' },
    ],
  }
}

/** workflow_run `completed` about run `runId` of workflow `workflowName` (GitHub's example with a listed PR). */
export function workflowRunExample(options: {
  readonly runId: number
  readonly workflowName: string
  readonly event: string
  readonly conclusion: string
  readonly headSha: string
  readonly headBranch: string
  readonly headRepository?: string
  /** PRs GitHub lists (it lists none for forks). */
  readonly pullRequests?: readonly { readonly number: number; readonly baseSha: string }[]
  readonly sha: string
}): RunnerEvent {
  const payload = example(
    'workflow_run',
    (p) => p.action === 'completed' && (p.workflow_run as Json).pull_requests.length > 0,
  ) as Json
  ourRepository(payload)
  const run = payload.workflow_run
  const listed = run.pull_requests[0]
  const headRepository = options.headRepository ?? REPOSITORY
  Object.assign(run, {
    id: options.runId,
    name: options.workflowName,
    event: options.event,
    conclusion: options.conclusion,
    head_sha: options.headSha,
    head_branch: options.headBranch,
    head_repository: { ...run.head_repository, full_name: headRepository },
    repository: { ...run.repository, full_name: REPOSITORY },
    pull_requests: (options.pullRequests ?? []).map((pr) => ({
      ...listed,
      number: pr.number,
      head: { ...listed.head, ref: options.headBranch, sha: options.headSha },
      base: {
        ...listed.base,
        ref: DEFAULT_BRANCH,
        sha: pr.baseSha,
        repo: { ...listed.base.repo, url: `https://api.github.com/repos/${REPOSITORY}`, name: 'Hello-World' },
      },
    })),
  })
  const ref = `refs/heads/${DEFAULT_BRANCH}`
  return {
    name: 'workflow_run',
    payload,
    sha: options.sha,
    ref,
    cacheScopes: [{ scope: ref, permission: 'read-write' }],
  }
}

/**
 * deployment_status about a deployment of `ref` at `sha` to `environment`. `environmentUrl` undefined keeps GitHub's
 * example as it is: no environment_url at all (3 of its 4 examples look like that).
 */
export function deploymentStatusExample(options: {
  readonly state?: string
  readonly environment: string
  readonly ref: string
  readonly sha: string
  readonly environmentUrl?: string
  readonly targetUrl?: string
}): RunnerEvent {
  const state = options.state ?? 'success'
  const payload = example('deployment_status', (p) => (p.deployment_status as Json).state === state) as Json
  ourRepository(payload)
  const status = payload.deployment_status
  status.environment = options.environment
  if (options.environmentUrl !== undefined) status.environment_url = options.environmentUrl
  if (options.targetUrl !== undefined) status.target_url = options.targetUrl
  Object.assign(payload.deployment, { ref: options.ref, sha: options.sha, environment: options.environment })
  const ref = `refs/heads/${options.ref}`
  const scopes: CacheScope[] = [{ scope: ref, permission: 'read-write' }]
  if (options.ref !== DEFAULT_BRANCH) scopes.push({ scope: `refs/heads/${DEFAULT_BRANCH}`, permission: 'read' })
  return { name: 'deployment_status', payload, sha: options.sha, ref, cacheScopes: scopes }
}
