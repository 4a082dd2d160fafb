// End to end on the GitHub side: `node dist/index.js` with the runner's environment against the in-repo fake of the
// REST API on 127.0.0.1. The sticky comment (created once, then updated in place), `on-change` staying silent on an
// equivalent result, a fork PR's read-only token, the fork-safe `workflow_run` report mode, and the accept label.
// Comment and label scenarios use `mode: report` on synthetic result files, so their verdicts are deterministic;
// the fork scenario measures the sample server for real. The comment scenario also runs on Node 24 (smoke).
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { serializeBundle } from '../../src/baseline/bundle.js'
import { type SampleServer, startSampleServer } from '../../src/cli/demo/sample-server.js'
import { serializeRunResult } from '../../src/results/codec.js'
import { type FakeGitHub, pullRequestEvent, startFakeGitHub, workflowRunEvent } from '../helpers/fake-github/index.js'
import { nodeRuntimes } from '../helpers/node-binaries.js'
import {
  removeScenarioDirs,
  resultFiles,
  runScenario,
  SHAS,
  STACK_TRACE,
  scenarioDir,
  shortProfile,
  syntheticResult,
} from './scenario.js'

const REPORT_INPUTS = {
  mode: 'report',
  'result-path': 'result.json',
  'baseline-path': 'baseline.json',
  'github-token': 'fake-token',
} as const

let fake: FakeGitHub
let server: SampleServer
beforeAll(async () => {
  fake = await startFakeGitHub()
  server = await startSampleServer({ seed: 3 })
})
afterAll(async () => {
  await server?.close()
  await fake?.close()
  await removeScenarioDirs()
})
beforeEach(() => fake.fail.clear())

/** Opens a PR in the fake (same repository unless `headRepository` says otherwise). */
function openPullRequest(
  number: number,
  options: { headSha?: string; headRepository?: string; headRef?: string } = {},
) {
  return fake.state.addPullRequest({
    number,
    headSha: options.headSha ?? SHAS.head,
    headRef: options.headRef ?? `feature-${number}`,
    headRepository: options.headRepository ?? 'octo/repo',
    baseRef: 'main',
    baseSha: SHAS.mainA,
  })
}

const prEvent = (number: number, extra: Partial<Parameters<typeof pullRequestEvent>[0]> = {}) =>
  pullRequestEvent({ number, baseSha: SHAS.mainA, headSha: SHAS.head, ...extra })

/** What `jq '.current' bundle.json` prints: the bundle's current baseline as a RunResult file. */
const currentOfBundle = (bundleText: string): string => `${JSON.stringify(JSON.parse(bundleText).current)}\n`

/** Comment writes (create or edit) the fake received so far. */
const commentWrites = () => fake.state.requestsTo('comments').filter((r) => r.method === 'POST' || r.method === 'PATCH')

describe.each(nodeRuntimes())('the sticky comment on $label', (runtime) => {
  it('creates one comment on the first run and updates that same comment on the second (no duplicate)', async () => {
    // Given an open PR with a reviewer's comment on it,
    const pr = runtime.major === 20 ? 10 : 11
    openPullRequest(pr)
    const human = fake.state.addComment(pr, 'Looks good to me')
    const scenario = await scenarioDir(`sticky-${runtime.major}`)
    const run = (searchFactor: number) =>
      runScenario({
        fakeUrl: fake.url,
        scenario,
        event: prEvent(pr),
        inputs: { ...REPORT_INPUTS, comment: 'always' },
        files: resultFiles(syntheticResult({ searchFactor }), syntheticResult({ searchFactor: 1 })),
        nodePath: runtime.path,
      })

    // when the action reports a regression, then (after a fix was pushed) no change,
    const first = await run(1.3)
    const afterFirst = fake.state.commentsOn(pr).map((c) => ({ id: c.id, body: c.body }))
    const writesBefore = commentWrites().length
    const second = await run(1)

    // then the first run created the comment, and the second edited it in place: still one Tailgate comment.
    expect(first.stderr).not.toMatch(STACK_TRACE)
    expect(first.exitCode).toBe(1)
    expect(afterFirst).toHaveLength(2)
    const created = afterFirst.find((c) => c.id !== human.id)!
    expect(created.body).toContain('**Tailgate: regression**')
    expect(first.outputs['comment-url']).toBe(`https://github.com/octo/repo/pull/${pr}#issuecomment-${created.id}`)

    expect(second.stderr).not.toMatch(STACK_TRACE)
    expect(second.exitCode).toBe(0)
    const comments = fake.state.commentsOn(pr)
    expect(comments.map((c) => c.id)).toEqual([human.id, created.id])
    // An unchanged result against a stored baseline without history is a pass ("no regression").
    expect(comments[1]!.body).toContain('**Tailgate: no regression**')
    expect(comments[1]!.body).not.toContain('**Tailgate: regression**')
    expect(comments[0]!.body).toBe('Looks good to me')
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    expect(second.stdout).toContain(`PR comment updated: ${first.outputs['comment-url']}`)
    expect(
      commentWrites()
        .slice(writesBefore)
        .map((r) => r.method),
    ).toEqual(['PATCH'])
  }, 60_000)
})

describe('comment: on-change', () => {
  it('posts nothing when the result is equivalent to the baseline and no comment exists yet', async () => {
    // Given a PR without a Tailgate comment and two equivalent results,
    const pr = 12
    openPullRequest(pr)
    const scenario = await scenarioDir('on-change')
    const writesBefore = commentWrites().length

    // when the action runs with the default comment policy (on-change),
    const run = await runScenario({
      fakeUrl: fake.url,
      scenario,
      event: prEvent(pr),
      inputs: REPORT_INPUTS,
      files: resultFiles(syntheticResult({ searchFactor: 1 }), syntheticResult({ searchFactor: 1 })),
    })

    // then the verdict is a pass (no regression; equivalence against a stored baseline needs history or live A/B),
    // the summary carries the report, and no comment was created or edited.
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.verdict).toBe('pass')
    expect(run.summary).toContain('**Tailgate: no regression**')
    expect(run.stdout).toContain("No PR comment: comment: 'on-change' and nothing to report")
    expect(fake.state.commentsOn(pr)).toEqual([])
    expect(commentWrites()).toHaveLength(writesBefore)
    expect(run.outputs['comment-url']).toBeUndefined()
  })

  it('still updates an existing comment when the result went back to no change, so no stale regression stays up', async () => {
    // Given a PR whose Tailgate comment reports a regression,
    const pr = 13
    openPullRequest(pr)
    const scenario = await scenarioDir('on-change-update')
    const run = (searchFactor: number) =>
      runScenario({
        fakeUrl: fake.url,
        scenario,
        event: prEvent(pr),
        inputs: REPORT_INPUTS,
        files: resultFiles(syntheticResult({ searchFactor }), syntheticResult({ searchFactor: 1 })),
      })
    await run(1.3)
    const [regressionComment] = fake.state.commentsOn(pr)

    // when the next run is equivalent to the baseline,
    const fixed = await run(1)

    // then the one comment now says no regression.
    expect(fixed.exitCode).toBe(0)
    expect(fake.state.commentsOn(pr)).toHaveLength(1)
    expect(fake.state.commentsOn(pr)[0]!.id).toBe(regressionComment!.id)
    expect(fake.state.commentsOn(pr)[0]!.body).toContain('**Tailgate: no regression**')
  })
})

describe('a pull request from a fork (read-only token)', () => {
  it('measures, writes the summary and warns with the fix, without failing on the 403', async () => {
    // Given a fork PR whose token may read but not write comments (GitHub answers 403 to writes),
    const pr = 20
    openPullRequest(pr, { headRepository: 'someone/fork', headSha: SHAS.forkHead })
    fake.fail.forbidden('comments', { method: 'POST' })
    fake.fail.forbidden('comments', { method: 'PATCH' })
    const scenario = await scenarioDir('fork')

    // when the action measures the preview (no baseline saved yet, so the verdict is no-baseline),
    const run = await runScenario({
      fakeUrl: fake.url,
      scenario,
      event: prEvent(pr, { headRepository: 'someone/fork', headSha: SHAS.forkHead }),
      inputs: { profile: 'tailgate.yml', target: server.url.href, 'github-token': 'fake-token', comment: 'always' },
      files: { 'tailgate.yml': shortProfile() },
      runId: 2020,
    })

    // then the step passes (the exit code follows the verdict only), the summary has the report and the note, and a
    // warning says the comment was not posted and how to fix it (the two-workflow pattern).
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.timedOut).toBe(false)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.verdict).toBe('no-baseline')
    expect(run.outputs['result-path']).toMatch(/tailgate-results\/result\.json$/)
    expect(run.summary).toContain('**Tailgate: no baseline**')
    expect(run.summary).toMatch(/> \[!WARNING\]\n> The PR comment was not posted: .*read-only/)
    const warning = run.annotations.find((a) => a.level === 'warning' && a.message.includes('was not posted'))
    expect(warning?.message).toMatch(/403 Resource not accessible by integration/)
    expect(warning?.message).toMatch(/two-workflow pattern/)
    expect(warning?.message).toMatch(/workflow_run/)
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([])
    expect(fake.state.requestsTo('comments').some((r) => r.method === 'POST')).toBe(true)
    expect(fake.state.commentsOn(pr)).toEqual([])
  }, 60_000)

  it('fails on a regression with the regression as the reason, not the permission error', async () => {
    // Given the same read-only token and a result 30 % slower on GET /api/search,
    const pr = 21
    openPullRequest(pr, { headRepository: 'someone/fork', headSha: SHAS.forkHead })
    fake.fail.forbidden('comments', { method: 'POST' })
    const scenario = await scenarioDir('fork-regression')

    // when the action reports,
    const run = await runScenario({
      fakeUrl: fake.url,
      scenario,
      event: prEvent(pr, { headRepository: 'someone/fork', headSha: SHAS.forkHead }),
      inputs: { ...REPORT_INPUTS, comment: 'always' },
      files: resultFiles(syntheticResult({ searchFactor: 1.3 }), syntheticResult({ searchFactor: 1 })),
    })

    // then the step fails because of the regression; the comment failure stays a warning.
    expect(run.exitCode).toBe(1)
    const failures = run.annotations.filter((a) => a.level === 'error' && !a.properties.title)
    expect(failures.map((a) => a.message)).toEqual([expect.stringMatching(/^❌ 1 regression: GET \/api\/search/)])
    expect(run.annotations.some((a) => a.level === 'warning' && /was not posted/.test(a.message))).toBe(true)
    expect(run.annotations.some((a) => a.level === 'error' && /not posted|403/.test(a.message))).toBe(false)
    expect(run.summary).toContain('**Tailgate: regression**')
  })
})

describe('workflow_run: the fork-safe report workflow', () => {
  it.each([
    {
      what: 'a fork PR (GitHub lists no pull request): found through the REST API by head SHA',
      pr: 30,
      headRepository: 'someone/fork',
      listed: [] as number[],
      lookup: true,
    },
    {
      what: 'a same-repository PR listed in the event',
      pr: 31,
      headRepository: 'octo/repo',
      listed: [31],
      lookup: false,
    },
  ])(
    'comments on the right PR for $what, never the one the artifact names',
    async ({ pr, headRepository, listed, lookup }) => {
      // Given the PR (and another open PR the downloaded result claims to be about),
      const headSha = pr === 30 ? SHAS.forkHead : SHAS.otherHead
      openPullRequest(pr, { headRepository, headSha, headRef: 'patch-1' })
      openPullRequest(pr + 100, { headSha: SHAS.head })
      const claimed = syntheticResult({
        searchFactor: 1.3,
        git: { ref: `refs/pull/${pr + 100}/merge`, branch: 'patch-1', sha: headSha },
      })
      const pullsBefore = fake.state.requestsTo('pulls').length
      const scenario = await scenarioDir(`workflow-run-${pr}`)

      // when the workflow_run workflow runs Tailgate in report mode on the downloaded files,
      const run = await runScenario({
        fakeUrl: fake.url,
        scenario,
        event: workflowRunEvent({
          runId: 4000 + pr,
          headBranch: 'patch-1',
          headSha,
          headRepository,
          pullRequests: listed.map((number) => ({ number, baseSha: SHAS.mainA })),
        }),
        inputs: { ...REPORT_INPUTS, comment: 'always' },
        files: {
          'result.json': serializeRunResult(claimed),
          // main's baseline artifact is a bundle; docs/workflows.md extracts its current result with `jq .current`.
          'baseline.json': currentOfBundle(
            serializeBundle({ current: syntheticResult({ searchFactor: 1 }), history: [] }),
          ),
        },
        runId: 5000 + pr,
      })

      // then the comment lands on that PR only, and the verdict decides the exit code.
      expect(run.stderr).not.toMatch(STACK_TRACE)
      expect(run.stdout).toContain(`Tailgate mode: report (input 'report', event 'workflow_run')`)
      expect(run.exitCode).toBe(1)
      expect(run.outputs.verdict).toBe('regression')
      expect(fake.state.commentsOn(pr)).toHaveLength(1)
      expect(fake.state.commentsOn(pr)[0]!.body).toContain('**Tailgate: regression**')
      expect(fake.state.commentsOn(pr + 100)).toEqual([])
      expect(run.outputs['comment-url']).toContain(`/pull/${pr}#issuecomment-`)
      expect(fake.state.requestsTo('pulls').length > pullsBefore).toBe(lookup)
    },
  )
})

describe('mode: report given the baseline artifact itself (bundle.json)', () => {
  // report-mode.ts reads baseline-path with parseBundle: the bundle the baseline stores save, or a bare RunResult.
  it('compares with the current baseline of the bundle', async () => {
    const pr = 32
    openPullRequest(pr)
    const scenario = await scenarioDir('bundle-baseline')

    const run = await runScenario({
      fakeUrl: fake.url,
      scenario,
      event: prEvent(pr),
      inputs: { ...REPORT_INPUTS, 'baseline-path': 'bundle.json', comment: 'never' },
      files: {
        'result.json': serializeRunResult(syntheticResult({ searchFactor: 1.3 })),
        'bundle.json': serializeBundle({ current: syntheticResult({ searchFactor: 1 }), history: [] }),
      },
    })

    expect(run.outputs.verdict).toBe('regression')
    expect(run.exitCode).toBe(1)
  })
})

describe('the accept label', () => {
  it.each([
    { what: 'with the label applied by a reviewer', labelled: true, exitCode: 0, level: 'warning' },
    { what: 'without the label', labelled: false, exitCode: 1, level: 'error' },
  ])('a confirmed regression $what exits $exitCode with $level annotations', async ({ labelled, exitCode, level }) => {
    // Given a PR with a 30 % slower GET /api/search, and (or not) the accept label applied by @alice,
    const pr = labelled ? 40 : 41
    openPullRequest(pr)
    if (labelled) fake.state.addLabel(pr, 'tailgate:accept', 'alice')
    const scenario = await scenarioDir(`label-${pr}`)

    // when the action reports,
    const run = await runScenario({
      fakeUrl: fake.url,
      scenario,
      event: prEvent(pr, { labels: labelled ? ['tailgate:accept'] : [], action: labelled ? 'labeled' : 'synchronize' }),
      inputs: REPORT_INPUTS,
      files: resultFiles(syntheticResult({ searchFactor: 1.3 }), syntheticResult({ searchFactor: 1 })),
    })

    // then the regression is still reported, and the label decides whether the step fails.
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.exitCode).toBe(exitCode)
    expect(run.outputs.verdict).toBe('regression')
    const regressionNotes = run.annotations.filter((a) =>
      /GET \/api\/search p\d+ regression/.test(a.properties.title ?? ''),
    )
    expect(regressionNotes.length).toBeGreaterThanOrEqual(1)
    expect(regressionNotes.every((a) => a.level === level)).toBe(true)
    const [comment] = fake.state.commentsOn(pr)
    if (labelled) {
      expect(run.annotations.filter((a) => a.level === 'error')).toEqual([])
      // The comment writes @\u200dalice (a zero-width joiner) so that quoting the report never pings anyone.
      expect(comment?.body).toMatch(
        /Accepted with the label “tailgate:accept”, applied by @\u200d?alice: the check does not fail\./,
      )
      expect(comment?.body).not.toMatch(/@\u200d?@/)
      expect(
        regressionNotes.every((a) => /accepted with the label 'tailgate:accept' by @?alice\)/.test(a.message)),
      ).toBe(true)
      expect(run.stdout).toMatch(/Accepted by the 'tailgate:accept' label \(applied by @alice\)/)
      const report = JSON.parse(await readFile(run.outputs['report-path']!, 'utf8'))
      expect(report.accepted).toEqual({ label: 'tailgate:accept', by: 'alice' })
    } else {
      expect(comment?.body).not.toContain('Accepted with the label')
    }
  })
})
