// The capacity search as a state machine: which rates it visits for a given limit, and how it ends.
import { describe, expect, it } from 'vitest'
import { CapacitySearch } from '../../src/capacity/search.js'
import type { CapacitySettings } from '../../src/config/profile.js'
import type { CapacityStepOutcome } from '../../src/results/types.js'

const settings = (overrides: Partial<CapacitySettings> = {}): CapacitySettings => ({
  startRatePerSecond: 50,
  maxRatePerSecond: 2000,
  growthFactor: 2,
  resolution: 0.05,
  stepDurationMs: 1000,
  slo: {},
  ...overrides,
})

/** Runs a search where every rate up to `limit` passes, recording the rates and attempts visited. */
function drive(
  search: CapacitySearch,
  judge: (rate: number, attempt: number) => CapacityStepOutcome,
  safetyStop: (rate: number) => boolean = () => false,
) {
  const visited: { rate: number; attempt: number }[] = []
  for (let step = search.next(); step !== null; step = search.next()) {
    visited.push({ rate: step.ratePerSecond, attempt: step.attempt })
    search.record(judge(step.ratePerSecond, step.attempt), { safetyStop: safetyStop(step.ratePerSecond) })
    if (visited.length > 100) throw new Error('the search did not end')
  }
  return { visited, conclusion: search.conclusion() }
}

describe('CapacitySearch', () => {
  it.each([400, 308, 77, 1999])('brackets a limit of %d/s within the resolution, never above it', (limit) => {
    const { visited, conclusion } = drive(new CapacitySearch(settings()), (rate) => (rate <= limit ? 'pass' : 'fail'))
    expect(conclusion.status).toBe('found')
    const low = conclusion.sustainedRatePerSecond as number
    const high = conclusion.firstFailingRatePerSecond as number
    expect(low).toBeLessThanOrEqual(limit)
    expect(high).toBeGreaterThan(limit)
    expect(high / low - 1).toBeLessThanOrEqual(0.05)
    expect(Math.max(...visited.map((v) => v.rate))).toBeLessThanOrEqual(2000)
  })

  it('grows geometrically from start-rate until a step fails', () => {
    const { visited } = drive(new CapacitySearch(settings()), (rate) => (rate <= 400 ? 'pass' : 'fail'))
    const firsts = visited.filter((v) => v.attempt === 1)
    expect(firsts.slice(0, 5).map((v) => v.rate)).toEqual([50, 100, 200, 400, 800])
    expect(firsts[5]?.rate).toBeCloseTo(Math.sqrt(400 * 800), 9)
  })

  it('stops at max-rate when every step holds: the capacity is at least max-rate', () => {
    const { visited, conclusion } = drive(new CapacitySearch(settings({ maxRatePerSecond: 300 })), () => 'pass')
    expect(visited.map((v) => v.rate)).toEqual([50, 100, 200, 300])
    expect(conclusion).toEqual({ status: 'at-max-rate', sustainedRatePerSecond: 300, firstFailingRatePerSecond: null })
  })

  it('reports below-start-rate when the first step fails', () => {
    const { conclusion } = drive(new CapacitySearch(settings()), () => 'fail')
    expect(conclusion).toEqual({
      status: 'below-start-rate',
      sustainedRatePerSecond: null,
      firstFailingRatePerSecond: 50,
    })
  })

  it('repeats an undecided step once, then counts it as failed', () => {
    const { visited, conclusion } = drive(new CapacitySearch(settings()), (rate) =>
      rate < 200 ? 'pass' : rate === 200 ? 'undecided' : 'fail',
    )
    expect(visited.slice(2, 4)).toEqual([
      { rate: 200, attempt: 1 },
      { rate: 200, attempt: 2 },
    ])
    expect(conclusion.firstFailingRatePerSecond).toBeLessThanOrEqual(200)
    expect(conclusion.sustainedRatePerSecond).toBeLessThan(200)
  })

  it('an undecided step that decides on its repeat counts as decided', () => {
    const { conclusion } = drive(new CapacitySearch(settings({ maxRatePerSecond: 100 })), (rate, attempt) =>
      rate === 100 && attempt === 1 ? 'undecided' : 'pass',
    )
    expect(conclusion.status).toBe('at-max-rate')
  })

  it('ends without an answer when a step is invalid three times (never "capacity found")', () => {
    const { visited, conclusion } = drive(new CapacitySearch(settings()), (rate) => (rate < 200 ? 'pass' : 'invalid'))
    expect(visited.map((v) => v.rate)).toEqual([50, 100, 200, 200, 200])
    expect(conclusion).toEqual({ status: 'invalid', sustainedRatePerSecond: 100, firstFailingRatePerSecond: null })
  })

  it('keeps a confirmed bracket when a rate between is invalid three times: found, coarser than the resolution', () => {
    const { visited, conclusion } = drive(new CapacitySearch(settings()), (rate) =>
      rate <= 400 ? 'pass' : rate === 800 ? 'fail' : 'invalid',
    )
    expect(visited.filter((v) => v.rate > 400 && v.rate < 800)).toHaveLength(3)
    expect(conclusion).toEqual({ status: 'found', sustainedRatePerSecond: 400, firstFailingRatePerSecond: 800 })
  })

  it('counts invalid attempts in a row: a valid attempt between them starts the count again', () => {
    const outcomes = ['invalid', 'invalid', 'fail', 'invalid', 'invalid', 'fail'] as const
    const { visited, conclusion } = drive(new CapacitySearch(settings({ maxRatePerSecond: 200 })), (rate, attempt) =>
      rate === 200 ? (outcomes[attempt - 1] ?? 'pass') : 'pass',
    )
    expect(visited.filter((v) => v.rate === 200)).toHaveLength(6)
    expect(conclusion.firstFailingRatePerSecond).toBe(200)
  })

  it('an invalid attempt is no evidence: the repeat decides the rate', () => {
    const { visited, conclusion } = drive(new CapacitySearch(settings({ maxRatePerSecond: 100 })), (rate, attempt) =>
      rate === 100 && attempt === 1 ? 'invalid' : 'pass',
    )
    expect(visited).toEqual([
      { rate: 50, attempt: 1 },
      { rate: 100, attempt: 1 },
      { rate: 100, attempt: 2 },
    ])
    expect(conclusion.status).toBe('at-max-rate')
  })

  // One stalled step must not cut the sustained rate: a failure counts only once a fresh repeat confirms it.
  it.each([
    { name: 'fail, fail: failed', outcomes: ['fail', 'fail'], holds: false },
    { name: 'fail, undecided: failed', outcomes: ['fail', 'undecided'], holds: false },
    { name: 'fail, pass, pass: held', outcomes: ['fail', 'pass', 'pass'], holds: true },
    { name: 'fail, pass, fail: failed', outcomes: ['fail', 'pass', 'fail'], holds: false },
    { name: 'undecided, pooled fail, fail: failed', outcomes: ['undecided', 'fail', 'fail'], holds: false },
    { name: 'undecided, pooled pass: held', outcomes: ['undecided', 'pass'], holds: true },
  ] as const)('a failing step is confirmed before it counts ($name)', ({ outcomes, holds }) => {
    const { visited, conclusion } = drive(new CapacitySearch(settings({ maxRatePerSecond: 200 })), (rate, attempt) =>
      rate === 200 ? (outcomes[attempt - 1] ?? 'pass') : 'pass',
    )
    expect(visited.filter((v) => v.rate === 200).map((v) => v.attempt)).toEqual(outcomes.map((_, i) => i + 1))
    expect(conclusion.firstFailingRatePerSecond).toBe(holds ? null : 200)
    expect(conclusion.status).toBe(holds ? 'at-max-rate' : 'found')
  })

  it('a safety stop counts at once: the target is not overloaded again to confirm it', () => {
    const { visited, conclusion } = drive(
      new CapacitySearch(settings()),
      (rate) => (rate <= 400 ? 'pass' : 'fail'),
      (rate) => rate > 400,
    )
    expect(visited.filter((v) => v.attempt > 1)).toEqual([])
    expect(conclusion.status).toBe('found')
  })

  it('a single stalled step below the limit does not cut the sustained rate', () => {
    let stalled = false
    const { conclusion } = drive(new CapacitySearch(settings()), (rate) => {
      if (rate > 300 && rate <= 400 && !stalled) {
        stalled = true
        return 'fail'
      }
      return rate <= 400 ? 'pass' : 'fail'
    })
    expect(conclusion.sustainedRatePerSecond).toBeGreaterThan(400 / 1.05)
    expect(conclusion.sustainedRatePerSecond).toBeLessThanOrEqual(400)
  })

  it('ends at once when a step is stopped (signal, max-duration)', () => {
    const { visited, conclusion } = drive(new CapacitySearch(settings()), (rate) => (rate < 100 ? 'pass' : 'stopped'))
    expect(visited).toHaveLength(2)
    expect(conclusion.status).toBe('stopped')
    expect(() => new CapacitySearch(settings()).record('pass')).not.toThrow()
  })
})
