// Shared harness of the reliability suite: one simulated workflow step (`node dist/index.js` with the runner's env
// against the fake GitHub) from a profile text and inputs, a spawned child that a test can signal, and the checks
// every scenario repeats (no stack trace, the result file).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseRunResult } from '../../src/results/codec.js'
import type { ErrorClass, RunResult } from '../../src/results/types.js'
import {
  type ActionRun,
  parseFileCommands,
  pullRequestEvent,
  type RunnerEnvironment,
  type RunnerEvent,
  runAction,
  runnerEnv,
} from '../helpers/fake-github/index.js'
import { scratchDir } from '../helpers/scratch-dir.js'

export const ACTION_ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
export const CLI_ENTRY = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
export const BASE_SHA = 'b'.repeat(40)
export const HEAD_SHA = 'c'.repeat(40)
/** Kill a step that has not ended by then: a hang is a failed test, never a stuck suite. */
export const STEP_KILL_MS = 45_000

/** A Node stack frame line ("    at fn (file:1:2)"): a user must never see one. */
export const STACK_FRAME = /^\s+at .+(\(|:\d+:\d+)/m

/**
 * About a second of closed-model load (2 users) with a lenient lag limit, for steps whose run must stay valid on a
 * busy runner: an open-model generator that falls behind its schedule makes the run (rightly) `invalid`, a verdict
 * these steps are not about. 5 ms of think time: without it two users send ~18,000 requests in that second to a
 * server that answers at once, ~1.7 s of CPU per step (the step and the server) that shows nothing; with it ~330
 * requests and ~0.7 s (measured side by side).
 */
export const settledProfile = (options: {
  name: string
  rounds: number
  extra?: string
}): string => `name: ${options.name}
model: constant-vus
vus: 2
warmup: 0s
duration: 1s
rounds: ${options.rounds}
max-event-loop-lag: 10s
requests:
  - { method: GET, path: /, think: 5ms }
${options.extra ?? ''}`

/** A pull_request event on PR 7 (head → base at fixed SHAs). */
export const prEvent = (): RunnerEvent => pullRequestEvent({ number: 7, baseSha: BASE_SHA, headSha: HEAD_SHA })

export interface StepOptions {
  readonly fakeUrl: string
  /** The profile YAML, written to the workspace as tailgate.yml. */
  readonly profile: string
  readonly inputs?: Readonly<Record<string, string>>
  readonly event?: RunnerEvent
  readonly runId?: number
  /** Reuse a scenario directory (a second run of the same workflow); a fresh one by default. */
  readonly scenarioDir?: string
  /** More files to write into the workspace first, by relative path (result files for `mode: report`, ...). */
  readonly files?: Readonly<Record<string, string>>
}

/** Prepares the runner env and the workspace (profile written) for one step. */
export async function prepareStep(options: StepOptions): Promise<RunnerEnvironment> {
  const scenarioDir = options.scenarioDir ?? (await scratchDir('tailgate-rel-'))
  const runner = await runnerEnv({
    fakeUrl: options.fakeUrl,
    scenarioDir,
    event: options.event ?? prEvent(),
    runId: options.runId,
    inputs: { profile: 'tailgate.yml', ...options.inputs },
  })
  await writeFile(join(runner.workspace, 'tailgate.yml'), options.profile)
  for (const [path, text] of Object.entries(options.files ?? {})) await writeFile(join(runner.workspace, path), text)
  return runner
}

/** Runs one step to its end (killed after STEP_KILL_MS) and reads what it wrote. */
export async function runStep(options: StepOptions): Promise<ActionRun & { readonly runner: RunnerEnvironment }> {
  const runner = await prepareStep(options)
  const run = await runAction({ entry: ACTION_ENTRY, runner, timeoutMs: STEP_KILL_MS })
  return { ...run, runner }
}

/** The RunResult the step wrote (output `result-path`), parsed by the real codec; null when there is none. */
export async function resultOf(outputs: Readonly<Record<string, string>>): Promise<RunResult | null> {
  const path = outputs['result-path']
  if (!path || !existsSync(path)) return null
  return parseRunResult(await readFile(path, 'utf8'), path)
}

/** Error counts by class over every round of every endpoint. */
export function errorTotals(result: RunResult): Partial<Record<ErrorClass, number>> {
  const totals: Partial<Record<ErrorClass, number>> = {}
  for (const round of result.endpoints.flatMap((e) => e.rounds)) {
    for (const [errorClass, count] of Object.entries(round.errors) as [ErrorClass, number][]) {
      totals[errorClass] = (totals[errorClass] ?? 0) + count
    }
  }
  return totals
}

/** Requests measured over every round of every endpoint. */
export function requestTotal(result: RunResult): number {
  return result.endpoints.flatMap((e) => e.rounds).reduce((sum, round) => sum + round.requests, 0)
}

/** A spawned process a test can signal, with its output so far and its end. */
export interface LiveProcess {
  readonly child: ChildProcessWithoutNullStreams
  stdout(): string
  stderr(): string
  /** Resolves once stdout or stderr matches `pattern`; rejects after `timeoutMs` or when the process ends first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
  /** The exit, with the time since `markMs` was last set (ms). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; sinceMarkMs: number }>
  /** Marks now (e.g. when a signal is sent). */
  mark(): void
}

/** Spawns `node <args>` in `cwd` with `env` (plus PATH and HOME); killed with SIGKILL after STEP_KILL_MS. */
export function startProcess(options: {
  args: readonly string[]
  cwd: string
  env: Record<string, string>
}): LiveProcess {
  const child = spawn(process.execPath, [...options.args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.stdin.end()
  let out = ''
  let err = ''
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk
    notify()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk
    notify()
  })
  let markMs = performance.now()
  const killer = setTimeout(() => child.kill('SIGKILL'), STEP_KILL_MS)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; sinceMarkMs: number }>((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(killer)
      notify()
      resolve({ code, signal, sinceMarkMs: performance.now() - markMs })
    })
  })
  let ended = false
  void exited.then(() => {
    ended = true
  })
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    mark: () => {
      markMs = performance.now()
    },
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check)
          reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`))
        }, timeoutMs)
        const check = () => {
          if (pattern.test(out) || pattern.test(err)) {
            clearTimeout(timer)
            listeners.delete(check)
            resolve()
          } else if (ended || child.exitCode !== null) {
            clearTimeout(timer)
            listeners.delete(check)
            reject(new Error(`the process ended before printing ${pattern}; stdout:\n${out}\nstderr:\n${err}`))
          }
        }
        listeners.add(check)
        check()
      })
    },
  }
}

/** Spawns the action for `runner` (see startProcess). */
export function startActionProcess(runner: RunnerEnvironment): LiveProcess {
  return startProcess({ args: [ACTION_ENTRY], cwd: runner.workspace, env: runner.env })
}

/** Outputs and summary of a runner env after the step ended (whatever it managed to write). */
export async function stepFiles(
  runner: RunnerEnvironment,
): Promise<{ outputs: Record<string, string>; summary: string }> {
  return {
    outputs: parseFileCommands(await readFile(runner.files.output, 'utf8')),
    summary: await readFile(runner.files.summary, 'utf8'),
  }
}
