// Imports k6's NDJSON output (`k6 run --out json=FILE`, gzip too) in two streaming passes: the first checks every
// line and finds the time span and the endpoints, the second fills per-endpoint, per-round histograms. Memory is
// bounded by endpoints × rounds, never by the number of points (k6 files can be hundreds of MB).
import { createReadStream } from 'node:fs'
import { ImportError } from './errors.js'
import type { ImportedRun } from './imported-run.js'
import { K6_FIX, parseK6Line } from './k6-line.js'
import { addK6Point, emptyK6Rounds, type K6Rounds, requestName, withCheckFailures } from './k6-rounds.js'
import { type OpenStream, readLines } from './lines.js'
import { wrongToolFix } from './sniff.js'

/** Rounds when none is asked for: equal time windows from the first to the last request. */
export const DEFAULT_K6_ROUNDS = 6
/** More distinct request names than this means unnamed dynamic URLs: refused with the fix. */
export const MAX_K6_ENDPOINTS = 1000

/** One k6 output file and how to cut it into rounds. */
export interface K6ImportOptions {
  readonly file: string
  /** Number of equal time windows (rounds); default 6. */
  readonly rounds?: number
  /** Opens the file's bytes (each pass opens it once); defaults to fs.createReadStream(file). */
  readonly open?: OpenStream
}

/**
 * One k6 JSON output as an ImportedRun. Every `http_req_duration` point is one request of endpoint
 * `METHOD name` (the `name` tag, which k6 sets to the URL unless the script names the request; a URL loses its
 * origin), recorded in the round its timestamp falls in: `rounds` equal windows from the first to the last
 * request. Statuses come from the `status` tag. A request is an error when k6 says it failed (its
 * `expected_response` tag is "false"; without that tag, status 0 or ≥ 400), classed by status or by k6's
 * `error_code` (1050 timeout, 11xx DNS, 1211 dial timeout, 1212 refused, 1220 reset, 13xx TLS). `http_req_failed`
 * points are counted as a cross-check (a warning when they disagree). Failed `checks` become check-failed on the
 * endpoint they can be tied to (a `name` tag on the check, the VU's last request when k6 writes the `vu`, or the
 * only endpoint); others are reported in a warning. Errors of a round never exceed its requests.
 */
export async function importK6(options: K6ImportOptions): Promise<ImportedRun> {
  const { file } = options
  const open = options.open ?? (() => createReadStream(file))
  const roundCount = options.rounds ?? DEFAULT_K6_ROUNDS
  if (!Number.isInteger(roundCount) || roundCount < 1) throw new RangeError(`rounds must be a positive integer`)
  const scan = await scanPass(open, file)
  const spanMs = Math.max(1, scan.lastMs - scan.firstMs)
  const windows = { firstMs: scan.firstMs, roundMs: spanMs / roundCount, count: roundCount }
  const rounds = await fillPass(open, file, emptyK6Rounds(scan.endpoints, windows))
  return {
    source: 'k6',
    startedAt: new Date(scan.firstMs).toISOString(),
    rounds: Array.from({ length: roundCount }, (_, index) => ({
      index,
      startMs: index * windows.roundMs,
      durationMs: windows.roundMs,
    })),
    endpoints: withCheckFailures(rounds),
    model: 'closed',
    warnings: warningsOf({ file, rounds, scan }),
  }
}

/** Pass 2: the relevant points (requests, failure flags, checks) into the endpoints' rounds (k6-rounds.ts). */
async function fillPass(open: OpenStream, file: string, rounds: K6Rounds): Promise<K6Rounds> {
  for await (const line of readLines(open, file)) {
    if (!line.text.includes('"Point"') || !RELEVANT.test(line.text)) continue
    const point = parseK6Line(line, file)
    if (point !== null && point.type === 'Point') addK6Point(rounds, point)
  }
  return rounds
}

const RELEVANT = /"(http_req_duration|http_req_failed|checks)"/

interface Scan {
  readonly firstMs: number
  readonly lastMs: number
  readonly endpoints: string[]
  readonly sawFailedMetric: boolean
}

/** Pass 1: every line is checked; returns the time span of the requests and the endpoints in first-seen order. */
async function scanPass(open: OpenStream, file: string): Promise<Scan> {
  let firstMs = Number.POSITIVE_INFINITY
  let lastMs = Number.NEGATIVE_INFINITY
  const endpoints = new Set<string>()
  let lastLine = 0
  let sawFailedMetric = false
  let fix: string | undefined
  for await (const line of readLines(open, file)) {
    lastLine = line.number
    fix ??= line.text.trim() === '' ? undefined : wrongToolFix(line.text, 'k6', K6_FIX)
    const record = parseK6Line(line, file, fix)
    if (record === null || record.type !== 'Point') continue
    if (record.metric === 'http_req_failed') sawFailedMetric = true
    if (record.metric !== 'http_req_duration') continue
    firstMs = Math.min(firstMs, record.timeMs)
    lastMs = Math.max(lastMs, record.timeMs)
    const name = requestName(record)
    if (!endpoints.has(name)) {
      if (endpoints.size >= MAX_K6_ENDPOINTS || name.length > 500) {
        throw new ImportError(
          { file, line: line.number },
          endpoints.size >= MAX_K6_ENDPOINTS
            ? `more than ${MAX_K6_ENDPOINTS} distinct request names by line ${line.number} (URLs with ids in them?)`
            : `the request name on line ${line.number} is longer than 500 characters`,
          "name the requests in the k6 script: http.get(url, { tags: { name: 'GET /users/{id}' } })",
        )
      }
      endpoints.add(name)
    }
  }
  if (endpoints.size === 0) {
    throw new ImportError(
      { file, line: Math.max(1, lastLine) },
      lastLine === 0
        ? 'not a k6 JSON output: the file is empty'
        : `no http_req_duration points in ${lastLine} lines (k6 writes one per HTTP request)`,
      K6_FIX,
    )
  }
  return { firstMs, lastMs, endpoints: [...endpoints], sawFailedMetric }
}

/** The cross-check of http_req_failed against the requests' own tags, and the failed checks tied to no endpoint. */
function warningsOf({ file, rounds, scan }: { file: string; rounds: K6Rounds; scan: Scan }): string[] {
  const warnings: string[] = []
  if (scan.sawFailedMetric && rounds.flaggedFailures !== rounds.errorsFromRequests) {
    warnings.push(
      `${file}: http_req_failed counts ${rounds.flaggedFailures} failed requests but the requests' tags give ` +
        `${rounds.errorsFromRequests}; the errors follow the requests' tags (expected_response, status)`,
    )
  }
  if (rounds.unattributedCheckFailures > 0) {
    warnings.push(
      `${file}: ${rounds.unattributedCheckFailures} failed k6 checks could not be tied to an endpoint (k6 check ` +
        "points carry no request tags) and are not counted; tag checks with the request's name to count them",
    )
  }
  return warnings
}
