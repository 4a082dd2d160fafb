// Runs a documented workflow the way a GitHub-hosted runner would, against the fake GitHub: the trigger is matched
// against `on:`, jobs run in `needs` order (a matrix expands into one job per combination), each on a fresh machine
// (the same absolute paths every time, like a hosted VM), `if:` conditions and `${{ }}` expressions are evaluated, and
// the steps run:
// - `uses:` Tailgate (`./` or `…/tailgate@…`): `node dist/index.js` with every input of action.yml (defaults
//   included, as the runner passes them), the step's `env:` and the runner's environment;
// - `actions/upload-artifact` / `actions/download-artifact`: artifact-step.mjs with the real @actions/artifact client;
// - `actions/checkout`: the repository's files into the workspace; `actions/setup-node`: nothing (Node is there);
// - any other `uses:` only through an emulation the test passes (e.g. a deploy action that prints a URL);
// - `run:`: bash (`bash --noprofile --norc -eo pipefail`, as on ubuntu-latest), with jq and curl on PATH.
// Outputs, GITHUB_ENV, step outcomes and job results flow as on GitHub. When the run ends it is recorded in the
// fake as a completed workflow run, so later workflows (workflow_run, baselines from artifacts) find it.
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import {
  type Annotation,
  type FakeGitHub,
  parseAnnotations,
  parseFileCommands,
  type RunnerEvent,
  runnerEnv,
} from '../fake-github/index.js'
import { spawnCollected } from '../fake-github/run-action.js'
import type { DocumentedWorkflow } from './documented.js'
import { condition, type ExpressionContext, interpolate, type Value } from './expressions.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const ENTRY = join(ROOT, 'dist/index.js')
/** artifact-step.mjs, bundled by the suite's global setup when it ran (much faster to start), else as it is. */
const ARTIFACT_STEP =
  process.env.TAILGATE_ARTIFACT_STEP ?? fileURLToPath(new URL('./artifact-step.mjs', import.meta.url))
const ACTION_INPUTS = (
  parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> }
).inputs

interface StepYaml {
  readonly id?: string
  readonly name?: string
  readonly if?: string | boolean
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
  readonly env?: Record<string, unknown>
  readonly 'working-directory'?: string
  readonly 'continue-on-error'?: boolean
}

interface JobYaml {
  readonly if?: string | boolean
  readonly needs?: string | readonly string[]
  readonly env?: Record<string, unknown>
  readonly strategy?: { readonly matrix?: Record<string, readonly Value[]> }
  readonly steps: readonly StepYaml[]
}

interface WorkflowYaml {
  readonly name?: string
  readonly on: unknown
  readonly env?: Record<string, unknown>
  readonly jobs: Record<string, JobYaml>
}

/** What an emulated action did: its outputs, and whether it failed. */
export interface EmulatedStep {
  readonly outputs?: Readonly<Record<string, string>>
  readonly failed?: boolean
}

export interface HarnessOptions {
  readonly fake: FakeGitHub
  /** A directory fixed for the scenario: every job's RUNNER_TEMP and GITHUB_WORKSPACE live under it. */
  readonly machineDir: string
  /** The repository's files (path → text), written into the workspace by `actions/checkout`. */
  readonly repository: Readonly<Record<string, string>>
  /** `owner/repo` (default: the repository of the event's payload). */
  readonly repositoryName?: string
  readonly secrets?: Readonly<Record<string, string>>
  /** The workflow's `github.token` (default `ghs_…`, an installation token like GITHUB_TOKEN). */
  readonly token?: string
  /**
   * Documented URLs or host:ports mapped to loopback ones (the runner would reach the documented hosts; tests only
   * ever send load to 127.0.0.1), applied to the evaluated `with:` and `env:` of every step.
   */
  readonly hosts?: Readonly<Record<string, string>>
  /** Extra variables for every step (e.g. PORT for the app that `npm start` starts). */
  readonly env?: Readonly<Record<string, string>>
  /** Actions other than Tailgate, checkout, setup-node and the artifact actions, by `uses` without the version. */
  readonly emulate?: Readonly<
    Record<
      string,
      (inputs: Readonly<Record<string, string>>, env: Readonly<Record<string, string>>) => Promise<EmulatedStep>
    >
  >
  /** Node binary for node actions (default: this process's). */
  readonly nodePath?: string
}

export interface StepRun {
  readonly name: string
  readonly outcome: 'success' | 'failure' | 'skipped'
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Readonly<Record<string, string>>
  readonly summary: string
  readonly annotations: readonly Annotation[]
}

export interface JobRun {
  readonly id: string
  readonly matrix: Readonly<Record<string, Value>> | null
  readonly result: 'success' | 'failure' | 'skipped'
  readonly steps: readonly StepRun[]
}

export interface WorkflowRun {
  readonly runId: number
  readonly triggered: boolean
  readonly conclusion: 'success' | 'failure' | 'skipped'
  readonly jobs: readonly JobRun[]
  /** The Tailgate steps of every job, in order (the usual thing to assert on). */
  readonly tailgate: readonly StepRun[]
}

/**
 * Runs `workflow` for `event` as run `runId`, then records it in the fake as a completed run.
 * @example await runWorkflow(documented('README.md', 'perf report'), workflowRun, { ...harness, runId: 2 })
 */
export async function runWorkflow(
  documentedWorkflow: DocumentedWorkflow,
  event: RunnerEvent,
  options: HarnessOptions & { readonly runId: number },
): Promise<WorkflowRun> {
  const workflow = parse(documentedWorkflow.text) as WorkflowYaml
  const name = workflow.name ?? documentedWorkflow.file
  if (!triggers(workflow.on, event))
    return { runId: options.runId, triggered: false, conclusion: 'skipped', jobs: [], tailgate: [] }
  const jobs: JobRun[] = []
  const results = new Map<string, { result: JobRun['result']; outputs: Record<string, string> }>()
  for (const jobId of jobOrder(workflow.jobs)) {
    const job = workflow.jobs[jobId]!
    const needs = [job.needs ?? []].flat()
    const needsContext = Object.fromEntries(
      needs.map((n) => [n, { result: results.get(n)?.result ?? 'skipped', outputs: results.get(n)?.outputs ?? {} }]),
    )
    const combos = matrixOf(job)
    const instances: JobRun[] = []
    for (const matrix of combos) {
      const base = baseContexts({ options, event, name, jobId, matrix, needs: needsContext })
      const neededFailed = needs.some((n) => results.get(n)?.result !== 'success')
      const run = condition(job.if, { contexts: base, failed: neededFailed })
        ? await runJob({ job, jobId, matrix, workflow, documentedWorkflow, event, options, base })
        : { id: jobId, matrix, result: 'skipped' as const, steps: [] }
      instances.push(run)
    }
    jobs.push(...instances)
    const result = instances.some((j) => j.result === 'failure')
      ? 'failure'
      : instances.every((j) => j.result === 'skipped')
        ? 'skipped'
        : 'success'
    results.set(jobId, { result, outputs: {} })
  }
  const conclusion = jobs.some((j) => j.result === 'failure')
    ? 'failure'
    : jobs.every((j) => j.result === 'skipped')
      ? 'skipped'
      : 'success'
  recordRun(options, event, documentedWorkflow, name, conclusion)
  const tailgate = jobs.flatMap((j) => j.steps.filter((s) => s.name.startsWith('tailgate')))
  return { runId: options.runId, triggered: true, conclusion, jobs, tailgate }
}

function jobOrder(jobs: Record<string, JobYaml>): string[] {
  const order: string[] = []
  const visit = (id: string) => {
    if (order.includes(id)) return
    for (const need of [jobs[id]?.needs ?? []].flat()) visit(need)
    order.push(id)
  }
  for (const id of Object.keys(jobs)) visit(id)
  return order
}

function matrixOf(job: JobYaml): (Record<string, Value> | null)[] {
  const matrix = job.strategy?.matrix
  if (!matrix) return [null]
  let combos: Record<string, Value>[] = [{}]
  for (const [key, values] of Object.entries(matrix)) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value })))
  }
  return combos
}

/** Whether `on:` fires for this event (event name, activity types, branch filters, workflow_run's workflows). */
export function triggers(on: unknown, event: RunnerEvent): boolean {
  const spec: Record<string, unknown> =
    typeof on === 'string'
      ? { [on]: null }
      : Array.isArray(on)
        ? Object.fromEntries(on.map((e) => [e, null]))
        : (on as Record<string, unknown>)
  if (!(event.name in spec)) return false
  const filter = (spec[event.name] ?? {}) as { types?: string[]; branches?: string[]; workflows?: string[] }
  const action = event.payload.action as string | undefined
  const defaultTypes: Record<string, string[]> = { pull_request: ['opened', 'synchronize', 'reopened'] }
  const types = filter.types ?? defaultTypes[event.name]
  if (types && action && !types.includes(action)) return false
  if (filter.branches) {
    const branch = event.name === 'pull_request' ? event.baseRef : event.ref.replace(/^refs\/heads\//, '')
    if (!filter.branches.some((b) => b === branch || b === '*' || b === '**')) return false
  }
  if (filter.workflows) {
    const name = (event.payload.workflow_run as { name?: string } | undefined)?.name
    if (!name || !filter.workflows.includes(name)) return false
  }
  return true
}

interface ContextArgs {
  readonly options: HarnessOptions & { readonly runId: number }
  readonly event: RunnerEvent
  readonly name: string
  readonly jobId: string
  readonly matrix: Record<string, Value> | null
  readonly needs: Record<string, Value>
}

function repositoryOf(options: HarnessOptions, event: RunnerEvent): string {
  return (
    options.repositoryName ?? (event.payload.repository as { full_name?: string } | undefined)?.full_name ?? 'octo/repo'
  )
}

function baseContexts({ options, event, name, jobId, matrix, needs }: ContextArgs): Record<string, Value> {
  const repository = repositoryOf(options, event)
  const refName = event.ref.replace(/^refs\/(heads|tags)\//, '')
  return {
    github: {
      event: event.payload as Value,
      event_name: event.name,
      repository,
      repository_owner: repository.split('/')[0]!,
      token: options.token ?? HARNESS_TOKEN,
      sha: event.sha,
      ref: event.ref,
      ref_name: refName,
      base_ref: event.baseRef ?? '',
      head_ref: event.headRef ?? '',
      run_id: String(options.runId),
      run_number: String(options.runId),
      run_attempt: '1',
      workflow: name,
      job: jobId,
      actor: 'octocat',
      server_url: 'https://github.com',
      api_url: options.fake.url,
    },
    matrix: matrix ?? {},
    needs,
    secrets: { GITHUB_TOKEN: options.token ?? HARNESS_TOKEN, ...options.secrets },
    vars: {},
    runner: { os: 'Linux', arch: 'X64', temp: join(options.machineDir, 'runner-temp') },
    env: {},
    steps: {},
    job: { status: 'success' },
  }
}

/** The workflow's `github.token`: an installation token, like GITHUB_TOKEN. */
export const HARNESS_TOKEN = 'ghs_harness_token'

interface JobArgs {
  readonly job: JobYaml
  readonly jobId: string
  readonly matrix: Record<string, Value> | null
  readonly workflow: WorkflowYaml
  readonly documentedWorkflow: DocumentedWorkflow
  readonly event: RunnerEvent
  readonly options: HarnessOptions & { readonly runId: number }
  readonly base: Record<string, Value>
}

async function runJob(args: JobArgs): Promise<JobRun> {
  const { job, jobId, matrix, workflow, documentedWorkflow, event, options, base } = args
  // A fresh machine: the workspace and RUNNER_TEMP are wiped (runnerEnv wipes RUNNER_TEMP).
  await rm(join(options.machineDir, 'workspace'), { recursive: true, force: true })
  const runner = await runnerEnv({
    fakeUrl: options.fake.url,
    scenarioDir: options.machineDir,
    event,
    repository: repositoryOf(options, event),
    runId: options.runId,
    workflow: workflow.name ?? documentedWorkflow.file,
    workflowFile: documentedWorkflow.file,
    job: jobId,
    extra: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...options.env },
  })
  const steps: StepRun[] = []
  const stepsContext: Record<string, Value> = {}
  let failed = false
  let addedEnv: Record<string, string> = {}
  const contextsNow = (): ExpressionContext => ({ contexts: { ...base, steps: { ...stepsContext } }, failed })
  const evalEnv = (env: Record<string, unknown> | undefined) =>
    Object.fromEntries(
      Object.entries(env ?? {}).map(([k, v]) => [k, mapHosts(interpolate(String(v), contextsNow()), options)]),
    )
  const jobEnv = { ...evalEnv(workflow.env), ...evalEnv(job.env) }
  for (const [index, step] of job.steps.entries()) {
    const label = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index + 1}`
    if (!condition(step.if, contextsNow())) {
      steps.push(skipped(label))
      if (step.id) stepsContext[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' }
      continue
    }
    const files = await stepFiles(runner.runnerTemp, index)
    const env: Record<string, string> = {
      ...runner.env,
      ...jobEnv,
      ...addedEnv,
      ...evalEnv(step.env),
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_ENV: files.env,
      GITHUB_ACTION: step.id ?? `__run_${index}`,
    }
    const inputs = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([k, v]) => [k, mapHosts(interpolate(String(v), contextsNow()), options)]),
    )
    const result = await runStep({ step, label, env, inputs, runner, options, context: contextsNow() })
    const outputs = parseFileCommands(await readFile(files.output, 'utf8'))
    addedEnv = { ...addedEnv, ...parseFileCommands(await readFile(files.env, 'utf8')) }
    const emulatedOutputs = result.outputs ?? {}
    const run: StepRun = {
      name: result.name,
      outcome: result.exitCode === 0 ? 'success' : 'failure',
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      outputs: { ...outputs, ...emulatedOutputs },
      summary: await readFile(files.summary, 'utf8'),
      annotations: parseAnnotations(result.stdout),
    }
    steps.push(run)
    if (step.id) stepsContext[step.id] = { outputs: run.outputs, outcome: run.outcome, conclusion: run.outcome }
    if (run.outcome === 'failure' && !step['continue-on-error']) failed = true
  }
  return { id: jobId, matrix, result: failed ? 'failure' : 'success', steps }
}

function skipped(name: string): StepRun {
  return { name, outcome: 'skipped', exitCode: null, stdout: '', stderr: '', outputs: {}, summary: '', annotations: [] }
}

async function stepFiles(runnerTemp: string, index: number) {
  const dir = join(runnerTemp, '_runner_file_commands')
  await mkdir(dir, { recursive: true })
  const files = {
    output: join(dir, `set_output_${index}`),
    summary: join(dir, `step_summary_${index}`),
    env: join(dir, `set_env_${index}`),
  }
  for (const file of Object.values(files)) await writeFile(file, '')
  return files
}

function mapHosts(text: string, options: HarnessOptions): string {
  let mapped = text
  for (const [documentedHost, local] of Object.entries(options.hosts ?? {}))
    mapped = mapped.split(documentedHost).join(local)
  return mapped
}

interface StepArgs {
  readonly step: StepYaml
  readonly label: string
  readonly env: Record<string, string>
  readonly inputs: Record<string, string>
  readonly runner: Awaited<ReturnType<typeof runnerEnv>>
  readonly options: HarnessOptions
  readonly context: ExpressionContext
}

interface StepResult {
  readonly name: string
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs?: Readonly<Record<string, string>>
}

/** ubuntu-latest has these; `.ci/run` installs them when missing. */
const RUN_STEP_TOOLS = ['bash', 'jq', 'curl'] as const

function requireTools(): void {
  const path = (process.env.PATH ?? '').split(':')
  for (const tool of RUN_STEP_TOOLS) {
    if (!path.some((dir) => existsSync(join(dir, tool)))) {
      throw new Error(
        `the workflow harness runs run: steps with ${tool}, which is not on PATH: apt-get install ${tool}`,
      )
    }
  }
}

async function runStep({ step, label, env, inputs, runner, options, context }: StepArgs): Promise<StepResult> {
  const workspace = runner.workspace
  if (step.run !== undefined) {
    requireTools()
    const script = join(runner.runnerTemp, `step-${Math.random().toString(36).slice(2)}.sh`)
    await writeFile(script, interpolate(step.run, context))
    const cwd = step['working-directory'] ? resolve(workspace, step['working-directory']) : workspace
    return {
      name: `run: ${label}`,
      ...(await spawnStep('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], env, cwd)),
    }
  }
  const uses = step.uses ?? ''
  const action = uses.split('@')[0]!
  if (uses === './' || /(^|\/)tailgate$/.test(action)) {
    const inputEnv: Record<string, string> = {}
    for (const [name, spec] of Object.entries(ACTION_INPUTS)) {
      const value = name in inputs ? inputs[name]! : interpolate(String(spec.default ?? ''), context)
      inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
    }
    const unknown = Object.keys(inputs).filter((name) => !(name in ACTION_INPUTS))
    if (unknown.length > 0) throw new Error(`${label}: inputs not in action.yml: ${unknown.join(', ')}`)
    return {
      name: `tailgate${step.id ? ` (${step.id})` : ''}`,
      ...(await spawnStep(options.nodePath ?? process.execPath, [ENTRY], { ...env, ...inputEnv }, workspace)),
    }
  }
  if (action === 'actions/checkout') {
    for (const [path, text] of Object.entries(options.repository)) {
      await mkdir(dirname(join(workspace, path)), { recursive: true })
      await writeFile(join(workspace, path), text)
    }
    return {
      name: uses,
      exitCode: 0,
      stdout: `checked out ${Object.keys(options.repository).length} files\n`,
      stderr: '',
    }
  }
  if (action === 'actions/setup-node')
    return { name: uses, exitCode: 0, stdout: `node ${process.version}\n`, stderr: '' }
  if (action === 'actions/upload-artifact' || action === 'actions/download-artifact') {
    const command = action.endsWith('upload-artifact') ? 'upload' : 'download'
    return {
      name: uses,
      ...(await spawnStep(
        options.nodePath ?? process.execPath,
        [ARTIFACT_STEP, command, JSON.stringify(inputs)],
        env,
        workspace,
      )),
    }
  }
  const emulation = options.emulate?.[action]
  if (!emulation) throw new Error(`the harness cannot run '${uses}': pass an emulation for '${action}'`)
  const done = await emulation(inputs, env)
  return { name: uses, exitCode: done.failed ? 1 : 0, stdout: '', stderr: '', outputs: done.outputs ?? {} }
}

async function spawnStep(command: string, args: readonly string[], env: Record<string, string>, cwd: string) {
  const { exitCode, stdout, stderr } = await spawnCollected({ command, args, cwd, env, timeoutMs: 120_000 })
  return { exitCode, stdout, stderr }
}

/** The run, as GitHub lists it afterwards (REST workflow runs, workflow_run's source). */
function recordRun(
  options: HarnessOptions & { readonly runId: number },
  event: RunnerEvent,
  documentedWorkflow: DocumentedWorkflow,
  name: string,
  conclusion: WorkflowRun['conclusion'],
): void {
  const payload = event.payload as {
    pull_request?: { number: number; head: { ref: string; sha: string; repo?: { full_name?: string } | null } }
    deployment?: { ref?: string; sha?: string }
  }
  const repository = repositoryOf(options, event)
  const pr = payload.pull_request
  const head = pr
    ? { headBranch: pr.head.ref, headSha: pr.head.sha, headRepository: pr.head.repo?.full_name ?? repository }
    : payload.deployment
      ? {
          headBranch: payload.deployment.ref ?? '',
          headSha: payload.deployment.sha ?? event.sha,
          headRepository: repository,
        }
      : { headBranch: event.ref.replace(/^refs\/heads\//, ''), headSha: event.sha, headRepository: repository }
  options.fake.state.addWorkflowRun({
    id: options.runId,
    name,
    path: `.github/workflows/${documentedWorkflow.file}`,
    event: event.name,
    status: 'completed',
    conclusion: conclusion === 'skipped' ? 'skipped' : conclusion,
    ...head,
    pullRequests: pr && head.headRepository === repository ? [pr.number] : [],
  })
}
