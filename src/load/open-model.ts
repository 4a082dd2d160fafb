// The open models (constant-arrival-rate, ramping-arrival-rate): iterations start on schedule whether or not
// earlier ones finished. Each wake-up starts every iteration whose intended time has passed (catching up after
// event-loop stalls); latency counts from the intended time, so a stalled server shows in the tail.
import type { Dispatcher } from 'undici'
import type { LoadShape } from '../config/profile.js'
import { createHistogram, type LatencyHistogram } from '../results/histogram.js'
import { ArrivalSchedule } from './arrivals.js'
import type { Clock } from './clock.js'
import type { IterationRunner } from './iteration.js'
import type { Waker } from './waker.js'

export interface OpenDriverOptions {
  readonly load: Extract<LoadShape, { model: 'constant-arrival-rate' | 'ramping-arrival-rate' }>
  readonly runner: IterationRunner
  readonly dispatcher: Dispatcher
  readonly clock: Clock
  readonly runStartMs: number
  readonly measureStartMs: number
  /** No iteration is scheduled at or after this clock time. */
  readonly endMs: number
  /** Rounds the measured window (measureStartMs to endMs) is cut into, for the per-round lateness. */
  readonly rounds: number
  /**
   * The measured window's length (endMs − measureStartMs, but as given: the recorder divides this very number into
   * rounds, and a round edge recomputed from endMs can differ in the last bit and put an arrival that falls exactly
   * on it into the other round).
   */
  readonly durationMs: number
}

/** Schedules and starts iterations; an OpenTicker calls `tick()` when the next one is due. */
export class OpenDriver {
  private readonly schedule: ArrivalSchedule
  private arrivals = 0
  private nextMs: number | null
  private inFlight = 0
  private readonly queue: number[] = []
  private queueHead = 0
  private stopped = false
  private lastSpacingMs = Number.POSITIVE_INFINITY
  /** Iterations whose intended start falls in the measured window. */
  scheduledMeasured = 0
  /** Of those, the ones started (dispatched) before the window ended. */
  startedInWindow = 0
  /** Times an iteration had to wait because max-in-flight iterations were under way. */
  waitedForCap = 0
  dataExhausted = 0
  /** Dispatch time minus intended time, µs: the scheduler's own delay (about the tick length). Whole run. */
  readonly sendLag = createHistogram()
  /** The same per round, for iterations intended in the measured window only (RunResult.generatorLateness). */
  readonly latenessByRound: readonly LatencyHistogram[]
  /** The warm-up's lateness (read by nobody), then `latenessByRound`'s histograms. */
  private readonly lateness: readonly LatencyHistogram[]
  private readonly roundMs: number

  constructor(private readonly options: OpenDriverOptions) {
    const warmupMs = options.measureStartMs - options.runStartMs
    this.schedule = new ArrivalSchedule(options.load, options.runStartMs, warmupMs, options.durationMs)
    this.nextMs = this.schedule.timeOf(0)
    this.lateness = Array.from({ length: options.rounds + 1 }, () => createHistogram())
    this.latenessByRound = this.lateness.slice(1)
    this.roundMs = options.durationMs / options.rounds
  }

  /** Starts every iteration whose intended time has passed. */
  tick(): void {
    if (this.stopped) return
    const now = this.options.clock.now()
    const { endMs, measureStartMs } = this.options
    while (this.nextMs !== null && this.nextMs <= now && this.nextMs < endMs) {
      const intended = this.nextMs
      this.nextMs = this.schedule.timeOf(++this.arrivals)
      if (this.nextMs !== null) this.lastSpacingMs = this.nextMs - intended
      this.scheduledMeasured += intended >= measureStartMs ? 1 : 0
      if (this.inFlight >= this.options.load.maxInFlight) {
        this.waitedForCap++
        this.queue.push(intended)
      } else this.launch(intended)
    }
  }

  private launch(intended: number): void {
    const now = this.options.clock.now()
    const lagUs = (now - intended) * 1000
    this.sendLag.record(lagUs)
    // One path for the warm-up and the measured window (the warm-up's lateness goes to a histogram nobody reads):
    // a branch first taken when the window opens would cost a JIT deopt and a recompile inside the window.
    const sinceMeasureMs = intended - this.options.measureStartMs
    // slot 0: the warm-up; slot r + 1: round r (every operation runs in both, no branch)
    const slot = Math.max(0, Math.min(this.options.rounds, Math.floor(sinceMeasureMs / this.roundMs) + 1))
    this.lateness[slot]?.record(lagUs)
    const beforeEnd = now < this.options.endMs
    this.startedInWindow += sinceMeasureMs >= 0 && beforeEnd ? 1 : 0
    this.inFlight++
    const started = this.options.runner.start(this.options.dispatcher, intended, () => this.finished())
    if (!started) {
      this.inFlight--
      this.dataExhausted++
    }
  }

  private finished(): void {
    this.inFlight--
    if (!this.stopped && this.queueHead < this.queue.length) {
      const intended = this.queue[this.queueHead++] as number
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue.splice(0, this.queueHead)
        this.queueHead = 0
      }
      this.launch(intended)
    }
  }

  /** Clock time of the next scheduled iteration, or null when the schedule is over (or the driver stopped). */
  get nextArrivalMs(): number | null {
    return this.stopped ? null : this.nextMs
  }

  /** Time between the last two scheduled iterations, ms (Infinity before the second one). */
  get spacingMs(): number {
    return this.lastSpacingMs
  }

  /** Iterations still waiting for an in-flight slot (never started). */
  get unstarted(): number {
    return this.queue.length - this.queueHead
  }

  /**
   * Stops starting iterations, queued ones included. Arrivals that fell due before the stop but were never taken
   * (the event loop was blocked and the stop ran before the next wake-up) still count as scheduled: the run's
   * health then shows them as intended and not started, instead of losing them.
   */
  stop(): void {
    if (this.stopped) return
    const now = this.options.clock.now()
    const { endMs, measureStartMs } = this.options
    while (this.nextMs !== null && this.nextMs <= now && this.nextMs < endMs) {
      if (this.nextMs >= measureStartMs) this.scheduledMeasured++
      this.nextMs = this.schedule.timeOf(++this.arrivals)
    }
    this.stopped = true
  }
}

/** Arrivals at least this far apart are each met precisely: wake the waker's precision early, then spin the rest. */
const SPIN_SPACING_MS = 2
/**
 * Closer arrivals get one wake-up each but never more often than this: at most 4,000 wake-ups a second, so at
 * very high rates the arrivals of a 0.25 ms window start together (late by at most that) and the scheduler's CPU
 * stays bounded.
 */
const MIN_WAKE_SPACING_MS = 0.25

/**
 * Drives an OpenDriver's ticks with a Waker. Sparse arrivals (≥ 2 ms apart, ≤ 500/s): wake `precisionMs` before
 * each one and spin (setImmediate) the rest, so requests leave within tens of µs of their intended time. Dense
 * arrivals: one wake-up per arrival (at most every 0.25 ms) that starts every due iteration; with the worker waker
 * that is about 0.1 ms late instead of the ~0.5 ms that a 1 ms timer tick adds at p50 (the wrk2 design).
 * Until the fifth session sparse arrivals woke 1 ms early and spun that millisecond: at 200/s a fifth of the core
 * and ~95 young-generation collections in 13 s (one Immediate per turn), and the tail it was meant to hide came from
 * V8's background threads sharing the core (docs/benchmarks.md, "fifth session"), which the spin only fed.
 */
export class OpenTicker {
  private immediate: NodeJS.Immediate | null = null
  private lastWakeMs = Number.NEGATIVE_INFINITY
  private stopped = false

  constructor(
    private readonly driver: OpenDriver,
    private readonly clock: Clock,
    private readonly waker: Waker,
  ) {}

  /** Starts every due iteration now, then keeps waking for the next ones until the schedule ends or `stop()`. */
  readonly tick = (): void => {
    this.immediate = null
    if (this.stopped) return
    this.driver.tick()
    const next = this.driver.nextArrivalMs
    if (next === null) return
    const now = this.clock.now()
    if (this.driver.spacingMs >= SPIN_SPACING_MS) {
      const leadMs = this.waker.precisionMs
      if (next - now <= leadMs) this.immediate = setImmediate(this.tick)
      else this.waker.wakeAt(next - leadMs, this.tick)
      return
    }
    const at = Math.max(next, this.lastWakeMs + MIN_WAKE_SPACING_MS)
    this.lastWakeMs = at
    this.waker.wakeAt(at, this.tick)
  }

  /** Stops waking; the waker stays until `stop()` (closing its thread is work the last responses would wait for). */
  halt(): void {
    this.stopped = true
    if (this.immediate) clearImmediate(this.immediate)
    this.waker.cancel()
  }

  /** Stops waking and releases the waker (it belongs to the ticker). */
  stop(): void {
    this.halt()
    this.waker.close()
  }
}
