// The capacity search as a pure state machine: geometric growth from start-rate until a step fails (or max-rate
// holds), then bisection between the last good and the first bad rate down to the resolution. An undecided or
// invalid step is repeated once; undecided twice counts as failed, invalid twice ends the search (no answer).
import type { CapacitySettings } from '../config/profile.js'
import type { CapacityStatus, CapacityStepOutcome } from '../results/types.js'

/** The next step to run. */
export interface PlannedStep {
  readonly ratePerSecond: number
  readonly attempt: number
}

/** Where the search stands once it is over. */
export interface SearchConclusion {
  readonly status: CapacityStatus
  readonly sustainedRatePerSecond: number | null
  readonly firstFailingRatePerSecond: number | null
}

export class CapacitySearch {
  private lowPerSecond: number | null = null
  private highPerSecond: number | null = null
  private rate: number
  private attempt = 1
  private status: CapacityStatus | null = null

  constructor(private readonly settings: CapacitySettings) {
    this.rate = Math.min(settings.startRatePerSecond, settings.maxRatePerSecond)
  }

  /** The step to run next, or null when the search is over. */
  next(): PlannedStep | null {
    return this.status === null ? { ratePerSecond: this.rate, attempt: this.attempt } : null
  }

  /** Records the outcome of the step `next()` returned. */
  record(outcome: CapacityStepOutcome): void {
    if (this.status !== null) throw new Error('the capacity search is over; no step was planned')
    switch (outcome) {
      case 'stopped':
        this.status = 'stopped'
        return
      case 'invalid':
        if (this.attempt === 1) this.attempt = 2
        else this.status = 'invalid'
        return
      case 'undecided':
        if (this.attempt === 1) this.attempt = 2
        else this.failed()
        return
      case 'fail':
        this.failed()
        return
      case 'pass':
        this.passed()
        return
    }
  }

  /** The finding so far (final once `next()` returns null). */
  conclusion(): SearchConclusion {
    return {
      status: this.status ?? 'stopped',
      sustainedRatePerSecond: this.lowPerSecond,
      firstFailingRatePerSecond: this.highPerSecond,
    }
  }

  private passed(): void {
    this.lowPerSecond = this.rate
    if (this.highPerSecond === null) {
      if (this.rate >= this.settings.maxRatePerSecond) {
        this.status = 'at-max-rate'
        return
      }
      this.moveTo(Math.min(this.rate * this.settings.growthFactor, this.settings.maxRatePerSecond))
      return
    }
    this.bisect()
  }

  private failed(): void {
    this.highPerSecond = this.rate
    if (this.lowPerSecond === null) {
      this.status = 'below-start-rate'
      return
    }
    this.bisect()
  }

  /** Next rate: the geometric midpoint (the resolution is relative), until the bracket is narrow enough. */
  private bisect(): void {
    const low = this.lowPerSecond as number
    const high = this.highPerSecond as number
    if (high / low - 1 <= this.settings.resolution) {
      this.status = 'found'
      return
    }
    this.moveTo(Math.sqrt(low * high))
  }

  private moveTo(ratePerSecond: number): void {
    this.rate = ratePerSecond
    this.attempt = 1
  }
}
