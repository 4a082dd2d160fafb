// The closed models (constant-vus, ramping-vus): each virtual user runs iterations back to back on its own
// connection; latency counts from the actual send. Ramps start and park VUs as the level changes. A VU whose
// iteration ended unreachable (refused, reset, DNS, TLS) waits before the next one (backoff.ts): the wait is no
// request and no latency, and the next request's latency counts from its own send.
import type { Dispatcher } from 'undici'
import type { LoadShape } from '../config/profile.js'
import { ConnectionBackoff } from './backoff.js'
import type { Clock } from './clock.js'
import type { IterationRunner, JourneySlot } from './iteration.js'
import { shapeLevelAt } from './stages.js'

export interface ClosedDriverOptions {
  readonly load: Extract<LoadShape, { model: 'constant-vus' | 'ramping-vus' }>
  readonly runner: Pick<IterationRunner, 'start'>
  /** One dispatcher per connection; VU i uses dispatcher i mod length. */
  readonly dispatchers: readonly Dispatcher[]
  readonly clock: Clock
  /** Clock time the measured window starts (end of warm-up). */
  readonly measureStartMs: number
}

/** Drives virtual users; `adjust()` (called every few ms by the engine) follows the ramp; `stop()` ends it. */
export class ClosedDriver {
  private readonly running: boolean[] = []
  private stopped = false
  /** Back-off waits under way (cleared by `stop()`). */
  private readonly waits = new Set<NodeJS.Timeout>()
  /** Iterations refused because test data ran out. */
  dataExhausted = 0
  /** Back-off waits after connection-level failures, and their total length (ms), over the whole run. */
  backoffWaits = 0
  backoffMs = 0

  constructor(private readonly options: ClosedDriverOptions) {}

  /** Starts or parks VUs so that the number of active VUs matches the shape's level now. */
  adjust(): void {
    if (this.stopped) return
    const { load, clock, measureStartMs } = this.options
    const target = Math.round(shapeLevelAt(load, clock.now() - measureStartMs))
    for (let vu = 0; vu < target; vu++) {
      if (!this.running[vu]) this.startVu(vu)
    }
  }

  private wanted(vu: number, nowMs: number): boolean {
    const { load, measureStartMs } = this.options
    if (this.stopped) return false
    if (load.model === 'constant-vus') return vu < load.vus
    return vu < Math.round(shapeLevelAt(load, nowMs - measureStartMs))
  }

  private startVu(vu: number): void {
    const dispatcher = this.options.dispatchers[vu % this.options.dispatchers.length] as Dispatcher
    this.running[vu] = true
    const slot: JourneySlot = {}
    const backoff = new ConnectionBackoff()
    // The next iteration starts when the last one ended (its response's end time, when it passes one along).
    const loop = (endedAtMs?: number): void => {
      const nowMs = endedAtMs ?? this.options.clock.now()
      if (!this.wanted(vu, nowMs)) {
        this.running[vu] = false
        return
      }
      if (!this.options.runner.start(dispatcher, nowMs, next, slot, nowMs)) {
        // The scenario ran out of unique data: park this VU for the rest of the run (running stays true, so
        // adjust() does not restart it and spin).
        this.dataExhausted++
      }
    }
    const next = (endedAtMs?: number, unreachable?: boolean): void => {
      if (!unreachable) {
        backoff.reset()
        loop(endedAtMs)
        return
      }
      if (this.stopped) return
      const waitMs = backoff.nextDelayMs()
      this.backoffWaits++
      this.backoffMs += waitMs
      const timer = setTimeout(() => {
        this.waits.delete(timer)
        loop()
      }, waitMs)
      this.waits.add(timer)
    }
    loop()
  }

  /** Stops starting iterations and ends back-off waits; iterations under way end after their current request. */
  stop(): void {
    this.stopped = true
    for (const timer of this.waits) clearTimeout(timer)
    this.waits.clear()
  }
}
