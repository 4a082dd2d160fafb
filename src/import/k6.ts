// Imports k6's NDJSON output (`k6 run --out json=FILE`, gzip too) in two streaming passes: the first checks every
// line and finds the time span and the endpoints, the second fills per-endpoint, per-round histograms. Memory is
// bounded by endpoints × rounds, never by the number of points (k6 files can be hundreds of MB).
import { createReadStream } from 'node:fs'
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
import { K6_FIX, type K6Point, parseK6Line } from './k6-line.js'
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
// long-function: one streaming pass over k6's JSON lines whose per-metric branches share the round and VU state;
// split when the importer next changes (issue 15 moved folders and left the importers' logic alone).
export async function importK6(options: K6ImportOptions): Promise<ImportedRun> {
  const { file } = options
  const open = options.open ?? (() => createReadStream(file))
  const roundCount = options.rounds ?? DEFAULT_K6_ROUNDS
  if (!Number.isInteger(roundCount) || roundCount < 1) throw new RangeError(`rounds must be a positive integer`)
  const scan = await scanPass(open, file)
  const spanMs = Math.max(1, scan.lastMs - scan.firstMs)
  const roundMs = spanMs / roundCount
  const endpoints = new Map<string, MutableRound[]>()
  const checkFailures = new Map<string, number[]>()
  for (const name of scan.endpoints) {
    endpoints.set(name, Array.from({ length: roundCount }, emptyRound))
    checkFailures.set(
      name,
      Array.from({ length: roundCount }, () => 0),
    )
  }
  const byBareName = bareNameIndex(scan.endpoints)
  const lastEndpointOfVu = new Map<string, string>()
  let flaggedFailures = 0
  let errorsFromRequests = 0
  let unattributedCheckFailures = 0
  const roundOf = (timeMs: number) =>
    Math.min(roundCount - 1, Math.max(0, Math.floor((timeMs - scan.firstMs) / roundMs)))

  for await (const line of readLines(open, file)) {
    if (!line.text.includes('"Point"') || !RELEVANT.test(line.text)) continue
    const point = parseK6Line(line, file)
    if (point === null || point.type !== 'Point') continue
    if (point.metric === 'http_req_duration') {
      const name = requestName(point)
      const round = endpoints.get(name)![roundOf(point.timeMs)]!
      round.requests++
      round.latency.record(point.value * 1000)
      const status = point.tags.status ?? '0'
      if (isHttpStatus(status)) addCount(round.statusCounts, status)
      const errorClass = classifyK6(point.tags)
      if (errorClass) {
        addCount(round.errors, errorClass)
        errorsFromRequests++
      }
      const vu = point.metadata.vu ?? point.tags.vu
      if (vu !== undefined) lastEndpointOfVu.set(vu, name)
    } else if (point.metric === 'http_req_failed') {
      if (point.value > 0) flaggedFailures++
    } else if (point.metric === 'checks' && point.value === 0) {
      const vu = point.metadata.vu ?? point.tags.vu
      const name =
        (point.tags.name === undefined
          ? undefined
          : byBareName.get(endpointName(point.tags.method, point.tags.name))) ??
        (vu === undefined ? undefined : lastEndpointOfVu.get(vu)) ??
        (scan.endpoints.length === 1 ? scan.endpoints[0] : undefined)
      const counts = name === undefined ? undefined : checkFailures.get(name)
      if (counts) counts[roundOf(point.timeMs)]!++
      else unattributedCheckFailures++
    }
  }
  for (const [name, rounds] of endpoints) addCheckFailures(rounds, checkFailures.get(name)!)
  return {
    source: 'k6',
    startedAt: new Date(scan.firstMs).toISOString(),
    rounds: Array.from({ length: roundCount }, (_, index) => ({
      index,
      startMs: index * roundMs,
      durationMs: roundMs,
    })),
    endpoints,
    model: 'closed',
    warnings: warningsOf({ file, flaggedFailures, errorsFromRequests, unattributedCheckFailures, scan }),
  }
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

function requestName(point: K6Point): string {
  return endpointName(point.tags.method, point.tags.name ?? point.tags.url ?? '(unnamed)')
}

/** Request names without their method prefix → endpoint, for checks tagged with the request's name. */
function bareNameIndex(endpoints: readonly string[]): Map<string, string> {
  const index = new Map<string, string>()
  const ambiguous = new Set<string>()
  for (const name of endpoints) {
    const bare = name.replace(/^[A-Z]+ /, '')
    for (const key of new Set([name, bare])) {
      if (index.has(key) && index.get(key) !== name) ambiguous.add(key)
      else index.set(key, name)
    }
  }
  for (const key of ambiguous) index.delete(key)
  return index
}

/** k6 error codes by range (https://grafana.com/docs/k6/latest/javascript-api/error-codes/). */
function classifyK6(tags: Readonly<Record<string, string>>): ErrorClass | null {
  const status = Number(tags.status ?? '0')
  const failed =
    tags.expected_response !== undefined ? tags.expected_response === 'false' : !(status > 0 && status < 400)
  if (!failed) return null
  if (status >= 500) return 'http-5xx'
  if (status >= 400) return 'http-4xx'
  const code = Number(tags.error_code ?? '')
  if (code === 1050 || code === 1211) return 'timeout'
  if (code >= 1100 && code < 1200) return 'dns'
  if (code === 1212) return 'connection-refused'
  if (code === 1220 || code === 1201) return 'connection-reset'
  if (code >= 1300 && code < 1400) return 'tls'
  return 'other'
}

/** Adds failed checks as check-failed, keeping each round's errors at or below its requests. */
function addCheckFailures(rounds: MutableRound[], failures: readonly number[]): void {
  rounds.forEach((round, i) => {
    const errors = Object.values(round.errors).reduce((a, b) => a + (b ?? 0), 0)
    addCount(round.errors, 'check-failed', Math.min(failures[i] ?? 0, round.requests - errors))
  })
}

function warningsOf(input: {
  file: string
  flaggedFailures: number
  errorsFromRequests: number
  unattributedCheckFailures: number
  scan: Scan
}): string[] {
  const warnings: string[] = []
  if (input.scan.sawFailedMetric && input.flaggedFailures !== input.errorsFromRequests) {
    warnings.push(
      `${input.file}: http_req_failed counts ${input.flaggedFailures} failed requests but the requests' tags give ` +
        `${input.errorsFromRequests}; the errors follow the requests' tags (expected_response, status)`,
    )
  }
  if (input.unattributedCheckFailures > 0) {
    warnings.push(
      `${input.file}: ${input.unattributedCheckFailures} failed k6 checks could not be tied to an endpoint (k6 check ` +
        "points carry no request tags) and are not counted; tag checks with the request's name to count them",
    )
  }
  return warnings
}
