// Event details from the webhook payload: pull_request(_target), push, workflow_run, deployment_status; anything
// else is `other`. Throws GitHubContextError naming the payload field when a required part is missing.
import type * as z from 'zod'
import type {
  DeploymentStatusDetails,
  EventDetails,
  PullRequestDetails,
  PushDetails,
  RepositoryRef,
  WorkflowRunDetails,
} from './context.js'
import { GitHubContextError } from './errors.js'
import { DeploymentStatusPayloadSchema, PullRequestPayloadSchema, WorkflowRunPayloadSchema } from './payload.js'

export interface EventInput {
  readonly eventName: string
  readonly payload: Record<string, unknown>
  readonly env: Readonly<Record<string, string | undefined>>
  readonly repository: RepositoryRef
  readonly defaultBranch: string | null
}

/** The typed details of the event, from its payload (and GITHUB_REF/GITHUB_SHA for push). */
export function parseEvent(input: EventInput): EventDetails {
  switch (input.eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return parsePullRequest(input)
    case 'push':
      return parsePush(input)
    case 'workflow_run':
      return parseWorkflowRun(input)
    case 'deployment_status':
      return parseDeploymentStatus(input)
    default:
      return { kind: 'other' }
  }
}

function parseSection<T extends z.ZodType>(schema: T, value: unknown, field: string): z.infer<T> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const path = [field, ...issue.path.map(String)].filter(Boolean).join('.')
  throw new GitHubContextError(
    `event payload '${path}'`,
    `${issue.message}; is GITHUB_EVENT_PATH this event's payload?`,
  )
}

function parsePullRequest({ eventName, payload, repository }: EventInput): PullRequestDetails {
  const pr = parseSection(PullRequestPayloadSchema, payload.pull_request, 'pull_request')
  const headRepository = pr.head.repo?.full_name ?? null
  const baseRepository = pr.base.repo?.full_name ?? `${repository.owner}/${repository.repo}`
  return {
    kind: 'pull_request',
    action: typeof payload.action === 'string' ? payload.action : null,
    number: pr.number,
    baseBranch: pr.base.ref,
    baseSha: pr.base.sha ?? null,
    headSha: pr.head.sha ?? null,
    headBranch: pr.head.ref ?? null,
    headRepository,
    // A deleted fork has head.repo null: treat it as a fork (its token is read-only all the same).
    isFork: headRepository === null ? pr.head.repo === null : headRepository !== baseRepository,
    labels: (pr.labels ?? []).map((l) => l.name),
    target: eventName === 'pull_request_target',
  }
}

function parsePush({ payload, env, defaultBranch }: EventInput): PushDetails {
  const ref = typeof payload.ref === 'string' ? payload.ref : (nonEmpty(env.GITHUB_REF) ?? '')
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null
  const sha = typeof payload.after === 'string' ? payload.after : nonEmpty(env.GITHUB_SHA)
  return { kind: 'push', branch, sha, isDefaultBranch: branch !== null && branch === defaultBranch }
}

function parseWorkflowRun({ payload, repository }: EventInput): WorkflowRunDetails {
  const run = parseSection(WorkflowRunPayloadSchema, payload.workflow_run, 'workflow_run')
  const headRepository = run.head_repository?.full_name ?? null
  const thisRepositoryId = (payload.repository as { id?: unknown } | undefined)?.id
  const refused: string[] = []
  const first = (run.pull_requests ?? []).find((pr) => {
    const base = pr.base?.repo
    const fromUrl = base?.url ? repositoryOfApiUrl(base.url) : null
    const sameRepository =
      fromUrl !== null
        ? fromUrl.toLowerCase() === `${repository.owner}/${repository.repo}`.toLowerCase()
        : base?.id !== undefined && base.id === thisRepositoryId
    if (!sameRepository) {
      refused.push(
        `#${pr.number} targets ${fromUrl ?? 'an unnamed repository'}, not ${repository.owner}/${repository.repo}`,
      )
      return false
    }
    if (pr.head?.sha?.toLowerCase() !== run.head_sha.toLowerCase()) {
      refused.push(
        `#${pr.number}'s head is ${pr.head?.sha?.slice(0, 7) ?? 'unknown'}, not the run's ${run.head_sha.slice(0, 7)}`,
      )
      return false
    }
    return true
  })
  return {
    kind: 'workflow_run',
    runId: run.id,
    workflowName: run.name ?? null,
    triggeringEvent: run.event ?? null,
    conclusion: run.conclusion ?? null,
    headBranch: run.head_branch ?? null,
    headSha: run.head_sha,
    headRepository,
    isFork: headRepository !== null && headRepository !== `${repository.owner}/${repository.repo}`,
    pullRequest: first
      ? { number: first.number, baseBranch: first.base?.ref ?? null, baseSha: first.base?.sha ?? null }
      : null,
    refusedPullRequests: first || refused.length === 0 ? null : `workflow_run.pull_requests: ${refused.join('; ')}`,
  }
}

/** `https://api.github.com/repos/octo/repo` (or a GHES `/api/v3/repos/...`) → `octo/repo`. */
function repositoryOfApiUrl(url: string): string | null {
  const found = /\/repos\/([^/]+)\/([^/?#]+)\/?$/.exec(url)
  return found ? `${found[1]}/${found[2]}` : null
}

function parseDeploymentStatus({ payload, env }: EventInput): DeploymentStatusDetails {
  const parsed = parseSection(DeploymentStatusPayloadSchema, payload, '')
  const status = parsed.deployment_status
  return {
    kind: 'deployment_status',
    state: status.state,
    environmentUrl: nonEmpty(status.environment_url ?? undefined),
    targetUrl: deploymentUrlOrNull(nonEmpty(status.target_url ?? undefined), env.GITHUB_SERVER_URL),
    environment: status.environment ?? parsed.deployment?.environment ?? null,
    sha: parsed.deployment?.sha ?? null,
    ref: parsed.deployment?.ref ?? null,
  }
}

/** An http(s) URL not on GitHub's own server (github.com, its subdomains, or GITHUB_SERVER_URL's host), else null. */
function deploymentUrlOrNull(url: string | null, serverUrl: string | undefined): string | null {
  if (url === null) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  const githubHosts = ['github.com', safeHost(serverUrl)].filter((h): h is string => h !== null)
  const onGitHub = githubHosts.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`))
  return onGitHub ? null : url
}

function safeHost(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null
  } catch {
    return null
  }
}

function nonEmpty(value: string | undefined): string | null {
  return value !== undefined && value.trim() !== '' ? value.trim() : null
}
