import type { Socket } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import { mergeHistograms } from '../../src/results/histogram.js'
import type { RunResult } from '../../src/results/types.js'
import { startServer } from '../helpers/servers.js'
import { profileFor, run, total } from './run-helpers.js'

const merged = (result: RunResult, origin: 'latency' | 'actualLatency') =>
  mergeHistograms(result.endpoints.flatMap((e) => e.rounds.map((r) => r[origin])))

describe('runLoad, open models', () => {
  it('starts iterations on schedule at a constant arrival rate and gates the intended latency', async () => {
    // given
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'rate: 100\nduration: 600ms\nrounds: 3\nrequests: [GET /]')

    // when
    const result = await run(profile)

    // then: 100/s over 0.6 s is 60 scheduled iterations, all of them sent and answered
    expect(result).toMatchObject({ model: 'open', gatedLatency: 'intended', completion: { status: 'complete' } })
    const requests = total(result, (r) => r.requests)
    expect(requests).toBeGreaterThanOrEqual(59)
    expect(requests).toBeLessThanOrEqual(61)
    expect(result.health.intendedRatePerSecond).toBeCloseTo(requests / 0.6, 5)
    expect(result.endpoints[0]?.rounds.map((r) => r.requests).every((n) => n >= 19 && n <= 21)).toBe(true)
    // the generator's own send lateness: one histogram per round, one entry per measured iteration
    expect(result.generatorLateness?.map((h) => h.count)).toEqual(result.endpoints[0]?.rounds.map((r) => r.requests))
  })

  it('measures from the intended start, so time spent queued behind busy connections counts', async () => {
    // given: 2 connections, 40 ms per answer (capacity 50/s) under 100 arrivals/s: a queue builds in the pool
    const server = await startServer((_req, res) => {
      setTimeout(() => res.end('ok'), 40)
    })
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'rate: 100\nmax-connections: 2\nduration: 800ms\nrounds: 1\nrequests: [GET /]',
    )

    // when
    const result = await run(profile)

    // then: the intended latency includes the queue (hundreds of ms); the actual latency is about one answer
    expect(merged(result, 'latency').percentileUs(90)).toBeGreaterThan(200_000)
    expect(merged(result, 'actualLatency').percentileUs(50)).toBeLessThan(150_000)
  })

  it('shows a server stall in the tail of the intended latency', async () => {
    // given: the server holds every request that arrives between 200 and 500 ms after the first one
    let firstMs: number | null = null
    const held: (() => void)[] = []
    const server = await startServer((_req, res) => {
      const now = performance.now()
      firstMs ??= now
      const sinceFirst = now - firstMs
      if (sinceFirst >= 200 && sinceFirst < 500) {
        held.push(() => res.end('ok'))
        if (held.length === 1)
          setTimeout(() => {
            for (const release of held.splice(0)) release()
          }, 500 - sinceFirst)
      } else res.end('ok')
    })
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'rate: 100\nduration: 1s\nrounds: 2\nrequests: [GET /]')

    // when
    const result = await run(profile)

    // then: about 30 % of requests were held for 0-300 ms, so p90 is well above the instant answers
    const latency = merged(result, 'latency')
    expect(latency.percentileUs(50)).toBeLessThan(100_000)
    expect(latency.percentileUs(90)).toBeGreaterThan(50_000)
    expect(latency.maxUs()).toBeGreaterThan(200_000)
  })

  it('ramps the arrival rate through stages', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'model: ramping-arrival-rate\nstart-rate: 0\nstages: [{ duration: 1s, target: 200 }]\nrounds: 2\nrequests: [GET /]',
    )

    const result = await run(profile)

    // then: the area under 0 -> 200/s over 1 s is 100 iterations: 25 in the first half, 75 in the second
    const [first, second] = result.endpoints[0]?.rounds.map((r) => r.requests) ?? []
    expect((first ?? 0) + (second ?? 0)).toBeGreaterThanOrEqual(95)
    expect((first ?? 0) + (second ?? 0)).toBeLessThanOrEqual(105)
    expect(second).toBeGreaterThan(2 * (first ?? 0))
  })

  it('opens at most max-connections connections', async () => {
    const sockets = new Set<Socket>()
    const server = await startServer((req, res) => {
      sockets.add(req.socket)
      setTimeout(() => res.end('ok'), 30)
    })
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'rate: 200\nmax-connections: 3\nduration: 300ms\nrounds: 1\nrequests: [GET /]',
    )

    await run(profile)

    expect(sockets.size).toBe(3)
  })

  it('marks the run invalid when max-in-flight holds iterations back', async () => {
    const server = await startServer((_req, res) => {
      setTimeout(() => res.end('ok'), 100)
    })
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'rate: 100\nmax-in-flight: 2\nduration: 500ms\nrounds: 1\nrequests: [GET /]')

    const result = await run(profile)

    const reasons = result.health.invalidReasons.join('\n')
    expect(reasons).toContain('never started because max-in-flight (2)')
    expect(reasons).toContain('the generator fell behind')
    expect(result.health.achievedRatePerSecond).toBeLessThan(0.95 * (result.health.intendedRatePerSecond ?? 0))
  })
})
