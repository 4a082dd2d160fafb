// Each endpoint's own per-second timeline: recorded beside the whole run's, carried through the file (format 1.2),
// optional for older files, merged across shards and joined across live A/B pieces.
import { describe, expect, it } from 'vitest'
import { joinRuns } from '../../src/load/live-ab.js'
import { Recorder } from '../../src/load/recorder.js'
import { SecondTimeline } from '../../src/load/second-timeline.js'
import { decodeRunResult, encodeRunResult, parseRunResult, serializeRunResult } from '../../src/results/codec.js'
import { createChartHistogram, createHistogram } from '../../src/results/histogram.js'
import { mergeRunResults } from '../../src/results/merge.js'
import type { RunResult, TimelinePoint } from '../../src/results/types.js'
import { syntheticRun } from '../helpers/run-result.js'
import { exchange } from './run-helpers.js'

const point = (second: number, p95Ms: number, extra: Partial<TimelinePoint> = {}): TimelinePoint => ({
  second,
  requests: 10,
  errors: 0,
  p50Us: p95Ms * 500,
  p95Us: p95Ms * 1000,
  p99Us: p95Ms * 1200,
  ...extra,
})

const withTimelines = (timelines: readonly (readonly TimelinePoint[] | undefined)[]): RunResult => {
  const run = syntheticRun(timelines.map((_, i) => ({ name: `GET /${i}`, roundsMs: [[1, 2, 3]] })))
  return {
    ...run,
    endpoints: run.endpoints.map((e, i) => {
      const timeline = timelines[i]
      return timeline === undefined ? e : { ...e, timeline }
    }),
  }
}

describe("an endpoint's own per-second timeline", () => {
  it('is recorded per endpoint beside the pooled one: its own seconds, requests, errors and percentiles', () => {
    const recorder = new Recorder({
      endpointNames: ['GET /fast', 'GET /slow'],
      runStartMs: 0,
      warmupMs: 1000,
      durationMs: 2000,
      rounds: 2,
      gated: 'intended',
      trackWindow: false,
    })
    // /fast: 10 ms in seconds 0 (warm-up) and 1; /slow: 200 ms in second 2 only, one of them an error.
    for (let i = 0; i < 20; i++) recorder.record(0, i * 40, exchange(i * 40, 10), null)
    for (let i = 0; i < 20; i++) recorder.record(0, 1000 + i * 40, exchange(1000 + i * 40, 10), null)
    for (let i = 0; i < 10; i++)
      recorder.record(1, 2000 + i * 50, exchange(2000 + i * 50, 200), i === 0 ? 'http-5xx' : null)

    const pooled = recorder.timeline()
    const [fast, slow] = recorder.endpoints(2)

    expect(pooled.map((p) => p.second)).toEqual([0, 1, 2])
    expect(fast!.timeline!.map((p) => [p.second, p.requests, p.errors])).toEqual([
      [0, 20, 0],
      [1, 20, 0],
    ])
    expect(slow!.timeline!.map((p) => [p.second, p.requests, p.errors])).toEqual([[2, 10, 1]])
    // Chart resolution (2 significant digits): within 1 %.
    for (const p of fast!.timeline!) {
      for (const us of [p.p50Us!, p.p95Us, p.p99Us!]) expect(Math.abs(us - 10_000) / 10_000).toBeLessThan(0.01)
    }
    expect(Math.abs(slow!.timeline![0]!.p99Us! - 200_000) / 200_000).toBeLessThan(0.01)
  })

  it('keeps what it measured once a second is settled (later requests count, percentiles stay)', () => {
    const recorder = new Recorder({
      endpointNames: ['GET /a'],
      runStartMs: 0,
      warmupMs: 0,
      durationMs: 3000,
      rounds: 1,
      gated: 'actual',
      trackWindow: false,
    })
    for (let i = 0; i < 10; i++) recorder.record(0, i * 100, exchange(i * 100, 5), null)
    recorder.settleTimeline(2000)
    recorder.record(0, 999, exchange(999, 500), null)

    const [second0] = recorder.endpoints(1)[0]!.timeline!

    expect(second0!.requests).toBe(11)
    expect(second0!.p99Us).toBeLessThan(10_000)
  })

  it("reuses a settled second's histogram for a later second without carrying its values over", () => {
    let created = 0
    const timeline = new SecondTimeline(0, () => {
      created++
      return createChartHistogram()
    })
    for (let i = 0; i < 50; i++) timeline.record(i * 10, 200_000, false)
    timeline.settle(2000)
    for (let i = 0; i < 50; i++) timeline.record(3000 + i * 10, 1_000, false)

    const [slow, fast] = timeline.points()

    expect(created).toBe(1)
    // Chart resolution: within 1 %.
    expect(Math.abs(slow!.p99Us! - 200_000) / 200_000).toBeLessThan(0.01)
    expect(Math.abs(fast!.p99Us! - 1_000) / 1_000).toBeLessThan(0.01)
  })

  it('survives the file format; a file without it (format ≤ 1.1, imports) decodes with none', () => {
    const run = withTimelines([[point(0, 5), point(1, 7, { errors: 2 })], undefined])

    const back = parseRunResult(serializeRunResult(run), 'r.json')
    const file = encodeRunResult(run)

    expect(back.endpoints[0]!.timeline).toEqual(run.endpoints[0]!.timeline)
    expect(back.endpoints[1]!.timeline).toBeUndefined()
    expect('timeline' in file.endpoints[1]!).toBe(false)
    const older = { ...file, formatVersion: '1.1', endpoints: file.endpoints.map(({ timeline: _, ...e }) => e) }
    expect(decodeRunResult(JSON.parse(JSON.stringify(older)), 'old.json').endpoints[0]!.timeline).toBeUndefined()
  })

  it('refuses a broken point, naming the field', () => {
    const file = encodeRunResult(withTimelines([[point(0, 5)]]))
    const bad = { ...file, endpoints: [{ ...file.endpoints[0]!, timeline: [{ second: -1, requests: 1, errors: 0 }] }] }

    expect(() => decodeRunResult(bad, 'bad.json')).toThrow(/bad\.json.*endpoints\[0\]\.timeline\[0\]/)
  })

  it('merges shards second by second (counts add, the worse percentile), and only when every shard has it', () => {
    const a = withTimelines([[point(0, 5), point(1, 5)]])
    const b = withTimelines([[point(1, 9, { errors: 1 })]])
    const old = withTimelines([undefined])

    const merged = mergeRunResults([a, b]).endpoints[0]!.timeline!

    expect(merged.map((p) => [p.second, p.requests, p.errors, p.p95Us])).toEqual([
      [0, 10, 0, 5000],
      [1, 20, 1, 9000],
    ])
    expect(mergeRunResults([a, old]).endpoints[0]!.timeline).toBeUndefined()
  })

  it('joins live A/B pieces with the seconds continuing after each piece', () => {
    const piece = (p95Ms: number) => ({ ...withTimelines([[point(0, p95Ms), point(1, p95Ms)]]), warmupMs: 1000 })
    const profile = { durationMs: 2000, rounds: 2, wholeProfileFingerprint: 'fp-synthetic' } as Parameters<
      typeof joinRuns
    >[1]

    const joined = joinRuns([piece(5), piece(8)], profile, { status: 'complete' })

    // Each piece: 1 s warm-up + 1 s measured = 2 s of wall time.
    expect(joined.endpoints[0]!.timeline!.map((p) => [p.second, p.p95Us])).toEqual([
      [0, 5000],
      [1, 5000],
      [2, 8000],
      [3, 8000],
    ])
  })

  it("joins the pieces' generator lateness round by round (and drops it when a piece has none)", () => {
    const piece = (latenessUs: number | null) => {
      const run = { ...withTimelines([[point(0, 5)]]), warmupMs: 1000 }
      if (latenessUs === null) return run
      const histogram = createHistogram()
      histogram.recordMany(latenessUs, 10)
      return { ...run, generatorLateness: [histogram] }
    }
    const profile = {
      durationMs: 3000,
      rounds: 3,
      warmupMs: 1000,
      wholeProfileFingerprint: 'fp-synthetic',
    } as Parameters<typeof joinRuns>[1]

    const joined = joinRuns([piece(10), piece(20), piece(30)], profile, { status: 'complete' })
    const partial = joinRuns([piece(10), piece(null)], profile, { status: 'complete' })

    expect(joined.generatorLateness?.map((h) => h.maxUs())).toEqual([10, 20, 30])
    expect(parseRunResult(serializeRunResult(joined), 'joined.json').generatorLateness).toHaveLength(3)
    expect(partial.generatorLateness).toBeUndefined()
  })
})
