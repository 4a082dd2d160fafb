// Runs one iteration of a scenario: picks the scenario by weight and its data row, sends the steps in order
// (templates, captures, checks, think time) and records every request. Callback-driven: no promise per request.

import type { Dispatcher } from 'undici'
import type { DataSource, ThinkTime } from '../config/profile.js'
import { CONNECTION_FAILURES } from './backoff.js'
import { judgeExchange } from './checks.js'
import type { Clock } from './clock.js'
import type { Exchange, ExchangeListener, InFlightTracker } from './http.js'
import type { Recorder } from './recorder.js'
import type { PreparedScenario, PreparedStep, RequestPlan } from './request-plan.js'
import { RunStoppedError } from './stopping.js'
import type { Variables } from './template.js'

/** The variables of iterations that use none (shared: nothing writes into it, since nothing is captured). */
const NO_VARIABLES: Variables = Object.freeze({}) as Variables

/** Hands out data rows in the scenario's order; `undefined` when a `unique` source has run out. */
export class RowPicker {
  private next = 0
  constructor(
    private readonly source: DataSource,
    private readonly random: () => number,
  ) {}

  pick(): Readonly<Record<string, string>> | undefined {
    const { rows, order } = this.source
    if (order === 'random') return rows[Math.floor(this.random() * rows.length)]
    if (order === 'unique') return this.next < rows.length ? rows[this.next++] : undefined
    const row = rows[this.next % rows.length]
    this.next++
    return row
  }
}

export interface IterationRunnerOptions {
  readonly plan: RequestPlan
  readonly recorder: Recorder
  readonly tracker: InFlightTracker
  readonly clock: Clock
  readonly random?: () => number
  /** Closed models pause after the last step too (a VU paces itself); open models end the iteration there. */
  readonly thinkAfterLastStep: boolean
  /** True once the run stops: no new step starts. */
  readonly isStopping: () => boolean
}

/** Starts iterations; each call to `start` runs one scenario journey to its end. */
export class IterationRunner {
  private readonly random: () => number
  private readonly pickers: (RowPicker | null)[]
  private readonly cumulativeWeights: number[]
  private iterations = 0
  /** Iterations skipped because a `unique` data file ran out, by scenario name. */
  readonly exhausted = new Map<string, number>()
  /** Pending think-time timers, cleared when the run stops. */
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(private readonly options: IterationRunnerOptions) {
    this.random = options.random ?? Math.random
    this.pickers = options.plan.scenarios.map((s) =>
      s.scenario.data ? new RowPicker(s.scenario.data, this.random) : null,
    )
    let total = 0
    this.cumulativeWeights = options.plan.scenarios.map((s) => {
      total += s.scenario.weight
      return total
    })
  }

  private pickScenario(): number {
    const weights = this.cumulativeWeights
    if (weights.length === 1) return 0
    const x = this.random() * (weights[weights.length - 1] as number)
    for (let i = 0; i < weights.length; i++) if (x < (weights[i] as number)) return i
    return weights.length - 1
  }

  /**
   * Starts one iteration on `dispatcher`; the first request's latency counts from `intendedMs`. Calls `onDone`
   * once when the journey ends (last step, a failed step, or a stop), with the clock time it ended when it has
   * one at hand, and whether it ended unreachable (see JourneyDone). Returns false (and does not call `onDone`) when the scenario's unique data has run out. A `slot`
   * (one per virtual user, whose iterations never overlap) keeps one Journey object across iterations instead of
   * allocating one per iteration. `nowMs`: the clock time now, when the caller has just read it.
   */
  start(dispatcher: Dispatcher, intendedMs: number, onDone: JourneyDone, slot?: JourneySlot, nowMs?: number): boolean {
    const index = this.pickScenario()
    const prepared = this.options.plan.scenarios[index] as PreparedScenario
    this.iterations++
    const variables: Variables = prepared.needsVariables ? { iteration: String(this.iterations - 1) } : NO_VARIABLES
    const picker = this.pickers[index]
    if (picker) {
      const row = picker.pick()
      if (row === undefined) {
        this.exhausted.set(prepared.scenario.name, (this.exhausted.get(prepared.scenario.name) ?? 0) + 1)
        return false
      }
      Object.assign(variables, row)
    }
    let journey = slot?.journey
    if (journey) journey.reset(prepared, variables)
    else {
      journey = new Journey(this, prepared, variables, dispatcher, onDone)
      if (slot) slot.journey = journey
    }
    this.sendStep(journey, intendedMs, nowMs)
    return true
  }

  /** Sends the journey's current step; its latency counts from `intendedMs` (`nowMs`: the clock now, if known). */
  sendStep(journey: Journey, intendedMs: number, nowMs?: number): void {
    const step = journey.prepared.steps[journey.stepIndex] as PreparedStep
    journey.intendedMs = intendedMs
    this.options.tracker.send(journey.dispatcher, step.build(journey.variables), step.policy, journey, nowMs)
  }

  /** Records a finished step and moves the journey on: next step (after think time), or its end. */
  stepFinished(journey: Journey, exchange: Exchange): void {
    // Abandoned after a stop's grace period: not a measurement.
    if (exchange.error instanceof RunStoppedError) {
      journey.onDone()
      return
    }
    const { options } = this
    const step = journey.prepared.steps[journey.stepIndex] as PreparedStep
    const judgement = judgeExchange(step, exchange, journey.variables)
    options.recorder.record(step.endpointIndex, journey.intendedMs, exchange, judgement.errorClass)
    const isLast = journey.stepIndex === journey.prepared.steps.length - 1
    // A response that just arrived ended at endMs, read a moment ago: the next request starts from it (a failure
    // is reported a turn of the event loop later, so the clock is read again then).
    const nowMs = exchange.error === null ? exchange.endMs : undefined
    if (judgement.errorClass !== null || options.isStopping() || (isLast && !options.thinkAfterLastStep)) {
      journey.onDone(nowMs, judgement.errorClass !== null && CONNECTION_FAILURES.has(judgement.errorClass))
      return
    }
    const think = step.step.think
    if (think === null || think.maxMs <= 0) this.advance(journey, isLast, nowMs)
    else this.pauseThenAdvance(journey, isLast, think)
  }

  /** The next step of the journey, or its end after the last one. */
  private advance(journey: Journey, isLast: boolean, nowMs?: number): void {
    if (isLast) {
      journey.onDone(nowMs)
      return
    }
    journey.stepIndex++
    const now = nowMs ?? this.options.clock.now()
    this.sendStep(journey, now, now)
  }

  private pauseThenAdvance(journey: Journey, isLast: boolean, think: ThinkTime): void {
    const pauseMs = think.minMs + (think.maxMs - think.minMs) * this.random()
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (this.options.isStopping()) journey.onDone()
      else this.advance(journey, isLast)
    }, pauseMs)
    this.timers.add(timer)
  }

  /** Cancels pending think-time pauses (their iterations end without further requests). */
  cancelPauses(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}

/**
 * Called once when a journey ends; `nowMs` is the clock time it ended, when known without reading the clock;
 * `unreachable` is true when its last request failed at the connection level (refused, reset, DNS, TLS: the
 * server was not reached), so a closed-model VU backs off before its next iteration.
 */
export type JourneyDone = (nowMs?: number, unreachable?: boolean) => void

/** Where a virtual user keeps its Journey between iterations (the same dispatcher and `onDone` every time). */
export interface JourneySlot {
  journey?: Journey
}

/** One iteration under way: which scenario, its variables, and the step it is on. */
class Journey implements ExchangeListener {
  stepIndex = 0
  intendedMs = 0

  constructor(
    private readonly runner: IterationRunner,
    public prepared: PreparedScenario,
    public variables: Variables,
    readonly dispatcher: Dispatcher,
    readonly onDone: JourneyDone,
  ) {}

  /** Starts over with another iteration (only once the previous one has ended). */
  reset(prepared: PreparedScenario, variables: Variables): void {
    this.prepared = prepared
    this.variables = variables
    this.stepIndex = 0
  }

  onExchange(exchange: Exchange): void {
    this.runner.stepFinished(this, exchange)
  }
}
