import { describe, expect, it, onTestFinished } from 'vitest'
import { memoryLog } from '../../src/log.js'
import { startServer } from '../helpers/servers.js'
import { profileFor, run, total } from './run-helpers.js'

describe('stopping a run early', () => {
  it('stops sending at once on abort and returns a partial result with the reason', async () => {
    // given
    let served = 0
    const server = await startServer((_req, res) => {
      served++
      res.end('ok')
    })
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'rate: 100\nduration: 10s\nrounds: 5\nrequests: [GET /]')
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('SIGTERM received')), 300)

    // when
    const startedMs = performance.now()
    const result = await run(profile, { signal: controller.signal })
    const servedAtReturn = served
    await new Promise((resolve) => setTimeout(resolve, 100))

    // then
    expect(performance.now() - startedMs).toBeLessThan(5_000)
    expect(result.completion).toEqual({ status: 'partial', reason: 'stopped early: SIGTERM received' })
    expect(result.durationMs).toBeGreaterThanOrEqual(250)
    // (stopped: far below the 10 s it was set to run; the margin is a busy runner's stalls, not a precision)
    expect(result.durationMs).toBeLessThan(5_000)
    expect(result.rounds).toHaveLength(1)
    expect(result.rounds[0]?.durationMs).toBe(result.durationMs)
    expect(total(result, (r) => r.requests)).toBe(servedAtReturn)
    expect(served).toBe(servedAtReturn)
  })

  it('waits for in-flight requests up to the grace period, then leaves them unrecorded', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/hang') return
      res.end('ok')
    })
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'model: constant-vus\nvus: 2\nduration: 10s\ngrace-period: 200ms\ntimeout: 30s\nrequests: [GET /hang]',
    )
    const controller = new AbortController()
    setTimeout(() => controller.abort('SIGINT'), 150)

    const startedMs = performance.now()
    const result = await run(profile, { signal: controller.signal })

    const elapsedMs = performance.now() - startedMs
    expect(elapsedMs).toBeGreaterThanOrEqual(300)
    expect(elapsedMs).toBeLessThan(5_000)
    expect(result.completion).toEqual({ status: 'partial', reason: 'stopped early: SIGINT' })
    expect(total(result, (r) => r.requests)).toBe(0)
  })

  it('honours max-duration as a hard cap, marking the result partial', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'rate: 50\nwarmup: 100ms\nduration: 10s\nmax-duration: 400ms\nrequests: [GET /]',
    )

    const result = await run(profile)

    expect(result.completion).toEqual({ status: 'partial', reason: 'max-duration (400 ms) reached' })
    expect(result.durationMs).toBeGreaterThanOrEqual(250)
    // (capped: far below the 10 s duration; the margin is a busy runner's stalls, not a precision)
    expect(result.durationMs).toBeLessThan(5_000)
    expect(total(result, (r) => r.requests)).toBeGreaterThan(0)
  })

  it('returns an empty partial result when aborted before it starts', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'rate: 50\nduration: 10s\nrequests: [GET /]')
    const log = memoryLog()

    const result = await run(profile, { signal: AbortSignal.abort('cancelled'), log })

    expect(result.completion).toEqual({ status: 'partial', reason: 'stopped early: cancelled' })
    expect(result.durationMs).toBe(0)
    expect(total(result, (r) => r.requests)).toBe(0)
  })
})
