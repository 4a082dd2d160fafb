// The worker waker's fallback to timers, with a stand-in for the worker thread (no real thread: its 'online' and
// 'error' events come when the test says): a wake-up pending when the thread fails still never comes early.
import { EventEmitter } from 'node:events'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { performanceClock } from '../../src/load/clock.js'

const threads = vi.hoisted(() => ({ last: null as null | import('node:events').EventEmitter }))

vi.mock('node:worker_threads', () => ({
  Worker: class extends EventEmitter {
    constructor() {
      super()
      threads.last = this
    }
    unref() {}
    terminate() {
      return Promise.resolve(0)
    }
  },
}))

// a fresh copy of the module, that imports the stand-in (files share their worker process and its module cache)
vi.resetModules()
const { workerWaker } = await import('../../src/load/waker.js')
// and none left behind for the files that run after this one in the same process
afterAll(() => {
  vi.doUnmock('node:worker_threads')
  vi.resetModules()
})

/** A waker whose stand-in thread is online, and that thread. */
function onlineWaker() {
  const waker = workerWaker(performanceClock)
  const thread = threads.last
  if (waker === null || thread === null) throw new Error('no waker')
  thread.emit('online')
  return { waker, thread }
}

describe('the worker waker when its thread fails', () => {
  it.each([
    ['a wake-up 40 ms away', 40],
    ['a wake-up already due', -1],
  ])('%s pending when the thread fails comes from a timer, once, never before its time', async (_name, inMs) => {
    // given: a wake-up handed to the thread
    const { waker, thread } = onlineWaker()
    const atMs = performanceClock.now() + inMs
    const calledAt: number[] = []
    const called = new Promise<void>((resolve) =>
      waker.wakeAt(atMs, () => {
        calledAt.push(performanceClock.now())
        resolve()
      }),
    )

    // when: the thread fails before it wakes the main thread
    thread.emit('error', new Error('worker out of memory'))
    await called
    await new Promise((resolve) => setTimeout(resolve, 20))
    waker.close()

    // then
    expect(calledAt).toHaveLength(1)
    expect(calledAt[0]).toBeGreaterThanOrEqual(atMs)
  })

  it("takes later wake-ups on timers, with the timers' precision", async () => {
    const { waker, thread } = onlineWaker()
    expect(waker.precisionMs).toBeLessThan(1)
    thread.emit('error', new Error('gone'))
    expect(waker.precisionMs).toBe(1)
    const atMs = performanceClock.now() + 5
    const calledAt = await new Promise<number>((resolve) => waker.wakeAt(atMs, () => resolve(performanceClock.now())))
    waker.close()
    expect(calledAt).toBeGreaterThanOrEqual(atMs)
  })
})
