import { describe, expect, it, type TestContext } from 'vitest'
import { serializeRunResult } from '../../src/results/codec.js'
import type { RunResult } from '../../src/results/types.js'
import {
  type FakeGitHub,
  NOT_ACCESSIBLE_BY_INTEGRATION,
  pushEvent,
  startFakeGitHub,
} from '../helpers/fake-github/index.js'
import { HEALTH_PATH, startHealthy } from '../helpers/fault-servers.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { BASE_SHA, runStep, STACK_FRAME, STEP_KILL_MS, settledProfile } from './harness.js'

const PR = 7

/** Six rounds of 40 requests on two endpoints; GET /search's latencies × `factor` (1.3: a clear regression). */
function synthetic(factor: number): RunResult {
  const centres = [20, 20.2, 19.8, 20.1, 19.9, 20.05]
  const run = syntheticRun([
    { name: 'GET /users', roundsMs: centres.map((c) => spreadMs(40, c / 3)) },
    { name: 'GET /search', roundsMs: centres.map((c) => spreadMs(40, c * factor)) },
  ])
  return { ...run, profileId: 'rel' }
}

/**
 * Each test runs one or two `node dist/index.js` steps (killed after STEP_KILL_MS, 45 s) concurrently with the others;
 * on a loaded 2-core runner a step takes 10–20 s, so the tests get more than the kill time, not vitest's 30 s.
 */
const STEP_TESTS = { timeout: STEP_KILL_MS + 15_000 }

/** Registers teardown on the running test (the context's hook: these tests run concurrently). */
type Teardown = TestContext['onTestFinished']

async function startFake(onTestFinished: Teardown): Promise<FakeGitHub> {
  const fake = await startFakeGitHub()
  onTestFinished(() => fake.close())
  fake.state.addPullRequest({
    number: PR,
    headSha: 'c'.repeat(40),
    headRef: 'feature-7',
    headRepository: 'octo/repo',
    baseRef: 'main',
    baseSha: BASE_SHA,
  })
  return fake
}

/** `mode: report` on two synthetic result files (no load, a deterministic verdict), commenting always. */
function reportStep(fake: FakeGitHub, factor: number) {
  return runStep({
    fakeUrl: fake.url,
    profile: '',
    files: {
      'result.json': serializeRunResult(synthetic(factor)),
      'baseline.json': serializeRunResult(synthetic(1)),
    },
    inputs: {
      mode: 'report',
      'result-path': 'result.json',
      'baseline-path': 'baseline.json',
      'github-token': 'fake-token',
      comment: 'always',
    },
  })
}

/** Everything a step must show whatever GitHub did: it ended, no stack trace, the verdict in outputs and summary. */
function expectVerdictPublished(step: Awaited<ReturnType<typeof runStep>>, verdict: string) {
  expect(step.timedOut).toBe(false)
  expect(step.stderr).not.toMatch(STACK_FRAME)
  expect(step.stdout).not.toMatch(STACK_FRAME)
  expect(step.outputs.verdict).toBe(verdict)
  expect(step.outputs['report-path']).toMatch(/report\.json$/)
  expect(step.summary).toMatch(/Tailgate/)
}

const warnings = (step: Awaited<ReturnType<typeof runStep>>) =>
  step.annotations
    .filter((a) => a.level === 'warning')
    .map((a) => a.message)
    .join('\n')

describe.concurrent('the comment API failing', STEP_TESTS, () => {
  it.for([
    {
      failure: 'REST 500 on every comment request (retried, then given up)',
      inject: (fake: FakeGitHub) => fake.fail.status('comments', 500),
      warning: /PR comment was not posted/,
    },
    {
      failure: "403 'Resource not accessible by integration' (no pull-requests: write)",
      inject: (fake: FakeGitHub) => fake.fail.forbidden('comments'),
      warning: new RegExp(
        `PR comment was not posted.*(${NOT_ACCESSIBLE_BY_INTEGRATION}|permission|pull-requests)`,
        'i',
      ),
    },
    {
      failure: 'a secondary rate limit on every comment request (retry-after honoured, bounded)',
      inject: (fake: FakeGitHub) => fake.fail.rateLimit('comments', 1),
      warning: /PR comment was not posted/,
    },
  ])(
    '$failure: the verdict is published and the exit code follows it',
    async ({ inject, warning }, { onTestFinished }) => {
      // Given a fake GitHub whose comment API fails,
      const fake = await startFake(onTestFinished)
      inject(fake)

      // when one step reports no change and another a regression,
      const [same, slower] = await Promise.all([reportStep(fake, 1), reportStep(fake, 1.3)])

      // then both publish their verdict with a warning about the comment, and only the regression fails the step.
      // An unchanged result against a stored baseline (no history) is a pass: equivalence needs history or live A/B.
      expectVerdictPublished(same, 'pass')
      expectVerdictPublished(slower, 'regression')
      expect(warnings(same)).toMatch(warning)
      expect(same.summary).toMatch(/The PR comment was not posted/)
      expect(same.exitCode).toBe(0)
      expect(slower.exitCode).toBe(1)
      expect(slower.annotations.some((a) => a.level === 'error' && /regress/i.test(a.message))).toBe(true)
      expect(fake.state.commentsOn(PR)).toHaveLength(0)
    },
  )

  it('posts the comment after one secondary rate limit, waiting the retry-after', async ({ onTestFinished }) => {
    const fake = await startFake(onTestFinished)
    const limit = fake.fail.rateLimit('comments', 1, { times: 1 })

    const step = await reportStep(fake, 1)

    expectVerdictPublished(step, 'pass')
    expect(limit.hits).toBe(1)
    expect(step.exitCode).toBe(0)
    expect(step.outputs['comment-url']).toMatch(/issuecomment/)
    expect(fake.state.commentsOn(PR)).toHaveLength(1)
  })

  it('publishes the verdict when the label and issue-event APIs answer 500', async ({ onTestFinished }) => {
    const fake = await startFake(onTestFinished)
    fake.fail.status('labels', 500)
    fake.fail.status('issue-events', 500)

    const step = await reportStep(fake, 1.3)

    expectVerdictPublished(step, 'regression')
    expect(step.exitCode).toBe(1)
    expect(fake.state.commentsOn(PR)).toHaveLength(1)
  })
})

/**
 * About a second of load on a healthy local server, gated on an error budget only (a settled run: these steps prove
 * what a failing GitHub service does).
 */
const PROFILE = settledProfile({ name: 'rel', rounds: 2, extra: 'budgets:\n  "*": "error-rate < 5%"\n' })

/** A measuring step (PR compare, or push-to-main baseline) against a healthy server, storing baselines in `store`. */
async function measureStep(
  fake: FakeGitHub,
  options: { store: string; push?: boolean; scenarioDir?: string; baselineTimeout?: string },
  onTestFinished: Teardown,
) {
  const server = await startHealthy()
  onTestFinished(() => server.close())
  return runStep({
    fakeUrl: fake.url,
    profile: PROFILE,
    scenarioDir: options.scenarioDir,
    runId: options.push ? 2001 : 2002,
    ...(options.push ? { event: pushEvent({ branch: 'main', sha: BASE_SHA }) } : {}),
    inputs: {
      target: server.url.href,
      'health-path': HEALTH_PATH,
      'baseline-store': options.store,
      'baseline-timeout': options.baselineTimeout ?? '2s',
      'github-token': 'fake-token',
      comment: 'always',
    },
  })
}

// The restore's failures are injected on the services the restore calls: the cache, and the REST lookups of earlier
// runs and their artifacts. The artifact upload service (Twirp, family 'artifact') is left answering: every run
// uploads its HTML report there under its own 60 s deadline (test/action/html-report.test.ts covers its failures),
// and a hung upload would make these steps outlast the test's kill time without telling anything about baselines.
describe.concurrent('the baseline services failing', STEP_TESTS, () => {
  it.for([
    {
      failure: 'the cache service answering 500',
      store: 'cache',
      inject: (f: FakeGitHub) => f.fail.status('cache', 500),
    },
    {
      failure: 'the cache service hanging (baseline-timeout 2 s)',
      store: 'cache',
      inject: (f: FakeGitHub) => f.fail.hang('cache'),
    },
    {
      failure: 'the artifact lookups hanging (baseline-timeout 2 s)',
      store: 'artifact',
      inject: (f: FakeGitHub) => {
        f.fail.hang('workflow-runs')
        f.fail.hang('run-artifacts')
      },
    },
    {
      failure: 'cache and artifacts both down (auto)',
      store: 'auto',
      inject: (f: FakeGitHub) => {
        f.fail.status('cache', 500)
        f.fail.hang('workflow-runs')
        f.fail.status('run-artifacts', 500)
      },
    },
  ])(
    '$failure: a PR still gets its verdict (no-baseline) and passes',
    async ({ store, inject }, { onTestFinished }) => {
      // Given a fake GitHub whose baseline services fail,
      const fake = await startFake(onTestFinished)
      inject(fake)

      // when a PR step measures and looks for its baseline,
      const step = await measureStep(fake, { store }, onTestFinished)

      // then the verdict is no-baseline, published with a warning, and the step passes on it.
      expectVerdictPublished(step, 'no-baseline')
      expect(step.exitCode).toBe(0)
      expect(step.summary).toMatch(/No baseline/i)
      expect(warnings(step)).toMatch(
        /Could not restore the baseline from (the Actions cache|artifacts): .*baseline-timeout/,
      )
      expect(fake.state.commentsOn(PR)).toHaveLength(1)
    },
  )

  it('a push to main that cannot save its baseline (cache 500) warns, says baseline-saved=false, and passes', async ({
    onTestFinished,
  }) => {
    const fake = await startFake(onTestFinished)
    fake.fail.status('cache', 500)

    const step = await measureStep(fake, { store: 'cache', push: true }, onTestFinished)

    expect(step.timedOut).toBe(false)
    expect(step.stderr).not.toMatch(STACK_FRAME)
    expect(step.outputs['baseline-saved']).toBe('false')
    expect(warnings(step)).toMatch(/Could not save the baseline to the Actions cache/)
    expect(step.exitCode).toBe(0)
  })

  it('a slow cache service (400 ms per call) within baseline-timeout still restores the baseline', async ({
    onTestFinished,
  }) => {
    const fake = await startFake(onTestFinished)
    const scenarioDir = await scratchDir('tailgate-ghfail-slow-')
    const saved = await measureStep(
      fake,
      { store: 'cache', push: true, scenarioDir, baselineTimeout: '20s' },
      onTestFinished,
    )
    expect(saved.outputs['baseline-saved'], warnings(saved)).toBe('true')
    fake.fail.slow('cache', 400)
    fake.fail.slow('blob', 400)

    const step = await runStepWithTimeout(fake, scenarioDir, onTestFinished)

    expectVerdictPublished(step, step.outputs.verdict ?? '')
    expect(step.outputs['baseline-source'], warnings(step)).toMatch(/^cache:/)
    expect(step.outputs.verdict).not.toBe('no-baseline')
  })
})

/** The PR step of the slow-cache scenario: same scenario directory (same cache paths), 20 s baseline-timeout. */
async function runStepWithTimeout(fake: FakeGitHub, scenarioDir: string, onTestFinished: Teardown) {
  const server = await startHealthy()
  onTestFinished(() => server.close())
  return runStep({
    fakeUrl: fake.url,
    profile: PROFILE,
    scenarioDir,
    runId: 2003,
    inputs: {
      target: server.url.href,
      'health-path': HEALTH_PATH,
      'baseline-store': 'cache',
      'baseline-timeout': '20s',
      'github-token': 'fake-token',
      comment: 'never',
    },
  })
}
