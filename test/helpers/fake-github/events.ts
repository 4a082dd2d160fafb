// Webhook payloads and the matching runner facts (GITHUB_SHA, GITHUB_REF, cache scopes) for the events Tailgate
// handles: push, pull_request (same repo or fork), workflow_run and deployment_status.
import type { CacheScope } from './token.js'

/** One event as the runner presents it: the payload plus the env facts that go with it. */
export interface RunnerEvent {
  readonly name: string
  readonly payload: Record<string, unknown>
  /** GITHUB_SHA */
  readonly sha: string
  /** GITHUB_REF */
  readonly ref: string
  /** GITHUB_BASE_REF / GITHUB_HEAD_REF (pull requests only). */
  readonly baseRef?: string
  readonly headRef?: string
  /** The cache scopes GitHub grants a run of this event, in lookup order. */
  readonly cacheScopes: readonly CacheScope[]
}

const DEFAULT_REPO = 'octo/repo'

function repositoryJson(fullName: string, defaultBranch: string) {
  const [owner, name] = fullName.split('/')
  return { full_name: fullName, name, owner: { login: owner }, default_branch: defaultBranch, fork: false }
}

/** A repository as `workflow_run.pull_requests[]` names it (no full_name). */
function apiRepository(fullName: string) {
  return { id: repositoryId(fullName), url: `https://api.github.com/repos/${fullName}`, name: fullName.split('/')[1] }
}

/** A stable made-up repository id. */
function repositoryId(fullName: string): number {
  let hash = 7
  for (const c of fullName) hash = (hash * 31 + c.charCodeAt(0)) % 1_000_000_007
  return hash
}

/** A push to `branch`. */
export function pushEvent(options: {
  branch: string
  sha: string
  defaultBranch?: string
  repository?: string
}): RunnerEvent {
  const defaultBranch = options.defaultBranch ?? 'main'
  const ref = `refs/heads/${options.branch}`
  return {
    name: 'push',
    payload: {
      ref,
      after: options.sha,
      before: '0000000000000000000000000000000000000000',
      head_commit: { id: options.sha },
      repository: repositoryJson(options.repository ?? DEFAULT_REPO, defaultBranch),
      sender: { login: 'octocat' },
    },
    sha: options.sha,
    ref,
    cacheScopes: [{ scope: ref, permission: 'read-write' }],
  }
}

/** A `pull_request` event (the token of a fork PR is read-only: see FailureInjection.forbidden). */
export function pullRequestEvent(options: {
  number: number
  baseRef?: string
  baseSha: string
  headRef?: string
  headSha: string
  /** GITHUB_SHA, the merge commit (a made-up one by default). */
  mergeSha?: string
  /** `owner/repo` of the head; a different owner makes it a fork. */
  headRepository?: string
  labels?: readonly string[]
  action?: string
  repository?: string
  defaultBranch?: string
}): RunnerEvent {
  const repository = options.repository ?? DEFAULT_REPO
  const baseRef = options.baseRef ?? 'main'
  const headRef = options.headRef ?? `feature-${options.number}`
  const headRepository = options.headRepository ?? repository
  const defaultBranch = options.defaultBranch ?? 'main'
  const ref = `refs/pull/${options.number}/merge`
  const scopes: CacheScope[] = [
    { scope: ref, permission: 'read-write' },
    { scope: `refs/heads/${baseRef}`, permission: 'read' },
  ]
  if (baseRef !== defaultBranch) scopes.push({ scope: `refs/heads/${defaultBranch}`, permission: 'read' })
  return {
    name: 'pull_request',
    payload: {
      action: options.action ?? 'synchronize',
      number: options.number,
      pull_request: {
        number: options.number,
        state: 'open',
        labels: (options.labels ?? []).map((name, i) => ({ id: i + 1, name })),
        head: {
          ref: headRef,
          sha: options.headSha,
          repo: { ...repositoryJson(headRepository, defaultBranch), fork: headRepository !== repository },
        },
        base: { ref: baseRef, sha: options.baseSha, repo: repositoryJson(repository, defaultBranch) },
      },
      repository: repositoryJson(repository, defaultBranch),
      sender: { login: 'contributor' },
    },
    sha: options.mergeSha ?? `${options.headSha.slice(0, 30)}merge00000`.slice(0, 40),
    ref,
    baseRef,
    headRef,
    cacheScopes: scopes,
  }
}

/** A `workflow_run` event (completed) about a run of another workflow, e.g. the measuring job of a PR. */
export function workflowRunEvent(options: {
  runId: number
  workflowName?: string
  headBranch: string
  headSha: string
  /** The PR numbers GitHub lists; empty for fork PRs. */
  pullRequests?: readonly { number: number; baseRef?: string; baseSha?: string }[]
  headRepository?: string
  event?: string
  conclusion?: string
  repository?: string
  defaultBranch?: string
}): RunnerEvent {
  const repository = options.repository ?? DEFAULT_REPO
  const defaultBranch = options.defaultBranch ?? 'main'
  const headRepository = options.headRepository ?? repository
  const mainSha = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed'
  const ref = `refs/heads/${defaultBranch}`
  return {
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id: options.runId,
        name: options.workflowName ?? 'perf',
        event: options.event ?? 'pull_request',
        status: 'completed',
        conclusion: options.conclusion ?? 'success',
        head_branch: options.headBranch,
        head_sha: options.headSha,
        head_repository: { ...repositoryJson(headRepository, defaultBranch), fork: headRepository !== repository },
        repository: repositoryJson(repository, defaultBranch),
        // GitHub's shape: the repositories are named by id, API url and short name only.
        pull_requests: (options.pullRequests ?? []).map((pr) => ({
          number: pr.number,
          head: { ref: options.headBranch, sha: options.headSha, repo: apiRepository(headRepository) },
          base: { ref: pr.baseRef ?? defaultBranch, sha: pr.baseSha ?? mainSha, repo: apiRepository(repository) },
        })),
      },
      repository: repositoryJson(repository, defaultBranch),
      sender: { login: 'contributor' },
    },
    sha: mainSha,
    ref,
    cacheScopes: [{ scope: ref, permission: 'read-write' }],
  }
}

/** A `deployment_status` event (e.g. a preview deployment that became ready). */
export function deploymentStatusEvent(options: {
  state?: string
  environmentUrl: string
  environment?: string
  sha: string
  ref?: string
  repository?: string
}): RunnerEvent {
  const repository = options.repository ?? DEFAULT_REPO
  const branch = options.ref ?? 'feature-1'
  return {
    name: 'deployment_status',
    payload: {
      deployment_status: {
        state: options.state ?? 'success',
        environment_url: options.environmentUrl,
        environment: options.environment ?? 'Preview',
      },
      deployment: { sha: options.sha, ref: branch, environment: options.environment ?? 'Preview' },
      repository: repositoryJson(repository, 'main'),
    },
    sha: options.sha,
    ref: `refs/heads/${branch}`,
    cacheScopes: [{ scope: `refs/heads/${branch}`, permission: 'read-write' }],
  }
}
