// The regression rule against a stored baseline (another CI job): run-level values, the job-to-job variance from the
// base branch's history or the allowance, and how the history is chosen. Deterministic runs from real histograms.
import { describe, expect, it } from 'vitest'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { decide } from '../../src/gate/decide.js'
import { JOB_NOISE_ALLOWANCE } from '../../src/gate/job-noise.js'
import type { GateBaseline, Verdict } from '../../src/gate/types.js'
import type { RunResult } from '../../src/results/types.js'
import { buildRun, roundsAround } from './builders.js'

const CENTRES = [100, 101, 99, 100.5, 99.5, 100.2]
/** A run of GET /search at `factor` × the centres, started `day` days after 2026-11-01. */
const runAt = (factor: number, day: number, overrides: Partial<RunResult> = {}): RunResult =>
  buildRun([{ name: 'GET /search', roundsMs: roundsAround(CENTRES.map((centre) => centre * factor)) }], {
    startedAt: new Date(Date.UTC(2026, 10, 1 + day)).toISOString(),
    git: {
      repository: 'octo/shop',
      ref: null,
      branch: 'main',
      sha: String(day).repeat(40).slice(0, 40),
      runId: `${day}`,
      workflow: 'perf',
    },
    ...overrides,
  })
/** Five earlier baselines whose jobs ran at 0.98 … 1.02 of the same latencies. */
const HISTORY = [0.98, 1.01, 0.99, 1.02, 1.0].map((factor, day) => runAt(factor, day))

function gate(candidate: RunResult, baseline: GateBaseline): Verdict {
  return decide({ candidate, baseline, gate: DEFAULT_GATE, budgets: {}, accepted: null })
}

const found = (history: readonly RunResult[] = []): GateBaseline => ({ kind: 'found', result: runAt(1, 10), history })

describe('a stored baseline with history: the job-to-job variance measured', () => {
  it.each([
    { what: 'a 30 % slowdown is a regression', factor: 1.3, outcome: 'regression' },
    {
      what: 'a 1 % change against a quiet history is no change (equivalence shown)',
      factor: 1.01,
      outcome: 'no-change',
    },
    { what: 'a 4 % change is no regression (a pass, not shown equivalent)', factor: 1.04, outcome: 'pass' },
  ])('$what', ({ factor, outcome }) => {
    const verdict = gate(runAt(factor, 11), found(HISTORY))

    const [p50] = verdict.endpoints[0]?.comparisons ?? []
    expect(verdict.endpoints[0]?.outcome.kind).toBe(outcome)
    expect(p50?.jobNoise).toMatchObject({ kind: 'history', runs: 6 })
    expect(p50?.explanation).toMatch(/; 6 v 6 rounds, job-to-job sd \d+\.\d % from 6 base-branch runs → /)
    expect(p50?.shiftInterval?.confLevel).toBeCloseTo(0.9, 12)
    expect(verdict.warnings.join('\n')).not.toMatch(/would sharpen it/)
  })

  it('uses the same history in any order, and ignores other profiles and repeats of the baseline', () => {
    const baseline = runAt(1, 10)
    const otherProfile = runAt(1.5, 3, { profileFingerprint: 'fp-other' })
    const shuffled = [HISTORY[3], HISTORY[0], baseline, HISTORY[4], otherProfile, HISTORY[2], HISTORY[1]] as RunResult[]

    const ordered = gate(runAt(1.05, 11), { kind: 'found', result: baseline, history: HISTORY })
    const messy = gate(runAt(1.05, 11), { kind: 'found', result: baseline, history: shuffled })

    expect(messy.endpoints).toEqual(ordered.endpoints)
  })

  it('widens with the job-to-job spread: the same change is caught against a quiet history, not a noisy one', () => {
    const noisy = [0.9, 1.12, 0.93, 1.1, 1.0].map((factor, day) => runAt(factor, day))

    const quiet = gate(runAt(1.15, 11), found(HISTORY))
    const loud = gate(runAt(1.15, 11), found(noisy))

    expect(quiet.endpoints[0]?.outcome.kind).toBe('regression')
    expect(loud.endpoints[0]?.outcome.kind).not.toBe('regression')
    const detectable = (verdict: Verdict) => verdict.endpoints[0]?.comparisons[0]?.detectableShift ?? 0
    expect(detectable(loud)).toBeGreaterThan(2 * detectable(quiet))
  })
})

describe('a stored baseline without enough history: the conservative allowance', () => {
  it('assumes the allowance, still catches a 30 % slowdown, and says history or live A/B would sharpen it', () => {
    const verdict = gate(runAt(1.3, 11), found(HISTORY.slice(0, 2)))

    const [p50] = verdict.endpoints[0]?.comparisons ?? []
    expect(verdict.endpoints[0]?.outcome.kind).toBe('regression')
    expect(p50?.jobNoise).toEqual({ kind: 'allowance', historyRuns: 2, jobSd: JOB_NOISE_ALLOWANCE })
    expect(p50?.explanation).toContain('6 v 6 rounds, assumed job-to-job sd 3 % (2 earlier baselines)')
    expect(verdict.warnings).toContainEqual(
      expect.stringMatching(
        /^Only 2 earlier baselines of the base branch \(3 needed .*\): the gate assumed a conservative ±3 % shift .* would sharpen it\.$/,
      ),
    )
  })

  it('cannot detect anything from one round per side, and says how to resolve it', () => {
    const one = (factor: number, day: number) =>
      buildRun([{ name: 'GET /search', roundsMs: roundsAround([100 * factor]) }], {
        startedAt: new Date(Date.UTC(2026, 10, day)).toISOString(),
      })

    const verdict = gate(one(1.02, 2), { kind: 'found', result: one(1, 1) })

    expect(verdict.outcome).toBe('inconclusive')
    expect(verdict.endpoints[0]?.comparisons.every((c) => c.detectableShift === null)).toBe(true)
    const reason = verdict.endpoints[0]?.outcome.kind === 'inconclusive' ? verdict.endpoints[0].outcome.reason : ''
    expect(reason).toMatch(
      /^p50: could not resolve the \d+\.\d+ ms margin: 1 v 1 rounds cannot detect any change; run more rounds/,
    )
  })
})

describe('a live A/B baseline (same job): no job-to-job shift to allow for', () => {
  it('compares round against round with the exact rank test', () => {
    const verdict = gate(runAt(1.3, 11), { kind: 'found', result: runAt(1, 10), design: 'live-ab' })

    const [p50] = verdict.endpoints[0]?.comparisons ?? []
    expect(p50?.jobNoise).toEqual({ kind: 'same-job' })
    expect(p50?.pValue).toBeCloseTo(1 / 924, 12)
    expect(verdict.warnings.join('\n')).not.toMatch(/would sharpen it/)
  })
})
