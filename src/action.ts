// The action entry (bundled to dist/index.js): wire the real adapters, run the pipeline once.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import { createBaselineStores, restoreBaseline, saveBaseline } from './baseline/orchestrate.js'
import { localEnvironment } from './cli/environment.js'
import {
  commentPort,
  coreAnnotate,
  coreLog,
  labelPort,
  runContextOf,
  workspaceFiles,
  writeJobSummary,
} from './github/action-adapters.js'
import { parseGitHubContext } from './github/context.js'
import { createRestClient } from './github/rest.js'
import { runLoad } from './load/run-load.js'
import { messageOf } from './log.js'
import { runAction } from './pipeline/action-run.js'
import type { CommentPort } from './pipeline/ports.js'

const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    core.warning(`${signal} received: stopping the load and writing the partial result`)
    controller.abort(new Error(`cancelled (${signal})`))
  })
}

try {
  const github = parseGitHubContext({ env: process.env, readFile: (path) => readFileSync(path, 'utf8') })
  const token = core.getInput('github-token')
  const rest = token ? createRestClient({ token, baseUrl: github.apiUrl, log: coreLog }) : null
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
  const noComments: CommentPort = {
    exists: async () => false,
    upsert: async () => ({ kind: 'skipped', reason: 'no github-token input' }),
  }
  await runAction({
    readInput: (name) => core.getInput(name),
    log: coreLog,
    context,
    outputs: { set: (name, value) => core.setOutput(name, value) },
    writeSummary: writeJobSummary,
    annotate: coreAnnotate,
    fail: (message) => core.setFailed(message),
    files: workspaceFiles(workspace),
    measure: (profile, { signal }) =>
      runLoad({
        profile,
        signal,
        log: coreLog,
        environment,
        git,
        onProgress: (p) =>
          core.info(
            `${p.phase} ${(p.elapsedMs / 1000).toFixed(0)}/${(p.plannedMs / 1000).toFixed(0)} s: ${p.ratePerSecond.toFixed(0)} req/s, p95 ${(p.p95Us / 1000).toFixed(1)} ms, ${p.totalErrors} errors`,
          ),
      }),
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
    signal: controller.signal,
  })
} catch (error) {
  // Only a broken runner environment gets here (runAction itself never throws).
  core.setFailed(`Tailgate could not start: ${messageOf(error)}`)
}
