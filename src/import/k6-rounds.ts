// Pass 2 of the k6 import: every request point recorded in its endpoint's round (latency, status, error class),
// failed checks tied to an endpoint where they can be, and the counts the import's warnings cross-check. Memory is
// bounded by endpoints × rounds, never by the number of points.
import type { ErrorClass } from '../results/types.js'
import { addCount, emptyRound, endpointName, isHttpStatus, type MutableRound } from './imported-run.js'
import type { K6Point } from './k6-line.js'

/** The rounds' time windows: `count` equal windows of `roundMs` from the first request (`firstMs`, epoch ms). */
export interface RoundWindows {
  readonly firstMs: number
  readonly roundMs: number
  readonly count: number
}

/** What pass 2 builds, point by point (see addK6Point). */
export interface K6Rounds {
  readonly windows: RoundWindows
  /** The endpoints (first-seen order) with their rounds. */
  readonly endpoints: Map<string, MutableRound[]>
  /** Failed checks per endpoint and round, added as check-failed by withCheckFailures. */
  readonly checkFailures: Map<string, number[]>
  /** Request names without their method → endpoint, for checks tagged with the request's name. */
  readonly byBareName: ReadonlyMap<string, string>
  /** The endpoint of each VU's last request, for checks that carry only the VU. */
  readonly lastEndpointOfVu: Map<string, string>
  /** The one endpoint, when there is only one (every failed check is its). */
  readonly onlyEndpoint: string | undefined
  /** `http_req_failed` points with value 1, and requests this import classed as errors: they should agree. */
  flaggedFailures: number
  errorsFromRequests: number
  /** Failed checks tied to no endpoint (reported in a warning, not counted). */
  unattributedCheckFailures: number
}

/** Empty rounds for the endpoints pass 1 found. */
export function emptyK6Rounds(names: readonly string[], windows: RoundWindows): K6Rounds {
  const perRound = <T>(make: () => T): T[] => Array.from({ length: windows.count }, make)
  return {
    windows,
    endpoints: new Map(names.map((name) => [name, perRound(emptyRound)])),
    checkFailures: new Map(names.map((name) => [name, perRound(() => 0)])),
    byBareName: bareNameIndex(names),
    lastEndpointOfVu: new Map(),
    onlyEndpoint: names.length === 1 ? names[0] : undefined,
    flaggedFailures: 0,
    errorsFromRequests: 0,
    unattributedCheckFailures: 0,
  }
}

/** Records one point: a request (`http_req_duration`), a failure flag (`http_req_failed`) or a failed check. */
export function addK6Point(rounds: K6Rounds, point: K6Point): void {
  if (point.metric === 'http_req_duration') addRequest(rounds, point)
  else if (point.metric === 'http_req_failed') {
    if (point.value > 0) rounds.flaggedFailures++
  } else if (point.metric === 'checks' && point.value === 0) addFailedCheck(rounds, point)
}

/** The endpoint of a request point: `METHOD name` (the `name` tag, else the URL without its origin). */
export function requestName(point: K6Point): string {
  return endpointName(point.tags.method, point.tags.name ?? point.tags.url ?? '(unnamed)')
}

/** The endpoints' rounds with the failed checks added as check-failed (never more errors than requests). */
export function withCheckFailures(rounds: K6Rounds): Map<string, MutableRound[]> {
  for (const [name, endpointRounds] of rounds.endpoints) {
    addCheckFailures(endpointRounds, rounds.checkFailures.get(name)!)
  }
  return rounds.endpoints
}

function roundOf(windows: RoundWindows, timeMs: number): number {
  return Math.min(windows.count - 1, Math.max(0, Math.floor((timeMs - windows.firstMs) / windows.roundMs)))
}

function addRequest(rounds: K6Rounds, point: K6Point): void {
  const name = requestName(point)
  const round = rounds.endpoints.get(name)![roundOf(rounds.windows, point.timeMs)]!
  round.requests++
  round.latency.record(point.value * 1000)
  const status = point.tags.status ?? '0'
  if (isHttpStatus(status)) addCount(round.statusCounts, status)
  const errorClass = classifyK6(point.tags)
  if (errorClass) {
    addCount(round.errors, errorClass)
    rounds.errorsFromRequests++
  }
  const vu = point.metadata.vu ?? point.tags.vu
  if (vu !== undefined) rounds.lastEndpointOfVu.set(vu, name)
}

/** A failed check counts on the endpoint named by its `name` tag, else its VU's last request, else the only one. */
function addFailedCheck(rounds: K6Rounds, point: K6Point): void {
  const vu = point.metadata.vu ?? point.tags.vu
  const name =
    (point.tags.name === undefined
      ? undefined
      : rounds.byBareName.get(endpointName(point.tags.method, point.tags.name))) ??
    (vu === undefined ? undefined : rounds.lastEndpointOfVu.get(vu)) ??
    rounds.onlyEndpoint
  const counts = name === undefined ? undefined : rounds.checkFailures.get(name)
  if (counts) counts[roundOf(rounds.windows, point.timeMs)]!++
  else rounds.unattributedCheckFailures++
}

/** Request names without their method prefix → endpoint; a bare name two endpoints share is left out. */
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
