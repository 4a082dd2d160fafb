// The per-second timeline's compact store (typed arrays indexed by second, histograms only for open seconds):
// against a plain model of what it must keep, for any order of requests and settles (fast-check).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SecondTimeline } from '../../src/load/second-timeline.js'
import { createChartHistogram } from '../../src/results/histogram.js'
import type { TimelinePoint } from '../../src/results/types.js'

type Step =
  | { readonly kind: 'record'; readonly startMs: number; readonly latencyUs: number; readonly isError: boolean }
  | { readonly kind: 'settle'; readonly beforeMs: number }
  | { readonly kind: 'read' }

/** The model: per second its counts and the latencies it saw while open; a settle freezes the open ones. */
function modelPoints(runStartMs: number, steps: readonly Step[]): TimelinePoint[] {
  const seconds = new Map<number, { requests: number; errors: number; latencies: number[]; frozen: boolean }>()
  for (const step of steps) {
    if (step.kind === 'read') continue
    if (step.kind === 'settle') {
      const limit = Math.floor((step.beforeMs - runStartMs) / 1000)
      for (const [index, s] of seconds) if (index < limit) s.frozen = true
      continue
    }
    const index = Math.max(0, Math.floor((step.startMs - runStartMs) / 1000))
    const s = seconds.get(index) ?? { requests: 0, errors: 0, latencies: [], frozen: false }
    seconds.set(index, s)
    s.requests++
    if (step.isError) s.errors++
    if (!s.frozen) s.latencies.push(step.latencyUs)
  }
  return [...seconds.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, s]) => {
      const histogram = createChartHistogram()
      for (const latencyUs of s.latencies) histogram.record(latencyUs)
      return {
        second,
        requests: s.requests,
        errors: s.errors,
        p50Us: histogram.percentileUs(50),
        p95Us: histogram.percentileUs(95),
        p99Us: histogram.percentileUs(99),
      }
    })
}

const RUN_START_MS = 5_000

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      // Mostly inside the run, sometimes before its start (counted in second 0), up to ~200 s in.
      startMs: fc.integer({ min: RUN_START_MS - 2_000, max: RUN_START_MS + 200_000 }),
      latencyUs: fc.integer({ min: 1, max: 30_000_000 }),
      isError: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      beforeMs: fc.integer({ min: RUN_START_MS - 1_000, max: RUN_START_MS + 210_000 }),
    }),
  },
  // readOpen (the warm-up's JIT warming) computes percentiles and must change nothing
  { weight: 1, arbitrary: fc.constant({ kind: 'read' as const }) },
)

describe('the per-second timeline store', () => {
  it('yields exactly what a plain per-second model yields, for any order of requests, settles and reads', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const timeline = new SecondTimeline(RUN_START_MS, createChartHistogram)
        for (const s of steps) {
          if (s.kind === 'record') timeline.record(s.startMs, s.latencyUs, s.isError)
          else if (s.kind === 'settle') timeline.settle(s.beforeMs)
          else timeline.readOpen()
        }

        expect(timeline.points()).toEqual(modelPoints(RUN_START_MS, steps))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps every second of a long run (its arrays grow) and holds histograms only for open seconds', () => {
    let created = 0
    const timeline = new SecondTimeline(0, () => {
      created++
      return createChartHistogram()
    })
    // One hour, 3 requests a second (the third an error), settling 11 s behind like the run's housekeeping.
    for (let second = 0; second < 3600; second++) {
      for (let k = 0; k < 3; k++) timeline.record(second * 1000 + k * 300, 1000 * (k + 1), k === 2)
      timeline.settle(second * 1000 - 11_000)
    }

    const points = timeline.points()

    expect(points).toHaveLength(3600)
    expect(points.every((p, i) => p.second === i && p.requests === 3 && p.errors === 1)).toBe(true)
    expect(Math.abs((points[3599]?.p99Us ?? 0) - 3000) / 3000).toBeLessThan(0.01)
    // 12 or 13 seconds open at a time, never one histogram per second.
    expect(created).toBeLessThanOrEqual(13)
  })
})
