// rounds: auto with a fake measure (real RunResults built from HDR histograms, a fake clock): when it stops, why,
// in which order the sides are measured, and what the final verdict says.
import { describe, expect, it } from 'vitest'
import { ConfigErrors } from '../../src/config/errors.js'
import { profileFingerprint } from '../../src/config/fingerprint.js'
import { parseProfile } from '../../src/config/load-profile.js'
import type { Profile } from '../../src/config/profile.js'
import { decide } from '../../src/gate/decide.js'
import type { RunResult } from '../../src/results/types.js'
import { type MeasurePiece, runUntilDecided } from '../../src/sequential/run-until-decided.js'
import { buildRun, roundsAround } from '../gate/builders.js'
import { seededRandom } from '../gate/simulation.js'

const BASE = 'http://127.0.0.1:1/'
const CANDIDATE = 'http://127.0.0.1:2/'

function autoProfile(extra = ''): Profile {
  const yaml = `name: auto
model: constant-vus
vus: 1
warmup: 1s
duration: 6s
rounds: auto
max-duration: 2m
requests: [GET /]
gate:
  metrics: [p50]
${extra}`
  return parseProfile({ text: yaml, file: 'auto.yml', overrides: { target: CANDIDATE } })
}

/** A fake load run: p50 of each round ≈ 20 ms × the target's factor × (1 ± 1 % noise); the clock moves on. */
function fakeMeasure(factors: Record<string, number>, seed: number, clock: { t: number }, log: string[]): MeasurePiece {
  const random = seededRandom(seed)
  return async (profile, target) => {
    log.push(`${target.href === BASE ? 'A' : 'B'}${profile.rounds}`)
    clock.t += profile.warmupMs + profile.durationMs + 50
    const factor = factors[target.href] ?? 1
    const centres = Array.from({ length: profile.rounds }, () => 20 * factor * (1 + 0.02 * (random() - 0.5)))
    return buildRun([{ name: 'GET /', roundsMs: roundsAround(centres) }], {
      profileFingerprint: profileFingerprint(profile),
    })
  }
}

function decideWith(profile: Profile, pairing: 'abba' | null) {
  return (baseline: RunResult, candidate: RunResult) =>
    decide({ candidate, baseline: { kind: 'found', result: baseline }, gate: profile.gate, budgets: {}, pairing })
}

describe('runUntilDecided (rounds: auto)', () => {
  it.each([
    { case: 'identical servers', factor: 1, outcome: 'no-change' },
    { case: 'a 25 % slower candidate', factor: 1.25, outcome: 'regression' },
  ])(
    'live A/B of $case: stops when decided, interleaved A B B A, and the verdict says so',
    async ({ factor, outcome }) => {
      // given a live A/B under rounds: auto (min 6 rounds of 1 s, max-duration 2 min) and a fake clock
      const profile = autoProfile()
      const clock = { t: 0 }
      const log: string[] = []

      // when it runs until decided
      const result = await runUntilDecided({
        profile,
        candidateTarget: new URL(CANDIDATE),
        baseline: { kind: 'live', target: new URL(BASE) },
        measure: fakeMeasure({ [CANDIDATE]: factor }, 7, clock, log),
        decideLook: decideWith(profile, 'abba'),
        clock: { now: () => clock.t },
      })
      const verdict = decide({
        candidate: result.candidate,
        baseline: { kind: 'found', result: result.baseline },
        gate: profile.gate,
        budgets: {},
        pairing: 'abba',
        sequential: result.monitor.conclusion(result.summary),
      })

      // then it stopped because it was decided, with equal rounds a side measured in A B B A order
      expect(result.summary.stopped).toBe('decided')
      expect(result.summary.rounds).toBeGreaterThanOrEqual(6)
      expect(result.summary.looks).toBe(result.summary.rounds - 5)
      expect(result.baseline.rounds).toHaveLength(result.summary.rounds)
      expect(result.candidate.rounds).toHaveLength(result.summary.rounds)
      expect(log.map((piece) => piece[0]).join('')).toBe(
        'ABBA'.repeat(result.summary.rounds).slice(0, 2 * result.summary.rounds),
      )
      // and both halves carry the run id and that order, so their files alone say they are pairs
      expect(result.candidate.liveAb).toEqual({ ...result.baseline.liveAb, side: 'candidate' })
      expect(result.baseline.liveAb?.order).toBe(log.map((piece) => piece[0]).join(''))
      // and the verdict carries the sequential outcome, the summary and the reason
      expect(verdict.outcome).toBe(outcome)
      expect(verdict.sequential).toEqual(result.summary)
      expect(result.summary.reason).toMatch(
        /rounds: auto stopped after \d+ A\/B pairs \(\d+ looks?, up to \d+ planned\): every gated comparison was decided/,
      )
      expect(verdict.endpoints[0]?.comparisons[0]?.explanation).toMatch(/decided at look \d+ \(\d+ rounds\)/)
    },
  )

  it('against a stored baseline grows only the candidate: one run of min-rounds, then one round at a time', async () => {
    // given a stored baseline of 6 rounds and a candidate 25 % slower
    const profile = autoProfile()
    const clock = { t: 0 }
    const log: string[] = []
    const stored = await fakeMeasure({}, 3, { t: 0 }, [])(profile, new URL(BASE), undefined)

    // when rounds: auto runs against it
    const result = await runUntilDecided({
      profile,
      candidateTarget: new URL(CANDIDATE),
      baseline: { kind: 'stored', run: stored },
      measure: fakeMeasure({ [CANDIDATE]: 1.25 }, 9, clock, log),
      decideLook: decideWith(profile, null),
      clock: { now: () => clock.t },
    })

    // then the baseline is untouched and the candidate was measured as B6, B1, B1, …
    expect(result.baseline).toBe(stored)
    expect(log[0]).toBe('B6')
    expect(log.slice(1).every((piece) => piece === 'B1')).toBe(true)
    expect(result.candidate.rounds).toHaveLength(result.summary.rounds)
    expect(result.summary.stopped).toBe('decided')
    expect(result.monitor.decisionOf('GET /', 'p50')?.outcome).toBe('regression')
  })

  it('stops at max-duration when the comparison cannot be decided, and leaves it inconclusive', async () => {
    // given a candidate exactly at the margin (5 % slower): neither regression nor no change can be shown
    const profile = autoProfile('max-rounds: 12\n')
    const clock = { t: 0 }

    // when rounds: auto runs with at most 12 rounds
    const result = await runUntilDecided({
      profile,
      candidateTarget: new URL(CANDIDATE),
      baseline: { kind: 'live', target: new URL(BASE) },
      measure: fakeMeasure({ [CANDIDATE]: 1.05 }, 11, clock, []),
      decideLook: decideWith(profile, 'abba'),
      clock: { now: () => clock.t },
    })

    // then it used the 12 planned rounds and the comparison stays undecided
    expect(result.summary).toMatchObject({ stopped: 'max-rounds', rounds: 12, maxRounds: 12, looks: 7 })
    expect(result.monitor.finished).toBe(true)
    expect(result.monitor.decisionOf('GET /', 'p50')).toBeNull()
  })

  it.each([
    { cut: 'the first piece of the next pair', firstCut: 17 },
    { cut: 'the second piece of the next pair (its first side a round ahead)', firstCut: 18 },
  ])('still makes the last look (all remaining alpha) when max-duration cuts $cut', async ({ firstCut }) => {
    // given a live A/B whose pieces suddenly take 10 s each after the first 8 pairs: the next round no longer fits, so
    // the measure returns a partial run (as runLoad does at max-duration) and no ordinary look is the last
    const profile = autoProfile('max-rounds: 40\n')
    const clock = { t: 0 }
    const normal = fakeMeasure({ [CANDIDATE]: 1.05 }, 17, clock, [])
    let pieces = 0
    const looked: [number, number][] = []
    const measure: MeasurePiece = async (piece, target, signal) => {
      pieces++
      if (pieces >= firstCut) {
        clock.t += 10_000
        const cut = await normal(piece, target, signal)
        return { ...cut, completion: { status: 'partial', reason: 'max-duration reached' } }
      }
      return normal(piece, target, signal)
    }

    // when rounds: auto runs
    const result = await runUntilDecided({
      profile,
      candidateTarget: new URL(CANDIDATE),
      baseline: { kind: 'live', target: new URL(BASE) },
      measure,
      decideLook: (baseline, candidate) => {
        looked.push([baseline.rounds.length, candidate.rounds.length])
        return decideWith(profile, 'abba')(baseline, candidate)
      },
      clock: { now: () => clock.t },
    })

    // then the complete pairs got one more look at information fraction 1, so the design spent all of alpha
    expect(result.summary.stopped).toBe('max-duration')
    expect(result.summary.rounds).toBe(8)
    expect(result.monitor.finished).toBe(true)
    expect(result.summary.looks).toBe(result.summary.rounds - 5 + 1)
    expect(result.baseline.rounds).toHaveLength(8)
    // on complete pairs only
    expect(looked.at(-1)).toEqual([8, 8])
  })

  it('plans no more rounds than max-duration holds', async () => {
    // given max-duration 20 s: warm-ups 2 × 1 s, then pairs of (1 s + 0.25 s re-warm-up) × 2 → 7 pairs
    const profile = parseProfile({
      text: 'name: auto\nmodel: constant-vus\nvus: 1\nwarmup: 1s\nduration: 6s\nrounds: auto\nmax-duration: 20s\nrequests: [GET /]\n',
      file: 'auto.yml',
      overrides: { target: CANDIDATE },
    })
    const clock = { t: 0 }

    const result = await runUntilDecided({
      profile,
      candidateTarget: new URL(CANDIDATE),
      baseline: { kind: 'live', target: new URL(BASE) },
      measure: fakeMeasure({ [CANDIDATE]: 1.05 }, 13, clock, []),
      decideLook: decideWith(profile, 'abba'),
      clock: { now: () => clock.t },
    })

    expect(result.summary.maxRounds).toBe(7)
    expect(result.summary.rounds).toBeLessThanOrEqual(7)
    expect(['max-rounds', 'max-duration']).toContain(result.summary.stopped)
  })
})

describe('rounds: auto in a profile', () => {
  it.each([
    { yaml: 'rounds: auto\n', error: /rounds: auto needs a time budget.*add max-duration/s },
    {
      yaml: 'rounds: auto\nmax-duration: 1m\nmin-rounds: 10\nmax-rounds: 8\n',
      error: /min-rounds \(10\) is above max-rounds \(8\)/,
    },
    { yaml: 'rounds: 6\nmin-rounds: 4\n', error: /'min-rounds' only applies with rounds: auto/ },
    { yaml: 'rounds: auto\nmax-duration: 5s\n', error: /does not leave room for more than the first 6 rounds/ },
    { yaml: 'rounds: many\n', error: /'many' is not a number of rounds; write a whole number from 1 to 100, or auto/ },
    { yaml: 'rounds: 0\n', error: /'0' is not a number of rounds/ },
  ])('refuses $yaml with a clear error', ({ yaml, error }) => {
    const attempt = () =>
      parseProfile({
        text: `model: constant-vus\nvus: 1\nduration: 6s\nrequests: [GET /]\n${yaml}`,
        file: 'p.yml',
        overrides: { target: CANDIDATE },
      })

    expect(attempt).toThrow(ConfigErrors)
    expect(attempt).toThrow(error)
  })

  it('normalizes rounds: auto to the first look’s rounds and the limits', () => {
    const profile = autoProfile()

    expect(profile.autoRounds).toEqual({ minRounds: 6, maxRounds: 100 })
    const custom = parseProfile({
      text: 'model: constant-vus\nvus: 1\nduration: 8s\nrounds: auto\nmin-rounds: 8\nmax-rounds: 40\nmax-duration: 2m\nrequests: [GET /]\n',
      file: 'p.yml',
      overrides: { target: CANDIDATE },
    })
    expect(custom).toMatchObject({ rounds: 8, autoRounds: { minRounds: 8, maxRounds: 40 }, durationMs: 8000 })
  })
})
