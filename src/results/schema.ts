// The zod schema of the RunResult file, format v1. Histograms are HdrHistogram compressed base64 strings.
import * as z from 'zod'
import { CAPACITY_STATUSES, CAPACITY_STEP_OUTCOMES, ERROR_CLASSES, SAFETY_STOPS } from './types.js'

/**
 * The format this version writes. Readers accept any 1.x; a newer minor may add fields, which are ignored.
 * 1.1 added `capacity` (capacity searches: every step and the finding) and `recovery` (spike recovery of ramps).
 * 1.2 added `liveAb` (the two halves of one live A/B run name each other, so `compare` pairs their rounds) and each
 * endpoint's own per-second `timeline` (optional: older files and imported results have none).
 */
export const FORMAT_VERSION = '1.2'
export const FORMAT_MAJOR = 1

const count = z.number().int().nonnegative()
const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const statusCode = z.string().regex(/^[1-5]\d\d$/, 'must be a 3-digit HTTP status code')

const roundMeasurement = z.strictObject({
  latency: z.string().min(1),
  actualLatency: z.string().min(1),
  requests: count,
  statusCounts: z.record(statusCode, count),
  errors: z.partialRecord(z.enum(ERROR_CLASSES), count),
  bytesReceived: count,
})

const nullableString = z.string().nullable()

const roundWindows = z
  .array(z.object({ index: count, startMs: finite.nonnegative(), durationMs: finite.nonnegative() }))
  .max(1000)

const timeline = z
  .array(
    z.object({
      second: count,
      requests: count,
      errors: count,
      p95Us: finite.nonnegative(),
      p50Us: finite.nonnegative().optional(),
      p99Us: finite.nonnegative().optional(),
    }),
  )
  .max(1_000_000)

const endpointResults = z
  .array(
    z.object({
      name: z.string().min(1).max(500),
      warmupRequests: count,
      rounds: z.array(roundMeasurement),
      timeline: timeline
        .optional()
        .meta({ description: "this endpoint's own per-second timeline (format 1.2; chart resolution)" }),
    }),
  )
  .max(10_000)

const health = z.object({
  intendedRatePerSecond: finite.nonnegative().nullable(),
  achievedRatePerSecond: finite.nonnegative(),
  maxEventLoopLagMs: finite.nonnegative(),
  invalidReasons: z.array(z.string().max(2000)).max(100),
})

const rate = finite.nonnegative().meta({ description: 'requests (iterations) per second' })

const capacityStep = z.object({
  index: count,
  ratePerSecond: rate,
  attempt: count,
  outcome: z.enum(CAPACITY_STEP_OUTCOMES),
  reason: z.string().max(4000),
  safetyStop: z.enum(SAFETY_STOPS).nullable(),
  warmupMs: finite.nonnegative(),
  durationMs: finite.nonnegative(),
  rounds: roundWindows,
  endpoints: endpointResults,
  health,
  objectives: z
    .array(
      z.object({
        endpoint: z.string().max(500),
        objective: z.string().max(500),
        roundValues: z.array(finite).max(1000),
        pooled: finite.nullable(),
        status: z.enum(['holds', 'broken', 'undecided']),
        pBroken: finite.min(0).max(1),
        pHolds: finite.min(0).max(1),
      }),
    )
    .max(10_000),
})

/** A capacity search's finding and steps (format 1.1). */
const capacity = z.object({
  status: z.enum(CAPACITY_STATUSES),
  sustainedRatePerSecond: rate.nullable().meta({ description: 'the highest rate whose step held the SLO' }),
  firstFailingRatePerSecond: rate.nullable().meta({ description: 'the lowest rate whose step broke it' }),
  resolution: finite.nonnegative(),
  maxRatePerSecond: rate,
  breaking: z
    .object({ endpoint: z.string().max(500), objective: z.string().max(500), actual: finite.nullable() })
    .nullable(),
  reason: z.string().max(4000),
  slo: z.record(z.string().max(500), z.array(z.string().max(500)).max(100)),
  totalDurationMs: finite.nonnegative(),
  totalRequests: count,
  steps: z.array(capacityStep).max(1000),
})

export const RunResultFileSchema = z.object({
  formatVersion: z.string().regex(/^1\.\d+$/),
  tool: z.object({ name: z.string(), version: z.string() }),
  source: z.enum(['tailgate', 'k6', 'autocannon', 'artillery']),
  profile: z.object({
    id: z.string().min(1).max(200),
    fingerprint: z.string().min(1).max(200),
    model: z.enum(['open', 'closed']),
    gatedLatency: z.enum(['intended', 'actual']),
  }),
  startedAt: z.string(),
  warmupMs: finite.nonnegative(),
  durationMs: finite.nonnegative(),
  rounds: roundWindows.min(1),
  endpoints: endpointResults,
  timeline,
  health,
  completion: z.discriminatedUnion('status', [
    z.object({ status: z.literal('complete') }),
    z.object({ status: z.literal('partial'), reason: z.string() }),
  ]),
  environment: z.object({
    os: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cores: count,
    nodeVersion: z.string(),
    tailgateVersion: z.string(),
    runner: nullableString,
  }),
  /** Per round (same length as `rounds`): the generator's send lateness, µs. Optional (added in format 1.0). */
  generatorLateness: z.array(z.string().min(1)).max(1000).optional(),
  git: z.object({
    repository: nullableString,
    ref: nullableString,
    branch: nullableString,
    sha: nullableString,
    runId: nullableString,
    workflow: nullableString,
  }),
  capacity: capacity.optional(),
  /** One half of a live A/B run (format 1.2): the run id both halves share, this half's side, the A/B order. */
  liveAb: z
    .strictObject({
      runId: z.string().min(1).max(200),
      side: z.enum(['baseline', 'candidate']),
      order: z
        .string()
        .regex(/^[AB]+$/, 'write the measurement order as letters A and B, e.g. ABBAABBA')
        .max(2000),
    })
    .optional(),
  recovery: z
    .object({
      spikeStartMs: finite.nonnegative(),
      spikeEndMs: finite.nonnegative(),
      baseRatePerSecond: rate,
      peakRatePerSecond: rate,
      preSpikeP95Ms: finite.nonnegative().nullable(),
      limitMs: finite.nonnegative().nullable(),
      recoveredAfterMs: finite
        .nonnegative()
        .nullable()
        .meta({ description: 'from the end of the spike until p95 is back within the margin; null: not recovered' }),
    })
    .optional(),
})

export type RunResultFile = z.infer<typeof RunResultFileSchema>
