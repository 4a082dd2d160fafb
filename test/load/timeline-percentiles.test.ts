import { describe, expect, it } from 'vitest'
import { Recorder } from '../../src/load/recorder.js'
import { decodeRunResult, encodeRunResult } from '../../src/results/codec.js'
import { mergeRunResults } from '../../src/results/merge.js'
import { syntheticRun } from '../helpers/run-result.js'
import { exchange } from './run-helpers.js'

describe('the per-second timeline', () => {
  it('keeps p50, p95 and p99 of each second (µs, the gated latency)', () => {
    const recorder = new Recorder({
      endpointNames: ['GET /a'],
      runStartMs: 0,
      warmupMs: 0,
      durationMs: 2000,
      rounds: 2,
      gated: 'intended',
      trackWindow: false,
    })
    // Second 0: latencies 1 … 100 ms; second 1: 200 ms each.
    for (let i = 1; i <= 100; i++) recorder.record(0, i * 5, exchange(i * 5, i), null)
    for (let i = 0; i < 10; i++) recorder.record(0, 1000 + i * 50, exchange(1000 + i * 50, 200), null)

    const [first, second] = recorder.timeline()

    expect(first!.p95Us / 1000).toBeCloseTo(95, 0)
    expect(first!.p99Us! / 1000).toBeCloseTo(99, 0)
    expect(first!.p50Us! / 1000).toBeCloseTo(50, 0)
    expect([second!.p50Us, second!.p95Us, second!.p99Us].map((us) => Math.round(us! / 1000))).toEqual([200, 200, 200])
  })

  it('survives the file format, and older results without p50/p99 still decode', () => {
    const point = { second: 0, requests: 3, errors: 0, p50Us: 1000, p95Us: 2000, p99Us: 3000 }
    const run = syntheticRun([{ name: 'GET /a', roundsMs: [[1, 2, 3]] }], { timeline: [point] })
    const older = { ...encodeRunResult(run), timeline: [{ second: 0, requests: 3, errors: 0, p95Us: 2000 }] }

    expect(decodeRunResult(JSON.parse(JSON.stringify(encodeRunResult(run))), 'r.json').timeline).toEqual([point])
    expect(decodeRunResult(JSON.parse(JSON.stringify(older)), 'old.json').timeline[0]!.p50Us).toBeUndefined()
  })

  it('merges shards second by second, keeping the worse percentile (only when both shards have it)', () => {
    const shard = (p50Us: number | undefined) =>
      syntheticRun([{ name: 'GET /a', roundsMs: [[1, 2, 3]] }], {
        timeline: [
          {
            second: 0,
            requests: 3,
            errors: 0,
            p95Us: 2000,
            ...(p50Us === undefined ? {} : { p50Us, p99Us: p50Us * 3 }),
          },
        ],
      })

    expect(mergeRunResults([shard(1000), shard(1500)]).timeline[0]).toMatchObject({ p50Us: 1500, p99Us: 4500 })
    expect(mergeRunResults([shard(1000), shard(undefined)]).timeline[0]!.p50Us).toBeUndefined()
  })
})
