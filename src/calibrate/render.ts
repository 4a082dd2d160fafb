// Renders a CalibrationReport: an aligned plain-text table for the terminal, GitHub markdown for the job summary of
// `mode: calibrate`, and versioned JSON. Endpoint names and notes are escaped for each medium.
import { escapeMarkdown, plainText, truncateText } from '../report/escape.js'
import { formatValue } from '../report/format.js'
import { MAX_TERMINAL_NAME_CHARS } from '../report/terminal.js'
import type {
  CalibrationReport,
  EndpointCalibration,
  FalseAlarmRate,
  MarginRecommendation,
  MetricCalibration,
  SuggestedMargin,
} from './types.js'
import { MARGIN_COVERAGE, RATE_CONF_LEVEL } from './types.js'

/** The `kind` field of the JSON form. */
export const CALIBRATION_JSON_KIND = 'tailgate-calibration'
/** The `version` field of the JSON form; raised when a field changes meaning or goes away. */
export const CALIBRATION_JSON_VERSION = 1

const DETAIL_HEADERS = [
  'Endpoint',
  'False regressions',
  'Outcomes',
  'Metric',
  'Baseline',
  'Detectable (median)',
  'Detectable (max)',
  'Largest A/A shift',
] as const
const MARGIN_HEADERS = ['Metric', 'Detectable (p90)', 'Relative', 'Absolute', 'Covers'] as const
const JOB_HEADERS = ['Endpoint', 'Metric', 'Runs', 'Job-to-job sd', 'Within-run sd', 'Run-to-run sd'] as const

/** One row per endpoint and metric of the job-to-job noise (log-scale sds, shown as ≈ percentages). */
function jobRows(report: CalibrationReport, name: (endpoint: string) => string): string[][] {
  const sd = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`)
  return report.jobNoise.map((row) => [
    name(row.endpoint),
    row.metric,
    String(row.runs),
    sd(row.jobSd),
    sd(row.withinSd),
    sd(row.runSd),
  ])
}

/** A percentage for people: `7 %`, `12.5 %`, `0.3 %`. */
function percent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–'
  return `${Number((fraction * 100).toFixed(fraction < 0.1 ? 1 : 0))} %`
}

/** `0 of 20 runs (0 %, 95 % CI 0–17 %)`. */
export function formatRate(rate: FalseAlarmRate): string {
  if (rate.interval === null) return 'no run compared'
  const { lower, upper } = rate.interval
  return `${rate.regressions}/${rate.comparedRuns} (${percent(rate.rate)}; ${percent(RATE_CONF_LEVEL)} CI ${percent(lower)}–${percent(upper)})`
}

function withRelative(value: number | null, relative: number | null, unit: MetricCalibration['unit']): string {
  if (value === null) return 'n/a (too few rounds)'
  return relative === null ? formatValue(value, unit) : `${formatValue(value, unit)} (${percent(relative)})`
}

function outcomeText(endpoint: EndpointCalibration): string {
  return Object.entries(endpoint.outcomes)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ')
}

/** The per-(endpoint, metric) rows; the endpoint's own cells only on its first row. */
function detailRows(report: CalibrationReport, name: (endpoint: string) => string): string[][] {
  return report.endpoints.flatMap((endpoint) => {
    const metrics = endpoint.metrics.length > 0 ? endpoint.metrics : [null]
    return metrics.map((metric, index) => [
      index === 0 ? name(endpoint.endpoint) : '',
      index === 0 ? formatRate(endpoint.falseRegressions) : '',
      index === 0 ? outcomeText(endpoint) : '',
      metric?.metric ?? '–',
      metric ? formatValue(metric.baselineMedian, metric.unit) : '–',
      metric ? withRelative(metric.detectableMedian, metric.relativeDetectableMedian, metric.unit) : '–',
      metric ? withRelative(metric.detectableMax, metric.relativeDetectableMax, metric.unit) : '–',
      metric ? formatValue(metric.largestNoiseShift, metric.unit) : '–',
    ])
  })
}

function marginRows(report: CalibrationReport): string[][] {
  return report.recommendations.map((r: MarginRecommendation) => [
    r.metric,
    withRelative(r.detectableP90, r.relativeDetectableP90, r.unit),
    percent(r.relative),
    r.absoluteMs === null ? 'fixed floor' : `${r.absoluteMs} ms`,
    percent(r.coverage),
  ])
}

/** The YAML a user pastes into the profile. */
export function marginYaml(margin: SuggestedMargin): string {
  return `gate: { margin: { relative: ${Math.round(margin.relative * 100)}%, absolute: ${margin.absoluteMs}ms } }`
}

/** The one sentence on how to use the recommendation. */
export function marginAdvice(margin: SuggestedMargin): string {
  return (
    `Set \`${marginYaml(margin)}\` in the profile (now ${Math.round(margin.currentRelative * 100)}% and ` +
    `${margin.currentAbsoluteMs}ms${margin.leftOut.length > 0 ? `; ${margin.leftOut.join(', ')} left out as too noisy` : ''}): the gate uses the larger of the two per endpoint, and a margin below the ` +
    `detectable change leaves changes of that size inconclusive, while at or above it same-code runs come out no-change.`
  )
}

function summaryLines(report: CalibrationReport): string[] {
  return [
    `${report.completedRuns} A/A run(s) of ${report.roundsPerSide} rounds per side, alpha ${percent(report.alpha)}, ` +
      `gated: ${report.gatedMetrics.join(', ')}`,
    `False regressions (the step would have failed): ${formatRate(report.overall)}; at most ${percent(report.alpha)} expected`,
    `False improvements: ${report.falseImprovements}/${report.overall.comparedRuns}; runs not compared: ${report.invalidRuns}`,
  ]
}

const width = (text: string): number => [...text].length

function alignedTable(headers: readonly string[], rows: readonly string[][]): string {
  const sizes = headers.map((header, i) => Math.max(width(header), ...rows.map((cells) => width(cells[i] ?? ''))))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell + ' '.repeat((sizes[i] as number) - width(cell)))
      .join('  ')
      .trimEnd()
  return [line(headers), ...rows.map(line)].join('\n')
}

/** Plain text for the terminal: summary, the per-endpoint table, the margin table, the advice, the notes. */
export function renderCalibrationText(report: CalibrationReport): string {
  const name = (endpoint: string) => truncateText(plainText(endpoint), MAX_TERMINAL_NAME_CHARS)
  const parts = [
    `Tailgate A/A calibration: profile '${plainText(report.profileId)}', ${plainText(report.target)} as both sides`,
    ...summaryLines(report),
    '',
    alignedTable(DETAIL_HEADERS, detailRows(report, name)),
  ]
  if (report.recommendations.length > 0) {
    parts.push(
      '',
      `Recommended margin (covers ${percent(MARGIN_COVERAGE)} of the A/A detectable changes):`,
      alignedTable(MARGIN_HEADERS, marginRows(report)),
    )
  }
  if (report.suggestedMargin) parts.push('', marginAdvice(report.suggestedMargin))
  if (report.jobNoise.length > 0) {
    parts.push(
      '',
      `Between CI jobs (${report.historyRuns} stored baselines):`,
      alignedTable(JOB_HEADERS, jobRows(report, name)),
    )
  }
  if (report.notes.length > 0) parts.push('', 'Notes:', ...report.notes.map((note) => `- ${plainText(note)}`))
  return `${parts.join('\n')}\n`
}

function markdownTable(headers: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

/** GitHub markdown, for the job summary of `mode: calibrate` and `--format markdown`. */
export function renderCalibrationMarkdown(report: CalibrationReport): string {
  const name = (endpoint: string) => escapeMarkdown(truncateText(endpoint, MAX_TERMINAL_NAME_CHARS * 2))
  const parts = [
    `### Tailgate A/A calibration: ${escapeMarkdown(report.profileId)}`,
    '',
    `${escapeMarkdown(report.target)} measured as both sides of a live A/B (rounds interleaved A B B A).`,
    '',
    ...summaryLines(report).map((line) => `- ${escapeMarkdown(line)}`),
    '',
    markdownTable(DETAIL_HEADERS, detailRows(report, name)),
  ]
  if (report.recommendations.length > 0) {
    parts.push(
      '',
      `#### Recommended margin (covers ${percent(MARGIN_COVERAGE)} of the A/A detectable changes)`,
      '',
      markdownTable(MARGIN_HEADERS, marginRows(report)),
    )
  }
  if (report.suggestedMargin) parts.push('', marginAdvice(report.suggestedMargin))
  if (report.jobNoise.length > 0) {
    parts.push(
      '',
      `#### Between CI jobs (${report.historyRuns} stored baselines)`,
      '',
      markdownTable(JOB_HEADERS, jobRows(report, name)),
    )
  }
  if (report.notes.length > 0)
    parts.push('', '**Notes**', '', ...report.notes.map((note) => `- ${escapeMarkdown(note)}`))
  return `${parts.join('\n')}\n`
}

/** The JSON form: the report with `kind` and `version` first (NaN rates become null). */
export function renderCalibrationJson(report: CalibrationReport): string {
  return `${JSON.stringify({ kind: CALIBRATION_JSON_KIND, version: CALIBRATION_JSON_VERSION, ...report }, null, 2)}\n`
}
