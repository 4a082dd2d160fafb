// publishReports through its own small interface (PublishSettings, PublishPorts): the report files, the outputs, the
// sticky comment by policy, the job summary and the step status, with nothing of the rest of the Action's deps.
import { describe, expect, it } from 'vitest'
import type { CommentResult } from '../../src/action/ports.js'
import { type PublishPorts, type PublishSettings, publishReports } from '../../src/action/publish.js'
import type { CommentPolicy } from '../../src/config/inputs.js'
import type { Verdict } from '../../src/gate/types.js'
import { memoryLog } from '../../src/log.js'
import { endpointVerdict, regressionOf, run, verdict } from '../report/builders.js'

interface FakeOptions {
  readonly pullRequest?: number | null
  readonly existingComment?: boolean
  readonly commentResult?: CommentResult
  readonly summaryFails?: boolean
}

/** Exactly the ports publishing calls, in memory. */
function fakePorts(options: FakeOptions = {}) {
  const log = memoryLog()
  const files = new Map<string, string>()
  const outputs = new Map<string, string>()
  const upserts: { pullRequest: number; marker: string; body: string }[] = []
  const failures: string[] = []
  let summary = ''
  const pr = options.pullRequest === undefined ? 7 : options.pullRequest
  const ports: PublishPorts = {
    context: {
      eventName: pr === null ? 'push' : 'pull_request',
      runUrl: 'https://github.com/octo/app/actions/runs/42',
      pullRequest:
        pr === null ? null : { number: pr, baseBranch: 'main', baseSha: null, headSha: null, fromFork: false },
    },
    files: {
      writeText: async (path, text) => {
        files.set(path, text)
        return `/workspace/${path}`
      },
    },
    outputs: { set: (name, value) => outputs.set(name, value) },
    log,
    annotate: () => {},
    comments: {
      exists: async () => options.existingComment ?? false,
      upsert: async (pullRequest, marker, body) => {
        upserts.push({ pullRequest, marker, body })
        return options.commentResult ?? { kind: 'created', url: `https://github.com/octo/app/pull/${pullRequest}#c1` }
      },
    },
    writeSummary: async (markdown) => {
      if (options.summaryFails) throw new Error('GITHUB_STEP_SUMMARY is not writable')
      summary += markdown
    },
    fail: (message) => failures.push(message),
  }
  return { ports, log, files, outputs, upserts, failures, summary: () => summary }
}

const regressed = verdict([endpointVerdict('GET /a', regressionOf())])
const unchanged = verdict([endpointVerdict('GET /a', { kind: 'no-change' })])

async function publish(fake: ReturnType<typeof fakePorts>, settings: PublishSettings, gated: Verdict) {
  await publishReports({
    settings,
    deps: fake.ports,
    verdict: gated,
    candidate: run(['GET /a'], { overrides: { profileId: 'api' } }),
    baseline: null,
    baselineLines: [],
    mode: 'compare',
    profile: null,
    accepted: null,
  })
}

describe('publishReports', () => {
  it('writes the reports, sets the outputs, comments, writes the summary and fails the step on a regression', async () => {
    const fake = fakePorts()

    await publish(fake, { outputDir: 'out', comment: 'always' }, regressed)

    expect([...fake.files.keys()].sort()).toEqual([
      'out/junit.xml',
      'out/report.json',
      'out/report.md',
      'out/tailgate-report.html',
    ])
    expect(Object.fromEntries(fake.outputs)).toMatchObject({
      verdict: 'regression',
      regressions: '1',
      'report-path': '/workspace/out/report.json',
      'markdown-path': '/workspace/out/report.md',
      'junit-path': '/workspace/out/junit.xml',
      'html-path': '/workspace/out/tailgate-report.html',
      'baseline-source': '',
      'comment-url': 'https://github.com/octo/app/pull/7#c1',
    })
    expect(fake.upserts).toHaveLength(1)
    expect(fake.upserts[0]?.body).toContain(fake.upserts[0]?.marker)
    expect(fake.summary()).toBe(fake.files.get('out/report.md'))
    expect(fake.failures).toEqual([regressed.headline])
  })

  it.each([
    { policy: 'always', gated: unchanged, existing: false, posts: true },
    { policy: 'never', gated: regressed, existing: true, posts: false },
    { policy: 'on-change', gated: regressed, existing: false, posts: true },
    { policy: 'on-change', gated: unchanged, existing: false, posts: false },
    { policy: 'on-change', gated: unchanged, existing: true, posts: true },
    { policy: 'on-failure', gated: regressed, existing: false, posts: true },
    { policy: 'on-failure', gated: unchanged, existing: false, posts: false },
    { policy: 'on-failure', gated: unchanged, existing: true, posts: true },
  ] as const)('comment: $policy on $gated.outcome with a comment there: $existing → posts: $posts', async (row) => {
    const fake = fakePorts({ existingComment: row.existing })

    await publish(fake, { outputDir: 'out', comment: row.policy as CommentPolicy }, row.gated)

    expect(fake.upserts.length).toBe(row.posts ? 1 : 0)
    expect(fake.outputs.has('comment-url')).toBe(row.posts)
  })

  it('skips the comment outside a pull request and says why', async () => {
    const fake = fakePorts({ pullRequest: null })

    await publish(fake, { outputDir: 'out', comment: 'always' }, unchanged)

    expect(fake.upserts).toEqual([])
    expect(fake.log.lines).toContainEqual({
      level: 'info',
      message: "No PR comment: not a pull request (event 'push')",
    })
    expect(fake.failures).toEqual([])
  })

  it('adds a warning to the summary when the comment was not posted, naming the reason once', async () => {
    const fake = fakePorts({
      commentResult: {
        kind: 'not-posted',
        reason: 'the comment on PR #7 was not posted: the token is read-only',
        fix: 'add permissions: pull-requests: write',
      },
    })

    await publish(fake, { outputDir: 'out', comment: 'always' }, unchanged)

    const text = 'The PR comment was not posted: the token is read-only. Fix: add permissions: pull-requests: write'
    expect(fake.log.lines).toContainEqual({ level: 'warning', message: text })
    expect(fake.summary()).toContain(`> [!WARNING]\n> ${text}`)
  })

  it('keeps the verdict when the job summary cannot be written', async () => {
    const fake = fakePorts({ summaryFails: true })

    await publish(fake, { outputDir: 'out', comment: 'never' }, regressed)

    expect(fake.log.lines).toContainEqual({
      level: 'warning',
      message: 'The job summary could not be written: GITHUB_STEP_SUMMARY is not writable',
    })
    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(fake.failures).toEqual([regressed.headline])
  })
})
