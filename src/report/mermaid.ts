// Mermaid xychart-beta blocks: latency by percentile (baseline vs candidate) and the p95 trend across baselines.
// Labels go through mermaidLabel(); numbers are ours. GitHub renders ```mermaid blocks in comments and summaries.
import type { EndpointVerdict } from '../gate/types.js'
import type { RunResult } from '../results/types.js'
import { mermaidLabel } from './escape.js'
import { formatMsNumber } from './format.js'
import { CHART_PERCENTILES, pooledPercentilesMs } from './latency.js'

/** At most this many trend charts (one per endpoint) are drawn. */
export const MAX_TREND_CHARTS = 8
/** At most this many percentile charts are drawn (regressions first); the table lists every endpoint anyway. */
export const MAX_PERCENTILE_CHARTS = 10

const round = (ms: number): string => (Number.isFinite(ms) ? String(Number(formatMsNumber(ms))) : '0')

function chart(lines: readonly string[]): string {
  return ['```mermaid', 'xychart-beta', ...lines.map((line) => `  ${line}`), '```'].join('\n')
}

/**
 * One chart per changed endpoint (regressions, then improvements; at most MAX_PERCENTILE_CHARTS): p50, p90, p95, p99 and p99.9 in ms, baseline as bars
 * and candidate as a line (xychart-beta has no legend, so the caption says which is which). Endpoints missing from
 * either run are skipped. Returns the Markdown blocks, empty when nothing changed.
 */
export function percentileCharts(options: {
  endpoints: readonly EndpointVerdict[]
  baseline: RunResult
  candidate: RunResult
}): string[] {
  const percentiles = CHART_PERCENTILES.map((p) => p.percentile)
  const axis = CHART_PERCENTILES.map((p) => `"${p.label}"`).join(', ')
  const changed = [
    ...options.endpoints.filter((e) => e.outcome.kind === 'regression'),
    ...options.endpoints.filter((e) => e.outcome.kind === 'improvement'),
  ]
  const blocks: string[] = []
  for (const endpoint of changed.slice(0, MAX_PERCENTILE_CHARTS)) {
    const before = pooledPercentilesMs(options.baseline, endpoint.endpoint, percentiles)
    const after = pooledPercentilesMs(options.candidate, endpoint.endpoint, percentiles)
    if (before === null || after === null) continue
    const top = Math.max(...before, ...after)
    blocks.push(
      chart([
        `title "${mermaidLabel(endpoint.endpoint)} latency (bars: baseline, line: this PR)"`,
        `x-axis [${axis}]`,
        `y-axis "ms" 0 --> ${round(top * 1.1)}`,
        `bar [${before.map(round).join(', ')}]`,
        `line [${after.map(round).join(', ')}]`,
      ]),
    )
  }
  return blocks
}

/** An x-axis label for one run: its short SHA, else its date. */
function runLabel(run: RunResult): string {
  if (run.git.sha !== null && /^[0-9a-f]{7,40}$/i.test(run.git.sha)) return run.git.sha.slice(0, 7)
  return mermaidLabel(run.startedAt.slice(0, 10), 10) || '?'
}

/**
 * The p95 of each endpoint across the baseline history (oldest first), the baseline itself and the candidate:
 * one chart per endpoint (at most MAX_TREND_CHARTS), only when `history` holds at least two runs.
 */
export function trendCharts(options: {
  endpoints: readonly EndpointVerdict[]
  history: readonly RunResult[]
  baseline: RunResult
  candidate: RunResult
}): string[] {
  if (options.history.length < 2) return []
  const older = [...options.history].reverse()
  const alreadyIn = older.some((run) => run === options.baseline || run.startedAt === options.baseline.startedAt)
  const runs = [...older, ...(alreadyIn ? [] : [options.baseline])]
  const blocks: string[] = []
  for (const endpoint of options.endpoints.slice(0, MAX_TREND_CHARTS)) {
    const points: { label: string; p95Ms: number }[] = []
    for (const run of runs) {
      const p95 = pooledPercentilesMs(run, endpoint.endpoint, [95])
      if (p95 !== null) points.push({ label: runLabel(run), p95Ms: p95[0]! })
    }
    const candidateP95 = pooledPercentilesMs(options.candidate, endpoint.endpoint, [95])
    if (candidateP95 === null || points.length < 2) continue
    points.push({ label: 'this PR', p95Ms: candidateP95[0]! })
    const top = Math.max(...points.map((p) => p.p95Ms))
    blocks.push(
      chart([
        `title "${mermaidLabel(endpoint.endpoint)} p95 trend"`,
        `x-axis [${points.map((p) => `"${p.label}"`).join(', ')}]`,
        `y-axis "p95 ms" 0 --> ${round(top * 1.1)}`,
        `line [${points.map((p) => round(p.p95Ms)).join(', ')}]`,
      ]),
    )
  }
  return blocks
}
