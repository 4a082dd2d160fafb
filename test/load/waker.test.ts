import { describe, expect, it, onTestFinished } from 'vitest'
import { performanceClock } from '../../src/load/clock.js'
import { timerWaker, type Waker, workerWaker } from '../../src/load/waker.js'

const wakers: [string, () => Waker][] = [
  ['worker thread', () => workerWaker(performanceClock) as Waker],
  ['setTimeout', () => timerWaker(performanceClock)],
]
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(wakers)('%s waker', (_name, make) => {
  it('calls back once, never before the requested time', async () => {
    // given
    const waker = make()
    onTestFinished(() => waker.close())
    const atMs = performanceClock.now() + 3.5

    // when
    const calledAt = await new Promise<number>((resolve) => waker.wakeAt(atMs, () => resolve(performanceClock.now())))
    await sleep(20)

    // then: not early (the worker converts the clock once, so allow a microsecond of rounding)
    expect(calledAt).toBeGreaterThanOrEqual(atMs - 0.001)
  })

  it('replaces a pending wake-up with the new one', async () => {
    // given
    const waker = make()
    onTestFinished(() => waker.close())
    const calls: string[] = []
    waker.wakeAt(performanceClock.now() + 2, () => calls.push('first'))

    // when
    await new Promise<void>((resolve) =>
      waker.wakeAt(performanceClock.now() + 4, () => {
        calls.push('second')
        resolve()
      }),
    )
    await sleep(20)

    // then
    expect(calls).toEqual(['second'])
  })

  it('calls nothing after cancel() or close()', async () => {
    // given
    const cancelled = make()
    const closed = make()
    const calls: string[] = []
    cancelled.wakeAt(performanceClock.now() + 1, () => calls.push('cancelled'))
    closed.wakeAt(performanceClock.now() + 1, () => calls.push('closed'))

    // when
    cancelled.cancel()
    closed.close()
    await sleep(30)
    cancelled.close()

    // then
    expect(calls).toEqual([])
  })

  it('wakes at once for a time already past', async () => {
    // given
    const waker = make()
    onTestFinished(() => waker.close())

    // when / then: resolves (a past time is due now)
    await new Promise<void>((resolve) => waker.wakeAt(performanceClock.now() - 5, resolve))
  })
})
