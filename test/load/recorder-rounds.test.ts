// The recorder's slots: slot 0 the warm-up, slot r + 1 round r, chosen by a request's intended start; edges, one
// round, no warm-up, requests started after the window (the last round), partial runs, cells made ahead of time.
import { describe, expect, it } from 'vitest'
import { Recorder } from '../../src/load/recorder.js'
import { exchange } from './run-helpers.js'

interface Case {
  readonly name: string
  readonly warmupMs: number
  readonly durationMs: number
  readonly rounds: number
  /** Intended starts, ms after the run's start. */
  readonly startsMs: readonly number[]
  /** Rounds reported (fewer than `rounds` for a partial run). */
  readonly roundCount?: number
  readonly warmupRequests: number
  readonly perRound: readonly number[]
}

const cases: Case[] = [
  {
    name: 'no warm-up, one round: the window start, its last instant, and a start after its end',
    warmupMs: 0,
    durationMs: 1000,
    rounds: 1,
    startsMs: [0, 999.999, 1000, 1004],
    warmupRequests: 0,
    perRound: [4],
  },
  {
    name: 'warm-up then three rounds: each edge belongs to the round it opens',
    warmupMs: 500,
    durationMs: 900,
    rounds: 3,
    startsMs: [0, 499.999, 500, 799.999, 800, 1100, 1399.999, 1400, 1450],
    warmupRequests: 2,
    perRound: [2, 1, 4],
  },
  {
    name: 'rounds a third of the window long (edges that are not whole milliseconds)',
    warmupMs: 100,
    durationMs: 1000,
    rounds: 3,
    startsMs: [100 + 1000 / 3 - 0.001, 100 + 1000 / 3 + 0.001, 100 + 2000 / 3 + 0.001, 1099.999],
    warmupRequests: 0,
    perRound: [1, 1, 2],
  },
  {
    name: 'a partial run reports its first rounds only',
    warmupMs: 200,
    durationMs: 1000,
    rounds: 4,
    startsMs: [100, 250, 480],
    roundCount: 2,
    warmupRequests: 1,
    perRound: [1, 1],
  },
]

function recorderFor(c: Pick<Case, 'warmupMs' | 'durationMs' | 'rounds'>, gated: 'intended' | 'actual' = 'intended') {
  const runStartMs = 10_000
  const recorder = new Recorder({
    endpointNames: ['GET /a', 'GET /b'],
    runStartMs,
    warmupMs: c.warmupMs,
    durationMs: c.durationMs,
    rounds: c.rounds,
    gated,
    trackWindow: false,
  })
  return { recorder, runStartMs }
}

describe("the recorder's warm-up slot and rounds", () => {
  it.each(cases)('$name', (c) => {
    // given
    const { recorder, runStartMs } = recorderFor(c)

    // when: every request of endpoint 0; endpoint 1 gets none
    for (const startMs of c.startsMs) recorder.record(0, runStartMs + startMs, exchange(runStartMs + startMs, 2), null)

    // then
    const [a, b] = recorder.endpoints(c.roundCount ?? c.rounds)
    expect(a?.warmupRequests).toBe(c.warmupRequests)
    expect(a?.rounds.map((r) => r.requests)).toEqual(c.perRound)
    expect(a?.rounds.map((r) => r.latency.count)).toEqual(c.perRound)
    expect(recorder.measuredRequests).toBe(c.startsMs.length - c.warmupRequests)
    expect(b?.warmupRequests).toBe(0)
    expect(b?.rounds.map((r) => r.requests)).toEqual(c.perRound.map(() => 0))
  })

  it('cells made ahead by the housekeeping hold nothing until a request comes, at every stage of the run', () => {
    // given: cells prepared before the run, in the warm-up, at each round and after the end
    const c = { warmupMs: 500, durationMs: 900, rounds: 3 }
    const { recorder, runStartMs } = recorderFor(c, 'actual')
    for (const atMs of [-10, 0, 499, 500, 800, 1100, 1400, 5000]) recorder.prepareCells(runStartMs + atMs)

    // when
    recorder.record(1, runStartMs + 900, exchange(runStartMs + 900, 2), 'http-5xx')

    // then
    const [a, b] = recorder.endpoints(3)
    expect(a?.warmupRequests).toBe(0)
    expect(a?.rounds.map((r) => [r.requests, r.latency.count, r.bytesReceived])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ])
    expect(b?.rounds.map((r) => r.requests)).toEqual([0, 1, 0])
    expect(b?.rounds[1]?.errors).toEqual({ 'http-5xx': 1 })
    expect(b?.rounds[1]?.actualLatency).toBe(b?.rounds[1]?.latency)
  })
})
