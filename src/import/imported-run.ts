// The common shape every importer produces, and its conversion to a RunResult: endpoints with one measurement per
// round, round windows, the tool's name. Also the profile fingerprint of an imported run.
import { createHash } from 'node:crypto'
import { canonicalJson } from '../config/fingerprint.js'
import { createHistogram, type LatencyHistogram } from '../results/histogram.js'
import type {
  ErrorClass,
  GitContext,
  RoundMeasurement,
  RoundWindow,
  RunEnvironment,
  RunResult,
} from '../results/types.js'

/** The tools Tailgate imports. */
export const IMPORT_SOURCES = ['k6', 'autocannon', 'artillery'] as const
/** One of IMPORT_SOURCES: the tool that wrote an imported file. */
export type ImportSource = (typeof IMPORT_SOURCES)[number]

/** One round of one endpoint while it is being filled. */
export interface MutableRound {
  latency: LatencyHistogram
  requests: number
  statusCounts: Record<string, number>
  errors: Partial<Record<ErrorClass, number>>
  bytesReceived: number
}

/** An empty round. */
export function emptyRound(): MutableRound {
  return { latency: createHistogram(), requests: 0, statusCounts: {}, errors: {}, bytesReceived: 0 }
}

/** True for a 3-digit HTTP status code (what a RunResult's statusCounts accept; k6 writes "0" for no response). */
export function isHttpStatus(status: string): boolean {
  return /^[1-5]\d\d$/.test(status)
}

/** Adds `count` to a counter record. */
export function addCount(record: Record<string, number>, key: string, count = 1): void {
  if (count > 0) record[key] = (record[key] ?? 0) + count
}

/** What one imported file measured, before it becomes a RunResult. */
export interface ImportedRun {
  readonly source: ImportSource
  /** Wall-clock start of the first round (ISO 8601). */
  readonly startedAt: string
  /** Round windows relative to `startedAt`. */
  readonly rounds: readonly RoundWindow[]
  /** Endpoint name → exactly `rounds.length` rounds. Insertion order is the report order. */
  readonly endpoints: ReadonlyMap<string, readonly MutableRound[]>
  /** `open` when the tool's arrivals are known to be open (Artillery phases); `closed` otherwise. */
  readonly model: 'open' | 'closed'
  /** What the reader must know about this import (reconstructed histograms, unattributed errors, ...). */
  readonly warnings: readonly string[]
}

/** A RunResult plus the import's warnings (the CLI prints them; they are not part of the result file). */
export interface ImportOutcome {
  readonly result: RunResult
  readonly warnings: readonly string[]
}

/** Where and when the import happens: the machine and checkout written into the RunResult. */
export interface ImportContext {
  /** Written as the result's environment: the machine the import runs on (usually where the tool ran). */
  readonly environment: RunEnvironment
  readonly git: GitContext
  /** The result's profileId; defaults to `<tool>-import`. */
  readonly profileId?: string
}

/**
 * The profile fingerprint of an imported run: sha256 (first 16 hex digits) of the canonical JSON of
 * `{ v: 1, tool, endpoints: sorted endpoint names, rounds: round count }`. Two imports compare as the same profile
 * when the same tool measured the same endpoints in the same number of rounds; tool settings (connections, rates,
 * durations) are not in the tool outputs reliably, so they are not part of it.
 * @example importFingerprint({ tool: 'autocannon', endpoints: ['GET /slow'], rounds: 3 }) // => 16 hex digits
 */
export function importFingerprint(input: { tool: ImportSource; endpoints: readonly string[]; rounds: number }): string {
  const load = { v: 1, tool: input.tool, endpoints: [...input.endpoints].sort(), rounds: input.rounds }
  return createHash('sha256').update(canonicalJson(load)).digest('hex').slice(0, 16)
}

/**
 * The RunResult of an imported run. Latency is `actual` (these tools time from the send; no coordinated-omission
 * correction), both histograms of a round are the same data, warm-up is 0, the timeline is empty (the tools' outputs
 * carry no per-second p95), and health has no generator figures beyond the achieved rate.
 */
export function toRunResult(run: ImportedRun, context: ImportContext): ImportOutcome {
  const durationMs = run.rounds.reduce((sum, r) => sum + r.durationMs, 0)
  const endpoints = [...run.endpoints].map(([name, rounds]) => ({
    name,
    warmupRequests: 0,
    rounds: rounds.map(
      (round): RoundMeasurement => ({
        latency: round.latency,
        actualLatency: round.latency.clone(),
        requests: round.requests,
        statusCounts: { ...round.statusCounts },
        errors: { ...round.errors },
        bytesReceived: round.bytesReceived,
      }),
    ),
  }))
  const requests = endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0)
  const result: RunResult = {
    profileId: context.profileId ?? `${run.source}-import`,
    profileFingerprint: importFingerprint({
      tool: run.source,
      endpoints: endpoints.map((e) => e.name),
      rounds: run.rounds.length,
    }),
    model: run.model,
    gatedLatency: 'actual',
    startedAt: run.startedAt,
    warmupMs: 0,
    durationMs,
    rounds: run.rounds,
    endpoints,
    timeline: [],
    health: {
      intendedRatePerSecond: null,
      achievedRatePerSecond: durationMs > 0 ? (requests * 1000) / durationMs : 0,
      maxEventLoopLagMs: 0,
      invalidReasons: [],
    },
    completion: { status: 'complete' },
    environment: context.environment,
    git: context.git,
    source: run.source,
  }
  return { result, warnings: run.warnings }
}

/**
 * Endpoint name from a URL-like request name: an absolute http(s) URL loses its origin (`http://host:8080/a?b` →
 * `/a?b`), so that a baseline measured against another host (each PR has its own preview URL) still matches; then
 * `METHOD ` is prefixed unless the name already starts with it.
 * @example endpointName('GET', 'http://127.0.0.1:8080/users') // => 'GET /users'
 */
export function endpointName(method: string | undefined, name: string): string {
  const path = /^https?:\/\/[^/?#]*/i.test(name) ? name.replace(/^https?:\/\/[^/?#]*/i, '') || '/' : name
  if (!method) return path
  const upper = method.toUpperCase()
  return path.startsWith(`${upper} `) ? path : `${upper} ${path}`
}
