// The collapsible details of the Markdown report, as independent blocks so the length cap can drop whole blocks.
// Every string that is not ours goes through escapeMarkdown().
import type { BudgetCheck, EndpointVerdict, MetricComparison } from '../gate/types.js'
import type { EndpointResult, RunEnvironment, RunResult } from '../results/types.js'
import { escapeMarkdown as md, truncateText } from './escape.js'
import {
  formatAge,
  formatInterval,
  formatMsNumber,
  formatPValue,
  formatRounds,
  formatShift,
  formatValue,
  plural,
} from './format.js'
import { generatorLatenessText } from './generator-lateness.js'
import { ENDPOINT_LABELS, gatedComparisons, outcomeReason } from './outcome.js'
import type { ReportBaseline, ReportInput } from './types.js'

/** Longest endpoint name shown (code points, before escaping). */
export const MAX_NAME_CHARS = 120

/** An endpoint name for Markdown: cut to MAX_NAME_CHARS, escaped. */
export const endpointName = (name: string): string => md(truncateText(name, MAX_NAME_CHARS))

const bullet = (items: readonly string[]): string => items.map((item) => `- ${item}`).join('\n')
const GATED_LATENCY_WORDS = {
  intended: 'from the intended send time (includes queueing in the generator: coordinated-omission corrected)',
  actual: 'from the actual send time',
} as const

function runBlock(input: ReportInput): string {
  const run = input.candidate
  const health = run.health
  const rate =
    health.intendedRatePerSecond === null
      ? `${health.achievedRatePerSecond.toFixed(1)} req/s achieved (closed model)`
      : `${health.achievedRatePerSecond.toFixed(1)} of ${health.intendedRatePerSecond.toFixed(1)} req/s intended`
  const completion = run.completion.status === 'complete' ? 'complete' : `partial: ${md(run.completion.reason)}`
  const lines = [
    `Mode: ${md(input.mode)}; profile ${md(input.profileId)}; ${run.model} model`,
    `Latency gated: **${run.gatedLatency}**, ${GATED_LATENCY_WORDS[run.gatedLatency]}`,
    `Rounds: ${run.rounds.length} in this PR, ${input.baseline?.result.rounds.length ?? 0} in the baseline; ` +
      `measured ${formatMsNumber(run.durationMs / 1000)} s after a ${formatMsNumber(run.warmupMs / 1000)} s warm-up`,
    `Run: ${completion}; ${rate}; worst event-loop lag ${formatMsNumber(health.maxEventLoopLagMs)} ms`,
  ]
  const lateness = generatorLatenessText(run)
  if (lateness !== null) lines.push(`Generator: ${lateness}`)
  const invalid = [...health.invalidReasons.map((r) => `this PR: ${md(r)}`)]
  for (const reason of input.baseline?.result.health.invalidReasons ?? []) invalid.push(`baseline: ${md(reason)}`)
  const invalidText = invalid.length > 0 ? `\n\n**Invalid run**\n${bullet(invalid)}` : ''
  return `**Run**\n${bullet(lines)}${invalidText}`
}

function baselineBlock(baseline: ReportBaseline | null, candidate: RunResult, reasons: readonly string[]): string {
  if (baseline === null) {
    const why = reasons.length > 0 ? reasons.map(md).join('; ') : 'the baseline step found none'
    return `**Baseline**\n- None: ${why}`
  }
  const { source } = baseline
  const sha = source.sha === null ? 'unknown SHA' : `SHA ${md(source.sha)}`
  const distance =
    source.store === 'live-ab'
      ? 'measured live in this job, rounds interleaved with the candidate (A B B A)'
      : source.exactSha
        ? 'the exact base SHA'
        : source.commitsBehind === null
          ? 'not the exact base SHA (distance unknown)'
          : `${plural(source.commitsBehind, 'commit')} behind the base SHA`
  const age = formatAge(source.measuredAt, candidate.startedAt)
  const lines = [
    `Store: ${source.store}; reference ${md(source.reference)}`,
    `${sha} on branch ${source.branch === null ? 'unknown' : md(source.branch)}: ${distance}`,
    `Measured ${md(source.measuredAt)}${age === null ? '' : ` (${age} before this run)`}` +
      `${source.runId === null ? '' : `; workflow run ${md(source.runId)}`}`,
    `History: ${plural(baseline.history.length, 'earlier baseline')}`,
  ]
  return `**Baseline**\n${bullet(lines)}`
}

/** The rows of the environment table (raw values: each renderer escapes them for its format). */
export const ENVIRONMENT_ROWS = [
  { label: 'CPU', value: (e: RunEnvironment) => e.cpuModel },
  { label: 'Cores', value: (e: RunEnvironment) => String(e.cores) },
  { label: 'OS', value: (e: RunEnvironment) => `${e.os} ${e.arch}` },
  { label: 'Node', value: (e: RunEnvironment) => e.nodeVersion },
  { label: 'Tailgate', value: (e: RunEnvironment) => e.tailgateVersion },
  { label: 'Runner', value: (e: RunEnvironment) => e.runner ?? '–' },
] as const

function environmentBlock(candidate: RunResult, baseline: RunResult | null): string {
  const rows = ENVIRONMENT_ROWS.map((row) => {
    const before = baseline === null ? '–' : md(row.value(baseline.environment))
    return `| ${row.label} | ${before} | ${md(row.value(candidate.environment))} |`
  })
  return ['**Environment**', '', '| | Baseline | This PR |', '| --- | --- | --- |', ...rows].join('\n')
}

function comparisonRow(c: MetricComparison): string {
  const cells = [
    c.metric,
    formatRounds(c.baselineRounds, c.unit),
    formatRounds(c.candidateRounds, c.unit),
    `${formatValue(c.baselineMedian, c.unit)} → ${formatValue(c.candidateMedian, c.unit)}`,
    `${formatShift(c.shift, c.unit)}, ${formatInterval(c.shiftInterval, c.unit)}`,
    formatValue(c.margin, c.unit),
    formatPValue(c.pValue),
    formatPValue(c.pValueAdjusted),
    c.detectableShift === null ? '–' : formatValue(c.detectableShift, c.unit),
    c.outcome,
  ]
  return `| ${cells.join(' | ')} |`
}

/** A budget's measured value in its unit. */
export function formatBudgetActual(check: BudgetCheck): string {
  const { metric } = check.budget
  if (metric === 'error-rate') return formatValue(check.actual, 'fraction')
  if (metric === 'rps') return formatValue(check.actual, 'rps')
  if (metric === 'recovery' && !Number.isFinite(check.actual)) return 'not recovered by the end'
  return formatValue(check.actual, 'ms')
}

function countsText(counts: Readonly<Record<string, number | undefined>>): string {
  const parts = Object.entries(counts)
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0)
    .map(([key, count]) => `${md(key)} × ${count}`)
  return parts.length > 0 ? parts.join(', ') : 'none'
}

function sumCounts(result: EndpointResult, pick: 'statusCounts' | 'errors'): Record<string, number> {
  const total: Record<string, number> = {}
  for (const round of result.rounds) {
    for (const [key, count] of Object.entries(round[pick])) total[key] = (total[key] ?? 0) + (count ?? 0)
  }
  return total
}

function endpointBlock(endpoint: EndpointVerdict, input: ReportInput): string {
  const label = ENDPOINT_LABELS[endpoint.outcome.kind]
  const reason = outcomeReason(endpoint.outcome)
  const lines: string[] = [`${label.emoji} **${endpointName(endpoint.endpoint)}**: ${label.word}`]
  if (reason !== null) lines.push(`- Reason: ${md(reason)}`)
  const candidate = input.candidate.endpoints.find((e) => e.name === endpoint.endpoint)
  const baseline = input.baseline?.result.endpoints.find((e) => e.name === endpoint.endpoint)
  const warmup = `${candidate?.warmupRequests ?? 0} in this PR, ${baseline?.warmupRequests ?? '–'} in the baseline`
  lines.push(`- Requests: ${endpoint.candidate.requests} measured; warm-up requests excluded: ${warmup}`)
  if (candidate !== undefined) {
    lines.push(`- Responses: ${countsText(sumCounts(candidate, 'statusCounts'))}`)
    lines.push(`- Errors: ${countsText(sumCounts(candidate, 'errors'))}`)
  }
  const comparisons = gatedComparisons(endpoint)
  if (comparisons.length > 0) {
    lines.push(
      '',
      '| Metric | Baseline rounds | PR rounds | Median | Shift | Margin | p | p (Holm) | Detectable | Outcome |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...comparisons.map(comparisonRow),
      '',
    )
  }
  const requestLevel = endpoint.requestLevel
  if (requestLevel !== null) {
    const interval =
      requestLevel.shiftIntervalMs === null
        ? 'no CI'
        : `95 % CI [${formatShift(requestLevel.shiftIntervalMs.lower, 'ms')}, ${formatShift(requestLevel.shiftIntervalMs.upper, 'ms')}]`
    const p = requestLevel.pValueTwoSided === null ? '–' : formatPValue(requestLevel.pValueTwoSided)
    const slower = `${(requestLevel.probabilityCandidateSlower * 100).toFixed(1)} %`
    lines.push(
      `- Single requests (descriptive, not gated): shift ${formatShift(requestLevel.shiftMs, 'ms')}, ${interval}; ` +
        `p = ${p}; P(PR request slower) = ${slower}`,
    )
  }
  for (const check of endpoint.budgets) {
    const mark = check.passed ? '✅' : '❌'
    lines.push(`- Budget ${mark} ${md(check.budget.expression)}: ${formatBudgetActual(check)}`)
  }
  return lines.join('\n').trimEnd()
}

/**
 * The blocks of the details section, most important first: run, baseline used (or why none), environment of both
 * runs, warnings, the baseline step's lines, then one block per endpoint (rounds, p-values raw and Holm-adjusted,
 * margins, warm-up requests excluded, budgets). Each block is complete Markdown on its own.
 */
export function detailBlocks(input: ReportInput): string[] {
  const noBaselineReasons = [
    ...new Set(input.verdict.endpoints.flatMap((e) => (e.outcome.kind === 'no-baseline' ? [e.outcome.reason] : []))),
  ]
  const blocks = [
    runBlock(input),
    baselineBlock(input.baseline, input.candidate, noBaselineReasons),
    environmentBlock(input.candidate, input.baseline?.result ?? null),
  ]
  if (input.verdict.warnings.length > 0) blocks.push(`**Warnings**\n${bullet(input.verdict.warnings.map(md))}`)
  if (input.baselineLines.length > 0) blocks.push(`**Baseline step**\n${bullet(input.baselineLines.map(md))}`)
  for (const endpoint of input.verdict.endpoints) blocks.push(endpointBlock(endpoint, input))
  return blocks
}
