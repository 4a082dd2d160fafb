// Encode and decode the RunResult file (JSON, format v1). Decoding validates everything and never trusts the input.
import { TAILGATE_VERSION } from '../version.js'
import { ResultFormatError } from './errors.js'
import { decodeHistogram } from './histogram.js'
import { FORMAT_MAJOR, FORMAT_VERSION, type RunResultFile, RunResultFileSchema } from './schema.js'
import type { CapacityResult, EndpointResult, ErrorClass, RoundMeasurement, RunHealth, RunResult } from './types.js'

/** Result files larger than this are refused before parsing (a baseline is typically well under 1 MB). */
export const MAX_RESULT_BYTES = 50 * 1024 * 1024

/** The file form of a RunResult, ready for JSON.stringify. */
export function encodeRunResult(result: RunResult): RunResultFile {
  return {
    formatVersion: FORMAT_VERSION,
    tool: { name: 'tailgate', version: TAILGATE_VERSION },
    source: result.source,
    profile: {
      id: result.profileId,
      fingerprint: result.profileFingerprint,
      model: result.model,
      gatedLatency: result.gatedLatency,
    },
    startedAt: result.startedAt,
    warmupMs: result.warmupMs,
    durationMs: result.durationMs,
    rounds: result.rounds.map((r) => ({ ...r })),
    endpoints: result.endpoints.map(encodeEndpoint),
    timeline: result.timeline.map((p) => ({ ...p })),
    health: encodeHealth(result.health),
    completion: { ...result.completion },
    environment: { ...result.environment },
    git: { ...result.git },
    ...(result.generatorLateness ? { generatorLateness: result.generatorLateness.map((h) => h.encode()) } : {}),
    ...(result.capacity ? { capacity: encodeCapacity(result.capacity) } : {}),
    ...(result.recovery ? { recovery: { ...result.recovery } } : {}),
    ...(result.liveAb ? { liveAb: { ...result.liveAb } } : {}),
  }
}

function encodeEndpoint(endpoint: EndpointResult): RunResultFile['endpoints'][number] {
  return {
    name: endpoint.name,
    warmupRequests: endpoint.warmupRequests,
    ...(endpoint.timeline ? { timeline: endpoint.timeline.map((p) => ({ ...p })) } : {}),
    rounds: endpoint.rounds.map((round) => ({
      latency: round.latency.encode(),
      actualLatency: round.actualLatency.encode(),
      requests: round.requests,
      statusCounts: { ...round.statusCounts },
      errors: { ...round.errors },
      bytesReceived: round.bytesReceived,
    })),
  }
}

const encodeHealth = (health: RunHealth): RunResultFile['health'] => ({
  ...health,
  invalidReasons: [...health.invalidReasons],
})

function encodeCapacity(capacity: CapacityResult): NonNullable<RunResultFile['capacity']> {
  return {
    ...capacity,
    breaking: capacity.breaking && { ...capacity.breaking },
    slo: Object.fromEntries(Object.entries(capacity.slo).map(([key, list]) => [key, [...list]])),
    steps: capacity.steps.map((step) => ({
      ...step,
      rounds: step.rounds.map((r) => ({ ...r })),
      endpoints: step.endpoints.map(encodeEndpoint),
      health: encodeHealth(step.health),
      objectives: step.objectives.map((check) => ({ ...check, roundValues: [...check.roundValues] })),
    })),
  }
}

/** JSON text of a RunResult (stable key order, one line per top-level key is not needed: compact). */
export function serializeRunResult(result: RunResult): string {
  return `${JSON.stringify(encodeRunResult(result))}\n`
}

/**
 * Parses and validates a RunResult file. Throws ResultFormatError naming `origin` and the problem: too large,
 * not JSON (with the position), a newer major format version, a missing or wrong field (with its path), a broken
 * histogram. The result is frozen.
 */
export function parseRunResult(text: string, origin: string): RunResult {
  if (text.length > MAX_RESULT_BYTES) {
    throw new ResultFormatError(origin, `is ${text.length} bytes; result files over ${MAX_RESULT_BYTES} are refused`)
  }
  let json: unknown
  try {
    json = JSON.parse(text, refuseHostileKeys)
  } catch (error) {
    if (error instanceof ResultFormatError) throw new ResultFormatError(origin, error.message.replace(/^: /, ''))
    throw new ResultFormatError(origin, `is not valid JSON (${(error as Error).message}); is the file truncated?`)
  }
  return decodeRunResult(json, origin)
}

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** JSON.parse reviver that refuses prototype-pollution keys anywhere in the document. */
function refuseHostileKeys(key: string, value: unknown): unknown {
  if (HOSTILE_KEYS.has(key)) throw new ResultFormatError('', `has a forbidden key '${key}'`)
  return value
}

/** Validates an already-parsed JSON value as a RunResult file. See parseRunResult. */
export function decodeRunResult(json: unknown, origin: string): RunResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ResultFormatError(origin, 'is not a Tailgate result (expected a JSON object)')
  }
  const version = (json as { formatVersion?: unknown }).formatVersion
  if (typeof version !== 'string') {
    throw new ResultFormatError(origin, "is not a Tailgate result (no 'formatVersion')")
  }
  const major = Number.parseInt(version.split('.')[0] ?? '', 10)
  if (major !== FORMAT_MAJOR) {
    throw new ResultFormatError(
      origin,
      major > FORMAT_MAJOR
        ? `has result format ${version}, written by a newer Tailgate; this Tailgate (${TAILGATE_VERSION}) reads format ${FORMAT_MAJOR}.x: upgrade Tailgate, or re-run the baseline`
        : `has unknown result format '${version}'; this Tailgate reads format ${FORMAT_MAJOR}.x`,
    )
  }
  const parsed = RunResultFileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
    throw new ResultFormatError(
      origin,
      `has an invalid field '${path.replace(/^\./, '') || '(root)'}': ${issue.message}`,
    )
  }
  return fromFile(parsed.data, origin)
}

function fromFile(file: RunResultFile, origin: string): RunResult {
  const roundCount = file.rounds.length
  const endpoints = decodeEndpoints(file.endpoints, roundCount, origin, 'endpoints')
  const capacity: CapacityResult | undefined = file.capacity && {
    ...file.capacity,
    steps: file.capacity.steps.map((step, index) => ({
      ...step,
      endpoints: decodeEndpoints(step.endpoints, step.rounds.length, origin, `capacity.steps[${index}].endpoints`),
    })),
  }
  const lateness = file.generatorLateness
  if (lateness && lateness.length !== roundCount) {
    throw new ResultFormatError(
      origin,
      `has ${lateness.length} 'generatorLateness' histograms; the run has ${roundCount} rounds`,
    )
  }
  const liveAb = file.liveAb
  const ownRounds = liveAb ? [...liveAb.order].filter((l) => l === (liveAb.side === 'baseline' ? 'A' : 'B')).length : 0
  if (liveAb && ownRounds !== roundCount) {
    throw new ResultFormatError(
      origin,
      `has ${ownRounds} rounds of its side in 'liveAb.order'; the run has ${roundCount}`,
    )
  }
  return deepFreeze({
    profileId: file.profile.id,
    profileFingerprint: file.profile.fingerprint,
    model: file.profile.model,
    gatedLatency: file.profile.gatedLatency,
    startedAt: file.startedAt,
    warmupMs: file.warmupMs,
    durationMs: file.durationMs,
    rounds: file.rounds,
    endpoints,
    timeline: file.timeline,
    health: file.health,
    completion: file.completion,
    environment: file.environment,
    git: file.git,
    source: file.source,
    ...(lateness
      ? {
          generatorLateness: Object.freeze(
            lateness.map((encoded, r) => decodeAt(encoded, origin, `generatorLateness[${r}]`)),
          ),
        }
      : {}),
    ...(capacity ? { capacity } : {}),
    ...(file.recovery ? { recovery: file.recovery } : {}),
    ...(liveAb ? { liveAb } : {}),
  })
}

function decodeEndpoints(
  list: RunResultFile['endpoints'],
  roundCount: number,
  origin: string,
  at: string,
): EndpointResult[] {
  return list.map((endpoint, e) => {
    if (endpoint.rounds.length !== roundCount) {
      throw new ResultFormatError(
        origin,
        `endpoint '${endpoint.name}' has ${endpoint.rounds.length} rounds; the run has ${roundCount}`,
      )
    }
    const rounds: RoundMeasurement[] = endpoint.rounds.map((round, r) => {
      const where = `${at}[${e}].rounds[${r}]`
      return Object.freeze({
        latency: decodeAt(round.latency, origin, `${where}.latency`),
        actualLatency: decodeAt(round.actualLatency, origin, `${where}.actualLatency`),
        requests: round.requests,
        statusCounts: Object.freeze(copyRecord(round.statusCounts)),
        errors: Object.freeze(copyRecord(round.errors) as Partial<Record<ErrorClass, number>>),
        bytesReceived: round.bytesReceived,
      })
    })
    return Object.freeze({
      name: endpoint.name,
      warmupRequests: endpoint.warmupRequests,
      rounds: Object.freeze(rounds),
      ...(endpoint.timeline ? { timeline: deepFreeze(endpoint.timeline) } : {}),
    })
  })
}

function decodeAt(encoded: string, origin: string, path: string) {
  try {
    return decodeHistogram(encoded)
  } catch (error) {
    throw new ResultFormatError(origin, `has a broken histogram at '${path}': ${(error as Error).message}`)
  }
}

/** Copies a record into a null-prototype object, so hostile keys like __proto__ stay plain data. */
function copyRecord(record: Record<string, number | undefined>): Record<string, number> {
  const out = Object.create(null) as Record<string, number>
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value
  return out
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value as object)) {
      // Histograms stay mutable inside (they are classes with internal state); freeze plain data only.
      if (child && typeof child === 'object' && Object.getPrototypeOf(child) === Object.prototype) deepFreeze(child)
      else if (Array.isArray(child)) deepFreeze(child)
    }
  }
  return value
}
