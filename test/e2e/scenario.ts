// Shared pieces of the GitHub end-to-end tests: the bundled entry, a short real load profile, synthetic result
// files for `mode: report`, and one call that prepares the runner's environment and runs `node dist/index.js`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serializeRunResult } from '../../src/results/codec.js'
import type { RunResult } from '../../src/results/types.js'
import { type ActionRun, type RunnerEvent, runAction, runnerEnv } from '../helpers/fake-github/index.js'
import { nodeRuntimes } from '../helpers/node-binaries.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'

/** The action bundle, rebuilt by test/global-setup.ts before the suite. */
export const ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

/**
 * Node 20, where the heavy scenarios run (vitest itself may run on Node 24 under `npx`, which puts
 * node_modules/.bin/node first on PATH, so this process's Node is not the default).
 */
export const NODE_20 = nodeRuntimes().find((runtime) => runtime.major === 20)?.path ?? process.execPath

/** Made-up commits: main's history (oldest first) and PR heads. */
export const SHAS = {
  mainA: 'a1'.repeat(20),
  mainB: 'b2'.repeat(20),
  mainC: 'c3'.repeat(20),
  head: 'd4'.repeat(20),
  forkHead: 'e5'.repeat(20),
  otherHead: 'f6'.repeat(20),
} as const

/**
 * About 2.1 s of real load on the sample server: 6 rounds of 0.3 s after a 0.3 s warm-up, gated on p50. A closed
 * model (virtual users): on a busy runner an open model's schedule falls behind, and the latency it then measures
 * from the intended send times (no coordinated omission) grew +1,963 % for an unchanged PR under load 13, while
 * these runs prove the GitHub wiring, not the runner's health. The event-loop lag limit is raised from 50 ms to 1 s
 * for the same reason (an invalid run would turn every verdict into `invalid`). `vus` changes the fingerprint.
 */
export function shortProfile(options: { readonly vus?: number } = {}): string {
  return `name: e2e
model: constant-vus
vus: ${options.vus ?? 4}
warmup: 300ms
duration: 1.8s
rounds: 6
max-event-loop-lag: 1s
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
gate:
  metrics: [p50]
`
}

/** Per-round centres (ms) of the synthetic results: a little round-to-round variation, like a real runner. */
const ROUND_CENTRES_MS = [20, 20.2, 19.8, 20.1, 19.9, 20.05] as const

/**
 * A synthetic RunResult (two endpoints, 6 rounds of 40 requests) whose latencies are the base centres × `factor`
 * for GET /api/search (GET /api/users stays put). Two calls with the same factor give equivalent results.
 */
export function syntheticResult(options: {
  readonly searchFactor: number
  readonly git?: Partial<RunResult['git']>
}): RunResult {
  const base = syntheticRun([
    { name: 'GET /api/users/{id}', roundsMs: ROUND_CENTRES_MS.map((c) => spreadMs(40, c / 3)) },
    { name: 'GET /api/search', roundsMs: ROUND_CENTRES_MS.map((c) => spreadMs(40, c * options.searchFactor)) },
  ])
  return { ...base, profileId: 'e2e', git: { ...base.git, ...options.git } }
}

const created: string[] = []

/** A fresh scenario directory (RUNNER_TEMP and GITHUB_WORKSPACE live under it on every run of the scenario). */
export async function scenarioDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tailgate-e2e-${label}-`))
  created.push(dir)
  return dir
}

/** Removes every scenario directory this test file created (call it in afterAll). */
export async function removeScenarioDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

export interface ScenarioRun {
  readonly fakeUrl: string
  readonly scenario: string
  readonly event: RunnerEvent
  readonly inputs: Readonly<Record<string, string>>
  readonly runId?: number
  /** Files to write into the workspace first, by relative path (the profile, downloaded result files, ...). */
  readonly files?: Readonly<Record<string, string>>
  /** Node binary (default: NODE_20). */
  readonly nodePath?: string
}

/** Prepares the runner's environment for one simulated job, writes the workspace files, and runs the bundle. */
export async function runScenario(options: ScenarioRun): Promise<ActionRun> {
  const runner = await runnerEnv({
    fakeUrl: options.fakeUrl,
    scenarioDir: options.scenario,
    event: options.event,
    inputs: options.inputs,
    ...(options.runId === undefined ? {} : { runId: options.runId }),
  })
  for (const [path, text] of Object.entries(options.files ?? {})) await writeFile(join(runner.workspace, path), text)
  return runAction({ entry: ENTRY, runner, timeoutMs: 60_000, nodePath: options.nodePath ?? NODE_20 })
}

/** The two files a `mode: report` run compares, serialized as the measuring run writes them. */
export function resultFiles(candidate: RunResult, baseline: RunResult): Record<string, string> {
  return { 'result.json': serializeRunResult(candidate), 'baseline.json': serializeRunResult(baseline) }
}

/** A stack trace in the output means a user-facing failure leaked an exception. */
export const STACK_TRACE = /\n\s+at /
