import { describe, expect, it, onTestFinished } from 'vitest'
import { performanceClock } from '../../src/load/clock.js'
import { timerWaker, type Waker, workerWaker } from '../../src/load/waker.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A worker waker whose thread is running: until then (tens of ms after it is made) wake-ups come from its timer
 * fallback, which the plain 'worker thread' case mostly tests; this one tests the thread's own protocol.
 */
async function onlineWorkerWaker(): Promise<Waker> {
  const waker = workerWaker(performanceClock) as Waker
  for (let i = 0; i < 1000 && waker.precisionMs >= 1; i++) await sleep(5)
  expect(waker.precisionMs).toBeLessThan(1)
  return waker
}

const wakers: [string, () => Promise<Waker> | Waker][] = [
  ['worker thread', () => workerWaker(performanceClock) as Waker],
  ['worker thread, once online', onlineWorkerWaker],
  ['setTimeout', () => timerWaker(performanceClock)],
]

describe.each(wakers)('%s waker', (_name, make) => {
  it('calls back once, never before the requested time', async () => {
    // given
    const waker = await make()
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
    const waker = await make()
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
    const cancelled = await make()
    const closed = await make()
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

  it('wakes for a target set after cancel(), and only for it', async () => {
    // given: a far wake-up, cancelled
    const waker = await make()
    onTestFinished(() => waker.close())
    const calls: string[] = []
    const farMs = performanceClock.now() + 2000
    waker.wakeAt(farMs, () => calls.push('cancelled'))
    waker.cancel()

    // when
    const atMs = performanceClock.now() + 3
    const calledAt = await new Promise<number>((resolve) =>
      waker.wakeAt(atMs, () => {
        calls.push('new')
        resolve(performanceClock.now())
      }),
    )
    await sleep(20)

    // then
    expect(calls).toEqual(['new'])
    expect(calledAt).toBeGreaterThanOrEqual(atMs - 0.001)
    expect(calledAt).toBeLessThan(farMs)
  })

  it('wakes at once for a time already past', async () => {
    // given
    const waker = await make()
    onTestFinished(() => waker.close())

    // when / then: resolves (a past time is due now)
    await new Promise<void>((resolve) => waker.wakeAt(performanceClock.now() - 5, resolve))
  })

  it.each([0.5, 5])('follows a schedule of targets %s ms apart, each once and never early', async (gapMs) => {
    // given: each callback sets the next target, as the open model's ticker does (the worker naps and looks for it)
    const waker = await make()
    onTestFinished(() => waker.close())
    const targets: number[] = []
    const calledAt: number[] = []

    // when
    await new Promise<void>((resolve) => {
      const next = () => {
        calledAt.push(performanceClock.now())
        if (targets.length === 12) return resolve()
        targets.push(performanceClock.now() + gapMs)
        waker.wakeAt(targets.at(-1) as number, next)
      }
      targets.push(performanceClock.now() + gapMs)
      waker.wakeAt(targets[0] as number, next)
    })

    // then: one call per target, none before its target
    expect(calledAt).toHaveLength(targets.length)
    for (const [i, target] of targets.entries()) expect(calledAt[i]).toBeGreaterThanOrEqual(target - 0.001)
  })

  it('wakes for an earlier target set while it sleeps toward a later one', async () => {
    // given: the worker is asleep until a target 2 s away
    const waker = await make()
    onTestFinished(() => waker.close())
    const farMs = performanceClock.now() + 2000
    waker.wakeAt(farMs, () => undefined)
    await sleep(5)

    // when: an earlier target replaces it
    const calledAt = await new Promise<number>((resolve) =>
      waker.wakeAt(performanceClock.now() + 2, () => resolve(performanceClock.now())),
    )

    // then: it came for the earlier target, not at the later one
    expect(calledAt).toBeLessThan(farMs)
  })
})
