// The action's real adapters over @actions/core and the GitHub layer: ports of src/action/ports.ts.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import * as core from '@actions/core'
import { findComment, upsertComment } from '../github/comments.js'
import type { GitHubContext, RepositoryRef } from '../github/context.js'
import { acceptLabelStatus } from '../github/labels.js'
import { resolveWorkflowRunPullRequest } from '../github/pull-request.js'
import type { RestClient } from '../github/rest.js'
import type { Log } from '../log.js'
import type { Annotation, CommentPort, FilePort, LabelPort, RunContext } from './ports.js'

/** A Log over @actions/core (info, ::warning::, ::error::, ::debug::). */
export const coreLog: Log = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  debug: (message) => core.debug(message),
}

export function coreAnnotate(annotation: Annotation): void {
  if (annotation.level === 'error') core.error(annotation.message, { title: annotation.title })
  else core.warning(annotation.message, { title: annotation.title })
}

export async function writeJobSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(markdown, true).write()
}

/** Files relative to the workspace (the runner's cwd). */
export function workspaceFiles(workspace: string): FilePort {
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(workspace, path))
  return {
    readText: (path) => readFile(absolute(path), 'utf8'),
    list: (path) => readdir(absolute(path), { recursive: true }).catch(() => null),
    async writeText(path, text) {
      const target = absolute(path)
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, text)
      return target
    },
  }
}

export function commentPort(rest: RestClient, repository: RepositoryRef): CommentPort {
  return {
    async exists(pullRequest, marker) {
      const found = await findComment({ rest, repository, pullRequest, marker })
      return found.kind === 'found'
    },
    async upsert(pullRequest, marker, body) {
      const outcome = await upsertComment({ rest, repository, pullRequest, marker, body })
      return outcome.kind === 'not-posted' ? { kind: 'not-posted', reason: outcome.reason, fix: outcome.fix } : outcome
    },
  }
}

export function labelPort(rest: RestClient, context: GitHubContext, log: Log): LabelPort {
  const payloadLabels = context.event.kind === 'pull_request' ? context.event.labels : null
  return {
    async acceptedBy(pullRequest, label) {
      const status = await acceptLabelStatus({
        rest,
        repository: context.repository,
        pullRequest,
        label,
        payloadLabels,
      })
      for (const warning of status.warnings) log.warning(warning)
      if (!status.applied) return { applied: false, by: null }
      // The bare login (ReportAcceptance.by): the gate and the renderers add the '@' themselves.
      return { applied: true, by: status.appliedBy.kind === 'user' ? status.appliedBy.login : null }
    },
  }
}

/**
 * The Action's view of the run. For workflow_run (the fork-safe report workflow) the PR number comes from the
 * event or the REST API, never from the downloaded artifact.
 */
export async function runContextOf(context: GitHubContext, rest: RestClient | null, log: Log): Promise<RunContext> {
  const base = {
    eventName: context.eventName,
    repository: `${context.repository.owner}/${context.repository.repo}`,
    sha: context.sha,
    defaultBranch: context.defaultBranch,
    runId: context.runId,
    runUrl: context.runUrl,
    workflow: context.workflow,
    deployment: null,
  }
  const event = context.event
  switch (event.kind) {
    case 'pull_request':
      return {
        ...base,
        branch: event.headBranch,
        sha: event.headSha ?? context.sha,
        pullRequest: {
          number: event.number,
          baseBranch: event.baseBranch,
          baseSha: event.baseSha,
          headSha: event.headSha,
          fromFork: event.isFork,
        },
      }
    case 'push':
      return { ...base, branch: event.branch, sha: event.sha ?? context.sha, pullRequest: null }
    case 'deployment_status':
      return {
        ...base,
        branch: event.ref,
        sha: event.sha ?? context.sha,
        pullRequest: null,
        deployment: { state: event.state, url: event.environmentUrl, sha: event.sha },
      }
    case 'workflow_run':
      return { ...base, ...(await workflowRunContext(context, event, rest, log)) }
    case 'other':
      return { ...base, branch: refToBranch(context.ref), pullRequest: null }
  }
}

/** workflow_run: the PR comes from the event or the REST API, never from the downloaded artifact. */
async function workflowRunContext(
  context: GitHubContext,
  event: Extract<GitHubContext['event'], { kind: 'workflow_run' }>,
  rest: RestClient | null,
  log: Log,
): Promise<Pick<RunContext, 'branch' | 'sha' | 'pullRequest'>> {
  const found = rest
    ? await resolveWorkflowRunPullRequest({ rest, repository: context.repository, workflowRun: event })
    : ({ kind: 'none', reason: 'no token' } as const)
  if (found.kind === 'none') log.warning(`No pull request found for this workflow_run: ${found.reason}`)
  return {
    branch: event.headBranch,
    sha: event.headSha,
    pullRequest:
      found.kind === 'found'
        ? {
            number: found.number,
            baseBranch: found.baseBranch ?? context.defaultBranch ?? 'main',
            baseSha: found.baseSha,
            headSha: event.headSha,
            fromFork: event.isFork,
          }
        : null,
  }
}

function refToBranch(ref: string | null): string | null {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null
}
