// The capacity search as a pure state machine: geometric growth from start-rate until a step fails (or max-rate
// holds), then bisection between the last good and the first bad rate down to the resolution. A rate is decided by
// its attempts, so that one slow moment of the runner cannot cut the sustained rate:
// - a pass on the first attempt holds; a failure is confirmed by a fresh repeat before it counts (fail + fail, or
//   fail + undecided, fails; fail + pass goes to a third attempt, which decides); a safety stop counts at once;
// - an undecided first attempt is repeated and decided with both attempts' rounds pooled (undecided twice fails);
// - an invalid attempt (the generator fell behind) is no evidence either way: repeated; invalid
//   MAX_INVALID_ATTEMPTS times in a row at one rate ends the search, without an answer unless a bisection bracket stands
//   (a rate that held and one that broke), which is then the answer, coarser than the resolution.
import type { CapacitySettings } from '../config/profile.js'
import type { CapacityStatus, CapacityStepOutcome } from '../results/types.js'

/** Invalid attempts in a row at one rate that end the search. */
export const MAX_INVALID_ATTEMPTS = 3

/** The next step to run. */
export interface PlannedStep {
  readonly ratePerSecond: number
  readonly attempt: number
  /** Decide this attempt with the previous one's rounds pooled (the repeat of an undecided first attempt). */
  readonly pooled: boolean
}

/** What the attempts at the current rate said so far. */
interface Tally {
  passes: number
  /** Failing evidence: a fail or an undecided repeat counts 1; a safety stop or undecided twice counts 2. */
  fails: number
  invalid: number
  pooledNext: boolean
}

const emptyTally = (): Tally => ({ passes: 0, fails: 0, invalid: 0, pooledNext: false })

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
  private tally = emptyTally()
  private status: CapacityStatus | null = null

  constructor(private readonly settings: CapacitySettings) {
    this.rate = Math.min(settings.startRatePerSecond, settings.maxRatePerSecond)
  }

  /** The step to run next, or null when the search is over. */
  next(): PlannedStep | null {
    return this.status === null
      ? { ratePerSecond: this.rate, attempt: this.attempt, pooled: this.tally.pooledNext }
      : null
  }

  /**
   * Records the outcome of the step `next()` returned. `safetyStop`: the step failed on a safety stop, which counts
   * at once (the target is not loaded past its limits again to confirm it).
   */
  record(outcome: CapacityStepOutcome, { safetyStop = false }: { readonly safetyStop?: boolean } = {}): void {
    if (this.status !== null) throw new Error('the capacity search is over; no step was planned')
    const tally = this.tally
    const pooled = tally.pooledNext
    tally.pooledNext = false
    // Invalid attempts count in a row: a valid attempt between them shows the runner can measure this rate.
    if (outcome !== 'invalid') tally.invalid = 0
    switch (outcome) {
      case 'stopped':
        this.status = 'stopped'
        return
      case 'invalid':
        tally.invalid++
        if (tally.invalid < MAX_INVALID_ATTEMPTS) this.attempt++
        // Between a rate that held and one that broke, both confirmed: the bracket stands, only coarser.
        else this.status = this.lowPerSecond !== null && this.highPerSecond !== null ? 'found' : 'invalid'
        return
      case 'undecided':
        if (tally.passes + tally.fails === 0 && !pooled) {
          tally.pooledNext = true
          this.attempt++
          return
        }
        tally.fails += pooled ? 2 : 1
        break
      case 'fail':
        tally.fails += safetyStop ? 2 : 1
        break
      case 'pass':
        tally.passes++
        break
    }
    this.settle()
  }

  /** Decides the rate from its tally, or plans a fresh repeat. */
  private settle(): void {
    const { passes, fails } = this.tally
    if (fails >= 2) this.failed()
    else if (passes >= 2 || (passes >= 1 && fails === 0)) this.passed()
    else this.attempt++
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
    this.tally = emptyTally()
  }
}
