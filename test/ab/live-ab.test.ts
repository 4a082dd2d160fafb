// Live A/B: two sample servers on 127.0.0.1 measured side by side (rounds interleaved ABBA) and decided by the gate.
// A 25 % slower endpoint is a regression; identical servers are compared on p50 and not called a regression. How often
// identical servers pass with this profile (N of N) is a repetition count, measured by
// bench/stats/live-ab-aa.bench.ts (docs/benchmarks.md, "Test suite and busy-runner runs").
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { describe, expect, it, onTestFinished } from 'vitest'
import { ConfigError } from '../../src/config/errors.js'
import { parseProfile } from '../../src/config/load-profile.js'
import type { Verdict } from '../../src/gate/types.js'
import { abbaOrder, runLiveAb } from '../../src/load/live-ab.js'
import {
  measurePair,
  SLOWED,
  shortProfile,
  shortProfileYaml,
  startPair,
  TEST_ENVIRONMENT,
  TEST_GIT,
  UNTOUCHED,
  verdictOfPair,
} from './helpers.js'

const outcomeOf = (verdict: Verdict, endpoint: string) => verdict.endpoints.find((e) => e.endpoint === endpoint)

describe('abbaOrder', () => {
  it.each([
    { rounds: 1, order: 'AB' },
    { rounds: 2, order: 'ABBA' },
    { rounds: 3, order: 'ABBAAB' },
    { rounds: 6, order: 'ABBAABBAABBA' },
  ])('interleaves $rounds round(s) a side as $order', ({ rounds, order }) => {
    expect(abbaOrder(rounds).join('')).toBe(order)
  })

  it('gives each side as many rounds, one of each in every consecutive pair', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (rounds) => {
        const order = abbaOrder(rounds)
        const pairsBalanced = Array.from({ length: rounds }, (_, i) => order[2 * i] !== order[2 * i + 1]).every(Boolean)
        return order.filter((side) => side === 'A').length === rounds && order.length === 2 * rounds && pairsBalanced
      }),
    )
  })
})

describe('runLiveAb', () => {
  it('finds the endpoint made 25 % slower a regression, and the other endpoint not', async () => {
    // given a candidate server whose /api/search is 25 % slower than the baseline's
    // when both are measured side by side (8 rounds a side: 8 pairs for the signed-rank test; a 1 s warm-up, so the
    // very first round of the process, the generator's coldest, is not an outlier pair) and the gate decides
    const measured = await measurePair(21, { '/api/search': 1.25 }, { rounds: 8, warmupMs: 1000 })
    const verdict = verdictOfPair(measured)

    // then the rounds ran in ABBA order, each side holds 8 complete rounds of both endpoints
    expect(measured.order.join('')).toBe('ABBAABBAABBAABBA')
    // and each half names the run and order it belongs to, so `tailgate compare` can pair the two files by itself
    expect(measured.baseline.liveAb).toEqual({ runId: expect.any(String), side: 'baseline', order: 'ABBAABBAABBAABBA' })
    expect(measured.candidate.liveAb).toEqual({ ...measured.baseline.liveAb, side: 'candidate' })
    for (const side of [measured.baseline, measured.candidate]) {
      expect(side.completion).toEqual({ status: 'complete' })
      expect(side.rounds).toHaveLength(8)
      expect(side.endpoints.map((e) => e.name).sort()).toEqual([UNTOUCHED, SLOWED].sort())
      for (const endpoint of side.endpoints) expect(endpoint.rounds.every((round) => round.requests > 0)).toBe(true)
    }
    // and search is a regression (paired: round i of B against round i of A), users is not
    expect(outcomeOf(verdict, SLOWED)?.comparisons[0]?.paired).toBe(true)
    expect(outcomeOf(verdict, SLOWED)?.outcome.kind).toBe('regression')
    expect(outcomeOf(verdict, UNTOUCHED)?.outcome.kind).not.toBe('regression')
    expect(verdict.outcome).toBe('regression')
    expect(verdict.failed).toBe(true)
  }, 30_000)

  it('finds no regression between identical servers, comparing every endpoint on p50', async () => {
    // given two identical servers, measured side by side and decided
    const verdict = verdictOfPair(await measurePair(1000))

    // then the run was compared (not invalid evidence) and found no regression
    for (const endpoint of verdict.endpoints) expect(endpoint.comparisons.map((c) => c.metric)).toEqual(['p50'])
    expect(verdict.outcome).not.toBe('invalid')
    expect(verdict.outcome, verdict.headline).not.toBe('regression')
  }, 30_000)

  it('refuses a ramping model with a ConfigError before sending any request', async () => {
    // given a server that counts requests, and a ramping profile aimed at it
    let requests = 0
    const server = createServer((_request, response) => {
      requests++
      response.end('ok')
    }).listen(0, '127.0.0.1')
    await once(server, 'listening')
    onTestFinished(async () => {
      server.close()
      await once(server, 'close')
    })
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    const profile = parseProfile({
      text: 'model: ramping-arrival-rate\nstart-rate: 5/s\nstages:\n  - { duration: 1s, target: 10 }\nrequests: [GET /]\n',
      file: 'ramp.yml',
      overrides: { target: url.href },
    })

    // when a live A/B is asked for
    const attempt = runLiveAb({
      profile,
      baselineTarget: url,
      candidateTarget: url,
      environment: TEST_ENVIRONMENT,
      git: TEST_GIT,
    })

    // then it is refused, naming the model and the fix, and nothing was sent
    await expect(attempt).rejects.toBeInstanceOf(ConfigError)
    await expect(attempt).rejects.toThrow(/'model'.*ramp.*use constant-arrival-rate or constant-vus/)
    expect(requests).toBe(0)
  })

  it('honours max-duration over the whole interleaved run, marking both sides partial', async () => {
    // given a 12-piece live A/B (each piece 150-250 ms of warm-up plus 250 ms) capped at 1 s in all
    const pair = await startPair(41)
    onTestFinished(pair.close)
    const profile = shortProfile(pair.candidate.url, `${shortProfileYaml()}max-duration: 1s\n`)
    let runsStarted = 0

    // when the live A/B runs
    const measured = await runLiveAb({
      profile,
      baselineTarget: pair.baseline.url,
      candidateTarget: pair.candidate.url,
      now: () => {
        runsStarted++
        return new Date()
      },
      environment: TEST_ENVIRONMENT,
      git: TEST_GIT,
    })

    // then it stopped after a few pieces, and both sides say why
    expect(runsStarted).toBeGreaterThanOrEqual(2)
    expect(runsStarted).toBeLessThan(12)
    for (const side of [measured.baseline, measured.candidate]) {
      expect(side.completion).toEqual({
        status: 'partial',
        reason: `max-duration (1000 ms) reached after ${side.rounds.length} of 6 rounds`,
      })
    }
  }, 30_000)

  it('stops when aborted mid-way and returns the partial results of both sides', async () => {
    // given two identical servers and a signal that fires during the 4th interleaved run (A of the second ABBA)
    const pair = await startPair(31)
    onTestFinished(pair.close)
    const controller = new AbortController()
    let runsStarted = 0
    const now = () => {
      runsStarted++
      if (runsStarted === 4) setTimeout(() => controller.abort(), 250)
      return new Date()
    }

    // when the live A/B runs
    const measured = await runLiveAb({
      profile: shortProfile(pair.candidate.url),
      baselineTarget: pair.baseline.url,
      candidateTarget: pair.candidate.url,
      signal: controller.signal,
      now,
      environment: TEST_ENVIRONMENT,
      git: TEST_GIT,
    })

    // then no further run started, and both sides hold what they measured: A one full and one cut round, B two
    expect(runsStarted).toBe(4)
    expect(measured.baseline.completion.status).toBe('partial')
    expect(measured.candidate.completion).toEqual({ status: 'partial', reason: 'stopped after 2 of 6 rounds' })
    expect(measured.baseline.rounds).toHaveLength(2)
    expect(measured.candidate.rounds).toHaveLength(2)
    for (const side of [measured.baseline, measured.candidate]) {
      const requests = side.endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0)
      expect(requests).toBeGreaterThan(0)
    }
  }, 30_000)
})
