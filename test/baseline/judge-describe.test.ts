// Pure rules every store applies (profile changed, different machine) and the report lines the user sees.
import { describe, expect, it } from 'vitest'
import { describeRestore, describeSave } from '../../src/baseline/describe.js'
import { judgeBaseline } from '../../src/baseline/judge.js'
import type { RestoreOutcome } from '../../src/baseline/types.js'
import { PROFILE_CHANGED } from '../../src/config/fingerprint.js'
import type { BaselineSource } from '../../src/results/provenance.js'
import { baselineRun, MACHINE, MAIN, prQuery } from './baseline-fixtures.js'

const source: BaselineSource = {
  store: 'cache',
  reference: `tailgate-v1-fp-main-${MAIN[3]}`,
  branch: 'main',
  sha: MAIN[3]!,
  exactSha: true,
  measuredAt: '2026-11-20T10:00:00.000Z',
  commitsBehind: null,
  runId: '1',
}
const NOW = Date.parse('2026-11-22T10:00:00Z')

describe('judgeBaseline', () => {
  it('does not compare a baseline of another profile: missing, "profile changed in this PR"', () => {
    const bundle = { current: baselineRun({ fingerprint: 'fp-old' }), history: [], warnings: [] }

    const outcome = judgeBaseline({ bundle, query: prQuery(MAIN[3]!), machine: MACHINE, source })

    expect(outcome).toMatchObject({ kind: 'missing', reason: PROFILE_CHANGED })
    expect(PROFILE_CHANGED).toBe('profile changed in this PR')
    expect(outcome.warnings[0]).toMatch(
      /measured with another load profile \(fingerprint fp-old, this run fp-checkout-/,
    )
  })

  it.each([
    { what: 'CPU model', baseline: { cpuModel: 'Other CPU' }, text: 'Other CPU, 2 cores; this run: Test CPU, 2 cores' },
    { what: 'core count', baseline: { cores: 4 }, text: 'Test CPU, 4 cores; this run: Test CPU, 2 cores' },
  ])('compares a baseline from a different $what, with a warning', ({ baseline, text }) => {
    const bundle = { current: baselineRun(baseline), history: [], warnings: [] }

    const outcome = judgeBaseline({ bundle, query: prQuery(MAIN[3]!), machine: MACHINE, source })

    expect(outcome.kind).toBe('found')
    expect(outcome.warnings).toEqual([
      `The baseline was measured on a different machine (${text}): part of any difference may be the hardware`,
    ])
  })

  it('keeps only same-profile history and carries the bundle warnings', () => {
    const bundle = {
      current: baselineRun(),
      history: [baselineRun({ sha: MAIN[2] }), baselineRun({ fingerprint: 'fp-old' })],
      warnings: ['Dropped an unreadable earlier baseline'],
    }

    const outcome = judgeBaseline({ bundle, query: prQuery(MAIN[3]!), machine: MACHINE, source })

    expect(outcome).toMatchObject({ kind: 'found', warnings: ['Dropped an unreadable earlier baseline'] })
    expect(outcome.kind === 'found' && outcome.history.map((r) => r.git.sha)).toEqual([MAIN[2]])
  })
})

describe('report lines', () => {
  const found = (over: Partial<BaselineSource>): RestoreOutcome => ({
    kind: 'found',
    result: baselineRun(),
    history: [],
    source: { ...source, ...over },
    warnings: [],
  })

  it.each([
    {
      what: 'an exact-SHA hit',
      outcome: found({}),
      line: `Baseline: main at 4444444 (the exact base SHA), measured 2026-11-20 10:00 UTC, 2 days before this run; from Actions cache entry tailgate-v1-fp-main-${MAIN[3]}`,
    },
    {
      what: 'a branch fallback with commits behind',
      outcome: found({ exactSha: false, commitsBehind: 3, sha: MAIN[0]! }),
      line: expect.stringMatching(
        /^Baseline: main at 1111111 \(the newest baseline of the branch, 3 commits behind the base SHA\), measured/,
      ),
    },
    {
      what: 'a fallback with unknown distance',
      outcome: found({
        exactSha: false,
        store: 'artifact',
        reference: 'tailgate-baseline-checkout (artifact 7 of run 900)',
      }),
      line: expect.stringMatching(
        /\(the newest baseline of the branch; not the exact base SHA\).*; from artifact tailgate-baseline-checkout \(artifact 7 of run 900\)$/,
      ),
    },
    {
      what: 'no baseline',
      outcome: {
        kind: 'missing',
        reason: 'no baseline in the Actions cache for main yet',
        warnings: [],
      } as RestoreOutcome,
      line: 'No baseline: no baseline in the Actions cache for main yet',
    },
  ])('describe $what', ({ outcome, line }) => {
    expect(describeRestore(outcome, NOW)).toEqual([line])
  })

  it('lists warnings after the baseline line and mentions the trend', () => {
    const outcome: RestoreOutcome = {
      ...(found({}) as Extract<RestoreOutcome, { kind: 'found' }>),
      history: [baselineRun(), baselineRun()],
      warnings: ['different machine'],
    }

    expect(describeRestore(outcome, NOW).slice(1)).toEqual(['Trend: 2 earlier baselines', 'Warning: different machine'])
  })

  it.each([
    {
      outcome: { kind: 'saved', reference: 'cache key k', warnings: [] } as const,
      lines: ['Saved this run as the baseline of main: cache key k'],
    },
    {
      outcome: { kind: 'not-saved', reason: 'the Actions cache failed: boom', warnings: ['w'] } as const,
      lines: ['Baseline NOT saved: the Actions cache failed: boom', 'Warning: w'],
    },
  ])('describes a save: $outcome.kind', ({ outcome, lines }) => {
    expect(describeSave(outcome, { branch: 'main' })).toEqual(lines)
  })
})
