// Builds the action's real dependencies (ActionDeps) from the runner's environment: @actions/core for inputs,
// outputs, summary and annotations; Octokit for comments and labels; the baseline stores; the load engine.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import { createBaselineStores, restoreBaseline, saveBaseline } from '../baseline/orchestrate.js'
import { measureProfile } from '../capacity/measure.js'
import { parseGitHubContext } from '../github/context.js'
import { createRestClient } from '../github/rest.js'
import { localEnvironment } from '../load/environment.js'
import { runLiveAb } from '../load/live-ab.js'
import type { ProgressSnapshot } from '../load/types.js'
import {
  commentPort,
  coreAnnotate,
  coreLog,
  labelPort,
  runContextOf,
  workspaceFiles,
  writeJobSummary,
} from './adapters.js'
import type { ActionDeps, CommentPort } from './ports.js'

const noComments: CommentPort = {
  exists: async () => false,
  upsert: async () => ({ kind: 'skipped', reason: 'no github-token input' }),
}

function progressLine(p: ProgressSnapshot): string {
  const elapsed = `${(p.elapsedMs / 1000).toFixed(0)}/${(p.plannedMs / 1000).toFixed(0)} s`
  return `${p.phase} ${elapsed}: ${p.ratePerSecond.toFixed(0)} req/s, p95 ${(p.p95Us / 1000).toFixed(1)} ms, ${p.totalErrors} errors`
}

/** The real ActionDeps for this process; `signal` aborts the load (SIGINT/SIGTERM). */
export async function createActionDeps(signal: AbortSignal): Promise<ActionDeps> {
  const github = parseGitHubContext({ env: process.env, readFile: (path) => readFileSync(path, 'utf8') })
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  // The signal cancels GitHub calls in flight too: a cancelled job must not wait on a hung API.
  const rest = token ? createRestClient({ token, baseUrl: github.apiUrl, log: coreLog, signal }) : null
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
  const onProgress = (p: ProgressSnapshot) => core.info(progressLine(p))
  return {
    readInput: (name) => core.getInput(name),
    log: coreLog,
    context,
    outputs: { set: (name, value) => core.setOutput(name, value) },
    writeSummary: writeJobSummary,
    annotate: coreAnnotate,
    fail: (message) => core.setFailed(message),
    files: workspaceFiles(workspace),
    measure: (profile, options) =>
      measureProfile({ profile, signal: options.signal, log: coreLog, environment, git, onProgress }),
    measureLiveAb: (profile, options) =>
      runLiveAb({
        profile,
        baselineTarget: options.baselineTarget,
        candidateTarget: profile.target,
        signal: options.signal,
        log: coreLog,
        environment,
        git,
        onProgress,
      }),
    registerSecret: (secret) => core.setSecret(secret),
    env: process.env,
    workspace,
    baselines: (settings) => {
      const stores = createBaselineStores(
        {
          store: settings.baselineStore,
          path: settings.baselinePath,
          timeoutMs: settings.baselineTimeoutMs,
          waitMs: settings.baselineWaitMs,
        },
        {
          machine: { cpuModel: environment.cpuModel, cores: environment.cores },
          workDir: process.env.RUNNER_TEMP ?? tmpdir(),
          github: rest ? { rest, token, repository: github.repository, workflowFile: github.workflowFile } : null,
          currentRunId: github.runId,
        },
      )
      return {
        restore: (query) => restoreBaseline({ stores, query }),
        save: (result, history, query) => saveBaseline({ stores, result, history, query }),
      }
    },
    comments: rest ? commentPort(rest, github.repository) : noComments,
    labels: rest ? labelPort(rest, github, coreLog) : { acceptedBy: async () => ({ applied: false, by: null }) },
    signal,
  }
}
