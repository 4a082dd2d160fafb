// The wait's schedule, with an injected clock and sleep (real loopback server, no real waiting), and how failures
// are described.
import fc from 'fast-check'
import { describe, expect, it, onTestFinished } from 'vitest'
import { describeFailure } from '../../../src/action/preview/probe.js'
import { BACKOFF_MS, backoffDelayMs, TargetNotReadyError, waitForReady } from '../../../src/action/preview/readiness.js'
import { memoryLog } from '../../../src/log.js'
import { startServer } from '../../helpers/servers.js'

/** A clock that only moves when the wait sleeps. */
function fakeTime() {
  let nowMs = 0
  const sleeps: number[] = []
  return {
    sleeps,
    clock: { now: () => nowMs },
    sleep: async (durationMs: number) => {
      sleeps.push(durationMs)
      nowMs += durationMs
    },
  }
}

async function unavailableServer() {
  let requests = 0
  const server = await startServer((_req, res) => {
    requests++
    res.statusCode = 503
    res.end()
  })
  onTestFinished(server.close)
  return { url: server.url, requests: () => requests }
}

describe('backoffDelayMs', () => {
  it('starts at 250 ms and doubles up to 5 s (no jitter at random = 0.5)', () => {
    const delays = Array.from({ length: 8 }, (_, i) => backoffDelayMs(i + 1, () => 0.5))

    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000])
  })

  it('stays within ±20 % of the doubling schedule and within [250 ms, 5 s] (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const delayMs = backoffDelayMs(attempt, () => r)
          const base = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** (attempt - 1))
          return (
            delayMs >= BACKOFF_MS.first &&
            delayMs <= BACKOFF_MS.max &&
            delayMs >= base * 0.8 - 1e-9 &&
            delayMs <= base * 1.2 + 1e-9
          )
        },
      ),
    )
  })
})

describe('waitForReady schedule', () => {
  it('backs off to 5 s pauses, makes a last attempt at the deadline, and then fails', async () => {
    // Given a target that is never ready and a clock that moves only when the wait sleeps
    const server = await unavailableServer()
    const time = fakeTime()

    // When we wait 30 s for it
    const error = await waitForReady({
      url: server.url,
      timeoutMs: 30_000,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      log: memoryLog(),
    }).catch((e: unknown) => e)

    // Then the pauses follow the schedule, the last one ends at the deadline, and every attempt reached the server
    expect(error).toBeInstanceOf(TargetNotReadyError)
    expect(time.sleeps).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000, 5000, 2250])
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(30_000)
    expect(server.requests()).toBe(time.sleeps.length + 1)
    expect((error as TargetNotReadyError).details).toMatchObject({ attempts: 11, waitedMs: 30_000 })
  })

  it('logs the first problem and each change at info, every attempt at debug', async () => {
    const server = await unavailableServer()
    const time = fakeTime()
    const log = memoryLog()

    await waitForReady({ url: server.url, timeoutMs: 2000, clock: time.clock, sleep: time.sleep, log }).catch(() => {})

    const info = log.lines.filter((l) => l.level === 'info')
    expect(info).toHaveLength(1)
    expect(info[0]?.message).toMatch(/^Waiting for http:\/\/127\.0\.0\.1:\d+\/ \(up to 2\.00 s\): HTTP 503$/)
    expect(log.lines.filter((l) => l.level === 'debug').length).toBe(server.requests())
  })

  it('stops waiting with the abort reason when the run is cancelled', async () => {
    const server = await unavailableServer()
    const controller = new AbortController()
    const time = fakeTime()
    const sleep = async (durationMs: number) => {
      await time.sleep(durationMs)
      if (time.sleeps.length === 2) controller.abort(new Error('run cancelled'))
    }

    const error = await waitForReady({
      url: server.url,
      clock: time.clock,
      sleep,
      signal: controller.signal,
      log: memoryLog(),
    }).catch((e: unknown) => e)

    expect(error).toEqual(new Error('run cancelled'))
    expect(server.requests()).toBe(2)
  })

  it.each([
    {
      what: 'a health path without a leading slash',
      healthPath: 'health',
      message: /'health-path': 'health' is not a path/,
    },
    { what: 'a status set that does not parse', acceptStatus: 'ok', message: /'ready-status': 'ok' is not a status/ },
  ])('rejects $what before sending anything', async ({ healthPath, acceptStatus, message }) => {
    const server = await unavailableServer()

    const attempt = waitForReady({ url: server.url, healthPath, acceptStatus, log: memoryLog() })

    await expect(attempt).rejects.toThrow(message)
    expect(server.requests()).toBe(0)
  })
})

describe('describeFailure', () => {
  const url = new URL('https://pr-1.preview.example:8443/')
  const withCode = (code: string, message = code) => Object.assign(new Error(message), { code })

  it.each([
    { error: withCode('ECONNREFUSED'), text: 'connection refused (pr-1.preview.example:8443)' },
    { error: withCode('ENOTFOUND'), text: 'DNS lookup failed (no such host) (pr-1.preview.example:8443)' },
    { error: withCode('EAI_AGAIN'), text: 'DNS lookup failed (temporary failure) (pr-1.preview.example:8443)' },
    { error: withCode('UND_ERR_CONNECT_TIMEOUT'), text: 'no answer from pr-1.preview.example:8443 within 2.00 s' },
    {
      error: new Error('fetch failed', { cause: withCode('ECONNRESET') }),
      text: 'connection reset by the server (pr-1.preview.example:8443)',
    },
    {
      error: withCode('CERT_HAS_EXPIRED', 'certificate has expired'),
      text: 'TLS error with pr-1.preview.example:8443: certificate has expired',
    },
    { error: new Error('something odd'), text: 'request to pr-1.preview.example:8443 failed: something odd' },
  ])('describes $error.message as "$text"', ({ error, text }) => {
    expect(describeFailure(error, url, 2000)).toBe(text)
  })
})
