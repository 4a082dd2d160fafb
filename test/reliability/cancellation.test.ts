// Cancellation, end to end: SIGTERM (what the runner sends when a job is cancelled, SIGKILL following a few seconds
// later) to `node dist/index.js` during the load, during the baseline restore and during the comment post, and to
// `node dist/cli.js run` during the load. Each must exit within 10 s without a stack trace; a run cut short during
// the load writes its partial result; a server started with start-command is stopped with it.
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it, type TestContext } from 'vitest'
import { parseRunResult } from '../../src/results/codec.js'
import { type FakeGitHub, startFakeGitHub } from '../helpers/fake-github/index.js'
import { HEALTH_PATH, startHealthy } from '../helpers/fault-servers.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { refusedUrl } from '../helpers/servers.js'
import {
  BASE_SHA,
  CLI_ENTRY,
  type LiveProcess,
  prepareStep,
  STACK_FRAME,
  settledProfile,
  startActionProcess,
  startProcess,
  stepFiles,
} from './harness.js'

/** The bound: a cancelled step is gone within 10 s of SIGTERM. */
const EXIT_WITHIN_MS = 10_000

type Teardown = TestContext['onTestFinished']

/** A load far longer than the test: only the signal can end it in time. */
const longProfile = (durationS: number) => `name: cancel
model: constant-arrival-rate
rate: 40/s
warmup: 0s
duration: ${durationS}s
rounds: 5
max-event-loop-lag: 2s
requests: [GET /]
`

/** For a step cancelled after its load: its verdict must come from the comparison (no-baseline), not `invalid`. */
const SETTLED_PROFILE = settledProfile({ name: 'cancel', rounds: 5 })

async function startFake(onTestFinished: Teardown): Promise<FakeGitHub> {
  const fake = await startFakeGitHub()
  onTestFinished(() => fake.close())
  return fake
}

/** Sends SIGTERM, marks the time, and waits for the exit; SIGKILL and a failed bound if it does not come. */
async function terminate(process: LiveProcess) {
  process.mark()
  process.child.kill('SIGTERM')
  const exit = await Promise.race([process.exited, delay(EXIT_WITHIN_MS + 5000).then(() => null)])
  if (exit === null) process.child.kill('SIGKILL')
  return exit
}

/**
 * How long a step may take to reach the phase a test cancels it in: at load 16 (a CPU hog, the other reliability files
 * starting dozens of steps beside it) one took over 20 s to reach its comment post.
 */
const REACH_PHASE_MS = 40_000

/** Polls until `condition` holds (or fails after `timeoutMs`). */
async function until(condition: () => boolean, what: string, timeoutMs = REACH_PHASE_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(50)
  }
}

function expectNoStackTrace(process: LiveProcess) {
  expect(process.stdout()).not.toMatch(STACK_FRAME)
  expect(process.stderr()).not.toMatch(STACK_FRAME)
}

// Room for reaching the phase and the 10 s bound (plus SIGKILL's 5 s) in each test.
describe.concurrent('SIGTERM', { timeout: REACH_PHASE_MS + EXIT_WITHIN_MS + 10_000 }, () => {
  it('during the load: the action exits within 10 s and writes the partial result', async ({ onTestFinished }) => {
    // Given a PR step loading a healthy server for 60 s,
    const fake = await startFake(onTestFinished)
    const server = await startHealthy()
    onTestFinished(() => server.close())
    const runner = await prepareStep({
      fakeUrl: fake.url,
      profile: longProfile(60),
      inputs: { target: server.url.href, 'health-path': HEALTH_PATH, 'baseline-store': 'file', comment: 'never' },
    })
    const action = startActionProcess(runner)
    onTestFinished(() => void action.child.kill('SIGKILL'))
    await action.waitFor(/^Load: /m)
    await until(() => server.requests() > 20, 'load requests')

    // when the runner cancels the job,
    const exit = await terminate(action)

    // then the step is gone within 10 s, failed, with the partial result written and no stack trace.
    expect(exit, 'no exit within the bound').not.toBeNull()
    expect(exit!.sinceMarkMs).toBeLessThan(EXIT_WITHIN_MS)
    expect(exit!.code).toBe(1)
    expectNoStackTrace(action)
    const { outputs } = await stepFiles(runner)
    expect(outputs['result-path']).toBeDefined()
    const result = parseRunResult(await readFile(outputs['result-path']!, 'utf8'), 'result.json')
    expect(result.completion.status).toBe('partial')
    expect(result.completion.status === 'partial' && result.completion.reason).toMatch(/SIGTERM/)
    // and no load is sent after the exit.
    const sent = server.requests()
    await delay(300)
    expect(server.requests()).toBe(sent)
  })

  it('during the load: tailgate run exits 130 within 10 s with the partial result', async ({ onTestFinished }) => {
    const server = await startHealthy()
    onTestFinished(() => server.close())
    const dir = await scratchDir('tailgate-cancel-cli-')
    await writeFile(join(dir, 'tailgate.yml'), longProfile(60))
    const cli = startProcess({
      args: [CLI_ENTRY, 'run', 'tailgate.yml', '--target', server.url.href, '--out', 'result.json', '--quiet'],
      cwd: dir,
      env: {},
    })
    onTestFinished(() => void cli.child.kill('SIGKILL'))
    await until(() => server.requests() > 20, 'load requests')

    const exit = await terminate(cli)

    expect(exit, 'no exit within the bound').not.toBeNull()
    expect(exit!.sinceMarkMs).toBeLessThan(EXIT_WITHIN_MS)
    expect(exit!.code).toBe(130)
    expectNoStackTrace(cli)
    const result = parseRunResult(await readFile(join(dir, 'result.json'), 'utf8'), 'result.json')
    expect(result.completion.status).toBe('partial')
  })

  it('during the load: a server started with start-command is stopped too', async ({ onTestFinished }) => {
    // Given a step that starts its own target (a node server writing its pid) and loads it for 60 s,
    const fake = await startFake(onTestFinished)
    const port = Number((await refusedUrl()).port)
    const runner = await prepareStep({
      fakeUrl: fake.url,
      profile: longProfile(60),
      inputs: {
        target: `http://127.0.0.1:${port}`,
        'start-command': `node server.mjs ${port}`,
        'health-path': '/health',
        'baseline-store': 'file',
        comment: 'never',
      },
      files: { 'server.mjs': SERVER_SCRIPT },
    })
    const pidFile = join(runner.workspace, 'server.pid')
    const action = startActionProcess(runner)
    onTestFinished(() => void action.child.kill('SIGKILL'))
    await action.waitFor(/^Load: /m)
    const serverPid = Number(await readFile(pidFile, 'utf8'))
    onTestFinished(() => killQuietly(serverPid))
    expect(isAlive(serverPid)).toBe(true)

    // when the job is cancelled,
    const exit = await terminate(action)

    // then the step exits within 10 s and the server it started is gone.
    expect(exit, 'no exit within the bound').not.toBeNull()
    expect(exit!.sinceMarkMs).toBeLessThan(EXIT_WITHIN_MS)
    expectNoStackTrace(action)
    await until(() => !isAlive(serverPid), 'the started server to stop', 3000)
  })

  // The pipeline abandons service calls on cancellation (src/action/cancellation.ts), whatever baseline-timeout is.
  it('during the baseline restore (cache hanging): the action exits within 10 s', async ({ onTestFinished }) => {
    // Given a PR step whose cache service hangs, with the default 60 s baseline-timeout,
    const fake = await startFake(onTestFinished)
    fake.fail.hang('cache')
    const server = await startHealthy()
    onTestFinished(() => server.close())
    const runner = await prepareStep({
      fakeUrl: fake.url,
      profile: longProfile(1),
      inputs: {
        target: server.url.href,
        'health-path': HEALTH_PATH,
        'baseline-store': 'cache',
        'github-token': 'fake-token',
        comment: 'never',
      },
    })
    const action = startActionProcess(runner)
    onTestFinished(() => void action.child.kill('SIGKILL'))
    await until(() => fake.state.requestsTo('cache').length > 0, 'the cache restore')

    // when the job is cancelled during the restore,
    const exit = await terminate(action)

    // then the step exits within 10 s, with the (complete) result of its load written.
    expect(exit, 'no exit within the bound').not.toBeNull()
    expect(exit!.sinceMarkMs).toBeLessThan(EXIT_WITHIN_MS)
    expectNoStackTrace(action)
    const { outputs } = await stepFiles(runner)
    expect(outputs['result-path'] && existsSync(outputs['result-path'])).toBe(true)
  })

  it('during the comment post (comments API hanging): the action exits within 10 s', async ({ onTestFinished }) => {
    // Given a PR step whose comment request hangs,
    const fake = await startFake(onTestFinished)
    fake.state.addPullRequest({
      number: 7,
      headSha: 'c'.repeat(40),
      headRef: 'feature-7',
      headRepository: 'octo/repo',
      baseRef: 'main',
      baseSha: BASE_SHA,
    })
    fake.fail.hang('comments')
    const server = await startHealthy()
    onTestFinished(() => server.close())
    const runner = await prepareStep({
      fakeUrl: fake.url,
      profile: SETTLED_PROFILE,
      inputs: {
        target: server.url.href,
        'health-path': HEALTH_PATH,
        'baseline-store': 'file',
        'github-token': 'fake-token',
        comment: 'always',
      },
    })
    const action = startActionProcess(runner)
    onTestFinished(() => void action.child.kill('SIGKILL'))
    await until(() => fake.state.requestsTo('comments').length > 0, 'the comment request')

    // when the job is cancelled while the comment is being posted,
    const exit = await terminate(action)

    // then the step exits within 10 s; the verdict was already in the outputs.
    expect(exit, 'no exit within the bound').not.toBeNull()
    expect(exit!.sinceMarkMs).toBeLessThan(EXIT_WITHIN_MS)
    expectNoStackTrace(action)
    const { outputs } = await stepFiles(runner)
    expect(outputs.verdict).toBe('no-baseline')
  })
})

/** The start-command target: answers every request, writes its pid, stays up until killed. */
const SERVER_SCRIPT = `import { createServer } from 'node:http'
import { writeFileSync } from 'node:fs'
const port = Number(process.argv[2])
createServer((req, res) => res.end('ok')).listen(port, '127.0.0.1', () => writeFileSync('server.pid', String(process.pid)))
`

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function killQuietly(pid: number): void {
  if (isAlive(pid)) process.kill(pid, 'SIGKILL')
}
