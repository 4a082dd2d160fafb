// Labels re-decide, they do not skip: on labeled/unlabeled the pipeline takes the PR head's kept result (no load),
// applies or removes the acceptance, and fails or passes accordingly; without a kept result it says so and fails.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { resolveMode } from '../../src/action/modes.js'
import { keepMeasuredResult } from '../../src/action/relabel.js'
import { runAction } from '../../src/action/run.js'
import type { RunResult } from '../../src/results/types.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'
import { fakeDeps, pullRequestContext } from './fake-deps.js'

let profilePath: string
beforeAll(async () => {
  const dir = await scratchDir('tailgate-relabel-')
  profilePath = join(dir, 'tailgate.yml')
  // The target is never contacted on a label change: an address nothing listens on proves it.
  await writeFile(
    profilePath,
    `name: api\ntarget: http://127.0.0.1:9\nrate: 10/s\nduration: 3s\nrequests: [GET /a]\nrounds: 6\n`,
  )
})

const rounds = (centreMs: number) => Array.from({ length: 6 }, (_, i) => spreadMs(300, centreMs * (1 + 0.002 * i)))
const run = (centreMs: number): RunResult =>
  syntheticRun([{ name: 'GET /a', roundsMs: rounds(centreMs) }], { profileId: 'api' })
const source = {
  store: 'cache',
  reference: 'tailgate-v1-fp-main-bbbb',
  branch: 'main',
  sha: 'b'.repeat(40),
  exactSha: true,
  measuredAt: '2026-12-01T10:00:00.000Z',
  commitsBehind: 0,
  runId: '40',
} as const

const labelEvent = (action: 'labeled' | 'unlabeled') => ({ ...pullRequestContext(7), eventAction: action })

/** What the measuring run of PR 7 kept: a 30 % regression against main's baseline. */
async function measuredRegression() {
  const measuring = fakeDeps({ inputs: {}, context: pullRequestContext(7), candidate: run(26) })
  await keepMeasuredResult(measuring.deps, {
    profileId: 'api',
    candidate: run(26),
    restored: {
      outcome: { kind: 'found', result: run(20), history: [], source, warnings: [] },
      lines: ['Baseline: main at bbbbbbb (cache, exact base commit).'],
    },
  })
  return measuring.keptResults.get('tailgate-result-api')!
}

describe('a measuring run on a pull request', () => {
  it('keeps its result and the baseline it used as the artifact tailgate-result-<profile>', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(() => server.close())
    const fake = fakeDeps({
      inputs: { profile: profilePath, target: server.url.href, 'wait-timeout': '5s' },
      context: pullRequestContext(7),
      candidate: run(26),
      restore: { kind: 'found', result: run(20), history: [], source, warnings: [] },
    })

    await runAction(fake.deps)

    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(Object.keys(fake.keptResults.get('tailgate-result-api') ?? {}).sort()).toEqual([
      'baseline.json',
      'decision.json',
      'result.json',
    ])
  })
})

describe('a label change (labeled / unlabeled)', () => {
  it('resolves mode auto to relabel, and only for label actions', () => {
    expect(resolveMode('auto', labelEvent('labeled'))).toBe('relabel')
    expect(resolveMode('auto', labelEvent('unlabeled'))).toBe('relabel')
    expect(resolveMode('auto', { ...pullRequestContext(7), eventAction: 'synchronize' })).toBe('compare')
  })

  it.each([
    { label: 'an unrelated label (docs)', applied: false, fails: true },
    { label: 'the accept label', applied: true, fails: false },
  ])('with $label re-decides the kept regression without load: fails=$fails', async ({ applied, fails }) => {
    const kept = await measuredRegression()
    const fake = fakeDeps({
      inputs: { profile: profilePath },
      context: labelEvent('labeled'),
      candidate: run(99),
      measuredResult: kept,
      label: applied ? { applied: true, by: 'lead' } : { applied: false, by: null },
    })

    await runAction(fake.deps)

    expect(fake.measured()).toBe(0)
    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(fake.failure() !== null).toBe(fails)
    expect(fake.summary()).toContain('Re-decided after a label change from the result measured in run 40')
    expect(fake.summary()).toContain('Baseline: main at bbbbbbb')
    if (applied) expect(fake.comments.at(-1)?.body).toMatch(/tailgate:accept[\s\S]*lead/)
    expect(fake.outputs.get('result-path')).toMatch(/result\.json$/)
  })

  it('without a kept result for the head, says so and keeps the check failing', async () => {
    const fake = fakeDeps({ inputs: { profile: profilePath }, context: labelEvent('unlabeled'), candidate: run(20) })

    await runAction(fake.deps)

    expect(fake.measured()).toBe(0)
    expect(fake.outputs.get('verdict'), fake.failure() ?? '').toBe('no-result')
    expect(fake.failure()).toMatch(
      /^No measured result for the head ccccccc to re-decide after the label change: no completed run measured it\. The check stays failing/,
    )
    expect(fake.summary()).toContain('### Tailgate: no measured result')
  })
})
