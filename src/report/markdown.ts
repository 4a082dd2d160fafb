// The PR comment and job summary: headline, per-endpoint table, one-line explanations, Mermaid charts, details,
// run link, and the sticky-comment marker. Pure: ReportInput in, Markdown out, within GitHub's comment limit.
import type { EndpointVerdict, Verdict } from '../gate/types.js'
import { TAILGATE_VERSION } from '../version.js'
import { capacityLine, capacityParts } from './capacity.js'
import { detailBlocks, endpointName, formatBudgetActual } from './details.js'
import { escapeMarkdown as md, truncateText, wellFormed } from './escape.js'
import { formatChange, formatMsNumber, plural } from './format.js'
import { MAX_PERCENTILE_CHARTS, percentileCharts, trendCharts } from './mermaid.js'
import {
  ENDPOINT_LABELS,
  failedBudgets,
  gatedComparisons,
  headlineComparison,
  headlineParts,
  OVERALL_LABELS,
} from './outcome.js'
import type { ReportInput } from './types.js'

/** GitHub rejects issue comments longer than this many characters. */
export const COMMENT_LIMIT_CHARS = 65_536
/** Room left for the sticky-comment marker that withMarker() (src/github/comments.ts) appends. */
export const MARKER_RESERVE_CHARS = 512

/** Options of renderMarkdown. */
export interface MarkdownOptions {
  /** Longest body returned, in UTF-16 code units (≥ characters); default: the comment limit minus the marker. */
  readonly maxChars?: number
}

const TRUNCATED_NOTE =
  '_Details truncated to fit GitHub’s 65,536-character comment limit; the JSON report has every figure._'

/** The first line: overall verdict emoji and words, count of regressions, the gate's headline (escaped). */
export function headlineLine(verdict: Verdict, profileId: string): string {
  const label = OVERALL_LABELS[verdict.outcome]
  const { headline, regressions } = headlineParts(verdict)
  return (
    `${label.emoji} **Tailgate: ${label.word}** (${md(truncateText(profileId, 80))}) · ` +
    `${regressions === null ? '' : `${regressions} · `}${md(truncateText(headline, 300))}`
  )
}

function statusLine(input: ReportInput): string {
  const { verdict, accepted } = input
  if (accepted !== null) {
    const login = accepted.by?.startsWith('@') ? accepted.by : `@${accepted.by}`
    const by = accepted.by === null ? '' : `, applied by ${md(truncateText(login, 60))}`
    return `✋ Accepted with the label “${md(truncateText(accepted.label, 80))}”${by}: the check does not fail.`
  }
  if (verdict.failed) return `The check fails on: ${verdict.failing.join(', ')}.`
  return 'The check passes.'
}

/** Which URL was measured: its origin only (a path or a query may carry secrets; credentials never pass parseTargetUrl). */
function targetLine(input: ReportInput): string[] {
  if (!input.target) return []
  let origin: string
  try {
    origin = new URL(input.target).origin
  } catch {
    return []
  }
  return [`Measured: ${md(origin)}`]
}

/** Failed budgets named in one table cell; the rest are counted (the details list them all). */
const MAX_BUDGETS_IN_CELL = 3

const latencyCell = (endpoint: EndpointVerdict, key: 'p50Ms' | 'p95Ms' | 'p99Ms'): string =>
  `${endpoint.baseline === null ? '–' : formatMsNumber(endpoint.baseline[key])} → ${formatMsNumber(endpoint.candidate[key])}`

function budgetCell(endpoint: EndpointVerdict): string {
  if (endpoint.budgets.length === 0) return '–'
  const failed = failedBudgets(endpoint)
  if (failed.length === 0) return `✅ ${endpoint.budgets.length}/${endpoint.budgets.length}`
  const shown = failed
    .slice(0, MAX_BUDGETS_IN_CELL)
    .map((check) => `❌ ${md(truncateText(check.budget.expression, 60))} (${formatBudgetActual(check)})`)
  const more = failed.length > MAX_BUDGETS_IN_CELL ? [`and ${failed.length - MAX_BUDGETS_IN_CELL} more`] : []
  return [...shown, ...more].join('; ')
}

/** The per-endpoint table: baseline → candidate p50/p95/p99 (ms), change with its interval, verdict, budgets. */
export function endpointTable(endpoints: readonly EndpointVerdict[]): string {
  const rows = endpoints.map((endpoint) => {
    const label = ENDPOINT_LABELS[endpoint.outcome.kind]
    const comparison = headlineComparison(endpoint)
    const cells = [
      endpointName(endpoint.endpoint),
      latencyCell(endpoint, 'p50Ms'),
      latencyCell(endpoint, 'p95Ms'),
      latencyCell(endpoint, 'p99Ms'),
      comparison === null ? '–' : formatChange(comparison),
      `${label.emoji} ${label.word}`,
      budgetCell(endpoint),
    ]
    return `| ${cells.join(' | ')} |`
  })
  return [
    '| Endpoint | p50 ms (base → PR) | p95 ms | p99 ms | Change | Verdict | Budgets |',
    '| --- | ---: | ---: | ---: | --- | --- | --- |',
    ...rows,
  ].join('\n')
}

/** One line per endpoint: the gated comparisons' explanations, the outcome's reason, failed budgets. */
export function explanationLines(endpoints: readonly EndpointVerdict[]): string {
  return endpoints
    .map((endpoint) => {
      const label = ENDPOINT_LABELS[endpoint.outcome.kind]
      const parts = gatedComparisons(endpoint).map((c) => md(c.explanation))
      const outcome = endpoint.outcome
      if (outcome.kind === 'inconclusive' || outcome.kind === 'no-baseline' || outcome.kind === 'invalid') {
        parts.unshift(md(outcome.reason))
      }
      for (const check of failedBudgets(endpoint)) {
        parts.push(`budget ${md(check.budget.expression)} exceeded: ${formatBudgetActual(check)}`)
      }
      const text = parts.length > 0 ? parts.join('; ') : label.word
      return `- ${label.emoji} **${endpointName(endpoint.endpoint)}**: ${text}`
    })
    .join('\n')
}

function notices(input: ReportInput): string[] {
  const out: string[] = []
  if (input.baseline === null) {
    const reasons = input.verdict.endpoints.flatMap((e) => (e.outcome.kind === 'no-baseline' ? [e.outcome.reason] : []))
    const why = md(truncateText([...new Set(reasons)].join('; '), 1000)) || 'the baseline step found none'
    out.push(`➖ **No baseline**: ${why}. Nothing was compared; budgets were still checked.`)
  }
  const invalid = input.candidate.health.invalidReasons
  if (invalid.length > 0) out.push(`⚠️ **Invalid run**: ${md(truncateText(invalid.join('; '), 1000))}.`)
  return out
}

const SAFE_URL = /^https?:\/\/[^\s<>()[\]`|"'\\]+$/

function footer(input: ReportInput): string {
  const version = `Tailgate ${TAILGATE_VERSION}`
  const report = fullReportLine(input)
  const above = report === null ? '' : `${report}\n\n`
  if (input.runUrl === null) return `${above}<sub>${version}</sub>`
  const link = SAFE_URL.test(input.runUrl) ? `[workflow run](${input.runUrl})` : `workflow run ${md(input.runUrl)}`
  return `${above}<sub>${version} · ${link}</sub>`
}

/** "Open the full report": a link to the HTML report's artifact, or where the file is and why there is no link. */
export function fullReportLine(input: ReportInput): string | null {
  const report = input.fullReport
  if (report === undefined || report === null) return null
  const what = 'charts and tables of every endpoint, one HTML file'
  if (report.url !== null && SAFE_URL.test(report.url)) {
    return `📊 [Open the full report](${report.url}) (${md(report.fileName)} in the artifact zip: ${what})`
  }
  return `📊 Full report: ${md(report.fileName)} (${what})${report.note === null ? '' : `: ${md(report.note)}`}.`
}

function detailsSection(blocks: readonly string[], budgetChars: number): string {
  const open = '<details><summary>Details: rounds, p-values, margins, baseline, environment, warnings</summary>\n\n'
  const close = '\n\n</details>'
  const fixed = open.length + close.length + TRUNCATED_NOTE.length + 4
  const kept: string[] = []
  let used = fixed
  for (const block of blocks) {
    if (used + block.length + 2 > budgetChars) {
      return kept.length === 0 && fixed > budgetChars ? '' : `${open}${[...kept, TRUNCATED_NOTE].join('\n\n')}${close}`
    }
    kept.push(block)
    used += block.length + 2
  }
  return `${open}${kept.join('\n\n')}${close}`
}

const EXPLANATIONS_DROPPED = '_One-line explanations left out to fit the comment limit; see the JSON report._'

/**
 * Headline, status, table, explanations and notices. Only when they alone exceed the budget (hundreds of
 * endpoints; GitHub would reject the whole comment) are the explanations dropped, then the last table rows cut.
 */
function essentials(input: ReportInput, budgetChars: number): string[] {
  const { verdict } = input
  const top = [headlineLine(verdict, input.profileId), statusLine(input), ...targetLine(input)]
  if (verdict.sequential) top.push(`🔁 ${md(verdict.sequential.reason)}`)
  const rest = notices(input)
  const capacity = input.candidate.capacity
  if (capacity !== undefined) {
    const comparison = verdict.capacity === undefined ? [] : [md(truncateText(verdict.capacity.explanation, 2000))]
    return [...top, capacityLine(capacity), ...comparison, ...rest]
  }
  const full = [...top, endpointTable(verdict.endpoints), explanationLines(verdict.endpoints), ...rest]
  if (full.join('\n\n').length <= budgetChars) return full
  const withoutExplanations = [...top, endpointTable(verdict.endpoints), EXPLANATIONS_DROPPED, ...rest]
  if (withoutExplanations.join('\n\n').length <= budgetChars) return withoutExplanations
  const fixed = [...top, EXPLANATIONS_DROPPED, ...rest].join('\n\n').length + 200
  const endpoints = [...verdict.endpoints]
  let table = endpointTable(endpoints)
  while (endpoints.length > 0 && table.length > budgetChars - fixed) {
    endpoints.splice(Math.floor(endpoints.length * 0.9))
    table = endpointTable(endpoints)
  }
  const cut = verdict.endpoints.length - endpoints.length
  const note = `_${plural(cut, 'more endpoint')} left out of the table to fit the comment limit; see the JSON report._`
  return [...top, table, note, EXPLANATIONS_DROPPED, ...rest]
}

/**
 * Renders the Markdown report for the PR comment and the job summary. Sections, in order: headline, status,
 * table, explanations, notices (no baseline, invalid run), percentile charts of changed endpoints, p95 trend,
 * details, footer with the run link. When the body would exceed `maxChars`, the details are cut block by block
 * (with a note) and the charts dropped; the headline and table are kept (see essentials() for the extreme case).
 */
export function renderMarkdown(input: ReportInput, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? COMMENT_LIMIT_CHARS - MARKER_RESERVE_CHARS
  const { verdict } = input
  const tail = footer(input)
  const head = essentials(input, maxChars - tail.length - 2)
  const optional: string[] = []
  if (input.candidate.capacity !== undefined) optional.push(...capacityParts(input.candidate.capacity, input))
  if (input.baseline !== null) {
    const runs = { endpoints: verdict.endpoints, baseline: input.baseline.result, candidate: input.candidate }
    const percentile = percentileCharts(runs)
    const changed = verdict.endpoints.filter((e) => ['regression', 'improvement'].includes(e.outcome.kind)).length
    const capped =
      changed > MAX_PERCENTILE_CHARTS
        ? [`_Charts of the first ${MAX_PERCENTILE_CHARTS} of ${changed} changed endpoints._`]
        : []
    if (percentile.length > 0) optional.push([...percentile, ...capped].join('\n\n'))
    const trend = trendCharts({ ...runs, history: input.baseline.history })
    if (trend.length > 0) optional.push(`<details><summary>p95 trend</summary>\n\n${trend.join('\n\n')}\n\n</details>`)
  }
  const join = (parts: readonly string[]): string => parts.filter((part) => part !== '').join('\n\n')
  let used = join([...head, tail]).length + 2
  const kept: string[] = []
  for (const part of optional) {
    if (used + part.length + 2 > maxChars) continue
    kept.push(part)
    used += part.length + 2
  }
  const details = detailsSection(detailBlocks(input), maxChars - used - 2)
  return wellFormed(join([...head, ...kept, details, tail]))
}
