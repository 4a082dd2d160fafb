// The closed model's back-off after connection-level failures: the policy (10 ms doubling to 1 s, reset by a
// reached server), and the driver's use of it on a fake clock (exact waits, no request during a wait, stop ends it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKOFF_MAX_MS, CONNECTION_FAILURES, ConnectionBackoff } from '../../src/load/backoff.js'
import { ClosedDriver } from '../../src/load/closed-model.js'
import type { JourneyDone } from '../../src/load/iteration.js'
import { profileFor } from './run-helpers.js'

describe('ConnectionBackoff', () => {
  it('waits 10 ms after the first failure, doubles up to 1 s, and starts over after a reset', () => {
    const backoff = new ConnectionBackoff()

    const waits = Array.from({ length: 10 }, () => backoff.nextDelayMs())
    backoff.reset()

    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000])
    expect(backoff.nextDelayMs()).toBe(10)
    expect(Math.max(...waits)).toBe(BACKOFF_MAX_MS)
  })

  it.each([
    ['connection-refused', true],
    ['connection-reset', true],
    ['dns', true],
    ['tls', true],
    ['timeout', false],
    ['http-5xx', false],
    ['http-4xx', false],
    ['check-failed', false],
    ['other', false],
  ] as const)('%s is a connection-level failure: %s', (errorClass, backsOff) => {
    expect(CONNECTION_FAILURES.has(errorClass)).toBe(backsOff)
  })
})

describe('ClosedDriver back-off, on a fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A driver with 1 VU whose iterations end as `script` says ('hang': never ends); the clock time of each start. */
  function driverWith(script: readonly ('refused' | 'ok' | 'hang')[]) {
    const clock = { now: () => Date.now() }
    const startsMs: number[] = []
    const runner = {
      start: (_dispatcher: unknown, _intendedMs: number, onDone: JourneyDone): boolean => {
        const outcome = script[startsMs.length] ?? 'hang'
        startsMs.push(clock.now())
        if (outcome !== 'hang') onDone(undefined, outcome === 'refused')
        return true
      },
    }
    const { load } = profileFor(
      new URL('http://127.0.0.1:1'),
      'model: constant-vus\nvus: 1\nduration: 10s\nrequests: [GET /]',
    )
    if (load.model !== 'constant-vus') throw new Error('not a closed profile')
    const driver = new ClosedDriver({ load, runner, dispatchers: [{} as never], clock, measureStartMs: clock.now() })
    return { driver, startsMs, t0: clock.now() }
  }

  it('waits 10, 20, 40 ms after refusals, goes on at once after a response, and starts over at 10 ms', () => {
    const { driver, startsMs, t0 } = driverWith(['refused', 'refused', 'refused', 'ok', 'refused', 'refused', 'hang'])

    driver.adjust()
    vi.advanceTimersByTime(1000)

    expect(startsMs.map((ms) => ms - t0)).toEqual([0, 10, 30, 70, 70, 80, 100])
    expect({ waits: driver.backoffWaits, ms: driver.backoffMs }).toEqual({ waits: 5, ms: 10 + 20 + 40 + 10 + 20 })
  })

  it('starts no iteration during a wait, and stop() ends the wait (nothing left to fire)', () => {
    const { driver, startsMs } = driverWith(Array(50).fill('refused'))

    driver.adjust()
    vi.advanceTimersByTime(5)
    const duringFirstWait = startsMs.length
    vi.advanceTimersByTime(995)
    driver.stop()
    const atStop = startsMs.length
    vi.advanceTimersByTime(5000)

    expect(duringFirstWait).toBe(1)
    // 0, 10, 30, 70, 150, 310, 630 ms: 7 attempts in the first second against a dead port (not thousands)
    expect(atStop).toBe(7)
    expect(startsMs).toHaveLength(atStop)
    expect(vi.getTimerCount()).toBe(0)
  })
})
