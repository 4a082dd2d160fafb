// The report lines about the baseline: which one was used and how close it is, or why there is none; whether the
// new one was saved. Pure.
import type { BaselineSource } from '../results/provenance.js'
import type { BaselineQuery, RestoreOutcome, SaveOutcome } from './types.js'

const STORE_LABELS = {
  cache: 'Actions cache entry',
  artifact: 'artifact',
  file: 'file',
  'live-ab': 'live A/B run',
} as const satisfies Record<BaselineSource['store'], string>

/**
 * Lines for a restore outcome, e.g.
 * "Baseline: main at 1a2b3c4 (3 commits behind the base SHA 9f8e7d6), measured 2026-11-20 10:00 UTC, 2 days before
 * this run; from Actions cache entry tailgate-v1-…", or "No baseline: profile changed in this PR"; then warnings.
 */
export function describeRestore(outcome: RestoreOutcome, nowMs: number): string[] {
  const warnings = outcome.warnings.map((w) => `Warning: ${w}`)
  if (outcome.kind === 'missing') return [`No baseline: ${outcome.reason}`, ...warnings]
  const source = outcome.source
  const at = source.sha ? ` at ${source.sha.slice(0, 7)}` : ''
  const measured = `measured ${formatInstant(source.measuredAt)}${age(source.measuredAt, nowMs)}`
  const line = `Baseline: ${source.branch ?? 'unknown branch'}${at} (${closeness(source)}), ${measured}; from ${STORE_LABELS[source.store]} ${source.reference}`
  const trend = outcome.history.length > 0 ? [`Trend: ${outcome.history.length} earlier baselines`] : []
  return [line, ...trend, ...warnings]
}

/** Lines for a save outcome. */
export function describeSave(outcome: SaveOutcome, query: Pick<BaselineQuery, 'branch'>): string[] {
  const warnings = outcome.warnings.map((w) => `Warning: ${w}`)
  if (outcome.kind === 'saved')
    return [`Saved this run as the baseline of ${query.branch}: ${outcome.reference}`, ...warnings]
  return [`Baseline NOT saved: ${outcome.reason}`, ...warnings]
}

function closeness(source: BaselineSource): string {
  if (source.exactSha) return 'the exact base SHA'
  if (source.commitsBehind === null) return 'the newest baseline of the branch; not the exact base SHA'
  if (source.commitsBehind === 0) return 'the newest baseline of the branch; 0 commits behind the base SHA'
  const commits = source.commitsBehind === 1 ? '1 commit' : `${source.commitsBehind} commits`
  return `the newest baseline of the branch, ${commits} behind the base SHA`
}

function formatInstant(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** ", 2 days before this run" (or empty when the time is unknown or in the future). */
function age(iso: string, nowMs: number): string {
  const ms = nowMs - Date.parse(iso)
  if (Number.isNaN(ms) || ms < 0) return ''
  const minutes = Math.round(ms / 60_000)
  if (minutes < 60) return `, ${minutes} min before this run`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `, ${hours} h before this run`
  return `, ${Math.round(hours / 24)} days before this run`
}
