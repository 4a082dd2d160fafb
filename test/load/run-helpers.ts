// Shared helpers for load-engine tests: a profile from YAML lines against a test server, and a short run.
import { parseProfile } from '../../src/config/load-profile.js'
import type { Profile } from '../../src/config/profile.js'
import type { Exchange } from '../../src/load/http.js'
import { runLoad } from '../../src/load/index.js'
import type { RunLoadOptions } from '../../src/load/types.js'
import type { GitContext, RunEnvironment, RunResult } from '../../src/results/types.js'

export const testEnvironment: RunEnvironment = {
  os: 'linux',
  arch: 'x64',
  cpuModel: 'test',
  cores: 2,
  nodeVersion: process.version,
  tailgateVersion: '0.0.0-test',
  runner: null,
}

export const testGit: GitContext = { repository: null, ref: null, branch: null, sha: null, runId: null, workflow: null }

/** A profile from YAML text, targeting `url`; warm-up 0 unless the text sets one. */
export function profileFor(url: URL, text: string, file = 'test.yml'): Profile {
  const withWarmup = /^warmup:/m.test(text) ? text : `warmup: 0s\n${text}`
  return parseProfile({ text: withWarmup, file, overrides: { target: url.href } })
}

/** Runs a profile with the test environment and git context. */
export function run(profile: Profile, options: Partial<RunLoadOptions> = {}): Promise<RunResult> {
  return runLoad({ profile, environment: testEnvironment, git: testGit, ...options })
}

/** Sum of a per-round field over every round of every endpoint (or one endpoint by name). */
export function total(
  result: RunResult,
  pick: (round: RunResult['endpoints'][number]['rounds'][number]) => number,
  name?: string,
): number {
  return result.endpoints
    .filter((e) => name === undefined || e.name === name)
    .flatMap((e) => e.rounds)
    .reduce((sum, round) => sum + pick(round), 0)
}

/** A finished 200 exchange sent at `sentAtMs` that took `latencyMs` (for recorder tests). */
export const exchange = (sentAtMs: number, latencyMs: number): Exchange => ({
  statusCode: 200,
  headers: {},
  bytesReceived: 10,
  body: null,
  bodyTooLarge: false,
  sentAtMs,
  endMs: sentAtMs + latencyMs,
  error: null,
})
