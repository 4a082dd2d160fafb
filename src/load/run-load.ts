// runLoad: one load run from a Profile to a RunResult. Wires the request plan, the dispatchers, the model's
// driver, the recorder and the housekeeping timers; stops on schedule, on abort or at max-duration.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Dispatcher } from 'undici'
import { runFingerprint } from '../config/fingerprint.js'
import { isOpenModel } from '../config/profile.js'
import { findSpike } from '../config/spike.js'
import { silentLog } from '../log.js'
import type { RunResult } from '../results/types.js'
import { type Clock, performanceClock } from './clock.js'
import { ClosedDriver } from './closed-model.js'
import { defaultDispatcherFactory } from './dispatchers.js'
import { assessGeneratorHealth } from './health.js'
import { InFlightTracker } from './http.js'
import { IterationRunner } from './iteration.js'
import { OpenDriver, OpenTicker } from './open-model.js'
import { Recorder } from './recorder.js'
import { prepareRequests } from './request-plan.js'
import { spikeRecovery } from './spike.js'
import { RunStoppedError, waitForStop } from './stopping.js'
import { tierUpEarly } from './tier-up.js'
import type { RunLoadOptions } from './types.js'
import { timerWaker, type Waker, workerWaker } from './waker.js'

/** Housekeeping period: timeouts, ramps, the end of the run (ms). */
const HOUSEKEEPING_MS = 10

/**
 * Runs the profile's load against the target and returns what it measured. Never rejects for server faults
 * (they are counted as error classes); rejects only for programming errors. Bounded in time: warm-up + duration,
 * plus the drain (request timeouts), or less on abort / max-duration.
 */
// long-function: the run's lifecycle (warm-up, rounds, stop, drain, result) shares the recorder, the driver and the
// stop state; it is being reworked by the generator-precision issue (16), so issue 15 left it whole to keep that
// merge clean. Split it there.
export async function runLoad(options: RunLoadOptions): Promise<RunResult> {
  const { profile } = options
  if (options.clock === undefined) tierUpEarly()
  const clock = options.clock ?? performanceClock
  const log = options.log ?? silentLog
  const target = options.target ?? profile.target
  const open = isOpenModel(profile.model)
  const plan = prepareRequests(profile, target)
  const startedAt = (options.now?.() ?? new Date()).toISOString()
  const runStartMs = clock.now()
  const measureStartMs = runStartMs + profile.warmupMs
  const endMs = measureStartMs + profile.durationMs
  const recorder = new Recorder({
    endpointNames: plan.endpointNames,
    runStartMs,
    warmupMs: profile.warmupMs,
    durationMs: profile.durationMs,
    rounds: profile.rounds,
    gated: open ? 'intended' : 'actual',
    trackWindow: options.onProgress !== undefined,
  })
  const tracker = new InFlightTracker(clock)
  let stopping = false
  const runner = new IterationRunner({
    plan,
    recorder,
    tracker,
    clock,
    random: options.random,
    thinkAfterLastStep: !open,
    isStopping: () => stopping,
  })
  const factory = options.dispatcherFactory ?? defaultDispatcherFactory
  const insecureTls = profile.tls.insecure
  const dispatchers: Dispatcher[] = []
  let openDriver: OpenDriver | null = null
  let closedDriver: ClosedDriver | null = null
  const load = profile.load
  if (load.model === 'constant-arrival-rate' || load.model === 'ramping-arrival-rate') {
    dispatchers.push(factory(new URL(target.origin), { connections: load.maxConnections, insecureTls }))
    openDriver = new OpenDriver({
      load,
      runner,
      dispatcher: dispatchers[0] as Dispatcher,
      clock,
      runStartMs,
      measureStartMs,
      endMs,
      rounds: profile.rounds,
      durationMs: profile.durationMs,
    })
  } else {
    for (let i = 0; i < load.maxConnections; i++)
      dispatchers.push(factory(new URL(target.origin), { connections: 1, insecureTls }))
    closedDriver = new ClosedDriver({ load, runner, dispatchers, clock, measureStartMs })
  }
  const lag = monitorEventLoopDelay({ resolution: 10 })
  lag.enable()
  log.info(
    `Load: ${profile.model} against ${target.origin}, ${plan.endpointNames.length} endpoint(s), warm-up ${profile.warmupMs} ms, ` +
      `${profile.durationMs} ms measured in ${profile.rounds} rounds`,
  )

  const stop = waitForStop({ signal: options.signal, maxDurationMs: profile.maxDurationMs, endMs, clock })
  const progressEveryMs = options.progressIntervalMs ?? 5000
  let lastProgressMs = runStartMs
  let lastSettleMs = runStartMs
  const housekeeping = setInterval(() => {
    const now = clock.now()
    tracker.sweep()
    recorder.prepareCells(now)
    closedDriver?.adjust()
    if (now - lastSettleMs >= 1000) {
      if (now < measureStartMs) recorder.warmTimeline()
      recorder.settleTimeline(now - profile.requestTimeoutMs - 1000)
      lastSettleMs = now
    }
    if (options.onProgress && now - lastProgressMs >= progressEveryMs) {
      const window = recorder.takeWindow()
      options.onProgress({
        phase: stopping ? 'drain' : now < measureStartMs ? 'warmup' : 'measure',
        elapsedMs: now - runStartMs,
        plannedMs: profile.warmupMs + profile.durationMs,
        ratePerSecond: (window.requests * 1000) / (now - lastProgressMs),
        p95Us: window.p95Us,
        errors: window.errors,
        totalRequests: recorder.totalRequests,
        totalErrors: recorder.totalErrors,
        inFlight: tracker.size,
      })
      lastProgressMs = now
    }
    stop.check()
  }, HOUSEKEEPING_MS)
  const abortedBeforeStart = options.signal?.aborted === true
  const ticker = openDriver && !abortedBeforeStart ? new OpenTicker(openDriver, clock, openWaker(options, clock)) : null
  ticker?.tick()
  if (!abortedBeforeStart) closedDriver?.adjust()

  const reason = await stop.stopped
  const stopMs = clock.now()
  stopping = true
  openDriver?.stop()
  closedDriver?.stop()
  ticker?.halt()
  runner.cancelPauses()
  const graceMs = reason.kind === 'complete' ? Number.POSITIVE_INFINITY : profile.gracePeriodMs
  await drain(tracker, clock, graceMs)
  // the waker thread ends after the drain: terminating it while the window's last requests are in flight delayed
  // their responses (anatomy, fifth session)
  ticker?.stop()
  clearInterval(housekeeping)
  lag.disable()
  await Promise.all(dispatchers.map((d) => d.destroy().catch(() => undefined)))

  const measuredMs =
    reason.kind === 'complete'
      ? profile.durationMs
      : abortedBeforeStart
        ? 0
        : Math.max(0, Math.min(profile.durationMs, stopMs - measureStartMs))
  const rounds = recorder.roundWindows(measuredMs)
  const measuredSeconds = measuredMs / 1000
  const perSecond = (count: number) => (measuredSeconds > 0 ? count / measuredSeconds : 0)
  const health = assessGeneratorHealth({
    intendedRatePerSecond: openDriver ? perSecond(openDriver.scheduledMeasured) : null,
    startedRatePerSecond: openDriver ? perSecond(openDriver.startedInWindow) : null,
    achievedRatePerSecond: perSecond(recorder.measuredRequests),
    eventLoopLagP99Ms: lag.percentile(99) / 1e6,
    maxEventLoopLagMs: lag.max / 1e6,
    eventLoopLagLimitMs: profile.maxEventLoopLagMs,
    unstartedIterations: openDriver?.unstarted ?? 0,
    maxInFlight: 'maxInFlight' in load ? load.maxInFlight : null,
    dataExhausted: runner.exhausted,
  })
  if (openDriver) {
    const lagUs = openDriver.sendLag
    log.info(
      `Scheduler send lag: p50 ${(lagUs.percentileUs(50) / 1000).toFixed(2)} ms, p99 ${(lagUs.percentileUs(99) / 1000).toFixed(2)} ms`,
    )
  }
  if (closedDriver && closedDriver.backoffWaits > 0) {
    log.info(
      `Back-off after connection failures: ${closedDriver.backoffWaits} waits, ${(closedDriver.backoffMs / 1000).toFixed(1)} s ` +
        'of VU time (not requests; 10 ms doubling to 1 s per VU, reset by the next response)',
    )
  }
  for (const why of health.invalidReasons) log.warning(`Run is invalid evidence: ${why}`)
  const timeline = recorder.timeline()
  const spike = findSpike(load)
  const recovery = spike === null ? null : spikeRecovery(spike, timeline, profile.warmupMs, profile.gate)
  return {
    profileId: profile.id,
    profileFingerprint: runFingerprint(profile),
    model: open ? 'open' : 'closed',
    gatedLatency: open ? 'intended' : 'actual',
    startedAt,
    warmupMs: profile.warmupMs,
    durationMs: measuredMs,
    rounds,
    endpoints: recorder.endpoints(rounds.length),
    timeline,
    health,
    completion: reason.kind === 'complete' ? { status: 'complete' } : { status: 'partial', reason: reason.reason },
    environment: options.environment,
    git: options.git,
    source: 'tailgate',
    ...(openDriver ? { generatorLateness: openDriver.latenessByRound.slice(0, rounds.length) } : {}),
    ...(recovery === null ? {} : { recovery }),
  }
}

/** The open model's waker: the precise worker thread on the real clock, timers on an injected clock. */
function openWaker(options: RunLoadOptions, clock: Clock): Waker {
  return (options.clock === undefined ? workerWaker(clock) : null) ?? timerWaker(clock)
}

/** Waits until no request is in flight, or `graceMs` passed; then fails the rest (they are not recorded). */
async function drain(tracker: InFlightTracker, clock: { now(): number }, graceMs: number): Promise<void> {
  const deadline = clock.now() + graceMs
  while (tracker.size > 0 && clock.now() < deadline) {
    tracker.sweep()
    await new Promise((resolve) => setTimeout(resolve, HOUSEKEEPING_MS))
  }
  if (tracker.size > 0) tracker.abandonAll(new RunStoppedError())
}
