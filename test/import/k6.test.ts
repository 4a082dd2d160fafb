import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ImportError } from '../../src/import/errors.js'
import { importRun } from '../../src/import/index.js'
import { DEFAULT_K6_ROUNDS, importK6 } from '../../src/import/k6.js'
import { mergeHistograms } from '../../src/results/histogram.js'
import { escapeRegExp, fixture, tempFile, testContext, withinBucket } from './helpers.js'

const K6_FILE = fixture('k6-output.json')

/** The fixture's points, read independently of the importer: what k6 (format) says happened. */
function pointsOf(metric: string) {
  return readFileSync(K6_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.includes(`"metric":"${metric}","type":"Point"`))
    .map((line) => JSON.parse(line).data as { time: string; value: number; tags: Record<string, string> })
}

const exactPercentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!
}

describe('importK6 on a k6 JSON output', () => {
  it('groups http_req_duration points by METHOD and name tag, without the URL origin', async () => {
    const run = await importK6({ file: K6_FILE })

    expect([...run.endpoints.keys()]).toEqual(['GET /fast', 'GET /slow', 'GET teapot', 'GET /down'])
    expect(run.source).toBe('k6')
  })

  it.each([
    { endpoint: 'GET /fast', url: '/fast' },
    { endpoint: 'GET /slow', url: '/slow' },
    { endpoint: 'GET teapot', url: '/teapot' },
  ])('keeps every request of $endpoint with its latency (ms → µs) and status', async ({ endpoint, url }) => {
    // given the fixture's own points for that URL
    const points = pointsOf('http_req_duration').filter((p) => (p.tags.url ?? '').endsWith(url))
    const latenciesUs = points.map((p) => p.value * 1000)

    // when
    const run = await importK6({ file: K6_FILE })

    // then
    const rounds = run.endpoints.get(endpoint)!
    expect(rounds).toHaveLength(DEFAULT_K6_ROUNDS)
    expect(rounds.reduce((n, r) => n + r.requests, 0)).toBe(points.length)
    const pooled = mergeHistograms(rounds.map((r) => r.latency))
    for (const p of [50, 90, 100])
      expect(withinBucket(pooled.percentileUs(p), exactPercentile(latenciesUs, p))).toBe(true)
    const statuses = rounds.reduce<Record<string, number>>((all, r) => {
      for (const [status, n] of Object.entries(r.statusCounts)) all[status] = (all[status] ?? 0) + n
      return all
    }, {})
    expect(statuses).toEqual({ [points[0]!.tags.status!]: points.length })
  })

  it('makes N equal rounds from the first to the last request, each request in the round of its timestamp', async () => {
    const times = pointsOf('http_req_duration').map((p) => Date.parse(p.time))
    const spanMs = Math.max(...times) - Math.min(...times)

    const run = await importK6({ file: K6_FILE, rounds: 3 })

    expect(run.rounds).toHaveLength(3)
    expect(run.rounds.reduce((sum, r) => sum + r.durationMs, 0)).toBeCloseTo(spanMs, 6)
    expect(run.startedAt).toBe(new Date(Math.min(...times)).toISOString())
    const roundOf = (t: number) => Math.min(2, Math.floor(((t - Math.min(...times)) / spanMs) * 3))
    const expected = [0, 1, 2].map(
      (i) =>
        pointsOf('http_req_duration').filter(
          (p) => (p.tags.url ?? '').endsWith('/fast') && roundOf(Date.parse(p.time)) === i,
        ).length,
    )
    expect(run.endpoints.get('GET /fast')!.map((r) => r.requests)).toEqual(expected)
  })

  it('classes errors from status and error_code, failed checks tied by name tag, and warns about the others', async () => {
    const failedTaggedChecks = pointsOf('checks').filter((p) => p.value === 0 && p.tags.name !== undefined).length
    const failedUntaggedChecks = pointsOf('checks').filter((p) => p.value === 0 && p.tags.name === undefined).length

    const run = await importK6({ file: K6_FILE })

    const sum = (name: string, cls: string) =>
      run.endpoints.get(name)!.reduce((n, r) => n + ((r.errors as Record<string, number>)[cls] ?? 0), 0)
    expect(sum('GET teapot', 'http-4xx')).toBe(
      pointsOf('http_req_duration').filter((p) => p.tags.status === '418').length,
    )
    expect(sum('GET /down', 'connection-refused')).toBe(
      pointsOf('http_req_duration').filter((p) => p.tags.error_code === '1212').length,
    )
    expect(failedTaggedChecks).toBeGreaterThan(0)
    expect(sum('GET /slow', 'check-failed')).toBe(failedTaggedChecks)
    expect(run.warnings).toEqual([
      expect.stringMatching(new RegExp(`${failedUntaggedChecks} failed k6 checks could not be tied to an endpoint`)),
    ])
  })

  it('reads the gzip file k6 writes for --out json=FILE.gz the same way', async () => {
    const gz = await tempFile('k6.json.gz', gzipSync(readFileSync(K6_FILE)))

    const plain = await importK6({ file: K6_FILE })
    const zipped = await importK6({ file: gz })

    expect([...zipped.endpoints.keys()]).toEqual([...plain.endpoints.keys()])
    for (const [name, rounds] of plain.endpoints) {
      expect(zipped.endpoints.get(name)!.map((r) => [r.requests, r.latency.encode()])).toEqual(
        rounds.map((r) => [r.requests, r.latency.encode()]),
      )
    }
  })

  it('becomes a RunResult with the k6 source, actual latency and a fingerprint of tool, endpoints and rounds', async () => {
    const six = await importRun({ ...testContext, source: 'k6', files: [K6_FILE] })
    const again = await importRun({ ...testContext, source: 'k6', files: [K6_FILE] })
    const three = await importRun({ ...testContext, source: 'k6', files: [K6_FILE], rounds: 3 })

    expect(six.result).toMatchObject({ source: 'k6', gatedLatency: 'actual', model: 'closed', profileId: 'k6-import' })
    expect(six.result.profileFingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(again.result.profileFingerprint).toBe(six.result.profileFingerprint)
    expect(three.result.profileFingerprint).not.toBe(six.result.profileFingerprint)
  })
})

describe('importK6 on broken input', () => {
  const lines = readFileSync(K6_FILE, 'utf8').split('\n')

  it.each([
    {
      what: 'cut in the middle of a line',
      content: () => `${lines.slice(0, 40).join('\n')}\n${lines[40]!.slice(0, 50)}`,
      error: /^k6\.json:41: the file ends in the middle of line 41 \(truncated k6 output\); let k6 finish writing/,
    },
    {
      what: "with a line that has no 'type'",
      content: () => `${lines[0]}\n${lines[1]}\n{"metric":"vus","data":{"time":"2026-01-01T00:00:00Z","value":1}}\n`,
      error: /^k6\.json:3: not a k6 JSON output: line 3 has no 'type'; run k6 with --out json=FILE/,
    },
    {
      what: 'with a broken line in the middle',
      content: () => `${lines[0]}\n{"type":"Point",,}\n${lines[1]}\n`,
      error: /^k6\.json:2:17: not a k6 JSON output: line 2 is not JSON/,
    },
    {
      what: 'with a Point without a time',
      content: () => `${lines[0]}\n{"metric":"vus","type":"Point","data":{"value":1}}\n`,
      error: /^k6\.json:2: not a k6 JSON output: Point on line 2 has no RFC 3339 'data\.time'/,
    },
    {
      what: 'without any HTTP request',
      content: () => `${lines.slice(0, 4).join('\n')}\n`,
      error: /^k6\.json:4: no http_req_duration points in 4 lines/,
    },
    { what: 'empty', content: () => '', error: /^k6\.json:1: not a k6 JSON output: the file is empty/ },
    {
      what: 'an autocannon result',
      content: () => readFileSync(fixture('autocannon-slow-1.json'), 'utf8'),
      error:
        /^k6\.json:1: not a k6 JSON output: line 1 has no 'type'; this looks like autocannon output: use --source autocannon/,
    },
    {
      what: 'an Artillery report (pretty JSON)',
      content: () => readFileSync(fixture('artillery-report.json'), 'utf8'),
      error: /^k6\.json:1(:\d+)?: not a k6 JSON output: line 1 is not JSON/,
    },
  ])('rejects a file $what, naming the file and line', async ({ content, error }) => {
    const path = await tempFile('k6.json', content())

    const imported = importK6({ file: path })

    await expect(imported).rejects.toThrow(ImportError)
    await expect(importK6({ file: path })).rejects.toThrow(
      new RegExp(`^${escapeRegExp(path)}${error.source.replace(/^\^k6\\.json/, '')}`),
    )
  })

  it('rejects a truncated gzip file, naming the file and the line reached', async () => {
    const whole = gzipSync(readFileSync(K6_FILE))
    const path = await tempFile('k6.json.gz', whole.subarray(0, Math.floor(whole.length / 2)))

    await expect(importK6({ file: path })).rejects.toThrow(
      new RegExp(
        `^${escapeRegExp(path)}:\\d+: (the gzip data is broken after line \\d+|the file ends in the middle of line \\d+)`,
      ),
    )
  })
})
