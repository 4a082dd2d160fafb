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
  // The signal cancels GitHub calls in flight too: a cancelled job must not wait on a hung API.
  // Octokit (with its own undici) is imported only with a token, after the runner's environment was read.
  const rest = token
    ? (await import('../github/rest.js')).createRestClient({ token, baseUrl: github.apiUrl, log: coreLog, signal })
    : null
  const context = await runContextOf(github, rest, coreLog)
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
        github: rest ? runServices(rest, token, github) : null,
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
  services: Omit<Parameters<typeof createBaselineStores>[1], 'workDir'>,
): BaselinePort {
  let loaded: Promise<{ orchestrate: typeof import('../baseline/orchestrate.js'); stores: BaselineStores }> | undefined
  const load = () => {
    loaded ??= import('../baseline/orchestrate.js').then((orchestrate) => ({
      orchestrate,
      stores: orchestrate.createBaselineStores(
        {
          store: settings.baselineStore,
          path: settings.baselinePath,
          timeoutMs: settings.baselineTimeoutMs,
          waitMs: settings.baselineWaitMs,
        },
        { ...services, workDir: process.env.RUNNER_TEMP ?? tmpdir() },
      ),
    }))
    return loaded
  }
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

type BaselineStores = ReturnType<typeof createBaselineStores>

/** The GitHub services the baseline stores use: finding earlier runs and their artifacts, commits between SHAs. */
/** The PR's comment (as the token's own author), its labels, and its measured results kept for label changes. */
function pullRequestPorts(
  rest: RestClient | null,
  token: string,
  github: GitHubContext,
): Pick<ActionDeps, 'comments' | 'labels' | 'measuredResults'> {
  const author = memoizedIdentity(() => (rest ? tokenIdentity({ rest, token }) : Promise.reject(new Error('no token'))))
  return {
    comments: rest ? commentPort(rest, github.repository, author, coreLog) : noComments,
    labels: rest ? labelPort(rest, github, coreLog) : { acceptedBy: async () => ({ applied: false, by: null }) },
    measuredResults: createMeasuredResults({
      workDir: process.env.RUNNER_TEMP ?? tmpdir(),
      github: rest ? runServices(rest, token, github) : null,
      currentRunId: github.runId,
    }),
  }
}

function runServices(rest: RestClient, token: string, github: GitHubContext) {
  const { repository, workflowFile } = github
  return {
    lookup: createRunLookup({ rest, repository, workflowFile }),
    commitsBehind: createCommitsBehind({ rest, repository }),
    token,
    repository,
  }
}
