// Imports autocannon's JSON result (`autocannon -j URL > result.json`): one summary per file, so one round per
// file, with a latency histogram rebuilt from the percentiles autocannon reports (it writes no per-request samples).
import * as z from 'zod'
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
import { histogramFromPercentiles, type PercentilePoint } from './percentile-histogram.js'
import { wrongToolFix } from './sniff.js'

const HOW_TO = 'run autocannon with -j (--json) and redirect stdout to the file: autocannon -j URL > result.json'

/** autocannon's percentile keys (hdr-histogram-percentiles-obj) and the percentile each stands for. */
export const AUTOCANNON_PERCENTILES = [
  ['p0_001', 0.001],
  ['p0_01', 0.01],
  ['p0_1', 0.1],
  ['p1', 1],
  ['p2_5', 2.5],
  ['p10', 10],
  ['p25', 25],
  ['p50', 50],
  ['p75', 75],
  ['p90', 90],
  ['p97_5', 97.5],
  ['p99', 99],
  ['p99_9', 99.9],
  ['p99_99', 99.99],
  ['p99_999', 99.999],
] as const

const count = z.number().int().nonnegative()
const latencySchema = z.looseObject({
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  totalCount: count,
  p50: z.number().nonnegative(),
  p90: z.number().nonnegative(),
  p99: z.number().nonnegative(),
})
const autocannonSchema = z.looseObject({
  title: z.string().optional(),
  url: z.string().optional(),
  start: z.union([z.string(), z.number()]),
  finish: z.union([z.string(), z.number()]).optional(),
  duration: z.number().nonnegative(),
  errors: count,
  timeouts: count,
  non2xx: count,
  mismatches: count.optional(),
  statusCodeStats: z.record(z.string(), z.looseObject({ count })),
  '2xx': count,
  '3xx': count.optional(),
  '4xx': count,
  '5xx': count,
  latency: latencySchema,
  throughput: z.looseObject({ total: z.number().nonnegative() }).optional(),
})
type AutocannonResult = z.infer<typeof autocannonSchema>

/**
 * One autocannon JSON result as a one-round ImportedRun. The endpoint is named from `title` when autocannon was
 * given `-T/--title`, else `GET <path of url>` (the JSON does not record the method: name non-GET runs with -T).
 * Latency: autocannon records every response's latency in whole milliseconds (hdr-histogram-js truncates) and
 * reports 15 percentiles plus min and max; the histogram is rebuilt with histogramFromPercentiles, so each of those
 * percentiles reads back as reported (within 0.1 %). Requests = responses + errors without a response; errors:
 * timeouts → timeout, other socket errors → other, 4xx/5xx responses → http-4xx/http-5xx, body mismatches (-b) →
 * check-failed (only for responses not already 4xx/5xx). Throws ImportError naming the file, line and field.
 */
export function importAutocannon(text: string, file: string): ImportedRun {
  const fix = wrongToolFix(text.slice(0, 4096), 'autocannon', HOW_TO)
  const json = parseJsonDocument(text, file, { what: 'an autocannon JSON result', fix })
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ImportError({ file, line: 1, column: 1 }, 'not an autocannon JSON result: expected one JSON object', fix)
  }
  const parsed = autocannonSchema.safeParse(json)
  if (!parsed.success) {
    throw schemaIssueError(parsed.error.issues[0]!, { json, text, file }, { what: 'an autocannon JSON result', fix })
  }
  return toImportedRun(parsed.data, text, file)
}

function toImportedRun(data: AutocannonResult, text: string, file: string): ImportedRun {
  const startedAt = instant(data.start, text, file, 'start')
  const durationMs = Math.max(1, Math.round(data.duration * 1000))
  const round = roundOf(data)
  const name = data.title?.trim() || endpointName('GET', data.url ?? '/')
  return {
    source: 'autocannon',
    startedAt,
    rounds: [{ index: 0, startMs: 0, durationMs }],
    endpoints: new Map([[name, [round]]]),
    model: 'closed',
    warnings: correctedLatencyWarning(data, file),
  }
}

/**
 * autocannon with a rate (-R/--overallRate, --connectionRate) and -C/--correctCoordinatedOmission records extra,
 * synthetic latencies for the requests it could not send on schedule: then `latency.totalCount` exceeds the
 * responses, and every percentile (p50 too) describes that corrected distribution, not the responses. The import
 * keeps the numbers (they are what autocannon reported) and says so.
 */
function correctedLatencyWarning(data: AutocannonResult, file: string): string[] {
  const responses = Object.values(data.statusCodeStats).reduce((sum, { count: n }) => sum + n, 0)
  if (data.latency.totalCount <= responses) return []
  return [
    `${file}: ${data.latency.totalCount} latencies for ${responses} responses: autocannon added corrected latencies ` +
      '(a rate with -R/--overallRate or --connectionRate and -C/--correctCoordinatedOmission), so its percentiles, ' +
      'p50 included, are not those of the responses. Compare it only with runs made the same way, or run ' +
      'autocannon again without -C',
  ]
}

function roundOf(data: AutocannonResult): MutableRound {
  const round = emptyRound()
  const latency = data.latency as Record<string, unknown> & AutocannonResult['latency']
  const points: PercentilePoint[] = []
  for (const [key, percentile] of AUTOCANNON_PERCENTILES) {
    const ms = latency[key]
    if (typeof ms === 'number' && Number.isFinite(ms)) points.push({ percentile, valueUs: ms * 1000 })
  }
  const lowestReportedMs = Math.min(...points.map((p) => p.valueUs / 1000))
  round.latency = histogramFromPercentiles({
    points,
    count: latency.totalCount,
    // autocannon's min is the smallest non-zero value; below the lowest percentile it would distort, so skip it.
    ...(latency.min <= lowestReportedMs ? { minUs: latency.min * 1000 } : {}),
    maxUs: latency.max * 1000,
  })
  let responses = 0
  for (const [status, { count: n }] of Object.entries(data.statusCodeStats)) {
    if (isHttpStatus(status)) addCount(round.statusCounts, status, n)
    responses += n
  }
  round.requests = responses + data.errors
  addCount(round.errors, 'timeout', Math.min(data.timeouts, data.errors))
  addCount(round.errors, 'other', data.errors - Math.min(data.timeouts, data.errors))
  addCount(round.errors, 'http-4xx', data['4xx'])
  addCount(round.errors, 'http-5xx', data['5xx'])
  addCount(round.errors, 'check-failed', Math.min(data.mismatches ?? 0, data['2xx'] + (data['3xx'] ?? 0)))
  round.bytesReceived = data.throughput?.total ?? 0
  return round
}

function instant(value: string | number, text: string, file: string, key: string): string {
  const ms = typeof value === 'number' ? value : Date.parse(value)
  if (!Number.isFinite(ms)) {
    throw new ImportError(
      { file, ...locateKey(text, key) },
      `not an autocannon JSON result: '${key}' is not a time ('${value}')`,
      HOW_TO,
    )
  }
  return new Date(ms).toISOString()
}
