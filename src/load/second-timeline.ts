// A per-second latency timeline: requests, errors and p50/p95/p99 of each second of the run. A second keeps a
// histogram only while it is open; settling freezes its percentiles and hands the histogram back for the next
// second (reset, not reallocated: no garbage per second). Settled seconds live in typed arrays indexed by second
// (32 bytes a second, no object per second), so memory stays flat on long runs: 50 endpoints for an hour hold
// ~6 MB of settled seconds.
import type { LatencyHistogram } from '../results/histogram.js'
import type { TimelinePoint } from '../results/types.js'

/** Seconds the arrays hold at first; they double when a later second arrives. */
const INITIAL_SECONDS = 64
/** p50, p95 and p99: three percentiles per second in `percentilesUs`. */
const PERCENTILES = [50, 95, 99] as const

/** Seconds are counted from `runStartMs` (the warm-up starts there); `newHistogram` sets the resolution. */
export class SecondTimeline {
  /** Requests per second (a second with none was not recorded and yields no point). */
  private requests = new Uint32Array(INITIAL_SECONDS)
  private errors = new Uint32Array(INITIAL_SECONDS)
  /** p50, p95, p99 (µs) of each settled second, at `3 × second`. */
  private percentilesUs = new Float64Array(INITIAL_SECONDS * PERCENTILES.length)
  /** One past the latest second recorded. */
  private endIndex = 0
  /** Histograms of the open seconds (recorded, not settled yet), by second. */
  private readonly open = new Map<number, LatencyHistogram>()
  /** The last second recorded and its histogram (null once settled): most requests land in the same second. */
  private lastIndex = -1
  private last: LatencyHistogram | null = null
  /** Histograms of settled seconds, emptied, for the next seconds to use. */
  private readonly spare: LatencyHistogram[] = []

  constructor(
    private readonly runStartMs: number,
    private readonly newHistogram: () => LatencyHistogram,
  ) {}

  /** Adds one request whose (intended) start was `startMs` (before the run start: second 0), with its latency. */
  record(startMs: number, latencyUs: number, isError: boolean): void {
    const index = Math.max(0, Math.floor((startMs - this.runStartMs) / 1000))
    if (index !== this.lastIndex) {
      if (index >= this.requests.length) this.grow(index)
      this.last = this.histogramOf(index)
      this.lastIndex = index
      this.endIndex = Math.max(this.endIndex, index + 1)
    }
    this.requests[index] = (this.requests[index] as number) + 1
    if (isError) this.errors[index] = (this.errors[index] as number) + 1
    this.last?.record(latencyUs)
  }

  /** The open histogram of second `index`: a new one for a second never recorded, null for a settled second. */
  private histogramOf(index: number): LatencyHistogram | null {
    const open = this.open.get(index)
    if (open !== undefined) return open
    if ((this.requests[index] as number) > 0) return null
    const histogram = this.spare.pop() ?? this.newHistogram()
    this.open.set(index, histogram)
    return histogram
  }

  private grow(index: number): void {
    let length = this.requests.length
    while (length <= index) length *= 2
    const requests = new Uint32Array(length)
    requests.set(this.requests)
    this.requests = requests
    const errors = new Uint32Array(length)
    errors.set(this.errors)
    this.errors = errors
    const percentilesUs = new Float64Array(length * PERCENTILES.length)
    percentilesUs.set(this.percentilesUs)
    this.percentilesUs = percentilesUs
  }

  /** Computes (and drops) the percentiles of every open second: the settle's code, run without settling. */
  readOpen(): number {
    let sum = 0
    for (const histogram of this.open.values())
      for (const percentile of PERCENTILES) sum += histogram.percentileUs(percentile)
    return sum
  }

  /**
   * Freezes the percentiles of every second that started before `beforeMs` and frees its histogram; later requests
   * of that second still count, without changing its percentiles.
   */
  settle(beforeMs: number): void {
    const limit = Math.floor((beforeMs - this.runStartMs) / 1000)
    for (const [index, histogram] of this.open) {
      if (index >= limit) continue
      PERCENTILES.forEach((percentile, k) => {
        this.percentilesUs[index * PERCENTILES.length + k] = histogram.percentileUs(percentile)
      })
      histogram.reset()
      this.spare.push(histogram)
      this.open.delete(index)
      if (index === this.lastIndex) this.last = null
    }
  }

  /** Every recorded second, in order (settles them all first and frees the spare histograms). */
  points(): TimelinePoint[] {
    this.settle(Number.POSITIVE_INFINITY)
    for (const histogram of this.spare.splice(0)) histogram.destroy()
    const out: TimelinePoint[] = []
    for (let second = 0; second < this.endIndex; second++) {
      const requests = this.requests[second] as number
      if (requests === 0) continue
      const at = second * PERCENTILES.length
      out.push({
        second,
        requests,
        errors: this.errors[second] as number,
        p50Us: this.percentilesUs[at] as number,
        p95Us: this.percentilesUs[at + 1] as number,
        p99Us: this.percentilesUs[at + 2] as number,
      })
    }
    return out
  }
}
