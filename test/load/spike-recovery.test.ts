// Spike recovery: a ramp with a spike against a loopback server that slows down while overloaded and recovers some
// seconds later; the reported recovery must match the server's own, and budgets can limit it.
import { afterEach, describe, expect, it } from 'vitest'
import type { Budget } from '../../src/config/gate-schema.js'
import { parseBudget } from '../../src/config/gate-schema.js'
import { findSpike } from '../../src/config/spike.js'
import { evaluateBudgets } from '../../src/gate/budgets.js'
import { poolEndpoint } from '../../src/gate/measurements.js'
import { parseRunResult, serializeRunResult } from '../../src/results/codec.js'
import { overloadServer, ownRecoveryMs, spikeProfileText } from '../helpers/overload-server.js'
import { startServer, type TestServer } from '../helpers/servers.js'
import { profileFor, run } from './run-helpers.js'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const SPIKE_PROFILE = spikeProfileText(7, ['recovery < 10s', 'recovery < 500ms'])

describe('spike recovery', () => {
  it('finds the spike in the stages', () => {
    const profile = profileFor(new URL('http://127.0.0.1:1'), SPIKE_PROFILE)
    expect(findSpike(profile.load)).toEqual({ startMs: 3000, endMs: 5000, baseLevel: 60, peakLevel: 1000 })
  })

  it('reports a recovery time within 1 s of the server’s own, usable in budgets', async () => {
    // Answers in 5 ms; once overloaded (over 300 req/s) in 150 ms, until 2 s after the last overloaded arrival.
    const server = overloadServer({ recoversAfterMs: 2000 })
    const started = await startServer(server.handler)
    servers.push(started)
    const profile = profileFor(started.url, SPIKE_PROFILE)
    const result = await run(profile)
    const recovery = result.recovery
    expect(recovery).toBeDefined()
    // The server's own view: the first arrival served normally after the last slow one, from the spike's end.
    const own = ownRecoveryMs(server, Date.parse(result.startedAt) + profile.warmupMs + 5000)
    expect(own).toBeGreaterThan(500)
    expect(recovery?.recoveredAfterMs).not.toBeNull()
    expect(Math.abs((recovery?.recoveredAfterMs as number) - (own as number))).toBeLessThanOrEqual(1000)

    const decoded = parseRunResult(serializeRunResult(result), 'spike.json')
    expect(decoded.recovery).toEqual(recovery)
    const endpoint = result.endpoints[0]
    if (endpoint === undefined) throw new Error('no endpoint')
    const checks = evaluateBudgets(
      poolEndpoint(result, endpoint),
      profile.budgets['*'] as readonly Budget[],
      result.recovery ?? null,
    )
    expect(checks.map((c) => c.passed)).toEqual([true, false])
  }, 60_000)

  it('a ramp that never recovers fails a recovery budget as "not recovered by the end"', () => {
    const budget = parseBudget('recovery < 10s') as Budget
    const pooled = { histogram: null as never, requests: 0, errors: 0, durationMs: 0 }
    const [check] = evaluateBudgets(pooled, [budget], {
      spikeStartMs: 0,
      spikeEndMs: 1,
      baseRatePerSecond: 1,
      peakRatePerSecond: 10,
      preSpikeP95Ms: 1,
      limitMs: 2,
      recoveredAfterMs: null,
    })
    expect(check).toMatchObject({ actual: Number.POSITIVE_INFINITY, passed: false })
  })

  it('refuses a recovery budget on a profile without a spike', () => {
    expect(() =>
      profileFor(
        new URL('http://127.0.0.1:1'),
        'rate: 10\nduration: 1s\nbudgets:\n  "*": "recovery < 5s"\nrequests: [GET /]\n',
      ),
    ).toThrow(/a recovery budget needs a spike to recover from/)
  })
})
