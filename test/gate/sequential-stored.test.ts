// rounds: auto against a STORED baseline: the "no change" test uses the run-level test across jobs, whose variance
// includes the job-to-job component (history, or the allowance), not the round-against-round rank test.
import { describe, expect, it } from 'vitest'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { decide } from '../../src/gate/decide.js'
import { oneSidedPValues } from '../../src/gate/sequential.js'
import type { RunResult } from '../../src/results/types.js'
import { buildRun, roundsAround } from './builders.js'

const GATE = { ...DEFAULT_GATE, metrics: ['p50' as const] }

/** A run of `rounds` rounds around 100 ms × factor (± 0.2 % per round), started at `day`. */
function run(factor: number, rounds: number, day: number): RunResult {
  const centres = Array.from({ length: rounds }, (_, i) => 100 * factor * (1 + 0.002 * ((i % 3) - 1)))
  return buildRun([{ name: 'GET /', roundsMs: roundsAround(centres, 40, 0.01) }], {
    startedAt: `2026-11-${String(day).padStart(2, '0')}T12:00:00.000Z`,
  })
}

function comparisonOf(history: readonly RunResult[]) {
  const verdict = decide({
    candidate: run(1, 12, 28),
    baseline: { kind: 'found', result: run(1, 6, 27), history },
    gate: GATE,
    budgets: {},
  })
  const comparison = verdict.endpoints[0]?.comparisons[0]
  if (comparison === undefined) throw new Error('no comparison')
  return comparison
}

describe('rounds: auto "no change" against a stored baseline', () => {
  it('without history, the 3 % job-to-job allowance keeps the candidate from being called "no change"', () => {
    // given a candidate whose rounds are all within 0.2 % of the baseline's, and no history
    const comparison = comparisonOf([])

    // then the no-change test is the across-jobs t test (allowance), which cannot rule out a 5 % shift of the job,
    expect(comparison.jobNoise?.kind).toBe('allowance')
    expect(comparison.noChangePValue).toBeGreaterThan(0.05)
    expect(oneSidedPValues(comparison).noChange).toBe(comparison.noChangePValue)
    // although the rounds alone (rank test, no job variance) look decisive
    const { noChangePValue: _, ...roundsOnly } = comparison
    expect(oneSidedPValues({ ...roundsOnly, jobNoise: { kind: 'same-job' } }).noChange).toBeLessThan(0.01)
  })

  it('with 10 quiet stored runs of the base branch, the same candidate can be shown "no change"', () => {
    // given history runs that differ by at most ± 0.5 % from job to job
    const history = Array.from({ length: 10 }, (_, i) => run(1 + 0.005 * ((i % 3) - 1), 6, 10 + i))
    const comparison = comparisonOf(history)

    expect(comparison.jobNoise?.kind).toBe('history')
    expect(oneSidedPValues(comparison).noChange).toBeLessThan(0.001)
  })
})
