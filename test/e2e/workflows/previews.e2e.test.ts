// The preview workflows of README.md and docs/previews.md, run end to end in the workflow harness on GitHub's example
// payloads: Vercel (deployment_status, protected previews), Netlify (a URL from a deploy step) and live A/B. The
// documented hosts are loopback servers here (load only ever goes to 127.0.0.1).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeGitHub, startFakeGitHub } from '../../helpers/fake-github/index.js'
import { openApiViolations } from '../../helpers/openapi.js'
import {
  appRepository,
  OFFLINE_NPM_ENV,
  type PreviewServer,
  profileYaml,
  REGRESSION_FACTOR,
  startPreview,
} from '../../helpers/workflows/app.js'
import { documented } from '../../helpers/workflows/documented.js'
import { deploymentStatusExample, pullRequestExample, pushExample } from '../../helpers/workflows/events.js'
import { type HarnessOptions, runWorkflow, type WorkflowRun } from '../../helpers/workflows/runner.js'

const MAIN_SHA = 'a1'.repeat(20)
const BYPASS = 'bypass-5e3c1a9b7d'
const servers: PreviewServer[] = []
let fake: FakeGitHub
let runId = 100
const machines: string[] = []

beforeAll(async () => {
  fake = await startFakeGitHub()
})
afterAll(async () => {
  expect(openApiViolations(fake.state.requests)).toEqual([])
  await Promise.all(servers.map((s) => s.close()))
  await fake?.close()
  await Promise.all(machines.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function preview(options: Parameters<typeof startPreview>[0]): Promise<PreviewServer> {
  const server = await startPreview(options)
  servers.push(server)
  return server
}

async function machine(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tailgate-wf-${label}-`))
  machines.push(dir)
  return dir
}

const tailgateOf = (run: WorkflowRun) => run.tailgate[0]!
/** Everything the steps printed or wrote, without the `::add-mask::` commands (the runner consumes them unshown). */
const everything = (run: WorkflowRun) =>
  run.jobs
    .flatMap((j) => j.steps.flatMap((s) => [s.stdout, s.stderr, s.summary, ...Object.values(s.outputs)]))
    .join('\n')
    .replace(/^::add-mask::.*$/gm, '')

describe('Vercel: deployment_status (README.md, docs/previews.md)', () => {
  const vercel = documented('docs/previews.md', 'perf (Vercel)')
  let harness: HarnessOptions
  beforeAll(async () => {
    harness = {
      fake,
      machineDir: await machine('vercel'),
      repository: appRepository(),
      secrets: { VERCEL_AUTOMATION_BYPASS_SECRET: BYPASS },
    }
  })

  it('the README shows the same workflow', () => {
    expect(documented('README.md', 'perf (Vercel)').text).toBe(vercel.text)
  })

  it('production saves the baseline; a protected preview 2× slower fails; a pending status is skipped', async () => {
    const requireHeader = { name: 'x-vercel-protection-bypass', value: BYPASS }
    const production = await preview({ requireHeader })
    const slow = await preview({ requireHeader, searchFactor: REGRESSION_FACTOR })
    const event = (environment: string, ref: string, url: string) =>
      deploymentStatusExample({
        environment,
        ref,
        sha: ref === 'main' ? MAIN_SHA : 'f6'.repeat(20),
        environmentUrl: url,
      })

    const saved = await runWorkflow(vercel, event('Production', 'main', production.url.href), {
      ...harness,
      runId: runId++,
    })
    const compared = await runWorkflow(vercel, event('Preview', 'feature', slow.url.href), {
      ...harness,
      runId: runId++,
    })
    const pending = await runWorkflow(
      vercel,
      deploymentStatusExample({ state: 'in_progress', environment: 'Preview', ref: 'feature', sha: 'f6'.repeat(20) }),
      { ...harness, runId: runId++ },
    )

    expect(saved.conclusion, tailgateOf(saved).stdout).toBe('success')
    expect(tailgateOf(saved).stdout).toContain("Tailgate mode: baseline (input 'baseline', event 'deployment_status')")
    expect(tailgateOf(saved).outputs['baseline-saved']).toBe('true')
    expect(compared.conclusion, tailgateOf(compared).stdout.slice(-3000)).toBe('failure')
    expect(tailgateOf(compared).outputs.verdict).toBe('regression')
    expect(await slow.apiRequests()).toBeGreaterThan(20)
    expect(pending.jobs.map((j) => j.result)).toEqual(['skipped'])
    // The bypass secret reached the previews (they answered 200) and none of Tailgate's outputs.
    expect(everything(saved) + everything(compared)).not.toContain(BYPASS)
  }, 120_000)

  it("GitHub's example payload without environment_url: measures the profile's target with a notice instead of failing", async () => {
    const target = await preview({})
    const repository = { ...appRepository(), 'tailgate.yml': profileYaml(target.url.origin) }
    const example = deploymentStatusExample({ environment: 'Preview', ref: 'feature', sha: 'f6'.repeat(20) })
    expect((example.payload.deployment_status as Record<string, unknown>).environment_url).toBeUndefined()

    const run = await runWorkflow(vercel, example, { ...harness, repository, runId: runId++ })

    const log = tailgateOf(run)
      .stdout.split('\n')
      .filter((l) => !l.startsWith('::debug'))
    expect(run.conclusion, log.join('\n').slice(-2500)).toBe('success')
    expect(tailgateOf(run).annotations.find((a) => a.level === 'notice')?.message).toBe(
      `The deployment_status event has no environment_url: measuring the profile's target ${target.url.origin} instead; set the environment URL in your deploy step (or pass the 'target' input) to measure the deployment itself`,
    )
    expect(await target.apiRequests()).toBeGreaterThan(20)
  }, 120_000)
})

describe('Netlify: a URL from a deploy step (README.md, docs/previews.md)', () => {
  const netlify = documented('docs/previews.md', 'perf (Netlify)')

  it('the README shows the same workflow', () => {
    expect(documented('README.md', 'perf (Netlify)').text).toBe(netlify.text)
  })

  it('a push saves the production baseline; a PR whose preview is 2× slower fails and comments', async () => {
    const production = await preview({})
    const slowPreview = await preview({ searchFactor: REGRESSION_FACTOR })
    let deployUrl = production.url.href
    const harness: HarnessOptions = {
      fake,
      machineDir: await machine('netlify'),
      repository: appRepository(),
      env: OFFLINE_NPM_ENV,
      emulate: {
        // nwtgck/actions-netlify deploys ./dist and prints the deploy's URL.
        'nwtgck/actions-netlify': async (inputs) => {
          expect(inputs['publish-dir']).toBe('./dist')
          return { outputs: { 'deploy-url': deployUrl } }
        },
      },
    }
    fake.state.addPullRequest({
      number: 31,
      headSha: 'b2'.repeat(20),
      headRef: 'slow',
      headRepository: 'Codertocat/Hello-World',
      baseRef: 'main',
      baseSha: MAIN_SHA,
    })

    const push = await runWorkflow(netlify, pushExample({ sha: MAIN_SHA }), { ...harness, runId: runId++ })
    deployUrl = slowPreview.url.href
    const pr = await runWorkflow(
      netlify,
      pullRequestExample({ number: 31, headSha: 'b2'.repeat(20), baseSha: MAIN_SHA, headRef: 'slow' }),
      { ...harness, runId: runId++ },
    )

    expect(push.conclusion, tailgateOf(push).stdout).toBe('success')
    expect(tailgateOf(push).outputs['baseline-saved']).toBe('true')
    expect(pr.conclusion).toBe('failure')
    expect(tailgateOf(pr).outputs.verdict).toBe('regression')
    const [comment] = fake.state.commentsOn(31)
    expect(comment?.body).toContain('**Tailgate: regression**')
    expect(comment?.body.replaceAll('\u200d', '')).toContain(`Measured: ${slowPreview.url.origin}`)
  }, 120_000)
})

describe('live A/B (docs/previews.md)', () => {
  const ab = documented('docs/previews.md', 'perf (live A/B)')

  it.each([
    {
      what: 'a preview as fast as production passes',
      factor: 1,
      conclusion: 'success',
      verdict: /^(pass|no-change|inconclusive|improvement)$/,
    },
    {
      what: 'a preview 2× slower than production fails',
      factor: REGRESSION_FACTOR,
      conclusion: 'failure',
      verdict: /^regression$/,
    },
  ])(
    '$what, with the comment naming the live baseline',
    async ({ factor, conclusion, verdict }) => {
      const number = 40 + factor
      const headSha = factor === 1 ? 'c3'.repeat(20) : 'd4'.repeat(20)
      const production = await preview({})
      const pr = await preview({ searchFactor: factor, commitSha: headSha })
      fake.state.addPullRequest({
        number,
        headSha,
        headRef: `ab-${number}`,
        headRepository: 'Codertocat/Hello-World',
        baseRef: 'main',
        baseSha: MAIN_SHA,
      })
      const harness: HarnessOptions = {
        fake,
        machineDir: await machine('ab'),
        repository: appRepository(),
        hosts: {
          [`https://pr-${number}.preview.example.com`]: pr.url.origin,
          'https://production.example.com': production.url.origin,
        },
      }

      const run = await runWorkflow(
        ab,
        pullRequestExample({ number, headSha, baseSha: MAIN_SHA, headRef: `ab-${number}` }),
        { ...harness, runId: runId++ },
      )

      expect(
        run.conclusion,
        tailgateOf(run)
          .stdout.split('\n')
          .filter((l) => !l.startsWith('::debug'))
          .join('\n')
          .slice(-2500),
      ).toBe(conclusion)
      expect(tailgateOf(run).outputs.verdict).toMatch(verdict)
      expect(await production.apiRequests()).toBeGreaterThan(20)
      // `comment: on-change` (the default) creates no comment for a pass or no-change (no spam on quiet PRs); the job
      // summary carries the same report. Whichever exists must name the live baseline.
      const [comment] = fake.state.commentsOn(number)
      const quiet = /^(pass|no-change)$/.test(tailgateOf(run).outputs.verdict ?? '')
      if (!quiet) expect(comment, 'a verdict other than pass/no-change posts the comment').toBeDefined()
      const report = comment?.body ?? tailgateOf(run).summary
      expect(report.replaceAll('\u200d', '')).toContain(`measured live in this job from ${production.url.origin}`)
    },
    120_000,
  )
})
