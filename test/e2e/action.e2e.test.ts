// End to end: `node dist/index.js` exactly as the runner runs it (INPUT_* env, event payload file, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, cwd = workspace), against the sample server on 127.0.0.1 and the in-repo fake of GitHub,
// on Node 20 and on Node 24.
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSampleServer } from '../../src/cli/demo/sample-server.js'
import { type FakeGitHub, pullRequestEvent, pushEvent, runAction, runnerEnv } from '../helpers/fake-github/index.js'
import { nodeRuntimes } from '../helpers/node-binaries.js'
import { openApiViolations } from '../helpers/openapi.js'
import { scratchDir } from '../helpers/scratch-dir.js'

const ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
const BASE_SHA = 'b'.repeat(40)
const HEAD_SHA = 'c'.repeat(40)

// Short but real: a closed model (a busy generator cannot fall behind a schedule), 2 endpoints, 8 rounds of 0.25 s
// (about 14 requests per endpoint each) after a 0.3 s warm-up, gated on p50 (the median is what scheduler stalls
// move least).
const PROFILE = `name: e2e
model: constant-vus
vus: 4
warmup: 300ms
duration: 2s
rounds: 8
# A shared CI machine can stall the event loop for tens of ms; the run stays valid evidence up to 1 s here.
max-event-loop-lag: 1s
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
budgets:
  "*": "error-rate < 5%"
gate:
  metrics: [p50]
`
/**
 * Service times 3× the sample server's (search: 54 ms) and the PR's search 50 % slower (+27 ms at the median): a
 * regression well above the 10–20 ms a busy 2-core runner adds, so the gate must find it on a loaded machine too.
 */
const LATENCY_SCALE = 3
const SEARCH_SLOWDOWN = 1.5

let fake: FakeGitHub
beforeAll(async () => {
  fake = await (await import('../helpers/fake-github/index.js')).startFakeGitHub()
})
afterAll(async () => {
  // Every REST request of this file, checked against GitHub's OpenAPI description of api.github.com.
  expect(openApiViolations(fake.state.requests)).toEqual([])
  await fake.close()
})

describe.each(nodeRuntimes())('the action on $label', (runtime) => {
  it(`runs on Node ${runtime.major}`, () => {
    expect([20, 24]).toContain(runtime.major)
  })

  it('saves a baseline on a push to main, then fails a pull request whose endpoint got 50% slower', async () => {
    const scenario = await scratchDir(`tailgate-e2e-${runtime.major}-`)
    const baselineFile = join(scenario, 'baseline-store', 'baseline.json')
    const inputs = (target: string) => ({
      profile: 'tailgate.yml',
      target,
      'baseline-store': 'file',
      'baseline-path': baselineFile,
      'github-token': 'test-token',
      comment: 'never',
    })

    // Given main's server, a push to main measures and saves the baseline.
    const mainServer = await startSampleServer({ seed: 1, latencyScale: LATENCY_SCALE })
    const push = await runnerEnv({
      fakeUrl: fake.url,
      scenarioDir: scenario,
      event: pushEvent({ branch: 'main', sha: BASE_SHA }),
      inputs: inputs(mainServer.url.href),
    })
    await writeFile(join(push.workspace, 'tailgate.yml'), PROFILE)
    const saved = await runAction({ entry: ENTRY, runner: push, nodePath: runtime.path, timeoutMs: 60_000 })
    await mainServer.close()

    expect(saved.stderr).not.toMatch(/\n\s+at /)
    expect(saved.exitCode).toBe(0)
    expect(existsSync(baselineFile)).toBe(true)
    expect(saved.outputs['result-path']).toMatch(/tailgate-results\/result\.json$/)
    expect(saved.summary).toContain('This run measures the baseline of main')
    expect(saved.summary).toMatch(/Saved this run as the baseline of main/)

    // When a PR's preview serves GET /api/search 50% slower,
    const prServer = await startSampleServer({
      seed: 2,
      latencyScale: LATENCY_SCALE,
      slowdown: { '/api/search': SEARCH_SLOWDOWN },
    })
    const pr = await runnerEnv({
      fakeUrl: fake.url,
      scenarioDir: scenario,
      event: pullRequestEvent({ number: 7, baseSha: BASE_SHA, headSha: HEAD_SHA }),
      inputs: inputs(prServer.url.href),
      runId: 1002,
    })
    await writeFile(join(pr.workspace, 'tailgate.yml'), PROFILE)
    const compared = await runAction({ entry: ENTRY, runner: pr, nodePath: runtime.path, timeoutMs: 60_000 })
    await prServer.close()

    // then the step fails with the regression in the outputs, the summary and an annotation.
    expect(compared.stderr).not.toMatch(/\n\s+at /)
    expect(compared.exitCode, JSON.stringify(compared.outputs)).toBe(1)
    expect(compared.outputs.verdict).toBe('regression')
    expect(Number(compared.outputs.regressions)).toBeGreaterThanOrEqual(1)
    const summaryRow = compared.summary.split('\n').find((line) => line.includes('GET /api/search')) ?? ''
    expect(summaryRow).toMatch(/regression/i)
    expect(compared.summary).toMatch(/Baseline: main/)
    expect(compared.annotations.some((a) => a.level === 'error' && a.message.includes('/api/search'))).toBe(true)
    const report = JSON.parse(await readFile(compared.outputs['report-path']!, 'utf8'))
    expect(report.reportVersion).toBe(1)
    expect(await readFile(compared.outputs['junit-path']!, 'utf8')).toMatch(/<testsuite/)
  }, 120_000)
})
