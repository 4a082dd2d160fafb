import { describe, expect, it, onTestFinished } from 'vitest'
import { assessGeneratorHealth, type HealthInput } from '../../src/load/health.js'
import { logProgress, progressText, ttyProgressBar } from '../../src/load/progress.js'
import type { ProgressSnapshot } from '../../src/load/types.js'
import { memoryLog } from '../../src/log.js'
import { startServer } from '../helpers/servers.js'
import { profileFor, run, total } from './run-helpers.js'

const healthy: HealthInput = {
  intendedRatePerSecond: 100,
  startedRatePerSecond: 100,
  achievedRatePerSecond: 100,
  eventLoopLagP99Ms: 2,
  maxEventLoopLagMs: 5,
  eventLoopLagLimitMs: 50,
  unstartedIterations: 0,
  maxInFlight: 1000,
  dataExhausted: new Map(),
}

describe('assessGeneratorHealth', () => {
  it.each([
    { what: 'a healthy open run', input: {}, reasons: [] },
    {
      what: 'a closed run (no intended rate)',
      input: { intendedRatePerSecond: null, startedRatePerSecond: null },
      reasons: [],
    },
    { what: 'exactly 95 % of the intended rate', input: { startedRatePerSecond: 95 }, reasons: [] },
    {
      what: 'below 95 % of the intended rate',
      input: { startedRatePerSecond: 94.9 },
      reasons: ['the generator fell behind'],
    },
    {
      what: 'event-loop lag over the limit',
      input: { eventLoopLagP99Ms: 51 },
      reasons: ["the generator's event loop lagged"],
    },
    {
      what: 'iterations held back by max-in-flight',
      input: { unstartedIterations: 3 },
      reasons: ['3 iterations never started'],
    },
    {
      what: 'exhausted data',
      input: { dataExhausted: new Map([['signup', 4]]) },
      reasons: ["scenario 'signup' ran out"],
    },
  ])('judges $what', ({ input, reasons }) => {
    const health = assessGeneratorHealth({ ...healthy, ...input })

    expect(health.invalidReasons).toHaveLength(reasons.length)
    for (const [i, reason] of reasons.entries()) expect(health.invalidReasons[i]).toContain(reason)
  })
})

describe('generator self-checks in a real run', () => {
  it('marks the run invalid when the event loop is blocked', async () => {
    // given: the test server shares the generator's event loop and blocks it for 80 ms per request
    const server = await startServer((_req, res) => {
      const until = performance.now() + 80
      while (performance.now() < until) {
        // busy-wait on purpose
      }
      res.end('ok')
    })
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'model: constant-vus\nvus: 1\nduration: 500ms\nrequests: [GET /]')
    const log = memoryLog()

    // when
    const result = await run(profile, { log })

    // then
    expect(result.health.maxEventLoopLagMs).toBeGreaterThan(50)
    expect(result.health.invalidReasons.join('\n')).toContain("the generator's event loop lagged")
    expect(log.lines.some((l) => l.level === 'warning' && l.message.includes('invalid evidence'))).toBe(true)
  })
})

describe('timeline and progress', () => {
  it('keeps a per-second timeline of requests, errors and p95', async () => {
    const server = await startServer((req, res) => {
      res.statusCode = req.url === '/fail' ? 500 : 200
      res.end()
    })
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'rate: 40\nwarmup: 500ms\nduration: 1500ms\nrequests: [GET /ok, GET /fail]')

    const result = await run(profile)

    expect(result.timeline.map((p) => p.second)).toEqual([0, 1])
    expect(result.timeline.reduce((sum, p) => sum + p.requests, 0)).toBe(
      total(result, (r) => r.requests) + result.endpoints.reduce((sum, e) => sum + e.warmupRequests, 0),
    )
    expect(result.timeline.every((p) => p.errors > 0 && p.errors < p.requests && p.p95Us > 0)).toBe(true)
  })

  it('reports progress snapshots while it runs', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'rate: 100\nwarmup: 200ms\nduration: 600ms\nrequests: [GET /]')
    const snapshots: ProgressSnapshot[] = []

    await run(profile, { onProgress: (s) => snapshots.push(s), progressIntervalMs: 150 })

    expect(snapshots.length).toBeGreaterThanOrEqual(3)
    expect(snapshots[0]?.phase).toBe('warmup')
    expect(snapshots.some((s) => s.phase === 'measure')).toBe(true)
    expect(snapshots.every((s) => s.plannedMs === 800)).toBe(true)
    expect(snapshots.at(-1)?.totalRequests).toBeGreaterThan(0)
  })

  const snapshot: ProgressSnapshot = {
    phase: 'measure',
    elapsedMs: 12_400,
    plannedMs: 30_000,
    ratePerSecond: 498.4,
    p95Us: 12_430,
    errors: 2,
    totalRequests: 5000,
    totalErrors: 3,
    inFlight: 4,
  }

  it('writes one Actions log line per snapshot', () => {
    const log = memoryLog()

    logProgress(log)(snapshot)

    expect(log.lines).toEqual([
      { level: 'info', message: 'measuring 12/30 s (41 %): 498 req/s, p95 12.4 ms, 2 errors (3 total), 4 in flight' },
    ])
    expect(progressText({ ...snapshot, p95Us: 0, phase: 'warmup' })).toContain(
      'warm-up 12/30 s (41 %): 498 req/s, p95 -',
    )
  })

  it('redraws a progress bar in place on a terminal and ends the line when done', () => {
    const writes: string[] = []
    const bar = ttyProgressBar({ write: (text: string) => writes.push(text), columns: 140 })

    bar.update(snapshot)
    bar.update({ ...snapshot, elapsedMs: 30_000 })
    bar.done()

    expect(writes).toHaveLength(3)
    expect(writes[0]).toMatch(/^\r\[#+-+\] measuring 12\/30 s/)
    expect(writes[0]?.endsWith('\u001b[K')).toBe(true)
    expect(writes[1]).toMatch(/^\r\[#+\] measuring 30\/30 s \(100 %\)/)
    expect(writes[2]).toBe('\n')
  })
})
