// Fault injection, end to end: the bundled action (`node dist/index.js`, runner env, fake GitHub) loads a real
// faulty server on 127.0.0.1 (or the unresolvable `.invalid` host) for about a second. Each step must end within its
// bounds, classify the errors in the result file it writes, and give `invalid` or a budget failure as configured;
// never hang, never print a stack trace. Also `tailgate run` (the CLI) against a few of the same faults.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRunResult } from '../../src/results/codec.js'
import type { ErrorClass } from '../../src/results/types.js'
import { type FakeGitHub, startFakeGitHub } from '../helpers/fake-github/index.js'
import {
  type FaultServer,
  HEALTH_PATH,
  startAlways503,
  startFlapping,
  startNeverEnding,
  startRefusedPort,
  startResetAfterHeaders,
  startTlsFault,
  startTrickle,
  UNRESOLVABLE_URL,
} from '../helpers/fault-servers.js'
import {
  CLI_ENTRY,
  errorTotals,
  requestTotal,
  resultOf,
  runStep,
  STACK_FRAME,
  STEP_KILL_MS,
  startProcess,
} from './harness.js'

/** About a second of open-model load, a short total request timeout and a hard max-duration. */
const profile = (options: { durationS?: number; rounds?: number; extra?: string } = {}) => `name: faults
model: constant-arrival-rate
rate: 40/s
warmup: 0s
duration: ${options.durationS ?? 1}s
rounds: ${options.rounds ?? 2}
timeout: 400ms
grace-period: 1s
max-duration: ${(options.durationS ?? 1) + 4}s
max-event-loop-lag: 2s
requests: [GET /]
budgets:
  "*": "error-rate < 5%"
${options.extra ?? ''}`

let fake: FakeGitHub
beforeAll(async () => {
  fake = await startFakeGitHub()
})
afterAll(async () => fake.close())

const unresolvable = async (): Promise<FaultServer> => ({
  url: UNRESOLVABLE_URL,
  requests: () => 0,
  close: async () => undefined,
})

/** Runs the action against `server` with a file baseline store (empty) and no token: a PR step, load only. */
async function stepAgainst(server: FaultServer, inputs: Record<string, string> = {}, profileText = profile()) {
  const dir = await mkdtemp(join(tmpdir(), 'tailgate-fault-'))
  return runStep({
    fakeUrl: fake.url,
    profile: profileText,
    scenarioDir: dir,
    inputs: {
      target: server.url.href,
      'baseline-store': 'file',
      'baseline-path': join(dir, 'no-baseline.json'),
      'health-path': HEALTH_PATH,
      'wait-timeout': '10s',
      comment: 'never',
      ...inputs,
    },
  })
}

type Step = Awaited<ReturnType<typeof stepAgainst>>

/** What every faulty step must show: it ended by itself, without a stack trace, with a readable result file. */
async function expectOrderlyEnd(step: Step) {
  expect(step.timedOut, `the step hung (killed after ${STEP_KILL_MS} ms)`).toBe(false)
  expect(step.signal).toBeNull()
  expect(step.stderr).not.toMatch(STACK_FRAME)
  expect(step.stdout).not.toMatch(STACK_FRAME)
  expect(step.stdout).not.toMatch(/TypeError|RangeError|ReferenceError|internal error/)
  const result = await resultOf(step.outputs)
  expect(result, 'the step wrote no result file').not.toBeNull()
  return result!
}

interface MidRunFault {
  readonly fault: string
  readonly start: () => Promise<FaultServer>
  /** The error classes the fault may produce; the first must occur. */
  readonly classes: readonly ErrorClass[]
  /** Every measured request fails (false: the server answered some before the fault began). */
  readonly allFail: boolean
}

describe.concurrent('a run whose target faults during the load ends on time, classifies the errors, and is invalid', () => {
  it.for<MidRunFault>([
    {
      fault: 'connection refused mid-run (the server stops listening after 300 ms of load)',
      start: () => startFlapping({ upMs: 300, downMs: null }),
      // Requests in flight when it dies are resets; every later connection is refused.
      classes: ['connection-refused', 'connection-reset'],
      allFail: false,
    },
    { fault: 'reset after the headers', start: startResetAfterHeaders, classes: ['connection-reset'], allFail: true },
    { fault: 'a response that never ends', start: startNeverEnding, classes: ['timeout'], allFail: true },
    {
      fault: 'a slowloris trickle (1 byte / 200 ms)',
      start: () => startTrickle(),
      classes: ['timeout'],
      allFail: true,
    },
    { fault: '100% 503', start: startAlways503, classes: ['http-5xx'], allFail: true },
  ])('$fault', async ({ start, classes, allFail }, { onTestFinished }) => {
    // Given a target that answers its health path but faults under load,
    const server = await start()
    onTestFinished(() => server.close())

    // when a PR step loads it for a second,
    const step = await stepAgainst(server)

    // then it ends by itself, writes the result, counts the failed requests in the fault's error classes,
    const result = await expectOrderlyEnd(step)
    expect(result.completion).toEqual({ status: 'complete' })
    const requests = requestTotal(result)
    expect(requests).toBeGreaterThan(0)
    const errors = errorTotals(result)
    expect(
      Object.keys(errors).every((c) => (classes as string[]).includes(c)),
      JSON.stringify(errors),
    ).toBe(true)
    expect(errors[classes[0] as ErrorClass]).toBeGreaterThan(0)
    const failed = Object.values(errors).reduce((a, b) => a + (b ?? 0), 0)
    if (allFail) expect(failed).toBe(requests)
    // and gives the verdict `invalid` (more than max-error-rate failed), fails the step, and says so in the summary.
    expect(step.outputs.verdict).toBe('invalid')
    expect(step.exitCode).toBe(1)
    expect(step.summary).toMatch(/invalid run/i)
    expect(step.annotations.some((a) => a.level === 'error' && /invalid/i.test(a.message))).toBe(true)
  })
})

describe.concurrent('a target that cannot be reached at all fails readiness within wait-timeout, before any load', () => {
  it.for([
    { fault: 'connection refused (a closed port)', start: startRefusedPort },
    { fault: 'DNS failure (.invalid host)', start: unresolvable },
    { fault: 'a TLS handshake that fails', start: startTlsFault },
  ])('$fault', async ({ start }, { onTestFinished }) => {
    // Given a target whose every connection fails,
    const server = await start()
    onTestFinished(() => server.close())

    // when a PR step waits at most 2 s for it,
    const step = await stepAgainst(server, { 'wait-timeout': '2s' })

    // then the step ends by itself with one error naming the target, without a stack trace, and measured nothing.
    expect(step.timedOut).toBe(false)
    expect(step.exitCode).toBe(1)
    expect(step.stderr).not.toMatch(STACK_FRAME)
    expect(step.stdout).not.toMatch(STACK_FRAME)
    const errors = step.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toContain(server.url.host)
    expect(errors[0]!.message).not.toContain('\n    at ')
    expect(step.outputs['result-path']).toBeUndefined()
    expect(server.requests()).toBe(0)
  })
})

describe('the outcome follows the configured gate', () => {
  it('fails on the error-rate budget when max-error-rate lets the run count as evidence', async ({
    onTestFinished,
  }) => {
    const server = await startAlways503()
    onTestFinished(() => server.close())

    const step = await stepAgainst(server, {}, profile({ extra: 'gate:\n  max-error-rate: 100%\n' }))

    await expectOrderlyEnd(step)
    expect(step.outputs.verdict).toBe('budget-violation')
    expect(step.exitCode).toBe(1)
    expect(step.summary).toMatch(/error-rate &lt; 5%|error-rate < 5%/)
  })

  it('passes an invalid run when fail-on does not list invalid or budget', async ({ onTestFinished }) => {
    const server = await startAlways503()
    onTestFinished(() => server.close())

    const step = await stepAgainst(server, { 'fail-on': 'regression' })

    await expectOrderlyEnd(step)
    expect(step.outputs.verdict).toBe('invalid')
    expect(step.exitCode).toBe(0)
  })

  // The readiness probe honours `tls.insecure` like the load does.
  it('loads a self-signed TLS target without errors when the profile sets tls.insecure', async ({
    onTestFinished,
    skip,
  }) => {
    const server = await startTlsFault()
    onTestFinished(() => server.close())
    if (server.kind !== 'self-signed') skip('openssl is not available: no self-signed certificate')

    const step = await stepAgainst(server, {}, profile({ extra: 'tls:\n  insecure: true\n' }))

    const result = await expectOrderlyEnd(step)
    expect(errorTotals(result)).toEqual({})
    expect(server.requests()).toBe(requestTotal(result))
    expect(step.outputs.verdict).toBe('no-baseline')
    expect(step.exitCode).toBe(0)
  })
})

describe('a server that dies mid-run and comes back', () => {
  it('counts the outage as errors, recovers when the server returns, and fails the error budget', async ({
    onTestFinished,
  }) => {
    // Given a server that is up for the first 1 s of load, down for 1 s, then up again,
    const server = await startFlapping({ upMs: 1000, downMs: 1000 })
    onTestFinished(() => server.close())

    // when a 3 s run in three 1 s rounds loads it (max-error-rate 60%: a third of the run failing is still evidence),
    const step = await stepAgainst(
      server,
      {},
      profile({ durationS: 3, rounds: 3, extra: 'gate:\n  max-error-rate: 60%\n' }),
    )

    // then the outage's requests are connection errors, the last round is served again,
    const result = await expectOrderlyEnd(step)
    const errors = errorTotals(result)
    const connectionClasses: string[] = ['connection-refused', 'connection-reset', 'timeout']
    expect(Object.keys(errors).length).toBeGreaterThan(0)
    expect(
      Object.keys(errors).every((c) => connectionClasses.includes(c)),
      JSON.stringify(errors),
    ).toBe(true)
    const lastRound = result.endpoints[0]!.rounds.at(-1)!
    expect(lastRound.statusCounts['200'] ?? 0).toBeGreaterThan(0)
    // and the run is gated on its error-rate budget.
    expect(step.outputs.verdict).toBe('budget-violation')
    expect(step.exitCode).toBe(1)
  })
})

describe.concurrent('tailgate run (CLI) against a faulty target', () => {
  // The CLI has no readiness step: it loads whatever is there, so the whole-host faults are classified here.
  it.for([
    { fault: 'connection refused (a closed port)', start: startRefusedPort, expected: /^connection-refused$/ },
    // Lookups queue in libuv's thread pool: those still waiting at the request timeout are timeouts.
    { fault: 'DNS failure (.invalid host)', start: unresolvable, expected: /^dns(,timeout)?$/ },
    { fault: 'a TLS handshake that fails', start: startTlsFault, expected: /^tls$/ },
  ])(
    'writes the classified result and exits 1 (an invalid run) without a stack trace: $fault',
    async ({ start, expected }, { onTestFinished }) => {
      const server = await start()
      onTestFinished(() => server.close())
      const dir = await mkdtemp(join(tmpdir(), 'tailgate-fault-cli-'))
      await writeFile(join(dir, 'tailgate.yml'), profile())

      const cli = startProcess({
        args: [CLI_ENTRY, 'run', 'tailgate.yml', '--target', server.url.href, '--out', 'result.json', '--quiet'],
        cwd: dir,
        env: {},
      })
      const { code } = await cli.exited

      expect(code).toBe(1)
      expect(cli.stderr()).not.toMatch(STACK_FRAME)
      expect(cli.stderr()).toMatch(/result written to/)
      const result = parseRunResult(await readFile(join(dir, 'result.json'), 'utf8'), 'result.json')
      expect(Object.keys(errorTotals(result)).sort().join(',')).toMatch(expected)
    },
  )
})
