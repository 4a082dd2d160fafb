// The environment a GitHub-hosted runner gives a node action, pointed at the fake: GITHUB_* and RUNNER_* variables,
// the event payload file, the file-command files, the runtime token, and INPUT_* variables.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunnerEvent } from './events.js'
import { backendRunId, runtimeToken } from './token.js'

export interface RunnerEnvOptions {
  /** The fake's base URL (no trailing slash). */
  readonly fakeUrl: string
  /**
   * A directory fixed for the whole scenario: RUNNER_TEMP is `<dir>/runner-temp` and GITHUB_WORKSPACE is
   * `<dir>/workspace` on every simulated run (hosted runners use fixed paths, and the cache version hashes them).
   */
  readonly scenarioDir: string
  readonly event: RunnerEvent
  readonly repository?: string
  readonly runId?: number
  readonly runAttempt?: number
  readonly workflow?: string
  /** The workflow file name, e.g. `perf.yml`. */
  readonly workflowFile?: string
  readonly job?: string
  readonly actor?: string
  /** Action inputs by name (`github-token` → `INPUT_GITHUB-TOKEN`, as the runner does). */
  readonly inputs?: Readonly<Record<string, string>>
  /** More variables (override the defaults). */
  readonly extra?: Readonly<Record<string, string>>
}

export interface RunnerFiles {
  readonly eventPath: string
  readonly output: string
  readonly summary: string
  readonly env: string
  readonly state: string
  readonly path: string
}

export interface RunnerEnvironment {
  readonly env: Record<string, string>
  readonly files: RunnerFiles
  readonly workspace: string
  readonly runnerTemp: string
}

/** The runner's input variable name for an input (spaces → `_`, upper case, hyphens kept). */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * Prepares one simulated run: wipes RUNNER_TEMP (a fresh VM), creates the workspace if missing (kept, so a test can
 * put the profile there first), writes the event payload and empty file-command files, and returns the env.
 */
export async function runnerEnv(options: RunnerEnvOptions): Promise<RunnerEnvironment> {
  const repository = options.repository ?? 'octo/repo'
  const runId = options.runId ?? 1001
  const workflowFile = options.workflowFile ?? 'perf.yml'
  const event = options.event
  const runnerTemp = join(options.scenarioDir, 'runner-temp')
  const workspace = join(options.scenarioDir, 'workspace')
  const fileDir = join(runnerTemp, '_runner_file_commands')
  await rm(runnerTemp, { recursive: true, force: true })
  await mkdir(fileDir, { recursive: true })
  await mkdir(workspace, { recursive: true })
  const files: RunnerFiles = {
    eventPath: join(runnerTemp, '_github_workflow', 'event.json'),
    output: join(fileDir, 'set_output'),
    summary: join(fileDir, 'step_summary'),
    env: join(fileDir, 'set_env'),
    state: join(fileDir, 'save_state'),
    path: join(fileDir, 'add_path'),
  }
  await mkdir(join(runnerTemp, '_github_workflow'), { recursive: true })
  await writeFile(files.eventPath, JSON.stringify(event.payload, null, 2))
  for (const file of [files.output, files.summary, files.env, files.state, files.path]) await writeFile(file, '')
  const refName = event.ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\//, '')
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.fakeUrl,
    GITHUB_GRAPHQL_URL: `${options.fakeUrl}/graphql`,
    ACTIONS_RESULTS_URL: `${options.fakeUrl}/`,
    ACTIONS_RUNTIME_URL: `${options.fakeUrl}/`,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RUNTIME_TOKEN: runtimeToken({ runBackendId: backendRunId(runId), cacheScopes: event.cacheScopes }),
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.eventPath,
    GITHUB_SHA: event.sha,
    GITHUB_REF: event.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_BASE_REF: event.baseRef ?? '',
    GITHUB_HEAD_REF: event.headRef ?? '',
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_NUMBER: String(runId),
    GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
    GITHUB_WORKFLOW: options.workflow ?? 'perf',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/${workflowFile}@${event.ref}`,
    GITHUB_JOB: options.job ?? 'gate',
    GITHUB_ACTION: '__self',
    GITHUB_ACTOR: options.actor ?? 'octocat',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(options.scenarioDir, 'tool-cache'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_PATH: files.path,
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputVariable(name)] = value
  return { env: { ...env, ...options.extra }, files, workspace, runnerTemp }
}

/** Sets variables on process.env (for in-process tests); returns a function that restores the previous values. */
export function applyEnv(env: Readonly<Record<string, string>>): () => void {
  const previous = new Map<string, string | undefined>()
  for (const [name, value] of Object.entries(env)) {
    previous.set(name, process.env[name])
    process.env[name] = value
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/** Parses a GITHUB_OUTPUT (or GITHUB_STATE/GITHUB_ENV) file: `name<<delimiter` blocks and `name=value` lines. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const end = lines.indexOf(delimiter!, i + 1)
      values[name!] = lines.slice(i + 1, end < 0 ? undefined : end).join('\n')
      i = end < 0 ? lines.length : end
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      values[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return values
}

/** Reads the outputs an action wrote. */
export async function readOutputs(files: RunnerFiles): Promise<Record<string, string>> {
  return parseFileCommands(await readFile(files.output, 'utf8'))
}
