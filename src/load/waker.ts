// Wake-ups for the open model's scheduler. Node's timers fire on whole milliseconds of a cached loop time (up to
// ~1 ms late), so the engine has two wakers: a worker thread that sleeps on Atomics.wait (sub-millisecond timeouts)
// and posts one message per wake-up, for the real clock; and plain setTimeout, for injected clocks and as the
// fallback. A wake-up never comes before its time; how late it may come is the waker's `precisionMs`.
import { Worker } from 'node:worker_threads'
import type { Clock } from './clock.js'

export interface Waker {
  /** How late a wake-up may come on an idle machine, ms: the scheduler wakes this much early and spins the rest. */
  readonly precisionMs: number
  /** Calls `callback` once at clock time `atMs` or later; replaces the pending wake-up. */
  wakeAt(atMs: number, callback: () => void): void
  /** Drops the pending wake-up. */
  cancel(): void
  /** Releases the waker's resources (the worker thread); no wake-up comes after it. */
  close(): void
}

/**
 * setTimeout: whole milliseconds of a cached loop time, so a timer can fire early by a fraction of a millisecond
 * (then it is set again) and late by about one (the engine's scheduler before issue 16).
 */
export function timerWaker(clock: Clock): Waker {
  let timer: NodeJS.Timeout | null = null
  const cancel = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }
  const arm = (atMs: number, callback: () => void): void => {
    timer = setTimeout(
      () => {
        timer = null
        if (clock.now() < atMs) arm(atMs, callback)
        else callback()
      },
      Math.max(1, atMs - clock.now()),
    )
  }
  return {
    precisionMs: 1,
    wakeAt(atMs, callback) {
      cancel()
      arm(atMs, callback)
    },
    cancel,
    close: cancel,
  }
}

/**
 * The worker's loop (CommonJS, evaluated as a script): sleep until the shared target time (CLOCK_MONOTONIC ms,
 * the same clock in every thread), post the generation it slept for once, then nap `nap` ms and look again: by then
 * the main thread has set the next target, without waking this thread (see `workerWaker`). `sleepUntil` tells the
 * main thread when the worker looks next; a generation < 0 ends it. Atomics.wait returns early when the main thread
 * notifies (a target earlier than `sleepUntil`, or the end).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const generation = new Int32Array(workerData, 0, 1)
const slots = new Float64Array(workerData, 8, 3)
const TARGET = 0, SLEEP_UNTIL = 1, NAP = 2
const now = () => { const t = process.hrtime(); return t[0] * 1e3 + t[1] / 1e6 }
let posted = -1
for (;;) {
  const seen = Atomics.load(generation, 0)
  if (seen < 0) break
  const t = now()
  const waitMs = slots[TARGET] - t
  if (waitMs > 0) {
    slots[SLEEP_UNTIL] = slots[TARGET]
    Atomics.wait(generation, 0, seen, waitMs)
    continue
  }
  if (posted !== seen) {
    parentPort.postMessage(seen)
    posted = seen
  }
  slots[SLEEP_UNTIL] = t + slots[NAP]
  Atomics.wait(generation, 0, seen, slots[NAP])
}
`

const monotonicMs = (): number => {
  const [seconds, nanoseconds] = process.hrtime()
  return seconds * 1e3 + nanoseconds / 1e6
}

/** Indices of the shared Float64 slots (the worker's source names them the same). */
const TARGET = 0
const SLEEP_UNTIL = 1
const NAP = 2
/** Longest nap after a wake-up before the worker looks for the next target, ms (one look per arrival or less). */
const MAX_NAP_MS = 1
/** Shortest nap, ms: at 2,000 req/s the next target comes 0.5 ms after the last. */
const MIN_NAP_MS = 0.05

/**
 * Sets the worker's next target. It wakes the worker (Atomics.notify) only when the worker would otherwise look too
 * late: a notify lets the worker preempt the main thread, and on a single core the scheduler may then give a V8
 * background thread (a JIT compile) a whole 4 ms tick before the main thread runs again (perf sched, 200 req/s:
 * docs/benchmarks.md, "fifth session"). The nap is half the gap between the last two targets, 0.05 to 1 ms.
 */
function targetSetter(generation: Int32Array, slots: Float64Array): (monotonicTargetMs: number) => void {
  let lastTargetMs = Number.NEGATIVE_INFINITY
  return (monotonicTargetMs) => {
    const gapMs = monotonicTargetMs - lastTargetMs
    if (Number.isFinite(gapMs) && gapMs > 0) slots[NAP] = Math.min(MAX_NAP_MS, Math.max(MIN_NAP_MS, gapMs / 2))
    if (Number.isFinite(monotonicTargetMs)) lastTargetMs = monotonicTargetMs
    slots[TARGET] = monotonicTargetMs
    Atomics.add(generation, 0, 1)
    if (monotonicTargetMs < (slots[SLEEP_UNTIL] as number)) Atomics.notify(generation, 0)
  }
}

/** The worker thread and the shared generation counter and slots it sleeps on; null when none can start. */
function startWakerThread(): { worker: Worker; generation: Int32Array; slots: Float64Array } | null {
  const shared = new SharedArrayBuffer(32)
  const generation = new Int32Array(shared, 0, 1)
  const slots = new Float64Array(shared, 8, 3)
  slots[TARGET] = Number.POSITIVE_INFINITY
  slots[SLEEP_UNTIL] = Number.POSITIVE_INFINITY
  slots[NAP] = MAX_NAP_MS
  try {
    return { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: shared }), generation, slots }
  } catch {
    return null
  }
}

/**
 * A worker thread that sleeps with sub-millisecond timeouts and wakes the main thread with one message: p50
 * 0.09-0.13 ms late on this project's 2-core VM while other jobs loaded it (a futex timeout plus an event-loop
 * wake-up; docs/benchmarks.md, issue 16). Between wake-ups it naps and looks for the next target instead of being
 * woken for it (see targetSetter); after the last one it looks again every nap (0.05-1 ms, the last nap set) until
 * cancel() or close(): the open model cancels it at its stop, within one housekeeping tick of the schedule's end.
 * `clock` must be the performance clock (its time is converted to the worker's monotonic clock).
 * null when no worker thread can be started; the caller falls back to timerWaker.
 */
export function workerWaker(clock: Clock): Waker | null {
  const thread = startWakerThread()
  if (thread === null) return null
  const { worker, generation, slots } = thread
  worker.unref()
  const offsetMs = monotonicMs() - clock.now()
  let callback: (() => void) | null = null
  /** The clock time `callback` is due (a timer takes it over if the thread dies first). */
  let callbackAtMs = 0
  worker.on('message', (seen: number) => {
    if (seen !== Atomics.load(generation, 0) || callback === null) return
    const call = callback
    callback = null
    call()
  })
  // Until the thread runs its first line (tens of ms after new Worker) and after it died (out of memory, say),
  // wake-ups come from a timer: a run that starts at once is not held up by the thread's start.
  const timer = timerWaker(clock)
  let online = false
  let failed = false
  worker.once('online', () => {
    online = true
  })
  worker.on('error', () => {
    failed = true
    const pending = callback
    callback = null
    if (pending) timer.wakeAt(callbackAtMs, pending)
  })
  const viaTimer = () => failed || !online
  const retarget = targetSetter(generation, slots)
  return {
    get precisionMs() {
      return viaTimer() ? timer.precisionMs : 0.1
    },
    wakeAt(atMs, next) {
      timer.cancel()
      if (viaTimer()) return timer.wakeAt(atMs, next)
      callback = next
      callbackAtMs = atMs
      retarget(atMs + offsetMs)
    },
    cancel() {
      callback = null
      timer.cancel()
      retarget(Number.POSITIVE_INFINITY)
    },
    close() {
      callback = null
      timer.close()
      Atomics.store(generation, 0, -1)
      Atomics.notify(generation, 0)
      void worker.terminate()
    },
  }
}
