// The JSON report's shape, as a zod schema: the TypeScript type of the report and the published JSON Schema
// (schema/report.schema.json, draft 2020-12) both come from it, so they cannot drift apart.
import * as z from 'zod'
import { BUDGET_METRICS, BUDGET_OPERATORS, FAIL_ON, GATED_METRICS } from '../config/gate-schema.js'
import { OVERALL_OUTCOMES } from '../gate/types.js'
import { CAPACITY_STATUSES, LATENCY_ORIGINS } from '../results/types.js'

/** The version of the JSON report format; bumped on any incompatible change. */
export const REPORT_VERSION = 1

/** The schema's `$id` (a URN: the repository's public URL is not fixed yet). */
export const REPORT_SCHEMA_ID = 'urn:tailgate:report:1'

const ENDPOINT_OUTCOME_KINDS = [
  'regression',
  'improvement',
  'no-change',
  'pass',
  'inconclusive',
  'no-baseline',
  'invalid',
] as const
const COMPARISON_OUTCOMES = ['regression', 'improvement', 'no-change', 'pass', 'inconclusive'] as const

const measured = z.number().nullable().meta({ description: 'null when the value is not a finite number' })
const count = z.number().int().min(0)
const text = z.string()

const LatencySummarySchema = z.object({
  requests: count,
  p50Ms: measured,
  p95Ms: measured,
  p99Ms: measured,
  errorRate: measured.meta({ description: 'fraction of requests that failed (0.01 = 1 %)' }),
  ratePerSecond: measured,
})

const IntervalSchema = z.object({ lower: measured, upper: measured })

const JobNoiseSchema = z
  .object({
    kind: z.enum(['history', 'allowance', 'same-job']).meta({
      description:
        'history: estimated from stored base-branch runs; allowance: assumed (too little history); same-job: live A/B, none',
    }),
    historyRuns: count.meta({ description: 'earlier baselines of the base branch the gate had (0 for same-job)' }),
    runSd: measured.meta({ description: 'history: sd of a run’s log value from run to run (≈ relative: 0.02 = 2 %)' }),
    jobSd: measured.meta({
      description:
        'history: its between-job part (random-effects moment estimate); allowance: the job-to-job sd assumed',
    }),
    withinSd: measured.meta({ description: 'history: its within-run part, from the rounds' }),
  })
  .meta({ description: 'how the regression test allowed for the shift between CI jobs (log-scale sds)' })

const ComparisonSchema = z.object({
  metric: z.enum(GATED_METRICS),
  unit: z.enum(['ms', 'fraction', 'rps']).meta({ description: 'unit of every value of this comparison' }),
  baselineRounds: z.array(measured),
  candidateRounds: z.array(measured),
  baselineMedian: measured,
  candidateMedian: measured,
  shift: measured.meta({ description: 'Hodges-Lehmann shift candidate − baseline on the round values' }),
  relativeShift: measured.meta({ description: 'shift relative to the baseline median (0.12 = 12 % slower)' }),
  shiftInterval: IntervalSchema.extend({ confLevel: measured }).nullable(),
  margin: measured,
  pValue: measured,
  pValueAdjusted: measured.meta({ description: 'after Holm-Bonferroni over every gated comparison of the run' }),
  detectableShift: measured.meta({
    description:
      'resolution: the smallest worsening (a positive size in unit) caught in ≥ 80 % of runs at alpha/comparisons; null when none can be',
  }),
  jobNoise: JobNoiseSchema.nullable().meta({
    description: 'how the test allowed for the shift between CI jobs; null for a verdict made without this field',
  }),
  outcome: z.enum(COMPARISON_OUTCOMES).meta({
    description:
      'no-change: equivalence shown (two one-sided tests, (1 − 2 alpha) interval within ±margin); pass: no evidence of a regression and the run resolves the margin; inconclusive: it could not',
  }),
  explanation: text,
})

const BudgetSchema = z.object({
  expression: text,
  metric: z.enum(BUDGET_METRICS),
  operator: z.enum(BUDGET_OPERATORS),
  threshold: z.number(),
  actual: measured,
  passed: z.boolean(),
})

const RequestLevelSchema = z.object({
  pValueTwoSided: measured,
  shiftMs: measured,
  shiftIntervalMs: IntervalSchema.nullable(),
  probabilityCandidateSlower: measured,
})

const EndpointSchema = z.object({
  name: text,
  outcome: z.enum(ENDPOINT_OUTCOME_KINDS),
  reason: text.nullable().meta({ description: 'why, for inconclusive, no-baseline and invalid outcomes' }),
  warmupRequests: count.meta({ description: 'requests sent during the warm-up, excluded from every statistic' }),
  baseline: LatencySummarySchema.nullable(),
  candidate: LatencySummarySchema,
  comparisons: z.array(ComparisonSchema),
  budgets: z.array(BudgetSchema),
  requestLevel: RequestLevelSchema.nullable(),
})

const RunSchema = z.object({
  startedAt: text,
  model: z.enum(['open', 'closed']),
  gatedLatency: z.enum(LATENCY_ORIGINS),
  warmupMs: z.number().min(0),
  durationMs: z.number().min(0),
  rounds: count,
  completion: z.object({ status: z.enum(['complete', 'partial']), reason: text.nullable() }),
  health: z.object({
    intendedRatePerSecond: measured,
    achievedRatePerSecond: measured,
    maxEventLoopLagMs: measured,
    invalidReasons: z.array(text),
    generatorLateness: z
      .object({
        summary: text.meta({ description: 'e.g. "generator lateness p50 0.02 ms, p99 0.41 ms, max 2.10 ms (…)"' }),
        p50Ms: measured,
        p99Ms: measured,
        maxMs: measured,
        perRound: z.array(z.object({ p50Ms: measured, p99Ms: measured, maxMs: measured })),
      })
      .nullable()
      .meta({
        description:
          "the generator's own send lateness (intended → actual send) over the measured rounds and per round: up to this much of a latency tail is the generator's; null for closed models, imports and older results",
      }),
  }),
  environment: z.object({
    os: text,
    arch: text,
    cpuModel: text,
    cores: count,
    nodeVersion: text,
    tailgateVersion: text,
    runner: text.nullable(),
  }),
  git: z.object({
    repository: text.nullable(),
    ref: text.nullable(),
    branch: text.nullable(),
    sha: text.nullable(),
    runId: text.nullable(),
    workflow: text.nullable(),
  }),
})

const BaselineSourceSchema = z.object({
  store: z.enum(['cache', 'artifact', 'file', 'live-ab']),
  reference: text,
  branch: text.nullable(),
  sha: text.nullable(),
  exactSha: z.boolean(),
  measuredAt: text,
  commitsBehind: count.nullable(),
  runId: text.nullable(),
  ageSeconds: measured.meta({ description: 'candidate start − baseline start, seconds' }),
})

const CapacitySummarySchema = z.object({
  status: z.enum(CAPACITY_STATUSES),
  sustainedRatePerSecond: measured.nullable().meta({ description: 'the highest rate that held the SLO, req/s' }),
  firstFailingRatePerSecond: measured.nullable().meta({ description: 'the lowest rate that broke it, req/s' }),
  breaking: z.object({ endpoint: text, objective: text, actual: measured.nullable() }).nullable(),
})

/** A capacity run's comparison (present only for capacity runs). */
const CapacitySchema = z.object({
  outcome: z.enum(['regression', 'improvement', 'no-change', 'invalid', 'no-baseline']),
  baseline: CapacitySummarySchema.nullable(),
  candidate: CapacitySummarySchema,
  relativeChange: measured.nullable().meta({ description: 'sustained rate candidate / baseline − 1' }),
  marginRelative: measured,
  explanation: text,
  steps: count.meta({ description: "steps the candidate's search ran" }),
  totalRequests: count,
  totalDurationMs: measured,
})

/** The JSON report (`report-path` output), version 1. */
export const ReportSchema = z
  .object({
    reportVersion: z.literal(REPORT_VERSION),
    tailgateVersion: text,
    profileId: text,
    mode: text,
    runUrl: text.nullable(),
    verdict: z.object({
      outcome: z.enum(OVERALL_OUTCOMES),
      failed: z.boolean(),
      failing: z.array(z.enum(FAIL_ON)),
      headline: text,
      regressions: count,
      budgetViolations: count.meta({ description: 'failed budget checks, over every endpoint' }),
      sequential: z
        .object({
          rounds: count.meta({ description: 'rounds per side measured (A/B pairs for live A/B)' }),
          looks: count,
          maxRounds: count.meta({ description: 'the planned maximum rounds per side (max-rounds, max-duration)' }),
          stopped: z.enum(['decided', 'max-rounds', 'max-duration', 'stopped', 'nothing-to-decide']),
          reason: text,
        })
        .nullable()
        .meta({ description: 'rounds: auto: how many rounds it took and why it stopped; null for fixed rounds' }),
    }),
    accepted: z.object({ label: text, by: text.nullable() }).nullable(),
    endpoints: z.array(EndpointSchema),
    baseline: z.object({
      found: z.boolean(),
      source: BaselineSourceSchema.nullable(),
      run: RunSchema.nullable(),
      historyRuns: count,
      missingReasons: z.array(text).meta({ description: 'why there is no baseline (empty when found)' }),
      lines: z.array(text).meta({ description: 'what the baseline step said' }),
    }),
    candidate: RunSchema,
    warnings: z.array(text),
    capacity: CapacitySchema.optional(),
  })
  .meta({ title: 'Tailgate JSON report', description: 'The verdict of one Tailgate run, per endpoint and overall' })

/** The JSON report, as rendered by renderJsonReport. */
export type JsonReport = z.output<typeof ReportSchema>
export type JsonRun = z.output<typeof RunSchema>
export type JsonEndpoint = z.output<typeof EndpointSchema>
export type JsonCapacity = z.output<typeof CapacitySchema>

/** The published JSON Schema (draft 2020-12) of the report; schema/report.schema.json holds this, formatted. */
export function reportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>
  const { $schema, ...rest } = generated
  return { $schema, $id: REPORT_SCHEMA_ID, ...rest }
}
