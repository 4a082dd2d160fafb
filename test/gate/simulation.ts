// Synthetic load runs for the gate's simulation test: lognormal latencies with AR(1) dependence within each round
// and a random run-to-run offset per round, from a seeded PRNG so every run of the test draws the same numbers.
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { decide } from '../../src/gate/decide.js'
import type { Verdict } from '../../src/gate/types.js'
import { createHistogram } from '../../src/results/histogram.js'
import type { EndpointResult, RunResult } from '../../src/results/types.js'
import { buildRun } from './builders.js'

/** mulberry32: a tiny, fast, seeded 32-bit PRNG; uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal draws by Box-Muller from a uniform source. */
export function normalSource(uniform: () => number): () => number {
  let spare: number | null = null
  return () => {
    if (spare !== null) {
      const value = spare
      spare = null
      return value
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()))
    const angle = 2 * Math.PI * uniform()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }
}

/** How the synthetic service behaves. */
export interface ServiceModel {
  /** Endpoint name → median latency, ms. */
  readonly mediansMs: Readonly<Record<string, number>>
  /** sd of log latency (lognormal sigma). */
  readonly sigma: number
  /** AR(1) coefficient of log latency between consecutive requests of a round. */
  readonly phi: number
  /** sd of the per-round multiplicative offset (0.02 = 2 % run-to-run drift). */
  readonly roundOffsetSd: number
  readonly rounds: number
  readonly requestsPerRound: number
}

/** Which CI job a run was measured in: its start (distinct per run) and the factor the whole job ran at. */
export interface JobSpec {
  /** Milliseconds after 2026-11-01 at which the run started (its identity in a history). */
  readonly startOffsetMs: number
  /** Multiplies every latency of the job (1.02 = the whole job ran 2 % slower). */
  readonly factor: number
}

const EPOCH_MS = Date.parse('2026-11-01T00:00:00.000Z')

/**
 * One synthetic run; `slowdown` multiplies the latencies of the named endpoints (1.2 = 20 % slower), `job` places it
 * in a CI job (default: factor 1, the template's start).
 */
export function simulateRun(
  model: ServiceModel,
  normal: () => number,
  slowdown: Readonly<Record<string, number>> = {},
  job: JobSpec | null = null,
): RunResult {
  const innovationSd = model.sigma * Math.sqrt(1 - model.phi * model.phi)
  const template = buildRun([])
  const endpoints: EndpointResult[] = Object.entries(model.mediansMs).map(([name, medianMs]) => ({
    name,
    warmupRequests: 0,
    rounds: Array.from({ length: model.rounds }, () => {
      const latency = createHistogram()
      const offset = model.roundOffsetSd * normal()
      const scaleUs = medianMs * 1000 * (slowdown[name] ?? 1) * (job?.factor ?? 1)
      let state = model.sigma * normal()
      for (let i = 0; i < model.requestsPerRound; i++) {
        latency.record(scaleUs * Math.exp(offset + state))
        state = model.phi * state + innovationSd * normal()
      }
      return {
        latency,
        actualLatency: latency,
        requests: model.requestsPerRound,
        statusCounts: { '200': model.requestsPerRound },
        errors: {},
        bytesReceived: 0,
      }
    }),
  }))
  return {
    ...template,
    ...(job === null ? {} : { startedAt: new Date(EPOCH_MS + job.startOffsetMs).toISOString() }),
    durationMs: model.rounds * 1000,
    rounds: Array.from({ length: model.rounds }, (_, index) => ({ index, startMs: index * 1000, durationMs: 1000 })),
    endpoints,
  }
}

/**
 * The issue's noise model of a shared runner across CI jobs: every job runs at a factor uniform in ±`jobHalfWidth`
 * (different VMs, neighbours, CPU models), and the PR's job is `driftBetweenJobs` slower again than the baseline's
 * (a linear drift of the environment between the two jobs); `historyRuns` earlier baselines of the base branch, each
 * in its own job with the same job-to-job noise.
 */
export interface JobNoiseModel {
  readonly jobHalfWidth: number
  readonly driftBetweenJobs: number
  readonly historyRuns: number
}

/** Baseline, history and candidate of one simulated PR, in their jobs (history oldest first, one day apart). */
export function simulateJobs(
  model: ServiceModel,
  jobs: JobNoiseModel,
  uniform: () => number,
  normal: () => number,
  slowdown: Readonly<Record<string, number>> = {},
): { baseline: RunResult; history: RunResult[]; candidate: RunResult } {
  const factor = (): number => 1 + jobs.jobHalfWidth * (2 * uniform() - 1)
  const day = 86_400_000
  const history = Array.from({ length: jobs.historyRuns }, (_, index) =>
    simulateRun(model, normal, {}, { startOffsetMs: index * day, factor: factor() }),
  )
  const baseline = simulateRun(model, normal, {}, { startOffsetMs: jobs.historyRuns * day, factor: factor() })
  const candidate = simulateRun(model, normal, slowdown, {
    startOffsetMs: (jobs.historyRuns + 1) * day,
    factor: factor() * (1 + jobs.driftBetweenJobs),
  })
  return { baseline, history, candidate }
}

/** The issue's service: two endpoints (medians 120 ms and 40 ms), log-sd 0.3, AR(1) φ = 0.9, no per-round offset. */
export const ISSUE_SERVICE = {
  mediansMs: { 'GET /search': 120, 'GET /items': 40 },
  sigma: 0.3,
  phi: 0.9,
  roundOffsetSd: 0,
} as const satisfies Omit<ServiceModel, 'rounds' | 'requestsPerRound'>

/** The issue's jobs: a factor uniform in ±3 % per job, the PR's job 2 % slower again, 10 earlier baselines. */
export const ISSUE_JOBS: JobNoiseModel = { jobHalfWidth: 0.03, driftBetweenJobs: 0.02, historyRuns: 10 }

/**
 * One simulated pull request on the issue's noise model, decided as the action does: the candidate against the
 * baseline and its history, default gate; `slowdown` multiplies GET /search's latencies.
 */
export function decideSimulatedPr(
  size: {
    readonly rounds: number
    readonly requests: number
    readonly slowdown?: number
    readonly historyRuns?: number
  },
  uniform: () => number,
  normal: () => number,
): Verdict {
  const model: ServiceModel = { ...ISSUE_SERVICE, rounds: size.rounds, requestsPerRound: size.requests }
  const jobs = { ...ISSUE_JOBS, historyRuns: size.historyRuns ?? ISSUE_JOBS.historyRuns }
  const slowdown: Record<string, number> = size.slowdown ? { 'GET /search': size.slowdown } : {}
  const { baseline, history, candidate } = simulateJobs(model, jobs, uniform, normal, slowdown)
  return decide({
    candidate,
    baseline: { kind: 'found', result: baseline, history },
    gate: DEFAULT_GATE,
    budgets: {},
    accepted: null,
  })
}
