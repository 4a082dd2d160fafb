// Acceptance simulation of the gate across CI jobs, on the noise model of a shared runner (seeded, so the
// counts are the same on every run): lognormal latencies (log-sd 0.3) with AR(1) φ = 0.9 between consecutive
// requests of a round; every CI job runs at a factor uniform in ±3 %; the PR's job runs 2 % slower again (drift between
// the two jobs); 10 earlier baselines of the base branch, each in its own job with the same noise. Two endpoints
// (medians 120 ms and 40 ms), default gate (p50 + p95, margin max(5 %, 1 ms), alpha 0.05, Holm over 4 comparisons).
// Few trials (the behaviour: verdicts, headlines, what the gate says it assumed), to stay fast: the error rates are
// bench/stats/across-jobs.ts's, which runs the same model with 80–400 trials a row (figures with binomial intervals
// in docs/statistics.md).
import { describe, expect, it } from 'vitest'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import type { Verdict } from '../../src/gate/types.js'
import { decideSimulatedPr, normalSource, seededRandom } from './simulation.js'

interface Tally {
  readonly trials: number
  readonly regressions: number
  readonly passes: number
  readonly verdicts: readonly Verdict[]
}

/** `trials` simulated PRs at `rounds` × `requests`, the candidate's GET /search slowed by `slowdown`. */
function simulate(options: {
  rounds: number
  requests: number
  trials: number
  seed: number
  slowdown?: number
  historyRuns?: number
}): Tally {
  const uniform = seededRandom(options.seed)
  const normal = normalSource(seededRandom(options.seed + 1))
  const verdicts = Array.from({ length: options.trials }, () => decideSimulatedPr(options, uniform, normal))
  const regressions = verdicts.filter((v) => v.endpoints.some((endpoint) => endpoint.outcome.kind === 'regression'))
  const passes = verdicts.filter((verdict) => verdict.headline.startsWith('✅'))
  return { trials: options.trials, regressions: regressions.length, passes: passes.length, verdicts }
}

// CPU-bound: 2–4 s a case on a quiet runner, beyond the suite's default 30 s on one that is loaded far past its cores.
const SIMULATION = { timeout: 180_000 }

describe(
  'gate simulation across CI jobs (±3 % job factor, 2 % drift, AR(1) 0.9, log-sd 0.3, 10 history runs)',
  SIMULATION,
  () => {
    it.each([
      { rounds: 6, requests: 500, trials: 20 },
      { rounds: 20, requests: 600, trials: 4 },
      { rounds: 30, requests: 2000, trials: 2 },
    ])('A/A at $rounds × $requests: no false regression, and the headline is a ✅ pass with its resolution', (size) => {
      const tally = simulate({ ...size, seed: 1000 + size.rounds })

      expect(tally.regressions / tally.trials).toBeLessThanOrEqual(DEFAULT_GATE.alpha)
      expect(tally.passes / tally.trials).toBeGreaterThanOrEqual(0.95)
      const pass = tally.verdicts.find((verdict) => verdict.outcome === 'pass')
      expect(pass?.headline).toMatch(
        /^✅ No regression in 2 endpoints: a slowdown of \+\d+\.\d % or more \(.+\) would have been caught$/,
      )
      for (const comparison of pass?.endpoints.flatMap((endpoint) => endpoint.comparisons) ?? []) {
        expect(comparison.jobNoise).toMatchObject({ kind: 'history', runs: 11 })
      }
    })

    it('catches a 20 % slowdown of GET /search at 6 × 500 in at least 95 % of trials, and flags GET /items in none', () => {
      const tally = simulate({ rounds: 6, requests: 500, trials: 20, seed: 7, slowdown: 1.2 })

      const caught = tally.verdicts.filter(
        (verdict) => verdict.endpoints.find((e) => e.endpoint === 'GET /search')?.outcome.kind === 'regression',
      )
      const other = tally.verdicts.filter(
        (verdict) => verdict.endpoints.find((e) => e.endpoint === 'GET /items')?.outcome.kind === 'regression',
      )
      expect(caught.length / tally.trials).toBeGreaterThanOrEqual(0.95)
      expect(other).toHaveLength(0)
    })

    it('without history keeps false regressions at or below alpha (the allowance) and says history or live A/B would sharpen it', () => {
      const tally = simulate({ rounds: 6, requests: 500, trials: 20, seed: 31, historyRuns: 0 })

      expect(tally.regressions / tally.trials).toBeLessThanOrEqual(DEFAULT_GATE.alpha)
      for (const verdict of tally.verdicts) {
        expect(verdict.warnings.join('\n')).toMatch(
          /Only 0 earlier baselines .* history .* live A\/B run .* would sharpen it/,
        )
        for (const comparison of verdict.endpoints.flatMap((endpoint) => endpoint.comparisons)) {
          expect(comparison.jobNoise).toEqual({ kind: 'allowance', historyRuns: 0, jobSd: 0.03 })
        }
      }
    })
  },
)
