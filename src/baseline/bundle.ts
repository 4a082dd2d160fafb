// The baseline bundle: the file a store keeps. The current baseline plus the branch's earlier baselines (newest
// first, up to DEFAULT_HISTORY_LIMIT) for trend lines. Each member is a RunResult in the codec's file form.
import { decodeRunResult, encodeRunResult, MAX_RESULT_BYTES } from '../results/codec.js'
import { ResultFormatError } from '../results/errors.js'
import type { RunResult } from '../results/types.js'
import { TAILGATE_VERSION } from '../version.js'

/** How many earlier baselines a bundle keeps by default. */
export const DEFAULT_HISTORY_LIMIT = 10
export const BUNDLE_KIND = 'tailgate-baseline-bundle'
export const BUNDLE_VERSION = '1.0'
const BUNDLE_MAJOR = 1
/** A bundle holds up to 1 + 100 results; refuse anything far larger before parsing. */
const MAX_BUNDLE_BYTES = 4 * MAX_RESULT_BYTES

export interface BaselineBundle {
  readonly current: RunResult
  /** Earlier baselines of the branch, newest first. */
  readonly history: readonly RunResult[]
}

export interface ParsedBundle extends BaselineBundle {
  /** History entries that could not be read (dropped, the current baseline is still used). */
  readonly warnings: readonly string[]
}

/** The bundle's file text (JSON). */
export function serializeBundle(bundle: BaselineBundle): string {
  return `${JSON.stringify({
    kind: BUNDLE_KIND,
    bundleVersion: BUNDLE_VERSION,
    current: encodeRunResult(bundle.current),
    history: bundle.history.map(encodeRunResult),
  })}\n`
}

/**
 * Parses a bundle, or a bare RunResult file (a bundle without history). Throws ResultFormatError naming `origin`
 * for corrupt JSON, an unknown bundle or result format version, or an invalid current baseline; an unreadable
 * history entry is dropped with a warning.
 */
export function parseBundle(text: string, origin: string): ParsedBundle {
  if (text.length > MAX_BUNDLE_BYTES) {
    throw new ResultFormatError(origin, `is ${text.length} bytes; baseline files over ${MAX_BUNDLE_BYTES} are refused`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ResultFormatError(origin, `is not valid JSON (${(error as Error).message}); is the file truncated?`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ResultFormatError(origin, 'is not a Tailgate baseline (expected a JSON object)')
  }
  const record = json as Record<string, unknown>
  if (record.kind !== BUNDLE_KIND) {
    // A bare RunResult: the result file's own size cap applies, not the bundle's (which holds up to N results).
    if (text.length > MAX_RESULT_BYTES) {
      throw new ResultFormatError(origin, `is ${text.length} bytes; result files over ${MAX_RESULT_BYTES} are refused`)
    }
    return { current: decodeRunResult(json, origin), history: [], warnings: [] }
  }
  checkBundleVersion(record.bundleVersion, origin)
  const current = decodeRunResult(record.current, `${origin} (current baseline)`)
  const warnings: string[] = []
  const history: RunResult[] = []
  const entries = Array.isArray(record.history) ? record.history : []
  entries.forEach((entry: unknown, index) => {
    try {
      history.push(decodeRunResult(entry, `${origin} (history[${index}])`))
    } catch (error) {
      warnings.push(`Dropped an unreadable earlier baseline from the trend: ${(error as Error).message}`)
    }
  })
  return { current, history, warnings }
}

function checkBundleVersion(version: unknown, origin: string): void {
  const major = typeof version === 'string' ? Number.parseInt(version.split('.')[0] ?? '', 10) : Number.NaN
  if (major === BUNDLE_MAJOR) return
  throw new ResultFormatError(
    origin,
    major > BUNDLE_MAJOR
      ? `has baseline bundle format ${String(version)}, written by a newer Tailgate; this Tailgate (${TAILGATE_VERSION}) reads bundle format ${BUNDLE_MAJOR}.x: upgrade Tailgate, or re-run the baseline`
      : `has unknown baseline bundle format '${String(version)}'; this Tailgate reads bundle format ${BUNDLE_MAJOR}.x`,
  )
}

/**
 * The history to save with a new baseline: the previous baseline and its history, same profile only, newest
 * first, at most `limit`.
 */
export function nextHistory(previous: BaselineBundle | null, fingerprint: string, limit: number): RunResult[] {
  if (!previous) return []
  return [previous.current, ...previous.history].filter((r) => r.profileFingerprint === fingerprint).slice(0, limit)
}
