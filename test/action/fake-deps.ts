// Fake ActionDeps for scenario tests of the pipeline: everything in memory, the measure step returns given runs.

import type { ActionDeps, Annotation, CommentResult, RunContext } from '../../src/action/ports.js'
import type { RestoreOutcome, SaveOutcome } from '../../src/baseline/types.js'
import { memoryLog } from '../../src/log.js'
import type { RunResult } from '../../src/results/types.js'

export interface FakeDepsOptions {
  readonly inputs: Record<string, string>
  readonly context: RunContext
  readonly candidate: RunResult
  readonly restore?: RestoreOutcome
  readonly commentResult?: CommentResult
  readonly existingComment?: boolean
  readonly label?: { applied: boolean; by: string | null }
  readonly env?: Record<string, string>
}

export function fakeDeps(options: FakeDepsOptions) {
  const log = memoryLog()
  const outputs = new Map<string, string>()
  const files = new Map<string, string>()
  const annotations: Annotation[] = []
  const comments: { pullRequest: number; marker: string; body: string }[] = []
  const saved: RunResult[] = []
  const secrets: string[] = []
  let summary = ''
  let failure: string | null = null
  let measured = 0
  const deps: ActionDeps = {
    readInput: (name) => options.inputs[name] ?? '',
    log,
    context: options.context,
    outputs: { set: (name, value) => outputs.set(name, value) },
    writeSummary: async (markdown) => {
      summary += markdown
    },
    annotate: (annotation) => annotations.push(annotation),
    fail: (message) => {
      failure = message
    },
    files: {
      readText: async (path) => {
        const text = files.get(path)
        if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
        return text
      },
      list: async (path) => {
        const prefix = `${path.replace(/\/$/, '')}/`
        const under = [...files.keys()]
          .filter((name) => name.startsWith(prefix))
          .map((name) => name.slice(prefix.length))
        return under.length > 0 ? under : null
      },
      writeText: async (path, text) => {
        files.set(path, text)
        return `/workspace/${path}`
      },
    },
    measure: async () => {
      measured++
      return options.candidate
    },
    measureLiveAb: async () => {
      measured++
      return { baseline: options.candidate, candidate: options.candidate }
    },
    registerSecret: (secret) => secrets.push(secret),
    env: options.env ?? {},
    workspace: '/workspace',
    baselines: () => ({
      restore: async () => {
        const outcome = options.restore ?? { kind: 'missing', reason: 'no baseline saved for main yet', warnings: [] }
        return {
          outcome,
          lines: outcome.kind === 'found' ? ['Baseline: main at bbbbbbb'] : [`No baseline: ${outcome.reason}`],
        }
      },
      save: async (result) => {
        saved.push(result)
        const outcome: SaveOutcome = { kind: 'saved', reference: 'cache key tailgate-v1-x', warnings: [] }
        return { outcome, lines: ['Saved this run as the baseline of main: cache key tailgate-v1-x'] }
      },
    }),
    comments: {
      exists: async () => options.existingComment ?? false,
      upsert: async (pullRequest, marker, body) => {
        comments.push({ pullRequest, marker, body })
        return options.commentResult ?? { kind: 'created', url: `https://github.com/o/r/pull/${pullRequest}#c1` }
      },
    },
    labels: { acceptedBy: async () => options.label ?? { applied: false, by: null } },
    signal: new AbortController().signal,
  }
  return {
    deps,
    log,
    outputs,
    files,
    annotations,
    comments,
    saved,
    secrets,
    summary: () => summary,
    failure: () => failure,
    measured: () => measured,
  }
}

/** A restore outcome that found `result` in the cache: main's baseline at the exact base SHA. */
export const found = (result: RunResult) =>
  ({
    kind: 'found',
    result,
    history: [],
    source: {
      store: 'cache',
      reference: 'tailgate-v1-fp-main-bbbb',
      branch: 'main',
      sha: 'b'.repeat(40),
      exactSha: true,
      measuredAt: result.startedAt,
      commitsBehind: 0,
      runId: '40',
    },
    warnings: [],
  }) as const

export function pullRequestContext(number: number): RunContext {
  return {
    eventName: 'pull_request',
    repository: 'octo/app',
    branch: 'feature',
    sha: 'c'.repeat(40),
    defaultBranch: 'main',
    runId: '42',
    runUrl: 'https://github.com/octo/app/actions/runs/42',
    workflow: 'perf',
    pullRequest: { number, baseBranch: 'main', baseSha: 'b'.repeat(40), headSha: 'c'.repeat(40), fromFork: false },
    deployment: null,
  }
}

export function pushContext(branch = 'main'): RunContext {
  return {
    eventName: 'push',
    repository: 'octo/app',
    branch,
    sha: 'b'.repeat(40),
    defaultBranch: 'main',
    runId: '41',
    runUrl: 'https://github.com/octo/app/actions/runs/41',
    workflow: 'perf',
    pullRequest: null,
    deployment: null,
  }
}
