// rounds: auto and the paired test against real sample servers on 127.0.0.1: one live run of each, on a 25 % slower
// endpoint. How often identical servers pass (rounds: auto, and the paired test while both drift) is a repetition
// count, measured by bench/stats/live-ab-acceptance.bench.ts (figures in docs/statistics.md); the stopping rules and
// reasons of an A/A run are shown with a fake clock in test/sequential/run-until-decided.test.ts. One case at a time:
// run at once under a CPU hog, the 25 % slower cases reached max-duration undecided.
import { describe, expect, it } from 'vitest'
import { type SampleServerOptions, startSampleServer } from '../../src/cli/demo/sample-server.js'
import { parseProfile } from '../../src/config/load-profile.js'
import type { Profile } from '../../src/config/profile.js'
import { decide } from '../../src/gate/decide.js'
import type { Verdict } from '../../src/gate/types.js'
import { runLiveAb } from '../../src/load/live-ab.js'
import { runLoad } from '../../src/load/run-load.js'
import type { RunResult } from '../../src/results/types.js'
import { runUntilDecided } from '../../src/sequential/run-until-decided.js'
import { SLOWED, shortProfileYaml, TEST_ENVIRONMENT, TEST_GIT } from './helpers.js'

const AUTO_YAML = `${shortProfileYaml({ rounds: 6, roundMs: 300, warmupMs: 500 }).replace('rounds: 6', 'rounds: auto')}max-duration: 40s\n`

const profileFor = (yaml: string, target: URL): Profile =>
  parseProfile({ text: yaml, file: 'auto-ab.yml', overrides: { target: target.href } })

async function servers(seed: number, a: SampleServerOptions, b: SampleServerOptions) {
  const baseline = await startSampleServer({ seed, ...a })
  const candidate = await startSampleServer({ seed: seed + 1, ...b })
  return { baseline, candidate, close: async () => void (await Promise.all([baseline.close(), candidate.close()])) }
}

async function autoLiveAb(seed: number, slowdown: number): Promise<Verdict> {
  const pair = await servers(seed, {}, { slowdown: { '/api/search': slowdown } })
  try {
    const profile = profileFor(AUTO_YAML, pair.candidate.url)
    const decideLook = (baseline: RunResult, candidate: RunResult) =>
      decide({
        candidate,
        baseline: { kind: 'found', result: baseline },
        gate: profile.gate,
        budgets: {},
        pairing: 'abba',
      })
    const result = await runUntilDecided({
      profile,
      candidateTarget: pair.candidate.url,
      baseline: { kind: 'live', target: pair.baseline.url },
      measure: (piece, target, signal) =>
        runLoad({ profile: { ...piece, target }, signal, environment: TEST_ENVIRONMENT, git: TEST_GIT }),
      decideLook,
    })
    expect(result.baseline.rounds).toHaveLength(result.summary.rounds)
    expect(result.candidate.rounds).toHaveLength(result.summary.rounds)
    return decide({
      candidate: result.candidate,
      baseline: { kind: 'found', result: result.baseline },
      gate: profile.gate,
      budgets: {},
      pairing: 'abba',
      sequential: result.monitor.conclusion(result.summary),
    })
  } finally {
    await pair.close()
  }
}

describe('rounds: auto against sample servers', () => {
  it('ends a 25 % slower endpoint as a regression, and says how many rounds it took and why it stopped', async () => {
    const verdict = await autoLiveAb(510, 1.25)

    expect(verdict.endpoints.find((e) => e.endpoint === SLOWED)?.outcome.kind).toBe('regression')
    expect(verdict.sequential?.stopped).toBe('decided')
    expect(verdict.sequential?.rounds).toBeGreaterThanOrEqual(6)
    expect(verdict.sequential?.reason).toMatch(/^rounds: auto stopped after \d+ A\/B pairs/)
  }, 90_000)
})

describe('live A/B while both servers drift by +30 % (12 rounds a side, paired test)', () => {
  async function drifting(seed: number, slowdown: number): Promise<Verdict> {
    const startMs = performance.now()
    const expectedMs = 2 * (500 + 12 * 300) + 22 * 250
    const drift = () => 1 + 0.3 * Math.min(1, (performance.now() - startMs) / expectedMs)
    const pair = await servers(seed, { drift }, { drift, slowdown: { '/api/search': slowdown } })
    try {
      const profile = profileFor(shortProfileYaml({ rounds: 12, roundMs: 300, warmupMs: 500 }), pair.candidate.url)
      const measured = await runLiveAb({
        profile,
        baselineTarget: pair.baseline.url,
        candidateTarget: pair.candidate.url,
        environment: TEST_ENVIRONMENT,
        git: TEST_GIT,
      })
      return decide({
        candidate: measured.candidate,
        baseline: { kind: 'found', result: measured.baseline },
        gate: profile.gate,
        budgets: {},
        pairing: 'abba',
      })
    } finally {
      await pair.close()
    }
  }

  it('still finds a 25 % slower endpoint a regression, comparing round i of one side with round i of the other', async () => {
    const verdict = await drifting(710, 1.25)

    expect(verdict.endpoints.every((e) => e.comparisons.every((c) => c.paired === true))).toBe(true)
    expect(verdict.endpoints.find((e) => e.endpoint === SLOWED)?.outcome.kind).toBe('regression')
  }, 60_000)
})
