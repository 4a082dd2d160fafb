// The capacity search against real loopback servers: a pool of known capacity, and one test per safety stop.
// Assertions are about behaviour (which stop, which bracket), never about timing details.
import { afterEach, describe, expect, it } from 'vitest'
import { runCapacity } from '../../src/capacity/run-capacity.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { silentLog } from '../../src/log.js'
import { parseRunResult, serializeRunResult } from '../../src/results/codec.js'
import type { RunResult } from '../../src/results/types.js'
import { workerPool } from '../helpers/capacity-servers.js'
import { startServer, type TestServer } from '../helpers/servers.js'
import { testEnvironment, testGit } from '../load/run-helpers.js'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(handler: Parameters<typeof startServer>[0]): Promise<URL> {
  const server = await startServer(handler)
  servers.push(server)
  return server.url
}

/** A capacity profile against `url`: short steps, as the acceptance settings in docs/capacity.md. */
function capacityProfile(url: URL, keys: Record<string, string> = {}) {
  const all: Record<string, string> = {
    name: 'capacity',
    model: 'capacity',
    'start-rate': '60/s',
    'max-rate': '2000/s',
    'step-duration': '2s',
    warmup: '500ms',
    slo: '["p95 < 100ms", "error-rate < 1%"]',
    ...keys,
  }
  const text = `${Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\nrequests:\n  - GET /work\n`
  return parseProfile({ text, file: 'capacity.yml', overrides: { target: url.href } })
}

const search = (profile: ReturnType<typeof capacityProfile>) =>
  runCapacity({ profile, environment: testEnvironment, git: testGit })

function capacityOf(result: RunResult) {
  if (!result.capacity) throw new Error('not a capacity result')
  return result.capacity
}

describe('capacity search against a pool of 4 workers × 10 ms (400 req/s)', () => {
  // What holds on any runner: never above the true capacity, and the search's structure (growth from start-rate,
  // rates decided by their attempts, the bracket). How far below depends on the runner's noise: the 10 % figure is
  // measured by bench/capacity/acceptance.ts on a quiet machine (docs/capacity.md).
  it("never reports above the true capacity (within a step's resolution), follows the search rules, and survives the file format", async () => {
    const pool = workerPool({ workers: 4, serviceMs: 10 })
    // 1 s steps (40 requests a round at 400 req/s) and a 25 % resolution keep the search short (about 7 steps of
    // 1.3 s); the acceptance benchmark measures how close it gets, with 2 s steps and 5 %.
    const profile = capacityProfile(await serve(pool.handler), {
      resolution: '25%',
      'step-duration': '1s',
      warmup: '300ms',
    })
    const result = await search(profile)
    const capacity = capacityOf(result)
    const { sustainedRatePerSecond: sustained, firstFailingRatePerSecond: failing, steps } = capacity
    expect(['found', 'below-start-rate', 'invalid']).toContain(capacity.status)
    // Not above the pool's 400 req/s by more than a 1.3 s step can tell apart: an overload of x % queues
    // x % × 400 × 1.3 requests, under the SLO's 100 ms until x ≈ 8 %. A bisection point like 403.6 req/s passes its
    // step honestly (seen once in a suite under the CPU hog, fifth session); 10 % above would not.
    expect(sustained ?? 0).toBeLessThanOrEqual(440)
    expect(steps.every((step) => step.ratePerSecond <= 2000)).toBe(true)
    // Growth: start-rate × 2^k on first attempts until the first failing rate.
    const firstTries = steps.filter((step) => step.attempt === 1).map((step) => step.ratePerSecond)
    const growth = firstTries.slice(
      0,
      firstTries.findIndex((rate) => rate >= (failing ?? Number.POSITIVE_INFINITY)) + 1,
    )
    expect(growth).toEqual(growth.map((_, k) => 60 * 2 ** k))
    // Every rate is decided by its attempts: a sustained rate passed, a failing one failed twice (or a safety stop).
    const at = (rate: number | null) => steps.filter((step) => step.ratePerSecond === rate)
    if (sustained !== null) expect(at(sustained).some((step) => step.outcome === 'pass')).toBe(true)
    if (failing !== null) {
      const attempts = at(failing)
      const confirmed =
        attempts.filter((step) => step.outcome === 'fail').length >= 2 ||
        attempts.some((step) => step.safetyStop !== null)
      expect(confirmed).toBe(true)
    }
    if (capacity.status === 'found') {
      expect(failing).toBeGreaterThan(sustained as number)
      expect(capacity.breaking?.endpoint).toBe('GET /work')
      // The run's own rounds are the step at the sustained rate.
      expect(result.health.intendedRatePerSecond).toBeCloseTo(sustained as number, -1)
    }
    expect(capacity.totalRequests).toBeGreaterThan(0)
    const decoded = parseRunResult(serializeRunResult(result), 'capacity.json')
    expect(decoded.capacity?.steps.length).toBe(steps.length)
    expect(decoded.capacity?.sustainedRatePerSecond).toBe(sustained)
    expect(decoded.capacity?.steps[0]?.endpoints[0]?.rounds.length).toBe(10)
  }, 180_000)
})

describe('safety stops', () => {
  it('stops a step at once when latency passes 10× the SLO', async () => {
    // 2 workers × 400 ms: any rate above 5/s piles up; the SLO is 20 ms, so 200 ms ends the step.
    const pool = workerPool({ workers: 2, serviceMs: 400 })
    const profile = capacityProfile(await serve(pool.handler), { slo: '["p95 < 20ms"]' })
    const result = await search(profile)
    const step = capacityOf(result).steps[0]
    expect(step?.outcome).toBe('fail')
    expect(['latency', 'in-flight']).toContain(step?.safetyStop)
    expect(step?.reason).toMatch(/safety stop: .*10× the SLO/)
    expect(step?.durationMs).toBeLessThan(2000)
    expect(capacityOf(result).status).toBe('below-start-rate')
  }, 60_000)

  it('stops a step at once on an error surge (10× the error limit)', async () => {
    let sent = 0
    const url = await serve((_req, res) => {
      sent++
      res.statusCode = sent > 30 ? 503 : 200
      res.end('busy')
    })
    const result = await search(capacityProfile(url))
    const step = capacityOf(result).steps.find((s) => s.safetyStop !== null)
    expect(step?.safetyStop).toBe('errors')
    expect(step?.reason).toMatch(/% of requests failed, past 10× the SLO's error limit \(10\.0 %\)/)
    expect(step?.durationMs).toBeLessThan(2000)
  }, 60_000)

  it('stops a step when max-in-flight requests are under way (a target that stopped answering)', async () => {
    const url = await serve((req) => {
      req.resume() // never answers; the request timeout and the stop end it
    })
    const profile = capacityProfile(url, {
      'max-in-flight': '15',
      timeout: '30s',
      'grace-period': '100ms',
      slo: '["error-rate < 1%"]',
    })
    const result = await search(profile)
    const step = capacityOf(result).steps[0]
    expect(step?.safetyStop).toBe('max-in-flight')
    expect(step?.outcome).toBe('fail')
  }, 60_000)

  it('never runs a step above max-rate, and says the capacity is at least max-rate', async () => {
    const pool = workerPool({ workers: 8, serviceMs: 1 })
    const profile = capacityProfile(await serve(pool.handler), { 'max-rate': '150/s', 'step-duration': '1s' })
    const capacity = capacityOf(await search(profile))
    expect(Math.max(...capacity.steps.map((s) => s.ratePerSecond))).toBe(150)
    expect(capacity.status).toBe('at-max-rate')
    expect(capacity.sustainedRatePerSecond).toBe(150)
    expect(capacity.firstFailingRatePerSecond).toBeNull()
    expect(capacity.reason).toMatch(/at least that/)
  }, 60_000)

  it('ends the search at max-duration with a partial result', async () => {
    const pool = workerPool({ workers: 8, serviceMs: 1 })
    const profile = capacityProfile(await serve(pool.handler), { 'max-duration': '4s' })
    const result = await search(profile)
    const capacity = capacityOf(result)
    expect(capacity.status).toBe('stopped')
    expect(capacity.reason).toMatch(/max-duration \(4000 ms\) reached during step 2/)
    expect(result.completion.status).toBe('partial')
    expect(capacity.steps.length).toBe(2)
    expect(capacity.totalDurationMs).toBeLessThan(4000 + 5000)
  }, 60_000)

  it('makes a step invalid when the generator falls behind, and never reports a capacity from it', async () => {
    // Each step starts when it is logged. 1 s into it (0.2 s before its window ends) the handler blocks the shared
    // event loop for 600 ms: the generator stalls across the end of its window and cannot start what was due.
    let stepStartMs = Number.POSITIVE_INFINITY
    let blocked = false
    const log = {
      ...silentLog,
      info: (message: string) => {
        if (message.startsWith('Capacity step')) {
          stepStartMs = performance.now()
          blocked = false
        }
      },
    }
    const url = await serve((_req, res) => {
      if (!blocked && performance.now() > stepStartMs + 1000) {
        blocked = true
        const until = performance.now() + 600
        while (performance.now() < until) {
          // busy: the generator shares this event loop
        }
      }
      res.end('ok')
    })
    const profile = capacityProfile(url, { 'start-rate': '50/s', 'step-duration': '1s', warmup: '200ms' })
    const capacity = capacityOf(await runCapacity({ profile, environment: testEnvironment, git: testGit, log }))
    // The search ends at the first rate that is invalid twice; a rate is never sustained on an invalid step.
    const last = capacity.steps.slice(-2)
    expect(last.map((s) => s.outcome)).toEqual(['invalid', 'invalid'])
    expect(last[0]?.ratePerSecond).toBe(last[1]?.ratePerSecond)
    expect(last[0]?.reason).toMatch(/the generator fell behind: it started .* below 95 %/)
    expect(capacity.status).toBe('invalid')
    expect(capacity.sustainedRatePerSecond ?? 0).toBeLessThan(last[0]?.ratePerSecond as number)
    expect(capacity.reason).toMatch(/stopped without an answer/)
  }, 60_000)
})
