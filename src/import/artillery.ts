// Imports Artillery 2's JSON report (`artillery run --output report.json script.yml`): each `intermediate` period
// (10 s) is one round; per-endpoint figures come from the metrics-by-endpoint plugin when it ran. Artillery keeps
// sketches, not samples: histograms are rebuilt from the percentiles the report gives.
import * as z from 'zod'
import { classifyError, classifyStatus } from '../load/classify.js'
import type { ErrorClass } from '../results/types.js'
import { ImportError } from './errors.js'
import {
  addCount,
  emptyRound,
  endpointName,
  type ImportedRun,
  isHttpStatus,
  type MutableRound,
} from './imported-run.js'
import { locateKey, parseJsonDocument, schemaIssueError } from './json-document.js'
import { ddsketchRank, histogramFromPercentiles } from './percentile-histogram.js'
import { wrongToolFix } from './sniff.js'

const HOW_TO = 'run Artillery 2 with --output: artillery run --output report.json script.yml'
const WHAT = 'an Artillery JSON report'
/** Artillery 2 aggregates metrics in 10 s windows aligned to the wall clock (int-core ssms.js normalizeTs). */
export const ARTILLERY_PERIOD_MS = 10_000
/** The endpoint name when the report has no per-endpoint metrics. */
export const ALL_REQUESTS = '(all requests)'
const BY_ENDPOINT = 'plugins.metrics-by-endpoint.'
const RESPONSE_TIME = 'http.response_time'

const summarySchema = z.looseObject({
  count: z.number().int().nonnegative(),
  min: z.number().optional(),
  max: z.number().optional(),
  p50: z.number().optional(),
  p75: z.number().optional(),
  p90: z.number().optional(),
  p95: z.number().optional(),
  p99: z.number().optional(),
  p999: z.number().optional(),
})
type Summary = z.infer<typeof summarySchema>
const periodSchema = z.looseObject({
  counters: z.record(z.string(), z.number()),
  summaries: z.record(z.string(), summarySchema),
  firstMetricAt: z.number().optional(),
  lastMetricAt: z.number().optional(),
  period: z.union([z.string(), z.number()]).optional(),
})
type Period = z.infer<typeof periodSchema>
const reportSchema = z.looseObject({ aggregate: periodSchema, intermediate: z.array(periodSchema) })

/** Error codes Artillery's HTTP client (got) adds to Node's; the rest are classed like Tailgate's own errors. */
const ARTILLERY_ERROR_CLASSES: Readonly<Record<string, ErrorClass>> = { ESOCKETTIMEDOUT: 'timeout' }

/** Summary keys and the percentile each stands for. */
const PERCENTILES = [
  ['p50', 50],
  ['p75', 75],
  ['p90', 90],
  ['p95', 95],
  ['p99', 99],
  ['p999', 99.9],
] as const

/**
 * One Artillery report as an ImportedRun with one round per intermediate period (the aggregate when there is none).
 * Endpoints: the metrics-by-endpoint plugin's names (`plugins.metrics-by-endpoint.response_time.<name>`), else one
 * endpoint '(all requests)' from `http.response_time`. Latency: Artillery's response_time (first byte, measured from
 * the end of the send), rebuilt from min, p50, p75, p90, p95, p99, p999 and max with histogramFromPercentiles.
 * Status counts from `…codes.<status>`, errors from `…errors.<code>` (ETIMEDOUT → timeout, ECONNREFUSED →
 * connection-refused, …) plus 4xx/5xx responses. Requests = responses + errors. Throws ImportError naming the file,
 * the line and the field, for Artillery 1 reports too.
 */
export function importArtillery(text: string, file: string): ImportedRun {
  const fix = wrongToolFix(text.slice(0, 4096), 'artillery', HOW_TO)
  const json = parseJsonDocument(text, file, { what: WHAT, fix })
  if (typeof json === 'object' && json !== null && 'aggregate' in json) {
    const aggregate = (json as { aggregate: unknown }).aggregate as Record<string, unknown> | null
    if (aggregate && 'latency' in aggregate && !('summaries' in aggregate)) {
      throw new ImportError(
        { file, ...locateKey(text, 'latency') },
        `${WHAT} from Artillery 1.x ('aggregate.latency' instead of 'aggregate.summaries')`,
        'Tailgate reads Artillery 2 reports: upgrade Artillery and run again',
      )
    }
  }
  const parsed = reportSchema.safeParse(json)
  if (!parsed.success) throw schemaIssueError(parsed.error.issues[0]!, { json, text, file }, { what: WHAT, fix })
  const report = parsed.data
  const periods = [...report.intermediate].sort((a, b) => Number(a.period ?? 0) - Number(b.period ?? 0))
  const used = periods.length > 0 ? periods : [report.aggregate]
  const names = endpointNames(report.aggregate, used)
  const runStartMs = report.aggregate.firstMetricAt ?? used[0]?.firstMetricAt ?? Number.NaN
  if (!Number.isFinite(runStartMs)) {
    throw new ImportError({ file, line: 1 }, `not ${WHAT}: no 'aggregate.firstMetricAt'`, fix)
  }
  const runEndMs = report.aggregate.lastMetricAt ?? runStartMs
  const warnings: string[] = []
  const display = new Map(names.map((name) => [name, nativeName(name)]))
  const assumedGet = names.filter((name) => display.get(name) !== name && !HTTP_METHOD_PREFIX.test(name))
  if (assumedGet.length > 0) {
    warnings.push(
      `${file}: Artillery records no HTTP method; ${assumedGet.length} endpoint(s) named by path were imported as GET ` +
        `(e.g. '${display.get(assumedGet[0]!)}'). For other methods name the request "POST /path" and set the ` +
        'metrics-by-endpoint option useOnlyRequestNames: true',
    )
  }
  const endpoints = new Map<string, MutableRound[]>(names.map((name) => [display.get(name)!, []]))
  for (const period of used) {
    for (const name of names) endpoints.get(display.get(name)!)!.push(roundOf(period, name, names.length === 1))
    const unattributed = unattributedErrors(period, names)
    if (unattributed > 0) {
      warnings.push(`${file}: ${unattributed} errors in a period could not be tied to an endpoint and are not counted`)
    }
  }
  return {
    source: 'artillery',
    startedAt: new Date(runStartMs).toISOString(),
    rounds: used.map((period, index) => windowOf(period, index, periods.length > 0, runStartMs, runEndMs)),
    endpoints,
    model: 'open',
    warnings,
  }
}

/** A request name that starts with its method, as Tailgate names endpoints: `POST /orders`. */
const HTTP_METHOD_PREFIX = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /

/**
 * The plugin's name as a Tailgate endpoint name, so that imported and native runs of the same requests match: a
 * path (or URL) is `GET <path>` (Artillery records no method), a name that starts with a method is kept, and so is
 * any other request name and '(all requests)'.
 * @example nativeName('/slow') // => 'GET /slow'
 */
export function nativeName(name: string): string {
  if (HTTP_METHOD_PREFIX.test(name) || !/^(\/|https?:\/\/)/i.test(name)) return name
  return endpointName('GET', name)
}

/** Plugin endpoint names (from summaries and counters, every period), or the one '(all requests)' endpoint. */
function endpointNames(aggregate: Period, periods: readonly Period[]): string[] {
  const names = new Set<string>()
  for (const period of [aggregate, ...periods]) {
    for (const key of Object.keys(period.summaries)) {
      if (key.startsWith(`${BY_ENDPOINT}response_time.`)) names.add(key.slice(`${BY_ENDPOINT}response_time.`.length))
    }
    for (const key of Object.keys(period.counters)) {
      const match = /^plugins\.metrics-by-endpoint\.(.+)\.(codes|errors)\.[^.]+$/.exec(key)
      if (match && !match[1]!.startsWith('response_time.')) names.add(match[1]!)
    }
  }
  return names.size > 0 ? [...names] : [ALL_REQUESTS]
}

function roundOf(period: Period, name: string, onlyEndpoint: boolean): MutableRound {
  const round = emptyRound()
  const plugin = name !== ALL_REQUESTS
  const summary = period.summaries[plugin ? `${BY_ENDPOINT}response_time.${name}` : RESPONSE_TIME]
  if (summary) round.latency = rebuild(summary)
  const prefix = plugin ? `${BY_ENDPOINT}${name}.` : 'http.'
  const errorPrefix = plugin ? `${BY_ENDPOINT}${name}.errors.` : 'errors.'
  let responses = 0
  let failures = 0
  for (const [key, value] of Object.entries(period.counters)) {
    if (key.startsWith(`${prefix}codes.`)) {
      const status = key.slice(`${prefix}codes.`.length)
      if (!isHttpStatus(status)) continue
      addCount(round.statusCounts, status, value)
      responses += value
      const statusClass = classifyStatus(Number(status))
      if (statusClass) addCount(round.errors, statusClass, value)
    } else if (key.startsWith(errorPrefix)) {
      const code = key.slice(errorPrefix.length)
      addCount(round.errors, ARTILLERY_ERROR_CLASSES[code] ?? classifyError({ code }), value)
      failures += value
    }
  }
  round.requests = Math.max(responses, summary?.count ?? 0) + failures
  if (!plugin || onlyEndpoint) round.bytesReceived = period.counters['http.downloaded_bytes'] ?? 0
  return round
}

function rebuild(summary: Summary) {
  const points = PERCENTILES.flatMap(([key, percentile]) => {
    const ms = summary[key]
    return typeof ms === 'number' ? [{ percentile, valueUs: ms * 1000 }] : []
  })
  return histogramFromPercentiles({
    points,
    count: summary.count,
    rank: ddsketchRank,
    ...(summary.min === undefined ? {} : { minUs: summary.min * 1000 }),
    ...(summary.max === undefined ? {} : { maxUs: summary.max * 1000 }),
  })
}

/** Global errors (errors.<code>) beyond those the plugin tied to an endpoint. */
function unattributedErrors(period: Period, names: readonly string[]): number {
  if (names.length === 1 && names[0] === ALL_REQUESTS) return 0
  const total = sumOf(period.counters, (key) => key.startsWith('errors.'))
  const tied = sumOf(period.counters, (key) => key.startsWith(BY_ENDPOINT) && /\.errors\.[^.]+$/.test(key))
  return names.length === 1 ? 0 : Math.max(0, total - tied)
}

function sumOf(counters: Record<string, number>, pick: (key: string) => boolean): number {
  return Object.entries(counters).reduce((sum, [key, value]) => (pick(key) ? sum + value : sum), 0)
}

/** A period's window: its 10 s slot clipped to the run's first and last metric, relative to the run's start. */
function windowOf(period: Period, index: number, isIntermediate: boolean, runStartMs: number, runEndMs: number) {
  const slotStart = isIntermediate ? Number(period.period ?? period.firstMetricAt ?? runStartMs) : runStartMs
  const slotEnd = isIntermediate ? slotStart + ARTILLERY_PERIOD_MS : runEndMs
  const startMs = Math.max(slotStart, runStartMs)
  const endMs = Math.min(slotEnd, Math.max(runEndMs, startMs))
  return { index, startMs: startMs - runStartMs, durationMs: Math.max(0, endMs - startMs) }
}
