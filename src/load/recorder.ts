// Records finished requests into per-endpoint, per-round histograms (µs) and counters, a per-second timeline (the
// whole run, and per endpoint) and a progress window. A request belongs to the round its start (intended start in
// open models) falls in.
import { createChartHistogram, createHistogram, type LatencyHistogram } from '../results/histogram.js'
import type { EndpointResult, ErrorClass, RoundMeasurement, RoundWindow, TimelinePoint } from '../results/types.js'
import type { Exchange } from './http.js'
import { SecondTimeline } from './second-timeline.js'

class RoundCell {
  readonly latency = createHistogram()
  /** In closed models the same histogram as `latency` (there is no schedule to be late for): half the memory. */
  readonly actualLatency: LatencyHistogram
  constructor(shared: boolean) {
    this.actualLatency = shared ? this.latency : createHistogram()
  }
  requests = 0
  bytesReceived = 0
  readonly statusCounts: Record<string, number> = {}
  readonly errors: Partial<Record<ErrorClass, number>> = {}
}

export interface RecorderOptions {
  readonly endpointNames: readonly string[]
  /** Clock time the run started (the warm-up starts here). */
  readonly runStartMs: number
  readonly warmupMs: number
  readonly durationMs: number
  readonly rounds: number
  /** `intended`: latency from the intended start is the gated one; `actual`: from the send. */
  readonly gated: 'intended' | 'actual'
  /** Keep the rolling window that progress snapshots read (off when nobody listens: less work per request). */
  readonly trackWindow: boolean
}

const toUs = (fromMs: number, toMs: number): number => (toMs - fromMs) * 1000

/** Accumulates every measurement of one run; memory is bounded by endpoints × rounds, not by request count. */
export class Recorder {
  private readonly cells: (RoundCell | null)[][]
  /** The whole run's seconds (3 significant digits, as the rounds' histograms). */
  private readonly seconds: SecondTimeline
  /** Each endpoint's seconds (chart resolution: an open second's histogram is ~10 KB, and 50 endpoints have one each). */
  private readonly endpointSeconds: SecondTimeline[]
  private readonly measureStartMs: number
  private readonly roundMs: number
  private window = createHistogram()
  private windowRequests = 0
  private windowErrors = 0
  totalRequests = 0
  totalErrors = 0
  measuredRequests = 0

  constructor(private readonly options: RecorderOptions) {
    // Per endpoint: slot 0 the warm-up (recorded like a round, only its count is reported), slot r + 1 round r;
    // null until its first request (a read past an array's end would deopt `cell`)
    this.cells = options.endpointNames.map(() => new Array<RoundCell | null>(options.rounds + 1).fill(null))
    this.measureStartMs = options.runStartMs + options.warmupMs
    this.roundMs = options.durationMs / options.rounds
    this.seconds = new SecondTimeline(options.runStartMs, createHistogram)
    this.endpointSeconds = options.endpointNames.map(() => new SecondTimeline(options.runStartMs, createChartHistogram))
  }

  /**
   * Adds one finished request of endpoint `endpointIndex` whose intended start was `intendedMs` (the dispatch
   * time in closed models). Requests started in the warm-up only count towards `warmupRequests`.
   */
  record(endpointIndex: number, intendedMs: number, exchange: Exchange, errorClass: ErrorClass | null): void {
    const intendedUs = toUs(intendedMs, exchange.endMs)
    const actualUs = toUs(exchange.sentAtMs, exchange.endMs)
    const gatedUs = this.options.gated === 'intended' ? intendedUs : actualUs
    const isError = errorClass !== null
    this.totalRequests++
    if (isError) this.totalErrors++
    if (this.options.trackWindow) {
      this.window.record(gatedUs)
      this.windowRequests++
      if (isError) this.windowErrors++
    }
    this.seconds.record(intendedMs, gatedUs, isError)
    this.endpointSeconds[endpointIndex]?.record(intendedMs, gatedUs, isError)
    // The warm-up's requests go through the same statements into a cell of their own (only its count is
    // reported): a branch first taken when the measured window opens would cost a JIT deopt inside the window.
    const sinceMeasureMs = intendedMs - this.measureStartMs
    // slot 0: the warm-up; slot r + 1: round r
    const slot = Math.max(0, Math.min(this.options.rounds, Math.floor(sinceMeasureMs / this.roundMs) + 1))
    const cell = this.cell(endpointIndex, slot)
    this.measuredRequests += sinceMeasureMs >= 0 ? 1 : 0
    cell.requests++
    if (cell.latency === cell.actualLatency) cell.latency.record(actualUs)
    else {
      cell.latency.record(intendedUs)
      cell.actualLatency.record(actualUs)
    }
    cell.bytesReceived += exchange.bytesReceived
    const status = exchange.statusCode
    if (status > 0) cell.statusCounts[status] = (cell.statusCounts[status] ?? 0) + 1
    if (errorClass) cell.errors[errorClass] = (cell.errors[errorClass] ?? 0) + 1
  }

  /**
   * Creates every endpoint's cells of the slot that `nowMs` falls in and of the next one, if missing. The load
   * engine's housekeeping calls it every 10 ms, so that `record` finds its cell and never runs its creation branch on
   * the hot path (code first run there after V8 has optimised `record` would deoptimise it).
   */
  prepareCells(nowMs: number): void {
    const slot = Math.max(0, Math.floor((nowMs - this.measureStartMs) / this.roundMs) + 1)
    for (let endpoint = 0; endpoint < this.cells.length; endpoint++)
      for (let s = slot; s <= Math.min(slot + 1, this.options.rounds); s++) this.cell(endpoint, s)
  }

  /** The cell of `slot` (0 = warm-up, r + 1 = round r), created on its first request. */
  private cell(endpoint: number, slot: number): RoundCell {
    const slots = this.cells[endpoint] as (RoundCell | null)[]
    let cell = slots[slot]
    if (cell === null || cell === undefined) {
      cell = new RoundCell(this.options.gated === 'actual')
      slots[slot] = cell
    }
    return cell
  }

  /**
   * Freezes the p50, p95 and p99 of every timeline second (whole run and per endpoint) that started before
   * `beforeMs` and frees its histogram; later requests of that second still count, without changing its
   * percentiles. Keeps memory flat on long runs.
   */
  settleTimeline(beforeMs: number): void {
    this.seconds.settle(beforeMs)
    for (const timeline of this.endpointSeconds) timeline.settle(beforeMs)
  }

  /**
   * Reads the percentiles of every open timeline second without changing anything. The housekeeping calls it once a
   * second during the warm-up, so that the percentile code `settleTimeline` runs (first after requestTimeout + 1 s,
   * inside the measured window of a short run) is already compiled: its first, interpreted run over a histogram's
   * counts held the main thread for milliseconds (anatomy, fifth session: 4 of a run's 20 slowest requests).
   */
  warmTimeline(): void {
    this.seconds.readOpen()
    for (const timeline of this.endpointSeconds) timeline.readOpen()
  }

  /** The latency, request and error counts since the last call (for progress lines), then resets them. */
  takeWindow(): { requests: number; errors: number; p95Us: number } {
    const out = { requests: this.windowRequests, errors: this.windowErrors, p95Us: this.window.percentileUs(95) }
    this.window.destroy()
    this.window = createHistogram()
    this.windowRequests = 0
    this.windowErrors = 0
    return out
  }

  /** The round windows, relative to the end of the warm-up; `measuredMs` shortens them for a partial run. */
  roundWindows(measuredMs: number): RoundWindow[] {
    const out: RoundWindow[] = []
    for (let index = 0; index < this.options.rounds; index++) {
      const startMs = index * this.roundMs
      if (startMs >= measuredMs && index > 0) break
      out.push({ index, startMs, durationMs: Math.max(0, Math.min(this.roundMs, measuredMs - startMs)) })
    }
    return out
  }

  /** Per-endpoint results with exactly `roundCount` rounds each (empty rounds have empty histograms). */
  endpoints(roundCount: number): EndpointResult[] {
    return this.options.endpointNames.map((name, endpoint) => ({
      name,
      warmupRequests: this.cells[endpoint]?.[0]?.requests ?? 0,
      timeline: this.endpointSeconds[endpoint]?.points() ?? [],
      rounds: Array.from({ length: roundCount }, (_, round): RoundMeasurement => {
        const cell = this.cells[endpoint]?.[round + 1] ?? new RoundCell(this.options.gated === 'actual')
        return {
          latency: cell.latency,
          actualLatency: cell.actualLatency,
          requests: cell.requests,
          statusCounts: cell.statusCounts,
          errors: cell.errors,
          bytesReceived: cell.bytesReceived,
        }
      }),
    }))
  }

  /** The whole run's per-second timeline, in order, every second with a request included. */
  timeline(): TimelinePoint[] {
    return this.seconds.points()
  }
}
