// The zod schema of the RunResult file, format v1. Histograms are HdrHistogram compressed base64 strings.
import { z } from 'zod'
import { ERROR_CLASSES } from './types.js'

/** The format this version writes. Readers accept any 1.x; a newer minor may add fields, which are ignored. */
export const FORMAT_VERSION = '1.0'
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
  rounds: z
    .array(z.object({ index: count, startMs: finite.nonnegative(), durationMs: finite.nonnegative() }))
    .min(1)
    .max(1000),
  endpoints: z
    .array(z.object({ name: z.string().min(1).max(500), warmupRequests: count, rounds: z.array(roundMeasurement) }))
    .max(10_000),
  timeline: z
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
    .max(1_000_000),
  health: z.object({
    intendedRatePerSecond: finite.nonnegative().nullable(),
    achievedRatePerSecond: finite.nonnegative(),
    maxEventLoopLagMs: finite.nonnegative(),
    invalidReasons: z.array(z.string().max(2000)).max(100),
  }),
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
})

export type RunResultFile = z.infer<typeof RunResultFileSchema>
