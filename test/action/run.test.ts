// Scenario tests of the action pipeline with fake ports (no module mocks): modes, comment policy, fork PRs,
// label acceptance, config errors, secrets. The readiness check talks to a real loopback server.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../../src/action/run.js'
import type { RunResult } from '../../src/results/types.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'
import { fakeDeps, found, pullRequestContext, pushContext } from './fake-deps.js'

let server: Awaited<ReturnType<typeof startServer>>
let profilePath: string
const seen: { headers: Record<string, string | string[] | undefined> }[] = []

beforeAll(async () => {
  server = await startServer((req, res) => {
    seen.push({ headers: req.headers })
    res.end('ok')
  })
  const dir = await scratchDir('tailgate-pipeline-')
  profilePath = join(dir, 'tailgate.yml')
  await writeFile(profilePath, `name: api\nrate: 10/s\nrequests: [GET /a]\nduration: 3s\nrounds: 6\n`)
})
afterAll(async () => server.close())

const rounds = (centreMs: number) => Array.from({ length: 6 }, (_, i) => spreadMs(300, centreMs * (1 + 0.002 * i)))
const run = (centreMs: number, overrides: Partial<RunResult> = {}) =>
  syntheticRun([{ name: 'GET /a', roundsMs: rounds(centreMs) }], { profileId: 'api', ...overrides })
const inputs = (extra: Record<string, string> = {}) => ({
  profile: profilePath,
  target: server.url.href,
  'wait-timeout': '5s',
  ...extra,
})

describe('the action pipeline', () => {
  it('on a push to the default branch measures, saves the baseline and passes', async () => {
    const fake = fakeDeps({ inputs: inputs(), context: pushContext('main'), candidate: run(20) })

    await runAction(fake.deps)

    expect(fake.failure()).toBeNull()
    expect(fake.saved).toHaveLength(1)
    expect(fake.outputs.get('baseline-saved')).toBe('true')
    expect(fake.summary()).toContain('This run measures the baseline of main')
    expect(fake.comments).toHaveLength(0)
  })

  it('on a pull request fails on a regression, comments once and annotates the endpoint', async () => {
    const fake = fakeDeps({
      inputs: inputs(),
      context: pullRequestContext(7),
      candidate: run(26),
      restore: found(run(20)),
    })

    await runAction(fake.deps)

    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(fake.outputs.get('regressions')).toBe('1')
    expect(fake.failure()).toMatch(/regression/)
    expect(fake.comments).toHaveLength(1)
    expect(fake.comments[0]!.marker).toBe('<!-- tailgate:api -->')
    expect(fake.comments[0]!.body).toContain('<!-- tailgate:api -->')
    expect(fake.annotations.some((a) => a.level === 'error' && a.title.includes('GET /a'))).toBe(true)
    expect(fake.outputs.get('comment-url')).toMatch(/pull\/7/)
    expect(fake.saved).toHaveLength(0)
  })

  it('says why there is no baseline, comments it and passes', async () => {
    const fake = fakeDeps({ inputs: inputs(), context: pullRequestContext(7), candidate: run(20) })

    await runAction(fake.deps)

    expect(fake.outputs.get('verdict')).toBe('no-baseline')
    expect(fake.failure()).toBeNull()
    expect(fake.summary()).toContain('no baseline saved for main yet')
    expect(fake.comments).toHaveLength(1)
  })

  it.each([
    { policy: 'never', existing: false, verdictRun: 26, posts: 0 },
    { policy: 'on-failure', existing: false, verdictRun: 20.0, posts: 0 },
    { policy: 'on-failure', existing: true, verdictRun: 20.0, posts: 1 },
    { policy: 'always', existing: false, verdictRun: 20.0, posts: 1 },
  ])(
    'comment: $policy with an existing comment: $existing posts $posts',
    async ({ policy, existing, verdictRun, posts }) => {
      const fake = fakeDeps({
        inputs: inputs({ comment: policy }),
        context: pullRequestContext(7),
        candidate: run(verdictRun),
        restore: found(run(20)),
        existingComment: existing,
      })

      await runAction(fake.deps)

      expect(fake.comments).toHaveLength(posts)
    },
  )

  it('on a fork PR whose token cannot comment, warns with the fix, writes the summary and fails only on the verdict', async () => {
    const fake = fakeDeps({
      inputs: inputs(),
      context: pullRequestContext(9),
      candidate: run(20),
      commentResult: {
        kind: 'not-posted',
        reason: 'the token cannot comment on PR #9 (403 Resource not accessible by integration)',
        fix: 'use the two-workflow pattern',
      },
    })

    await runAction(fake.deps)

    expect(
      fake.log.lines.some((l) => l.level === 'warning' && /comment was not posted.*two-workflow/.test(l.message)),
    ).toBe(true)
    expect(fake.summary()).toMatch(/comment was not posted/)
    expect(fake.failure()).toBeNull()
  })

  it('turns a regression into warnings when the accept label is on, naming who applied it', async () => {
    const fake = fakeDeps({
      inputs: inputs(),
      context: pullRequestContext(7),
      candidate: run(26),
      restore: found(run(20)),
      label: { applied: true, by: '@lead' },
    })

    await runAction(fake.deps)

    expect(fake.failure()).toBeNull()
    expect(fake.annotations.every((a) => a.level === 'warning')).toBe(true)
    expect(fake.comments[0]!.body).toMatch(/tailgate:accept/)
    expect(fake.comments[0]!.body).toMatch(/lead/)
  })

  it.each<{ what: string; extra: Record<string, string>; error: RegExp }>([
    { what: 'a bad input', extra: { mode: 'measure' }, error: /'mode': input 'measure' is not valid/ },
    { what: 'a missing profile', extra: { profile: '/nonexistent/tailgate.yml' }, error: /profile file .* not found/ },
    { what: 'a bad header line', extra: { headers: 'no colon here' }, error: /'headers': line 1/ },
  ])('stops on $what with one message and sends no load', async ({ extra, error }) => {
    const fake = fakeDeps({ inputs: inputs(extra), context: pullRequestContext(7), candidate: run(20) })

    await runAction(fake.deps)

    expect(fake.failure()).toMatch(error)
    expect(fake.failure()).not.toMatch(/\n\s+at /)
    expect(fake.measured()).toBe(0)
  })

  it('registers protected-preview header values as secrets, sends them to the target, and writes them nowhere', async () => {
    const secret = 'S3cretBypassValue42'
    const fake = fakeDeps({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the headers input's own ${ENV} syntax
      inputs: inputs({ headers: 'x-bypass: ${BYPASS}' }),
      env: { BYPASS: secret },
      context: pullRequestContext(7),
      candidate: run(20),
      restore: found(run(20)),
    })
    const before = seen.length

    await runAction(fake.deps)

    expect(fake.secrets).toContain(secret)
    expect(seen.slice(before).some((r) => r.headers['x-bypass'] === secret)).toBe(true)
    const everything = [
      fake.summary(),
      ...fake.log.lines.map((l) => l.message),
      ...fake.outputs.values(),
      ...fake.files.values(),
      ...fake.comments.map((c) => c.body),
      fake.failure() ?? '',
    ].join('\n')
    expect(everything).not.toContain(secret)
  })

  it('as a shard measures its slice, writes the result and leaves the verdict to the merge job', async () => {
    const fake = fakeDeps({ inputs: inputs({ shard: '2/3' }), context: pullRequestContext(7), candidate: run(20) })

    await runAction(fake.deps)

    expect(fake.failure()).toBeNull()
    expect(fake.outputs.get('verdict')).toBe('shard')
    expect(fake.outputs.get('result-path')).toMatch(/result\.json$/)
    expect(fake.comments).toHaveLength(0)
    expect(fake.summary()).toContain('shard 2 of 3')
  })

  it('in merge mode adds the shard results and gates them against the baseline', async () => {
    const { serializeRunResult } = await import('../../src/results/codec.js')
    const fake = fakeDeps({
      inputs: { profile: profilePath, mode: 'merge', 'result-path': 's1.json, s2.json' },
      context: pullRequestContext(7),
      candidate: run(20),
      restore: found(run(20)),
    })
    await fake.deps.files.writeText('s1.json', serializeRunResult(run(26)))
    await fake.deps.files.writeText('s2.json', serializeRunResult(run(26)))

    await runAction(fake.deps)

    expect(fake.measured()).toBe(0)
    const merged = JSON.parse(fake.files.get('tailgate-results/result.json')!)
    expect(merged.endpoints[0].rounds[0].requests).toBe(600)
    expect(fake.outputs.get('verdict')).toBe('regression')
  })

  it('in calibrate mode runs A/A comparisons of the target and writes the recommended margin to the summary', async () => {
    const fake = fakeDeps({
      inputs: inputs({ mode: 'calibrate', 'calibrate-runs': '3' }),
      context: pushContext('main'),
      candidate: run(20),
    })

    await runAction(fake.deps)

    expect(fake.failure()).toBeNull()
    expect(fake.measured()).toBe(3)
    expect(fake.outputs.get('verdict')).toBe('calibrated')
    expect(fake.summary()).toMatch(/margin/i)
    expect(fake.files.get('tailgate-results/calibration.json')).toContain('tailgate-calibration')
  })

  it('in report mode compares two result files without load', async () => {
    const { serializeRunResult } = await import('../../src/results/codec.js')
    const fake = fakeDeps({
      inputs: { mode: 'report', 'result-path': 'cand.json', 'baseline-path': 'base.json' },
      context: pullRequestContext(7),
      candidate: run(20),
    })
    await fake.deps.files.writeText('cand.json', serializeRunResult(run(26)))
    await fake.deps.files.writeText('base.json', serializeRunResult(run(20)))

    await runAction(fake.deps)

    expect(fake.measured()).toBe(0)
    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(fake.comments).toHaveLength(1)
  })

  it('with rounds: auto against a stored baseline restores it first, stops when decided and says so', async () => {
    // given a rounds: auto profile and a candidate about 30 % slower than the stored baseline
    const dir = await scratchDir('tailgate-pipeline-auto-')
    const autoProfile = join(dir, 'tailgate.yml')
    await writeFile(
      autoProfile,
      'name: api\nrate: 10/s\nrequests: [GET /a]\nduration: 3s\nrounds: auto\nmax-duration: 20s\n',
    )
    const { readProfile } = await import('../../src/config/load-profile.js')
    const { profileFingerprint } = await import('../../src/config/fingerprint.js')
    const fingerprint = profileFingerprint(readProfile(autoProfile, { target: server.url.href }))
    const fake = fakeDeps({
      inputs: inputs({ profile: autoProfile }),
      context: pullRequestContext(7),
      candidate: run(26),
      restore: found(run(20, { profileFingerprint: fingerprint })),
    })

    // when the action runs
    await runAction(fake.deps)

    // then the regression was decided at the first look (6 rounds), and the comment says how and why it stopped
    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(fake.measured()).toBe(1)
    expect(fake.comments[0]?.body).toMatch(
      /🔁 rounds: auto stopped after 6 rounds \(1 look, up to \d+ planned\): every gated comparison was decided/,
    )
    expect(fake.log.lines.some((line) => line.message.includes('rounds: auto stopped after 6 rounds'))).toBe(true)
  })
})
