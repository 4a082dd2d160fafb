// How one capacity step is decided from its rounds: sign test per objective, Holm for "broken", a growing queue,
// the repeat pooled with the first attempt, and the generator's health.
import { describe, expect, it } from 'vitest'
import { decideStep } from '../../src/capacity/step-decision.js'
import type { Budget } from '../../src/config/gate-schema.js'
import { DEFAULT_GATE, parseBudget } from '../../src/config/gate-schema.js'
import { createHistogram } from '../../src/results/histogram.js'
import type { RunResult } from '../../src/results/types.js'
import { buildRun, roundsAround } from '../gate/builders.js'

/** The run with the generator's sends late by `lateMs[i]` in round i (every send of the round). */
function withLateness(run: RunResult, lateMs: readonly number[]): RunResult {
  const generatorLateness = lateMs.map((ms) => {
    const histogram = createHistogram()
    for (let i = 0; i < 50; i++) histogram.record(Math.round(ms * 1000))
    return histogram
  })
  return { ...run, generatorLateness }
}

const budget = (text: string) => parseBudget(text) as Budget
const slo = { '*': [budget('p95 < 50ms'), budget('error-rate < 1%')] }
const ten = (centreMs: number) => roundsAround(Array(10).fill(centreMs))
const endpoint = (roundsMs: number[][], errorsPerRound?: number[]) => ({ name: 'GET /work', roundsMs, errorsPerRound })

describe('decideStep', () => {
  it('passes when every round holds every objective', () => {
    const decision = decideStep([buildRun([endpoint(ten(20))])], slo, DEFAULT_GATE)
    expect(decision.outcome).toBe('pass')
    expect(decision.objectives.map((o) => o.status)).toEqual(['holds', 'holds'])
  })

  it('fails when the rounds are over the threshold (Holm over the objectives), naming the objective', () => {
    const decision = decideStep([buildRun([endpoint(ten(80))])], slo, DEFAULT_GATE)
    expect(decision.outcome).toBe('fail')
    expect(decision.breaking).toMatchObject({ endpoint: 'GET /work', objective: 'p95 < 50ms' })
    expect(decision.reason).toContain('10 of 10 rounds over')
    expect(decision.objectives[0]?.pBroken).toBeCloseTo(2 / 1024, 12)
  })

  it('fails on errors past the error-rate objective', () => {
    const rounds = ten(20)
    const decision = decideStep([buildRun([endpoint(rounds, Array(10).fill(5))])], slo, DEFAULT_GATE)
    expect(decision.outcome).toBe('fail')
    expect(decision.breaking?.objective).toBe('error-rate < 1%')
  })

  it('is undecided when the rounds are split, and the repeat decides with both attempts pooled', () => {
    const split = [...ten(20).slice(0, 7), ...ten(80).slice(0, 3)]
    const first = decideStep([buildRun([endpoint(split)])], slo, DEFAULT_GATE)
    expect(first.outcome).toBe('undecided')
    expect(first.reason).toContain('3 of 10 rounds over')
    const clean = buildRun([endpoint(ten(20))])
    const pooled = decideStep([buildRun([endpoint(split)]), clean], slo, DEFAULT_GATE)
    expect(pooled.outcome).toBe('pass')
    expect(pooled.objectives[0]?.roundValues).toHaveLength(20)
  })

  it('fails a step whose latency rises round over round (a growing queue) before the SLO breaks', () => {
    const rising = roundsAround([10, 12, 14, 16, 18, 20, 22, 24, 26, 28])
    const decision = decideStep([buildRun([endpoint(rising)])], { '*': [budget('p95 < 100ms')] }, DEFAULT_GATE)
    expect(decision.outcome).toBe('fail')
    expect(decision.reason).toContain('a growing queue')
    expect(decision.breaking?.objective).toBe('sustainable (no growing queue)')
  })

  it('does not call a bump in one round a growing queue', () => {
    const bump = roundsAround([20, 20.5, 19.5, 20, 20.2, 19.8, 35, 20, 20.1, 19.9])
    expect(decideStep([buildRun([endpoint(bump)])], { '*': [budget('p95 < 100ms')] }, DEFAULT_GATE).outcome).toBe(
      'pass',
    )
  })

  it('is invalid when the generator did not keep up: never a pass', () => {
    const run = buildRun([endpoint(ten(20))])
    const unhealthy = { ...run, health: { ...run.health, invalidReasons: ['the generator fell behind'] } }
    const decision = decideStep([unhealthy], slo, DEFAULT_GATE)
    expect(decision.outcome).toBe('invalid')
    expect(decision.reason).toContain('the generator fell behind')
  })

  // A runner stall sends a round's requests late at once: that round (and the next, where the burst's queue drains)
  // measure the runner, not the target.
  it('sets aside rounds the generator stalled in, and the round after each: the step is decided on the rest', () => {
    const stalled = [...ten(20).slice(0, 4), ...ten(80).slice(0, 2), ...ten(20).slice(0, 4)]
    const late = [1, 1, 1, 1, 30, 1, 1, 1, 1, 1]
    const plain = decideStep([buildRun([endpoint(stalled)])], slo, DEFAULT_GATE)
    expect(plain.outcome).toBe('undecided')
    const decision = decideStep([withLateness(buildRun([endpoint(stalled)]), late)], slo, DEFAULT_GATE)
    expect(decision.outcome).toBe('pass')
    expect(decision.reason).toContain('(2 rounds set aside: the generator stalled)')
    expect(decision.objectives[0]?.roundValues).toHaveLength(8)
  })

  it('is invalid, never failed, when the generator stalled in too many rounds', () => {
    const slow = ten(80)
    const late = [30, 1, 30, 1, 30, 1, 1, 1, 1, 1]
    const decision = decideStep([withLateness(buildRun([endpoint(slow)]), late)], slo, DEFAULT_GATE)
    expect(decision.outcome).toBe('invalid')
    expect(decision.reason).toMatch(
      /^the generator stalled: 6 of 10 rounds set aside \(their sends up to 30 ms late, past 10 ms, and the round after each\); as measured: GET \/work: p95 < 50ms broken/,
    )
  })

  it('lets a pass stand however late the generator was (lateness only makes a step look worse)', () => {
    const late = Array(10).fill(40)
    expect(decideStep([withLateness(buildRun([endpoint(ten(20))]), late)], slo, DEFAULT_GATE).outcome).toBe('pass')
  })

  it('keeps a late round that failed on its own (median past the threshold + 2 × the lateness): a real overload', () => {
    const late = [30, 1, 30, 1, 30, 1, 1, 1, 1, 1]
    const decision = decideStep([withLateness(buildRun([endpoint(ten(200))]), late)], slo, DEFAULT_GATE)
    expect(decision.outcome).toBe('fail')
    expect(decision.reason).not.toContain('set aside')
  })

  it('keeps a real failure: lateness within the limit sets nothing aside', () => {
    const decision = decideStep([withLateness(buildRun([endpoint(ten(80))]), Array(10).fill(4))], slo, DEFAULT_GATE)
    expect(decision.outcome).toBe('fail')
    expect(decision.reason).not.toContain('set aside')
  })
})
