// Report inputs for the HTML report's tests and benchmark: many endpoints, hostile endpoint names, an invalid run.
// Runs are synthetic (exact latencies) with a per-second timeline; the verdicts come from the real gate.
import type { Budgets } from '../../src/config/gate-schema.js'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { decide } from '../../src/gate/decide.js'
import type { ReportInput } from '../../src/report/types.js'
import type { RunResult, TimelinePoint } from '../../src/results/types.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { baselineSource } from './builders.js'

/** Endpoint names an attacker could put in a profile (or a server in an error text): each must show as text. */
export const HOSTILE_NAMES = [
  '<img src=x onerror="document.title=\'pwned\'">',
  '</style><script>document.title="pwned"</script>',
  '"><svg onload=alert(1)>',
  "GET /a' onmouseover='alert(1)",
  '<!-- GET /comment --> &amp; &lt;b&gt;',
  'GET /rtl\u202Eevil\u202C /x\u0000\u001b[31m',
  'javascript:alert(1)',
  'GET /{{iteration}}?q=<b>bold</b>&x=1',
] as const

/** A per-second timeline for a run of `seconds` seconds around `p95Ms`, with errors in one second. */
export function syntheticTimeline(seconds: number, p95Ms: number, errorSecond = -1): TimelinePoint[] {
  return Array.from({ length: seconds }, (_, second) => ({
    second,
    requests: 100 + (second % 3) * 5,
    errors: second === errorSecond ? 3 : 0,
    p50Us: Math.round(p95Ms * 500 * (1 + (second % 4) / 40)),
    p95Us: Math.round(p95Ms * 1000 * (1 + (second % 4) / 40)),
    p99Us: Math.round(p95Ms * 1300 * (1 + (second % 4) / 40)),
  }))
}

export interface SyntheticRunOptions {
  readonly names: readonly string[]
  readonly rounds: number
  /** Latency multiplier per endpoint index (1 = unchanged). */
  readonly factor?: (index: number) => number
  readonly startedAt: string
  readonly sha: string
  readonly requestsPerRound?: number
  /** Length of the per-second timelines; by default the 2 s warm-up and one second per round. */
  readonly seconds?: number
}

/** A run of `names` × `rounds`, 1 s rounds after a 2 s warm-up, with a timeline; latencies near 10–30 ms. */
export function syntheticReportRun(options: SyntheticRunOptions): RunResult {
  const perRound = options.requestsPerRound ?? 100
  const run = syntheticRun(
    options.names.map((name, i) => ({
      name,
      roundsMs: Array.from({ length: options.rounds }, (_, r) =>
        spreadMs(perRound, (10 + (i % 5) * 5) * (options.factor?.(i) ?? 1) * (1 + ((r * 7) % 5) / 500), 0.3),
      ),
    })),
    {
      startedAt: options.startedAt,
      warmupMs: 2000,
      rounds: Array.from({ length: options.rounds }, (_, index) => ({
        index,
        startMs: index * 1000,
        durationMs: 1000,
      })),
      git: { ...syntheticRun([]).git, sha: options.sha },
    },
  )
  const seconds = options.seconds ?? options.rounds + 2
  return {
    ...run,
    timeline: syntheticTimeline(seconds, 20 * (options.factor?.(0) ?? 1), 4),
    // Each endpoint's own seconds, around its own latency (errors in second 4 of the first endpoint only).
    endpoints: run.endpoints.map((endpoint, i) => ({
      ...endpoint,
      timeline: syntheticTimeline(seconds, (10 + (i % 5) * 5) * (options.factor?.(i) ?? 1), i === 0 ? 4 : -1),
    })),
  }
}

/** The report input of a candidate against a baseline (or none), decided by the real gate. */
export function decidedInput(options: {
  readonly candidate: RunResult
  readonly baseline: RunResult | null
  readonly history?: readonly RunResult[]
  readonly budgets?: Budgets
  readonly mode?: string
}): ReportInput {
  const { candidate, baseline } = options
  const budgets = options.budgets ?? {
    '*': [{ expression: 'p95 < 100ms', metric: 'p95', operator: '<', threshold: 100 }],
  }
  const verdict = decide({
    candidate,
    baseline:
      baseline === null
        ? { kind: 'missing', reason: 'no baseline stored for main yet' }
        : { kind: 'found', result: baseline },
    gate: DEFAULT_GATE,
    budgets,
    accepted: null,
  })
  return {
    verdict,
    candidate,
    baseline: baseline === null ? null : { result: baseline, source: baselineSource(), history: options.history ?? [] },
    baselineLines:
      baseline === null ? ['No baseline: no baseline stored for main yet.'] : ['Baseline: cache key tailgate-v1'],
    profileId: candidate.profileId,
    runUrl: 'https://github.com/octo/app/actions/runs/42',
    accepted: null,
    mode: options.mode ?? 'pull-request',
  }
}

/**
 * `count` endpoints × `rounds` rounds; every 10th endpoint 40 % slower in the candidate; `historyRuns` earlier
 * baselines; per-second timelines of `seconds` seconds (default: the rounds and the warm-up, 1 s each).
 */
export function manyEndpointsCase(count: number, rounds: number, historyRuns = 3, seconds?: number): ReportInput {
  const names = Array.from({ length: count }, (_, i) => `GET /api/resource-${String(i + 1).padStart(2, '0')}/{{id}}`)
  const run = (startedAt: string, sha: string, factor?: (i: number) => number) =>
    syntheticReportRun({
      names,
      rounds,
      startedAt,
      sha,
      ...(factor ? { factor } : {}),
      ...(seconds ? { seconds } : {}),
    })
  const history = Array.from({ length: historyRuns }, (_, k) =>
    run(`2026-11-${String(10 + k).padStart(2, '0')}T12:00:00.000Z`, `${k + 1}`.repeat(40).slice(0, 40)),
  ).reverse()
  const baseline = run('2026-11-20T12:00:00.000Z', 'b'.repeat(40))
  const candidate = run('2026-11-23T12:00:00.000Z', 'c'.repeat(40), (i) => (i % 10 === 3 ? 1.4 : 1))
  return decidedInput({ candidate, baseline, history })
}

/** Every hostile name as an endpoint, one of them slower, with a baseline. */
export function hostileCase(): ReportInput {
  const names = [...HOSTILE_NAMES]
  const baseline = syntheticReportRun({ names, rounds: 6, startedAt: '2026-11-20T12:00:00.000Z', sha: 'b'.repeat(40) })
  const candidate = syntheticReportRun({
    names,
    rounds: 6,
    startedAt: '2026-11-23T12:00:00.000Z',
    sha: 'c'.repeat(40),
    factor: (i) => (i === 0 ? 1.5 : 1),
  })
  return {
    ...decidedInput({ candidate: { ...candidate, profileId: '<b>profile</b>' }, baseline }),
    baselineLines: ['Baseline: <a href="https://evil.example">cache</a>'],
  }
}
