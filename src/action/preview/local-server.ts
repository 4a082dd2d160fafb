// Runs the workflow author's `start-command` (e.g. `npm start`) as the target, waits until it is ready, and stops
// its whole process group afterwards. The command is the user's own input, trusted like a `run:` step; it must
// never be built from a PR comment, a PR body, a server response or any other text a PR author controls.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { stat } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { ConfigError } from '../../config/errors.js'
import type { Log } from '../../log.js'
import { TARGET_INPUTS } from './input-names.js'
import { LocalServerError } from './local-server-error.js'
import { createOutputRing } from './output-ring.js'
import { groupExists, type StopOutcome, signalGroup, terminateGroup } from './process-group.js'
import { type ReadinessOptions, type ReadyReport, TargetNotReadyError, waitForReady } from './readiness.js'
import { noRedaction, type Redactor } from './redact.js'

export interface LocalServerOptions {
  /** The `start-command` input, run as `/bin/sh -c <command>`. Only ever the workflow author's own input. */
  readonly command: string
  /** The `start-cwd` input: the working directory (must exist). Default: the current directory. */
  readonly cwd?: string
  /** The server's whole environment. Default: `serverEnvironment(process.env)`. */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly log: Log
  /** How to tell it is ready (URL, health path, timeout...). The log, signal and redactor are this call's. */
  readonly readiness: Omit<ReadinessOptions, 'log' | 'signal' | 'redact'>
  /** Applied to the command and to every output line before they reach a log or an error. */
  readonly redact?: Redactor
  /** Time between SIGTERM and SIGKILL when stopping, in milliseconds. Default 5000. */
  readonly graceMs?: number
  /** Output lines kept for error messages. Default 100. */
  readonly outputLines?: number
  /** Aborting stops the server and rejects. */
  readonly signal?: AbortSignal
}

/** A started, ready local server. */
export interface LocalServer {
  /** The shell's pid, which is also the process group id. */
  readonly pid: number
  readonly ready: ReadyReport
  /** The last output lines (stdout and stderr), redacted. */
  output(): string[]
  /**
   * Stops the whole process group: SIGTERM now (synchronously), SIGKILL after the grace period. Idempotent (every
   * call returns the same promise), never rejects, safe to call from a signal handler.
   */
  stop(): Promise<StopOutcome>
  /** SIGKILL to the group, synchronously; for a `process.on('exit')` hook, where nothing asynchronous runs. */
  killNow(): void
}

export { LocalServerError } from './local-server-error.js'

export const DEFAULT_GRACE_MS = 5000
export const DEFAULT_OUTPUT_LINES = 100
/** Output lines quoted in an error message (the ring keeps more for the log). */
const QUOTED_LINES = 20

type Exit = { readonly code: number | null; readonly signal: NodeJS.Signals | null }

/**
 * Starts `command` in its own process group (`detached: true`), waits for readiness while watching for an early
 * exit, and returns a handle whose `stop()` the caller must run at the end whatever happens (finally block and
 * signal handlers). On any failure (spawn error, exit before ready, not ready in time, abort) the group is stopped
 * before the promise rejects, with a LocalServerError quoting the exit code and the last output lines.
 * @example
 * const server = await startLocalServer({ command: 'npm start', log, readiness: { url: new URL('http://127.0.0.1:3000') } })
 * try { await measure() } finally { await server.stop() }
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  options.signal?.throwIfAborted()
  const redact = options.redact ?? noRedaction
  const command = options.command.trim()
  if (command === '') {
    throw new ConfigError(
      TARGET_INPUTS.startCommand,
      'is empty',
      'write the command that starts your server, e.g. npm start',
    )
  }
  if (options.cwd !== undefined) await checkDirectory(options.cwd)

  const ring = createOutputRing(options.outputLines ?? DEFAULT_OUTPUT_LINES, redact)
  const { pid, exited, closed } = await spawnGroup(command, options, ring, redact)
  const stop = stopper(pid, options.graceMs ?? DEFAULT_GRACE_MS, exited)
  options.log.info(redact(`Started '${TARGET_INPUTS.startCommand}' (process group ${pid}): ${command}`))

  const controller = new AbortController()
  const onAbort = () => controller.abort(options.signal?.reason)
  options.signal?.addEventListener('abort', onAbort, { once: true })
  const readiness = waitForReady({ ...options.readiness, log: options.log, redact, signal: controller.signal })
  readiness.catch(() => {}) // observed below; this keeps an abort after an early exit from being unhandled
  try {
    const first = await Promise.race([readiness.then((ready) => ({ ready })), exited.then((exit) => ({ exit }))])
    if ('exit' in first) {
      controller.abort()
      await stop()
      await Promise.race([closed, delay(1000, undefined, { ref: false })]) // the last lines, when the pipes drain
      throw new LocalServerError(earlyExitMessage(command, first.exit, ring.lines(), redact), ring.lines())
    }
    const killNow = () => {
      signalGroup(pid, 'SIGKILL')
    }
    return { pid, ready: first.ready, output: () => ring.lines(), stop, killNow }
  } catch (error) {
    controller.abort()
    await stop()
    if (error instanceof LocalServerError) throw error
    if (error instanceof TargetNotReadyError) {
      throw new LocalServerError(`${error.message}${quote(ring.lines())}`, ring.lines())
    }
    throw error
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
  }
}

/** Spawns `command` under /bin/sh in its own process group, its output into `ring`; rejects when it cannot start. */
async function spawnGroup(
  command: string,
  options: LocalServerOptions,
  ring: ReturnType<typeof createOutputRing>,
  redact: Redactor,
): Promise<{ readonly pid: number; readonly exited: Promise<Exit>; readonly closed: Promise<unknown> }> {
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: options.cwd,
    env: { ...(options.env ?? serverEnvironment(process.env)) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const spawnError = once(child, 'spawn').then(
    () => null,
    (error: Error) => error,
  )
  const closed = once(child, 'close').catch(() => {})
  child.on('error', (error) => options.log.debug(redact(`start-command process error: ${error.message}`)))
  child.stdout?.on('data', (chunk: Buffer) => ring.push('stdout', chunk))
  child.stderr?.on('data', (chunk: Buffer) => ring.push('stderr', chunk))
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))

  const failedToSpawn = await spawnError
  if (failedToSpawn !== null || child.pid === undefined) {
    throw new LocalServerError(
      redact(`'${TARGET_INPUTS.startCommand}' could not be started: ${failedToSpawn?.message}`),
      [],
    )
  }
  return { pid: child.pid, exited, closed }
}

/** Variables the server must not inherit: the action's inputs (the token among them) and the runner's tokens. */
const PRIVATE_VARIABLE =
  /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_CACHE_URL$|ACTIONS_RESULTS_URL$)/

/**
 * The environment a started server gets: the action's own minus its inputs (`INPUT_GITHUB-TOKEN` is there) and the
 * runner's service tokens, which a server has no use for.
 * @example serverEnvironment({ PATH: '/bin', 'INPUT_GITHUB-TOKEN': 'x' }) // => { PATH: '/bin' }
 */
export function serverEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !PRIVATE_VARIABLE.test(name)) kept[name] = value
  }
  return kept
}

/**
 * An idempotent stop of group `pid`: the first call signals, every call returns the same promise. It resolves once
 * the group is gone and the shell itself has been reaped (`exited`, bounded to 1 s), so its pid no longer exists.
 */
function stopper(pid: number, graceMs: number, exited: Promise<unknown>): () => Promise<StopOutcome> {
  let stopping: Promise<StopOutcome> | undefined
  return () => {
    stopping ??= (groupExists(pid) ? terminateGroup(pid, graceMs) : Promise.resolve<StopOutcome>('terminated')).then(
      async (outcome) => {
        await Promise.race([exited, delay(1000, undefined, { ref: false })])
        return outcome
      },
    )
    return stopping
  }
}

async function checkDirectory(cwd: string): Promise<void> {
  const info = await stat(cwd).catch(() => null)
  if (info === null || !info.isDirectory()) {
    throw new ConfigError(
      TARGET_INPUTS.startCwd,
      `'${cwd}' is not a directory`,
      'write a directory relative to the workspace',
    )
  }
}

function earlyExitMessage(command: string, exit: Exit, lines: readonly string[], redact: Redactor): string {
  const how = exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`
  return redact(
    `'${TARGET_INPUTS.startCommand}' (${command}) ${how} before the target was ready; no load was sent; fix the command or its '${TARGET_INPUTS.startCwd}'`,
  ).concat(quote(lines))
}

function quote(lines: readonly string[]): string {
  if (lines.length === 0) return '\n(the command wrote no output)'
  const shown = lines.slice(-QUOTED_LINES)
  return `\nlast ${shown.length} output line${shown.length === 1 ? '' : 's'}:\n${shown.map((line) => `  ${line}`).join('\n')}`
}
