// Fault injection, end to end: the bundled action (`node dist/index.js`, runner env, fake GitHub) loads a real
// faulty server on 127.0.0.1 (or the unresolvable `.invalid` host) for about a second. Each step must end within its
// bounds, classify the errors in the result file it writes, and give `invalid` or a budget failure as configured;
// never hang, never print a stack trace. Also `tailgate run` (the CLI) against a few of the same faults.
import { readFile, writeFile } from 'node:fs/promises'
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
import { scratchDir } from '../helpers/scratch-dir.js'
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

/**
 * The request timeout of faults that answer (refused, reset, 503, TLS): long enough that a starved scheduler on a busy
 * runner (load average 15 on 2 cores was seen) still sees the answer before the timeout, so they keep their own class.
 */
const ANSWERING_FAULT_TIMEOUT = '5s'
/** The request timeout of faults that never answer (a hung response, a trickle): they must end as timeouts. */
const SILENT_FAULT_TIMEOUT = '400ms'

/** About a second of open-model load, a total request timeout and a hard max-duration. */
const profile = (
  options: { durationS?: number; rounds?: number; timeout?: string; extra?: string } = {},
) => `name: faults
model: constant-arrival-rate
rate: 40/s
warmup: 0s
duration: ${options.durationS ?? 1}s
rounds: ${options.rounds ?? 2}
timeout: ${options.timeout ?? ANSWERING_FAULT_TIMEOUT}
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
  const dir = await scratchDir('tailgate-fault-')
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

/**
 * Starts a fault server and runs a step against it; a run that Tailgate itself declares invalid because its
 * generator could not keep up (a busy runner: it fell behind its schedule or its event loop lagged) is measured
 * again, at most twice, each time against a fresh server (a fault server may have state: one that already died).
 * For the tests whose assertions need the load to have reached the fault as scheduled.
 */
async function stepWithGeneratorKeepingUp<Server extends FaultServer>(
  start: () => Promise<Server>,
  onTestFinished: (close: () => Promise<void>) => void,
  inputs: Record<string, string> = {},
  profileText = profile(),
): Promise<{ step: Step; server: Server }> {
  for (let attempt = 1; ; attempt++) {
    const server = await start()
    onTestFinished(() => server.close())
    const step = await stepAgainst(server, inputs, profileText)
    const result = await resultOf(step.outputs)
    if (attempt === 3 || result === null || result.health.invalidReasons.length === 0) return { step, server }
    await server.close()
  }
}

interface MidRunFault {
  readonly fault: string
  readonly start: () => Promise<FaultServer>
  /**
   * The error classes the fault itself produces; at least one must occur. `timeout` is always allowed beside them: on a
   * busy runner a request whose answer (a 503, a reset) arrives after the request timeout is a timeout, and which
   * requests that hits depends on the scheduler, not on the fault.
   */
  readonly classes: readonly ErrorClass[]
  /** Every measured request fails (false: the server answered some before the fault began). */
  readonly allFail: boolean
  /** The profile's request timeout (default ANSWERING_FAULT_TIMEOUT). */
  readonly timeout?: string
  /** The fault needs the load to go past a point (a request count): measure again if the generator fell behind. */
  readonly needsTheFullSchedule?: boolean
}

/** Room for three attempts of stepWithGeneratorKeepingUp on a busy runner. */
const RETRYING_TEST_TIMEOUT_MS = 120_000

describe.concurrent('a run whose target faults during the load ends on time, classifies the errors, and is invalid', () => {
  it.for<MidRunFault>([
    {
      // (after a count, not a time: a busy runner must not change how much of the run fails)
      fault: 'connection refused mid-run (the server stops listening after 12 of the 80 requests)',
      start: () => startFlapping({ upRequests: 12, downMs: null }),
      // Requests in flight when it dies (or that arrive after its last answer) are resets; every later connection is
      // refused.
      classes: ['connection-refused', 'connection-reset'],
      allFail: false,
      needsTheFullSchedule: true,
    },
    { fault: 'reset after the headers', start: startResetAfterHeaders, classes: ['connection-reset'], allFail: true },
    {
      fault: 'a response that never ends',
      start: startNeverEnding,
      classes: ['timeout'],
      allFail: true,
      timeout: SILENT_FAULT_TIMEOUT,
    },
    {
      fault: 'a slowloris trickle (1 byte / 200 ms)',
      start: () => startTrickle(),
      classes: ['timeout'],
      allFail: true,
      timeout: SILENT_FAULT_TIMEOUT,
    },
    { fault: '100% 503', start: startAlways503, classes: ['http-5xx'], allFail: true },
  ])('$fault', { timeout: RETRYING_TEST_TIMEOUT_MS }, async (fault, { onTestFinished }) => {
    const { start, classes, allFail, timeout, needsTheFullSchedule } = fault
    // Given a target that answers its health path but faults under load, when a PR step loads it for a second (a
    // fault that needs the load to go past a point is measured again when a busy runner starved the generator: a
    // run that sent too little to reach the fault tells nothing about it),
    const { step } = needsTheFullSchedule
      ? await stepWithGeneratorKeepingUp(start, onTestFinished)
      : await (async () => {
          const server = await start()
          onTestFinished(() => server.close())
          return { step: await stepAgainst(server, {}, profile({ timeout })) }
        })()

    // then it ends by itself, writes the result, counts the failed requests in the fault's error classes,
    const result = await expectOrderlyEnd(step)
    expect(result.completion).toEqual({ status: 'complete' })
    const requests = requestTotal(result)
    expect(requests).toBeGreaterThan(0)
    const errors = errorTotals(result)
    const allowed: string[] = [...classes, 'timeout']
    expect(
      Object.keys(errors).filter((c) => !allowed.includes(c)),
      JSON.stringify(errors),
    ).toEqual([])
    expect(
      classes.filter((c) => (errors[c] ?? 0) > 0),
      `the fault's own error classes (${requests} requests; ${JSON.stringify(errors)})`,
    ).not.toEqual([])
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
  it(
    'fails on the error-rate budget when max-error-rate lets the run count as evidence',
    async ({ onTestFinished }) => {
      const { step } = await stepWithGeneratorKeepingUp(
        startAlways503,
        onTestFinished,
        {},
        profile({ extra: 'gate:\n  max-error-rate: 100%\n' }),
      )

      await expectOrderlyEnd(step)
      expect(step.outputs.verdict).toBe('budget-violation')
      expect(step.exitCode).toBe(1)
      expect(step.summary).toMatch(/error-rate &lt; 5%|error-rate < 5%/)
    },
    RETRYING_TEST_TIMEOUT_MS,
  )

  it('passes an invalid run when fail-on does not list invalid or budget', async ({ onTestFinished }) => {
    const server = await startAlways503()
    onTestFinished(() => server.close())

    const step = await stepAgainst(server, { 'fail-on': 'regression' })

    await expectOrderlyEnd(step)
    expect(step.outputs.verdict).toBe('invalid')
    expect(step.exitCode).toBe(0)
  })

  // The readiness probe honours `tls.insecure` like the load does.
  it(
    'loads a self-signed TLS target without errors when the profile sets tls.insecure',
    async ({ onTestFinished, skip }) => {
      // (a closed model: TLS handshakes cost CPU, and on a busy runner an open model may fall behind its schedule,
      // which makes the run invalid evidence; such a run is also measured again. 5 ms of think time: without it the
      // two users send thousands of TLS requests a second, CPU that shows nothing here)
      const closedModel = profile({ extra: 'tls:\n  insecure: true\n' })
        .replace('model: constant-arrival-rate\nrate: 40/s', 'model: constant-vus\nvus: 2')
        .replace('requests: [GET /]', 'requests: [{ method: GET, path: /, think: 5ms }]')
      expect(closedModel).toMatch(/^model: constant-vus$/m)
      expect(closedModel).toMatch(/think: 5ms/)
      const { step, server } = await stepWithGeneratorKeepingUp(startTlsFault, onTestFinished, {}, closedModel)
      if (server.kind !== 'self-signed') skip('openssl is not available: no self-signed certificate')

      const result = await expectOrderlyEnd(step)
      expect(errorTotals(result)).toEqual({})
      expect(server.requests()).toBe(requestTotal(result))
      expect(step.outputs.verdict).toBe('no-baseline')
      expect(step.exitCode).toBe(0)
    },
    RETRYING_TEST_TIMEOUT_MS,
  )
})

describe('a server that dies mid-run and comes back', () => {
  it(
    'counts the outage as errors, recovers when the server returns, and fails the error budget',
    async ({ onTestFinished }) => {
      // Given a server that is up for the first 40 requests (1 s of load), down for 1 s, then up again,
      // when a 3 s run in three 1 s rounds loads it (max-error-rate 60%: a third of the run failing is still evidence),
      const { step } = await stepWithGeneratorKeepingUp(
        () => startFlapping({ upRequests: 40, downMs: 1000 }),
        onTestFinished,
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
    },
    RETRYING_TEST_TIMEOUT_MS,
  )
})

describe.concurrent('tailgate run (CLI) against a faulty target', () => {
  // The CLI has no readiness step: it loads whatever is there, so the whole-host faults are classified here.
  it.for([
    // The fault's own class, and on a busy runner possibly timeouts beside it (an answer later than the request
    // timeout): lookups queue in libuv's thread pool, and a stalled event loop sees a refusal or a failed handshake late.
    {
      fault: 'connection refused (a closed port)',
      start: startRefusedPort,
      expected: /^connection-refused(,timeout)?$/,
    },
    { fault: 'DNS failure (.invalid host)', start: unresolvable, expected: /^dns(,timeout)?$/ },
    { fault: 'a TLS handshake that fails', start: startTlsFault, expected: /^(timeout,)?tls$/ },
  ])(
    'writes the classified result and exits 1 (an invalid run) without a stack trace: $fault',
    async ({ start, expected }, { onTestFinished }) => {
      const server = await start()
      onTestFinished(() => server.close())
      const dir = await scratchDir('tailgate-fault-cli-')
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
