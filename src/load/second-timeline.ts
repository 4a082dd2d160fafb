// A per-second latency timeline: requests, errors and p50/p95/p99 of each second of the run. A second keeps a
// histogram only while it is open; settling freezes its percentiles and hands the histogram back for the next
// second (reset, not reallocated: no garbage per second), so memory stays flat on long runs (a settled second is a
// few numbers).
import type { LatencyHistogram } from '../results/histogram.js'
import type { TimelinePoint } from '../results/types.js'

interface Second {
  requests: number
  errors: number
  histogram: LatencyHistogram | null
  p50Us: number
  p95Us: number
  p99Us: number
}

/** Seconds are counted from `runStartMs` (the warm-up starts there); `newHistogram` sets the resolution. */
export class SecondTimeline {
  private readonly seconds = new Map<number, Second>()
  private lastIndex = -1
  private last: Second | undefined
  /** Histograms of settled seconds, emptied, for the next seconds to use. */
  private readonly spare: LatencyHistogram[] = []

  constructor(
    private readonly runStartMs: number,
    private readonly newHistogram: () => LatencyHistogram,
  ) {}

  /** Adds one request whose (intended) start was `startMs`, with its gated latency. */
  record(startMs: number, latencyUs: number, isError: boolean): void {
    const index = Math.floor((startMs - this.runStartMs) / 1000)
    let second = index === this.lastIndex ? this.last : this.seconds.get(index)
    if (!second) {
      const histogram = this.spare.pop() ?? this.newHistogram()
      second = { requests: 0, errors: 0, histogram, p50Us: 0, p95Us: 0, p99Us: 0 }
      this.seconds.set(index, second)
    }
    this.lastIndex = index
    this.last = second
    second.requests++
    if (isError) second.errors++
    second.histogram?.record(latencyUs)
  }

  /**
   * Freezes the percentiles of every second that started before `beforeMs` and frees its histogram; later requests
   * of that second still count, without changing its percentiles.
   */
  settle(beforeMs: number): void {
    const limit = Math.floor((beforeMs - this.runStartMs) / 1000)
    for (const [index, second] of this.seconds) {
      if (index >= limit || second.histogram === null) continue
      second.p50Us = second.histogram.percentileUs(50)
      second.p95Us = second.histogram.percentileUs(95)
      second.p99Us = second.histogram.percentileUs(99)
      second.histogram.reset()
      this.spare.push(second.histogram)
      second.histogram = null
    }
  }

  /** Every recorded second, in order (settles them all first and frees the spare histograms). */
  points(): TimelinePoint[] {
    this.settle(Number.POSITIVE_INFINITY)
    for (const histogram of this.spare.splice(0)) histogram.destroy()
    return [...this.seconds.entries()]
      .sort(([a], [b]) => a - b)
      .map(([second, s]) => ({
        second,
        requests: s.requests,
        errors: s.errors,
        p50Us: s.p50Us,
        p95Us: s.p95Us,
        p99Us: s.p99Us,
      }))
  }
}
