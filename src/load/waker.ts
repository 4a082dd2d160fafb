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
 * the same clock in every thread), post the generation it slept for, then wait for a new one. A generation < 0
 * ends it. Atomics.wait returns early when the main thread changes the generation (a new target).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const generation = new Int32Array(workerData, 0, 1)
const target = new Float64Array(workerData, 8, 1)
const now = () => { const t = process.hrtime(); return t[0] * 1e3 + t[1] / 1e6 }
for (;;) {
  const seen = Atomics.load(generation, 0)
  if (seen < 0) break
  const waitMs = target[0] - now()
  if (waitMs > 0) { Atomics.wait(generation, 0, seen, waitMs); continue }
  parentPort.postMessage(seen)
  Atomics.wait(generation, 0, seen)
}
`

const monotonicMs = (): number => {
  const [seconds, nanoseconds] = process.hrtime()
  return seconds * 1e3 + nanoseconds / 1e6
}

/** The worker thread and the shared generation counter and target time it sleeps on; null when none can start. */
function startWakerThread(): { worker: Worker; generation: Int32Array; target: Float64Array } | null {
  const shared = new SharedArrayBuffer(16)
  const generation = new Int32Array(shared, 0, 1)
  const target = new Float64Array(shared, 8, 1)
  target[0] = Number.POSITIVE_INFINITY
  try {
    return { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: shared }), generation, target }
  } catch {
    return null
  }
}

/**
 * A worker thread that sleeps with sub-millisecond timeouts and wakes the main thread with one message: p50
 * 0.09-0.13 ms late on this project's 2-core VM while other jobs loaded it (a futex timeout plus an event-loop
 * wake-up; docs/benchmarks.md, issue 16), and no CPU between wake-ups. `clock` must be the performance clock (its time is converted to the worker's monotonic clock).
 * null when no worker thread can be started; the caller falls back to timerWaker.
 */
export function workerWaker(clock: Clock): Waker | null {
  const thread = startWakerThread()
  if (thread === null) return null
  const { worker, generation, target } = thread
  worker.unref()
  const offsetMs = monotonicMs() - clock.now()
  let callback: (() => void) | null = null
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
    if (pending) timer.wakeAt(clock.now(), pending)
  })
  const viaTimer = () => failed || !online
  const retarget = (monotonicTargetMs: number) => {
    target[0] = monotonicTargetMs
    Atomics.add(generation, 0, 1)
    Atomics.notify(generation, 0)
  }
  return {
    get precisionMs() {
      return viaTimer() ? timer.precisionMs : 0.1
    },
    wakeAt(atMs, next) {
      timer.cancel()
      if (viaTimer()) return timer.wakeAt(atMs, next)
      callback = next
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
