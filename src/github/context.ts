// The runner's env and event payload, parsed once into a typed GitHubContext. Pure: the env and a file reader are
// passed in. It never looks anything up; resolving a fork PR's number for workflow_run lives in pull-request.ts.
import { GitHubContextError } from './errors.js'
import { parseEvent } from './event-details.js'
import { EventPayloadSchema } from './payload.js'

export interface RepositoryRef {
  readonly owner: string
  readonly repo: string
}

/** `pull_request` and `pull_request_target`. */
export interface PullRequestDetails {
  readonly kind: 'pull_request'
  /** The payload's `action`: `opened`, `synchronize`, `labeled`, `unlabeled`, … (null when absent). */
  readonly action: string | null
  readonly number: number
  readonly baseBranch: string
  readonly baseSha: string | null
  readonly headSha: string | null
  readonly headBranch: string | null
  /** `owner/repo` of the head, when the payload says. */
  readonly headRepository: string | null
  /** The head lives in another repository: the run's token is read-only (no comments, no labels writes). */
  readonly isFork: boolean
  /** Label names on the PR when the event fired. */
  readonly labels: readonly string[]
  /** `pull_request_target`: runs in the base repository's context (GITHUB_SHA is the base's). */
  readonly target: boolean
}

export interface PushDetails {
  readonly kind: 'push'
  /** The pushed branch; null for a tag push. */
  readonly branch: string | null
  readonly sha: string | null
  /** The pushed branch is the repository's default branch (payload.repository.default_branch). */
  readonly isDefaultBranch: boolean
}

/** `workflow_run`: another workflow's run finished (the fork-safe second half of the two-workflow pattern). */
export interface WorkflowRunDetails {
  readonly kind: 'workflow_run'
  /** The id of the run that triggered this one (where its artifacts are). */
  readonly runId: number
  readonly workflowName: string | null
  /** The event of the triggering run, e.g. `pull_request`. */
  readonly triggeringEvent: string | null
  readonly conclusion: string | null
  readonly headBranch: string | null
  readonly headSha: string
  readonly headRepository: string | null
  readonly isFork: boolean
  /**
   * The entry of `workflow_run.pull_requests` whose base repository is this repository and whose head SHA is the
   * run's `head_sha`; null when none is (GitHub lists none for forks, and may list a PR of another repository).
   */
  readonly pullRequest: {
    readonly number: number
    readonly baseBranch: string | null
    readonly baseSha: string | null
  } | null
  /** Why listed `pull_requests` were not taken (e.g. "#2 targets another repository"); null when none was refused. */
  readonly refusedPullRequests: string | null
}

export interface DeploymentStatusDetails {
  readonly kind: 'deployment_status'
  readonly state: string
  /** `deployment_status.environment_url`, the deployed URL; null when the status has none (often). */
  readonly environmentUrl: string | null
  /**
   * `deployment_status.target_url` when it is a URL of the deployment; null when absent or when it points at GitHub
   * itself (a log or a run page, as GitHub's own deployments set it).
   */
  readonly targetUrl: string | null
  readonly environment: string | null
  readonly sha: string | null
  readonly ref: string | null
}

export interface OtherEventDetails {
  readonly kind: 'other'
}

export type EventDetails =
  | PullRequestDetails
  | PushDetails
  | WorkflowRunDetails
  | DeploymentStatusDetails
  | OtherEventDetails

/** Everything Tailgate needs from the runner about the current run. */
export interface GitHubContext {
  readonly eventName: string
  readonly repository: RepositoryRef
  /** e.g. https://github.com */
  readonly serverUrl: string
  /** REST base URL, no trailing slash (GITHUB_API_URL). */
  readonly apiUrl: string
  readonly runId: string | null
  readonly runAttempt: number
  readonly workflow: string | null
  /** The workflow file name from GITHUB_WORKFLOW_REF, e.g. `perf.yml` (used to find earlier runs). */
  readonly workflowFile: string | null
  /** GITHUB_SHA (a PR's merge commit on pull_request). */
  readonly sha: string | null
  readonly ref: string | null
  readonly defaultBranch: string | null
  readonly actor: string | null
  /** Link to this run's page, when the run id is known. */
  readonly runUrl: string | null
  readonly event: EventDetails
}

/** What parseGitHubContext reads: the env and a synchronous file reader (for GITHUB_EVENT_PATH). */
export interface ContextSources {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly readFile: (path: string) => string
}

/**
 * Parses the runner env and event payload. Throws GitHubContextError naming the variable or payload field when
 * they are unusable (not in Actions, unreadable payload, a pull_request payload without `pull_request`).
 * @example parseGitHubContext({ env: process.env, readFile: (p) => readFileSync(p, 'utf8') })
 */
export function parseGitHubContext({ env, readFile }: ContextSources): GitHubContext {
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME)
  if (!eventName) {
    throw new GitHubContextError('GITHUB_EVENT_NAME', 'is not set; run Tailgate as a step of a GitHub Actions job')
  }
  const payload = readPayload(env.GITHUB_EVENT_PATH, readFile)
  const top = EventPayloadSchema.safeParse(payload)
  const repositoryPayload = top.success ? top.data.repository : undefined
  const repository = parseRepository(nonEmpty(env.GITHUB_REPOSITORY) ?? repositoryPayload?.full_name)
  const serverUrl = (nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, '')
  const runId = nonEmpty(env.GITHUB_RUN_ID)
  const defaultBranch = repositoryPayload?.default_branch ?? null
  return {
    eventName,
    repository,
    serverUrl,
    apiUrl: (nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/\/+$/, ''),
    runId,
    runAttempt: Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '1', 10) || 1,
    workflow: nonEmpty(env.GITHUB_WORKFLOW),
    workflowFile: workflowFileOf(env.GITHUB_WORKFLOW_REF),
    sha: nonEmpty(env.GITHUB_SHA),
    ref: nonEmpty(env.GITHUB_REF),
    defaultBranch,
    actor: nonEmpty(env.GITHUB_ACTOR),
    runUrl: runId ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}` : null,
    event: parseEvent({ eventName, payload, env, repository, defaultBranch }),
  }
}

function nonEmpty(value: string | undefined): string | null {
  return value !== undefined && value.trim() !== '' ? value.trim() : null
}

function readPayload(path: string | undefined, readFile: (path: string) => string): Record<string, unknown> {
  if (!nonEmpty(path)) return {}
  let text: string
  try {
    text = readFile(path!)
  } catch (error) {
    throw new GitHubContextError('GITHUB_EVENT_PATH', `cannot read '${path}' (${(error as Error).message})`)
  }
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object')
    return value as Record<string, unknown>
  } catch (error) {
    throw new GitHubContextError(
      'GITHUB_EVENT_PATH',
      `'${path}' is not a JSON event payload (${(error as Error).message})`,
    )
  }
}

function parseRepository(fullName: string | null | undefined): RepositoryRef {
  const [owner, repo, ...rest] = (fullName ?? '').split('/')
  if (!owner || !repo || rest.length > 0) {
    throw new GitHubContextError(
      'GITHUB_REPOSITORY',
      `expected 'owner/repo', got '${fullName ?? ''}'; run Tailgate as a step of a GitHub Actions job`,
    )
  }
  return { owner, repo }
}

/** `octo/repo/.github/workflows/perf.yml@refs/heads/main` → `perf.yml`. */
function workflowFileOf(workflowRef: string | undefined): string | null {
  const path = nonEmpty(workflowRef)?.split('@')[0]
  const file = path?.split('/').at(-1)
  return file && /\.ya?ml$/.test(file) ? file : null
}
