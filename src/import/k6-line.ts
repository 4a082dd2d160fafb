// One line of k6's JSON output (`k6 run --out json=FILE`), validated: a Metric declaration or a Point sample.
// Format: https://grafana.com/docs/k6/latest/results-output/real-time/json/
import { ImportError, lineAndColumnAt } from './errors.js'
import type { Line } from './lines.js'

/** The fix printed under every k6 format error. */
export const K6_FIX = 'run k6 with --out json=FILE and import that file'

/** A k6 sample: `{"metric":"http_req_duration","type":"Point","data":{"time":…,"value":…,"tags":{…}}}`. */
export interface K6Point {
  readonly type: 'Point'
  readonly metric: string
  /** Epoch ms of `data.time` (RFC 3339 with nanoseconds; sub-millisecond digits are dropped). */
  readonly timeMs: number
  /** `data.value`: ms for time metrics, 0/1 for rates, counts for counters. */
  readonly value: number
  readonly tags: Readonly<Record<string, string>>
  /** `data.metadata` (k6 ≥ 0.41: high-cardinality values such as vu and iter when enabled). */
  readonly metadata: Readonly<Record<string, string>>
}

/** A metric declaration line (k6 writes one before the first sample of each metric). */
export interface K6Metric {
  readonly type: 'Metric'
  readonly metric: string
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({})

/**
 * Parses and checks one line. Returns null for a blank line. Throws ImportError naming the file, the line (and
 * column for JSON syntax errors) and what k6 writes (`fix`): a line cut off at the end of the file is reported as
 * truncated.
 */
export function parseK6Line(line: Line, file: string, fix = K6_FIX): K6Point | K6Metric | null {
  if (line.text.trim() === '') return null
  const fail = (problem: string, column?: number, how = fix): never => {
    throw new ImportError({ file, line: line.number, ...(column === undefined ? {} : { column }) }, problem, how)
  }
  let json: unknown
  try {
    json = JSON.parse(line.text)
  } catch (error) {
    if (!line.terminated) {
      fail(
        `the file ends in the middle of line ${line.number} (truncated k6 output)`,
        undefined,
        'let k6 finish writing, or delete the partial last line',
      )
    }
    const position = /at position (\d+)/.exec((error as Error).message)
    const column = position ? lineAndColumnAt(line.text, Number(position[1])).column : undefined
    fail(`not a k6 JSON output: line ${line.number} is not JSON`, column)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail(`not a k6 JSON output: line ${line.number} is not a JSON object`)
  }
  const record = json as { type?: unknown; metric?: unknown; data?: unknown }
  if (record.type === undefined) fail(`not a k6 JSON output: line ${line.number} has no 'type'`)
  if (record.type !== 'Point' && record.type !== 'Metric') {
    fail(`not a k6 JSON output: line ${line.number} has type ${JSON.stringify(record.type)}, not "Metric" or "Point"`)
  }
  if (typeof record.metric !== 'string' || record.metric === '') {
    fail(`not a k6 JSON output: line ${line.number} has no 'metric' name`)
  }
  const metric = record.metric as string
  if (record.type === 'Metric') return { type: 'Metric', metric }
  const data = record.data as { time?: unknown; value?: unknown; tags?: unknown; metadata?: unknown } | undefined
  if (typeof data !== 'object' || data === null)
    fail(`not a k6 JSON output: Point on line ${line.number} has no 'data'`)
  const timeMs = typeof data!.time === 'string' ? Date.parse(data!.time) : Number.NaN
  if (!Number.isFinite(timeMs)) {
    fail(`not a k6 JSON output: Point on line ${line.number} has no RFC 3339 'data.time' (${String(data!.time)})`)
  }
  if (typeof data!.value !== 'number' || !Number.isFinite(data!.value)) {
    fail(`not a k6 JSON output: Point on line ${line.number} has no numeric 'data.value'`)
  }
  return {
    type: 'Point',
    metric,
    timeMs,
    value: data!.value as number,
    tags: stringRecord(data!.tags),
    metadata: stringRecord(data!.metadata),
  }
}

function stringRecord(value: unknown): Readonly<Record<string, string>> {
  if (typeof value !== 'object' || value === null) return EMPTY
  const out: Record<string, string> = Object.create(null)
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item
  return out
}
