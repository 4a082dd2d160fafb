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

    // then: the schedule is 100/s over 0.6 s, 60 iterations (±1 for the phase), 20 per round, whatever the machine
    expect(result).toMatchObject({ model: 'open', gatedLatency: 'intended', completion: { status: 'complete' } })
    const scheduled = Math.round((result.health.intendedRatePerSecond ?? 0) * 0.6)
    expect(scheduled).toBeGreaterThanOrEqual(59)
    expect(scheduled).toBeLessThanOrEqual(61)
    const perRound = result.endpoints[0]?.rounds.map((r) => r.requests) ?? []
    const requests = total(result, (r) => r.requests)
    expect(requests).toBe(perRound.reduce((a, b) => a + b, 0))
    // never more than scheduled, each in the round of its intended start; every started iteration was answered and
    // measured once, with the generator's own send lateness beside it (one histogram per round)
    expect(requests).toBeLessThanOrEqual(scheduled)
    for (const n of perRound) expect(n).toBeLessThanOrEqual(21)
    expect(result.generatorLateness?.map((h) => h.count)).toEqual(perRound)
    // all of them sent, or the run says it fell behind: a core so busy that the stop came before the generator's
    // last wake-up leaves arrivals unsent, and then the run must not pass as evidence (more than 5 % unsent)
    const fellBehind = result.health.invalidReasons.some((why) => why.includes('the generator fell behind'))
    expect(requests >= Math.ceil(0.95 * scheduled) || fellBehind, `${requests} of ${scheduled}`).toBe(true)
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
    // given: the server holds the 21st to 50th requests it receives and answers them all when the 51st arrives
    // (about 300 ms at 100/s: 0–300 ms each), answering every other request at once; it notes each hold's length
    const held: { sinceMs: number; release: () => void }[] = []
    const holdsMs: number[] = []
    let arrivals = 0
    const releaseAll = () => {
      const now = performance.now()
      for (const { sinceMs, release } of held.splice(0)) {
        holdsMs.push(now - sinceMs)
        release()
      }
    }
    const server = await startServer((_req, res) => {
      arrivals++
      if (arrivals > 20 && arrivals <= 50) held.push({ sinceMs: performance.now(), release: () => res.end('ok') })
      else {
        if (arrivals === 51) releaseAll()
        res.end('ok')
      }
    })
    onTestFinished(server.close)
    onTestFinished(releaseAll)
    const profile = profileFor(server.url, 'rate: 100\nduration: 1s\nrounds: 2\nrequests: [GET /]')

    // when
    const result = await run(profile)

    // then: every held request's latency includes its hold (the latency counts from the intended start, before the
    // server received it), so the tail holds the stall: the longest hold is at most the maximum latency, and the 15
    // longest holds put p90 (of ~100 requests) at or above the 15th longest. A loaded core only adds to latencies.
    expect(holdsMs).toHaveLength(30)
    const longest = [...holdsMs].sort((a, b) => b - a)
    const latency = merged(result, 'latency')
    const precision = 0.999 // HDR buckets: 3 significant digits
    expect(latency.maxUs()).toBeGreaterThanOrEqual(longest[0]! * 1000 * precision)
    expect(latency.count).toBeLessThanOrEqual(101)
    expect(latency.percentileUs(90)).toBeGreaterThanOrEqual(longest[14]! * 1000 * precision)
    // and the stall is the tail, not the typical request: 70 of ~100 were answered at once, so the median is below
    // the longest hold (about 300 ms; only a generator late by that much for most of its sends could reach it)
    expect(latency.percentileUs(50)).toBeLessThan(longest[0]! * 1000)
  })

  it('ramps the arrival rate through stages', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'model: ramping-arrival-rate\nstart-rate: 0\nstages: [{ duration: 1s, target: 200 }]\nrounds: 2\nrequests: [GET /]',
    )

    const result = await run(profile)

    // then: the area under 0 -> 200/s over 1 s is 100 scheduled iterations: 25 in the first half, 75 in the second
    const scheduled = Math.round(result.health.intendedRatePerSecond ?? 0)
    expect(scheduled).toBeGreaterThanOrEqual(95)
    expect(scheduled).toBeLessThanOrEqual(105)
    const [first = 0, second = 0] = result.endpoints[0]?.rounds.map((r) => r.requests) ?? []
    expect(first + second).toBeLessThanOrEqual(scheduled)
    // sent with that shape (at most 5 % missing, from the end), or the run says it fell behind (a busy runner's
    // stall at the stop leaves the last arrivals unsent: 68 of 100 under a CPU hog)
    const fellBehind = result.health.invalidReasons.some((why) => why.includes('the generator fell behind'))
    const keptShape = first + second >= Math.ceil(0.95 * scheduled) && second > 2 * first
    expect(keptShape || fellBehind, `${first} + ${second} of ${scheduled}`).toBe(true)
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
