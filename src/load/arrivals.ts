// Arrival times of the open models, exact for linear ramps: the k-th iteration starts when the cumulative
// count Λ(t) = ∫ rate reaches k (k = 0, 1, …). Piecewise-linear rates make Λ piecewise quadratic, solved in
// closed form, so a ramp from 0/s starts smoothly instead of waiting 1/rate at a near-zero rate.
import type { LoadShape } from '../config/profile.js'
import { shapeLevelAt } from './stages.js'

/** A stretch of time over which the rate changes linearly from `fromPerMs` to `toPerMs` (iterations per ms). */
interface Segment {
  readonly startMs: number
  readonly durationMs: number
  readonly fromPerMs: number
  readonly toPerMs: number
  /** Arrivals expected before this segment (Λ at its start). */
  readonly countBefore: number
  readonly count: number
}

/** The schedule of arrival times (clock ms) for a run. */
export class ArrivalSchedule {
  private readonly segments: Segment[] = []
  private segmentIndex = 0

  /**
   * @param load an arrival-rate shape
   * @param runStartMs clock time the warm-up starts
   * @param warmupMs warm-up length; it runs at the shape's warm-up level (see shapeLevelAt)
   * @param durationMs measured window (constant rates; ramps last as long as their stages)
   */
  constructor(
    load: Extract<LoadShape, { model: 'constant-arrival-rate' | 'ramping-arrival-rate' }>,
    runStartMs: number,
    warmupMs: number,
    durationMs: number,
  ) {
    let count = 0
    const add = (startMs: number, durationMs: number, fromPerS: number, toPerS: number) => {
      if (durationMs <= 0) return
      const fromPerMs = fromPerS / 1000
      const toPerMs = toPerS / 1000
      const segmentCount = ((fromPerMs + toPerMs) / 2) * durationMs
      const last = this.segments.at(-1)
      if (last && last.fromPerMs === last.toPerMs && last.toPerMs === fromPerMs && fromPerMs === toPerMs) {
        // The same constant rate goes on (a constant-arrival-rate warm-up and its measured window): one segment,
        // so the scheduler's hot loop takes no new branch when the measured window starts (a JIT deopt there).
        this.segments[this.segments.length - 1] = {
          ...last,
          durationMs: last.durationMs + durationMs,
          count: last.count + segmentCount,
        }
      } else this.segments.push({ startMs, durationMs, fromPerMs, toPerMs, countBefore: count, count: segmentCount })
      count += segmentCount
    }
    const warmLevel = shapeLevelAt(load, -1)
    add(runStartMs, warmupMs, warmLevel, warmLevel)
    const measureStartMs = runStartMs + warmupMs
    if (load.model === 'constant-arrival-rate') {
      add(measureStartMs, durationMs, load.ratePerSecond, load.ratePerSecond)
      return
    }
    let from = load.startRatePerSecond
    let at = measureStartMs
    for (const stage of load.stages) {
      add(at, stage.durationMs, from, stage.target)
      from = stage.target
      at += stage.durationMs
    }
  }

  /**
   * Clock time of the k-th arrival (k = 0, 1, …), or null when the schedule has fewer arrivals.
   * Calls must use non-decreasing k (the segment pointer only moves forward). O(1) amortized.
   */
  timeOf(k: number): number | null {
    while (this.segmentIndex < this.segments.length) {
      const segment = this.segments[this.segmentIndex] as Segment
      const m = k - segment.countBefore
      if (m < segment.count) return segment.startMs + offsetMs(segment, m)
      this.segmentIndex++
    }
    return null
  }
}

/**
 * Time into a segment at which m arrivals have accumulated: solves r0·τ + (r1 − r0)·τ²/(2T) = m with the
 * cancellation-free root τ = 2m / (r0 + √(r0² + 2m(r1 − r0)/T)).
 */
function offsetMs(segment: Segment, m: number): number {
  if (m <= 0) return 0
  const r0 = segment.fromPerMs
  const slope = (segment.toPerMs - r0) / segment.durationMs
  const root = Math.sqrt(Math.max(0, r0 * r0 + 2 * slope * m))
  return (2 * m) / (r0 + root)
}
