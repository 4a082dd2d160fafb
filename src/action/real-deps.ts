// Builds the action's real dependencies (ActionDeps) from the runner's environment: @actions/core for inputs,
// outputs, summary and annotations; Octokit for comments and labels; the baseline stores; the load engine.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import type { createBaselineStores } from '../baseline/orchestrate.js'
import type { ActionSettings } from '../config/inputs.js'
import { type GitHubContext, parseGitHubContext } from '../github/context.js'
import { memoizedIdentity, tokenIdentity } from '../github/identity.js'
import type { RestClient } from '../github/rest.js'
import { createCommitsBehind, createRunLookup } from '../github/runs.js'
import { localEnvironment } from '../load/environment.js'
import { logProgress } from '../load/progress.js'
import type { GitContext, RunEnvironment } from '../results/types.js'
import {
  commentPort,
  coreAnnotate,
  coreLog,
  labelPort,
  runContextOf,
  workspaceFiles,
  writeJobSummary,
} from './adapters.js'
import { createMeasuredResults } from './measured-results.js'
import type { ActionDeps, BaselinePort, CommentPort } from './ports.js'
import { artifactReportUpload } from './report-upload.js'

/** The HTML report's upload gets this long; the verdict never waits longer on it. */
const REPORT_UPLOAD_TIMEOUT_MS = 60_000

const noComments: CommentPort = {
  exists: async () => false,
  upsert: async () => ({ kind: 'skipped', reason: 'no github-token input' }),
}

/** The real ActionDeps for this process; `signal` aborts the load (SIGINT/SIGTERM). */
export async function createActionDeps(signal: AbortSignal): Promise<ActionDeps> {
  const github = parseGitHubContext({ env: process.env, readFile: (path) => readFileSync(path, 'utf8') })
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  // The signal cancels GitHub calls in flight too: a cancelled job must not wait on a hung API. Octokit (with
  // @actions/github's own undici) is imported on the first GitHub call, after the first log line; a workflow_run
  // event needs it at once (its pull request is looked up to build the context).
  const rest = token
    ? once(async () =>
        (await import('../github/rest.js')).createRestClient({ token, baseUrl: github.apiUrl, log: coreLog, signal }),
      )
    : null
  const context = await runContextOf(
    github,
    rest && github.event.kind === 'workflow_run' ? await rest() : null,
    coreLog,
  )
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const environment = localEnvironment(process.env.RUNNER_NAME ?? null)
  const git = {
    repository: context.repository,
    ref: github.ref,
    branch: context.branch,
    sha: context.sha,
    runId: context.runId,
    workflow: context.workflow,
  }
  return {
    readInput: (name) => core.getInput(name),
    log: coreLog,
    context,
    outputs: { set: (name, value) => core.setOutput(name, value) },
    writeSummary: writeJobSummary,
    annotate: coreAnnotate,
    fail: (message) => core.setFailed(message),
    files: workspaceFiles(workspace),
    ...measurePorts(environment, git),
    registerSecret: (secret) => core.setSecret(secret),
    env: process.env,
    workspace,
    baselines: (settings) =>
      baselinePort(settings, {
        machine: { cpuModel: environment.cpuModel, cores: environment.cores },
        github: async () => (rest ? runServices(await rest(), token, github) : null),
        currentRunId: github.runId,
      }),
    ...pullRequestPorts(rest, token, github),
    reportUpload: artifactReportUpload({
      runUrl: context.runUrl,
      timeoutMs: REPORT_UPLOAD_TIMEOUT_MS,
      env: process.env,
    }),
    signal,
  }
}

/** The load engine (undici and all) is imported when a mode measures, not before the first log line. */
function measurePorts(environment: RunEnvironment, git: GitContext): Pick<ActionDeps, 'measure' | 'measureLiveAb'> {
  const onProgress = logProgress(coreLog)
  return {
    measure: async (profile, options) =>
      (await import('../capacity/measure.js')).measureProfile({
        profile,
        signal: options.signal,
        log: coreLog,
        environment,
        git,
        onProgress,
      }),
    measureLiveAb: async (profile, options) =>
      (await import('../capacity/measure.js')).measureLiveAbProfile({
        profile,
        baselineTarget: options.baselineTarget,
        candidateTarget: profile.target,
        signal: options.signal,
        log: coreLog,
        environment,
        git,
        onProgress,
      }),
  }
}

/**
 * Restore and save over the stores the inputs select; the runner's temp directory holds the downloaded files. The
 * stores (and the RunResult codec with hdr-histogram-js under them) are imported on first use, after the first log line.
 */
function baselinePort(
  settings: ActionSettings,
  services: Omit<StoreServices, 'workDir' | 'github'> & { readonly github: () => Promise<StoreServices['github']> },
): BaselinePort {
  const load = once(async () => {
    const [orchestrate, github] = await Promise.all([import('../baseline/orchestrate.js'), services.github()])
    const stores = orchestrate.createBaselineStores(
      {
        store: settings.baselineStore,
        path: settings.baselinePath,
        timeoutMs: settings.baselineTimeoutMs,
        waitMs: settings.baselineWaitMs,
      },
      { ...services, github, workDir: process.env.RUNNER_TEMP ?? tmpdir() },
    )
    return { orchestrate, stores }
  })
  return {
    restore: async (query) => {
      const { orchestrate, stores } = await load()
      return orchestrate.restoreBaseline({ stores, query })
    },
    save: async (result, history, query) => {
      const { orchestrate, stores } = await load()
      return orchestrate.saveBaseline({ stores, result, history, query })
    },
  }
}

type StoreServices = Parameters<typeof createBaselineStores>[1]

/** `load` runs once, on the first call; every call gets its promise. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () => {
    pending ??= load()
    return pending
  }
}

/** The PR's comment (as the token's own author), its labels, and its measured results kept for label changes. */
function pullRequestPorts(
  rest: (() => Promise<RestClient>) | null,
  token: string,
  github: GitHubContext,
): Pick<ActionDeps, 'comments' | 'labels' | 'measuredResults'> {
  const workDir = process.env.RUNNER_TEMP ?? tmpdir()
  const currentRunId = github.runId
  if (!rest) {
    return {
      comments: noComments,
      labels: { acceptedBy: async () => ({ applied: false, by: null }) },
      measuredResults: createMeasuredResults({ workDir, github: null, currentRunId }),
    }
  }
  // Each port is built on its first call, once Octokit is loaded.
  const ports = once(async () => {
    const client = await rest()
    const author = memoizedIdentity(() => tokenIdentity({ rest: client, token }))
    return {
      comments: commentPort(client, github.repository, author, coreLog),
      labels: labelPort(client, github, coreLog),
      measuredResults: createMeasuredResults({ workDir, github: runServices(client, token, github), currentRunId }),
    }
  })
  return {
    comments: {
      exists: async (pullRequest, marker) => (await ports()).comments.exists(pullRequest, marker),
      upsert: async (pullRequest, marker, body) => (await ports()).comments.upsert(pullRequest, marker, body),
    },
    labels: { acceptedBy: async (pullRequest, label) => (await ports()).labels.acceptedBy(pullRequest, label) },
    measuredResults: {
      save: async (name, files) => (await ports()).measuredResults.save(name, files),
      latest: async (name, headSha) => (await ports()).measuredResults.latest(name, headSha),
    },
  }
}

/** The GitHub services the baseline stores use: finding earlier runs and their artifacts, commits between SHAs. */
function runServices(rest: RestClient, token: string, github: GitHubContext) {
  const { repository, workflowFile } = github
  return {
    lookup: createRunLookup({ rest, repository, workflowFile }),
    commitsBehind: createCommitsBehind({ rest, repository }),
    token,
    repository,
  }
}
