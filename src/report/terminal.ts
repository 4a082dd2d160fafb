// The CLI's plain-text report: a headline, an aligned table (endpoint, n, p50, p95, p99, change, p-value, verdict)
// and one explanation line per endpoint. Control characters in names are removed, so no terminal escape gets in.
import type { EndpointOutcomeKind, EndpointVerdict } from '../gate/types.js'
import { plainText, truncateText } from './escape.js'
import { formatMsNumber, formatPValue, formatRelative, formatShift } from './format.js'
import {
  ENDPOINT_LABELS,
  gatedComparisons,
  headlineComparison,
  headlineParts,
  OVERALL_LABELS,
  outcomeReason,
} from './outcome.js'
import type { ReportInput } from './types.js'

/** Options of renderTerminal. */
export interface TerminalOptions {
  /** Colour the verdict words with ANSI SGR codes (only when the caller knows the stream is a colour TTY). */
  readonly color?: boolean
}

/** Longest endpoint name in the table, in code points. */
export const MAX_TERMINAL_NAME_CHARS = 48

const ANSI_COLOURS = {
  regression: '\u001b[31m',
  improvement: '\u001b[32m',
  'no-change': '\u001b[32m',
  pass: '\u001b[32m',
  inconclusive: '\u001b[33m',
  'no-baseline': '\u001b[90m',
  invalid: '\u001b[33m',
} as const satisfies Record<EndpointOutcomeKind, string>
const ANSI_RESET = '\u001b[0m'

const HEADERS = ['Endpoint', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'Change', 'p (Holm)', 'Verdict'] as const
/** Numeric columns are right-aligned. */
const RIGHT_ALIGNED: ReadonlySet<number> = new Set([1, 2, 3, 4, 6])

const width = (text: string): number => [...text].length
const pad = (text: string, size: number, right: boolean): string =>
  right ? ' '.repeat(size - width(text)) + text : text + ' '.repeat(size - width(text))

function latency(endpoint: EndpointVerdict, key: 'p50Ms' | 'p95Ms' | 'p99Ms'): string {
  const after = formatMsNumber(endpoint.candidate[key])
  return endpoint.baseline === null ? after : `${formatMsNumber(endpoint.baseline[key])} → ${after}`
}

function row(endpoint: EndpointVerdict): string[] {
  const comparison = headlineComparison(endpoint)
  const change =
    comparison === null
      ? '–'
      : `${comparison.metric} ${formatShift(comparison.shift, comparison.unit)} (${formatRelative(comparison.relativeShift)})`
  return [
    truncateText(plainText(endpoint.endpoint), MAX_TERMINAL_NAME_CHARS),
    String(endpoint.candidate.requests),
    latency(endpoint, 'p50Ms'),
    latency(endpoint, 'p95Ms'),
    latency(endpoint, 'p99Ms'),
    change,
    comparison === null ? '–' : formatPValue(comparison.pValueAdjusted),
    ENDPOINT_LABELS[endpoint.outcome.kind].word,
  ]
}

/**
 * Renders the plain-text report. Columns are padded to the widest cell (in code points); the verdict column is last
 * so colouring it never shifts the alignment. No ANSI codes unless `color` is set.
 */
export function renderTerminal(input: ReportInput, options: TerminalOptions = {}): string {
  const { verdict } = input
  const label = OVERALL_LABELS[verdict.outcome]
  const { headline, regressions } = headlineParts(verdict)
  const rows = verdict.endpoints.map(row)
  const sizes = HEADERS.map((header, i) => Math.max(width(header), ...rows.map((cells) => width(cells[i]!))))
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => pad(cell, sizes[i]!, RIGHT_ALIGNED.has(i)))
      .join('  ')
      .trimEnd()
  const body = rows.map((cells, index) => {
    const text = line(cells)
    if (!options.color) return text
    const verdictWord = cells[cells.length - 1]!
    const colour = ANSI_COLOURS[verdict.endpoints[index]!.outcome.kind]
    return `${text.slice(0, text.length - verdictWord.length)}${colour}${verdictWord}${ANSI_RESET}`
  })
  const explanations = verdict.endpoints.map((endpoint) => {
    const reason = outcomeReason(endpoint.outcome)
    const parts = [...(reason === null ? [] : [reason]), ...gatedComparisons(endpoint).map((c) => c.explanation)]
    const text = parts.length > 0 ? parts.join('; ') : ENDPOINT_LABELS[endpoint.outcome.kind].word
    return `  ${plainText(endpoint.endpoint)}: ${plainText(text)}`
  })
  const out = [
    `Tailgate: ${label.word} (${plainText(input.profileId)})${regressions === null ? '' : `, ${regressions}`}: ${plainText(headline)}`,
    '',
    line(HEADERS),
    line(sizes.map((size) => '-'.repeat(size))),
    ...body,
    '',
    ...explanations,
  ]
  if (verdict.sequential) out.push('', plainText(verdict.sequential.reason))
  if (input.baseline === null)
    out.push('', `No baseline: ${input.baselineLines.map(plainText).join('; ') || 'none found'}`)
  else if (input.baselineLines.length > 0) out.push('', ...input.baselineLines.map(plainText))
  if (verdict.warnings.length > 0) out.push('', 'Warnings:', ...verdict.warnings.map((w) => `  - ${plainText(w)}`))
  return out.join('\n')
}
