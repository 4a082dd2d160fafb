// startLocalServer with real child processes: a node server on a free loopback port, group stop, early exits.

import { readdirSync } from 'node:fs'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import {
  LocalServerError,
  type LocalServerOptions,
  serverEnvironment,
  startLocalServer,
} from '../../../src/action/preview/local-server.js'
import { processStat } from '../../../src/action/preview/process-group.js'
import { createRedactor } from '../../../src/action/preview/redact.js'
import { ConfigError } from '../../../src/config/errors.js'
import { memoryLog } from '../../../src/log.js'
import { refusedUrl } from '../../helpers/servers.js'
import { SECRET, secretLeaks } from './secret.js'

const NODE = JSON.stringify(process.execPath)

/** `node -e <code>` for /bin/sh; the code must not contain single quotes. */
const nodeEval = (code: string) => `${NODE} -e '${code}'`

const SERVER = nodeEval(
  'const http = require("http"); const status = Number(process.env.STATUS || 200);' +
    ' http.createServer((q, r) => { r.statusCode = status; r.end("ok") })' +
    '.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening on " + process.env.PORT))',
)
/** A helper the server's shell leaves running in the same process group; it prints its pid. */
const HELPER = nodeEval('console.log("helper pid " + process.pid); setInterval(() => {}, 1000)')

/** A free loopback port (nothing listens there now) and the options to start a server on it (PORT set). */
async function serverOn(overrides: Partial<LocalServerOptions> = {}, env: Record<string, string> = {}) {
  const url = await refusedUrl()
  const log = memoryLog()
  const options: LocalServerOptions = {
    command: SERVER,
    env: { ...process.env, PORT: url.port, ...env },
    log,
    readiness: { url, timeoutMs: 15_000 },
    ...overrides,
  }
  return { url, log, options }
}

/** Running: the process exists and is not a zombie. */
const running = (pid: number) => {
  const stat = processStat(pid)
  return stat !== null && stat.state !== 'Z'
}

/** Pids of the group's running (non-zombie) processes, read from /proc independently of the code under test. */
const runningInGroup = (groupId: number) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => processStat(pid)?.groupId === groupId && running(Number(pid)))

const pidIn = (lines: readonly string[]) => Number(lines.find((l) => l.startsWith('helper pid '))?.slice(11))

describe('startLocalServer', () => {
  it('starts a server, waits until it answers, and stop() ends its whole process group', async () => {
    // Given a start command that leaves a helper process running next to the server
    const { url, log, options } = await serverOn({ command: `${HELPER} & exec ${SERVER}` })

    // When it is started and then stopped
    const server = await startLocalServer(options)
    onTestFinished(() => server.killNow())
    const response = await fetch(url)
    // The helper starts beside the server: on a busy runner the server may answer before the helper has printed.
    const helperPid = await vi.waitFor(
      () => {
        const pid = pidIn(server.output())
        if (!(pid > 0)) throw new Error('the helper has not printed its pid yet')
        return pid
      },
      { timeout: 15_000, interval: 50 },
    )
    const outcome = await server.stop()

    // Then it answered, logged its start, and neither the server nor the helper exists any more
    expect(response.status).toBe(200)
    expect(server.ready.attempts).toBeGreaterThanOrEqual(1)
    expect(server.output()).toContain(`listening on ${url.port}`)
    expect(log.lines[0]?.message).toMatch(/^Started 'start-command' \(process group \d+\)/)
    expect(outcome).toBe('terminated')
    expect(helperPid).toBeGreaterThan(0)
    expect(() => process.kill(server.pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }))
    expect(running(helperPid)).toBe(false)
    expect(runningInGroup(server.pid)).toEqual([])
  })

  it('stop() is idempotent: every call returns the same promise', async () => {
    const { options } = await serverOn()
    const server = await startLocalServer(options)

    const first = server.stop()
    const second = server.stop()

    expect(second).toBe(first)
    await expect(first).resolves.toBe('terminated')
    await expect(server.stop()).resolves.toBe('terminated')
  })

  it('kills a server that ignores SIGTERM once the grace period is over', async () => {
    const stubborn = nodeEval(
      'process.on("SIGTERM", () => console.log("ignoring SIGTERM"));' +
        ' require("http").createServer((q, r) => r.end()).listen(Number(process.env.PORT), "127.0.0.1")',
    )
    const { options } = await serverOn({ command: `exec ${stubborn}`, graceMs: 300 })
    const server = await startLocalServer(options)

    const outcome = await server.stop()

    expect(outcome).toBe('killed')
    expect(running(server.pid)).toBe(false)
  })

  it('fails with the exit code and the last output lines when the command exits before it is ready', async () => {
    // Given a command that prints a secret it was given, an error, and exits 3
    const { options } = await serverOn(
      {
        command: 'echo "starting with token $TOKEN"; echo "Error: Cannot find module server.js" >&2; exit 3',
        redact: createRedactor([SECRET]),
      },
      { TOKEN: SECRET },
    )

    // When it is started
    const error = await startLocalServer(options).catch((e: unknown) => e)

    // Then the error quotes the exit code and the output, with the secret masked
    expect(error).toBeInstanceOf(LocalServerError)
    const message = (error as LocalServerError).message
    expect(message).toContain('exited with code 3 before the target was ready; no load was sent')
    expect(message).toContain('Error: Cannot find module server.js')
    expect(message).toContain('starting with token ***')
    expect(secretLeaks({ message, output: (error as LocalServerError).output.join('\n') })).toEqual([])
  })

  it('stops the group and quotes the output when the server never becomes ready', async () => {
    const { options } = await serverOn(
      {
        command: `${HELPER} & exec ${SERVER}`,
      },
      { STATUS: '503' },
    )

    const error = await startLocalServer({ ...options, readiness: { ...options.readiness, timeoutMs: 1000 } }).catch(
      (e: unknown) => e,
    )

    expect(error).toBeInstanceOf(LocalServerError)
    const { message, output } = error as LocalServerError
    expect(message).toContain('last answer: HTTP 503')
    expect(message).toMatch(/last \d+ output lines?:\n {2}/)
    expect(pidIn(output)).toBeGreaterThan(0)
    expect(running(pidIn(output))).toBe(false)
  })

  it('stops the group when the run is cancelled while waiting', async () => {
    const controller = new AbortController()
    const { log, options } = await serverOn(
      {
        command: `${HELPER} & exec ${SERVER}`,
        signal: controller.signal,
      },
      { STATUS: '503' },
    )
    setTimeout(() => controller.abort(new Error('run cancelled')), 500)

    const error = await startLocalServer(options).catch((e: unknown) => e)

    expect(error).toEqual(new Error('run cancelled'))
    const groupId = Number(/process group (\d+)/.exec(log.lines[0]?.message ?? '')?.[1])
    expect(groupId).toBeGreaterThan(0)
    expect(runningInGroup(groupId)).toEqual([])
  })

  it.each([
    { what: 'an empty command', overrides: { command: '  ' }, message: /'start-command': is empty/ },
    {
      what: 'a working directory that does not exist',
      overrides: { cwd: '/nonexistent/tailgate-app' },
      message: /'start-cwd': '\/nonexistent\/tailgate-app' is not a directory/,
    },
  ])('rejects $what with a ConfigError before starting anything', async ({ overrides, message }) => {
    const { options } = await serverOn(overrides)

    const attempt = startLocalServer(options)

    await expect(attempt).rejects.toThrow(ConfigError)
    await expect(attempt).rejects.toThrow(message)
  })
})

describe('serverEnvironment', () => {
  it("drops the action's inputs and the runner's service tokens, keeps the rest", () => {
    const env = serverEnvironment({
      PATH: '/usr/bin',
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'jwt',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      GITHUB_SHA: 'abc',
      UNSET: undefined,
    })

    expect(env).toEqual({ PATH: '/usr/bin', GITHUB_SHA: 'abc' })
  })
})
