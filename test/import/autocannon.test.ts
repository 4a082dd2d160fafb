import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AUTOCANNON_PERCENTILES, importAutocannon } from '../../src/import/autocannon.js'
import { ImportError } from '../../src/import/errors.js'
import { importRun } from '../../src/import/index.js'
import { escapeRegExp, fixture, fixtureText, tempFile, testContext, withinBucket } from './helpers.js'

describe('importAutocannon on real autocannon -j output', () => {
  it('makes one endpoint, one round, with the counts and percentiles autocannon reported', async () => {
    // given autocannon 9's JSON for GET /slow (see test/fixtures/import/README.md)
    const text = await fixtureText('autocannon-slow-1.json')
    const reported = JSON.parse(text)

    // when
    const run = importAutocannon(text, 'autocannon-slow-1.json')

    // then
    expect(run.source).toBe('autocannon')
    expect(run.startedAt).toBe(reported.start)
    expect(run.rounds).toEqual([{ index: 0, startMs: 0, durationMs: reported.duration * 1000 }])
    expect([...run.endpoints.keys()]).toEqual(['GET /slow'])
    const round = run.endpoints.get('GET /slow')![0]!
    expect(round.requests).toBe(reported.requests.total + reported.errors)
    expect(round.latency.count).toBe(reported.latency.totalCount)
    expect(round.statusCounts).toEqual({ 200: reported.statusCodeStats['200'].count })
    expect(round.errors).toEqual({})
    expect(round.bytesReceived).toBe(reported.throughput.total)
    for (const [key, percentile] of AUTOCANNON_PERCENTILES) {
      expect(withinBucket(round.latency.percentileUs(percentile), reported.latency[key] * 1000)).toBe(true)
    }
  })

  it('names the endpoint from --title and counts 4xx responses as http-4xx errors', async () => {
    const text = await fixtureText('autocannon-teapot.json')
    const reported = JSON.parse(text)

    const run = importAutocannon(text, 'autocannon-teapot.json')

    const round = run.endpoints.get('GET /teapot')![0]!
    expect(reported.title).toBe('GET /teapot')
    expect(round.statusCounts).toEqual({ 418: reported['4xx'] })
    expect(round.errors).toEqual({ 'http-4xx': reported['4xx'] })
  })

  it('turns several runs of one URL into rounds, and runs of other URLs into other endpoints', async () => {
    // given three runs of /slow and three of /fast (every endpoint needs the same number of runs)
    const files = ['slow-1', 'slow-2', 'slow-3'].map((n) => fixture(`autocannon-${n}.json`))
    const fast = fixture('autocannon-fast.json')

    // when
    const { result, warnings } = await importRun({
      ...testContext,
      source: 'autocannon',
      files: [...files, fast, fast, fast],
    })

    // then
    expect(result.rounds.map((r) => r.index)).toEqual([0, 1, 2])
    expect(result.endpoints.map((e) => e.name)).toEqual(['GET /slow', 'GET /fast'])
    const slowCounts = files.map((f) => JSON.parse(readFileSync(f, 'utf8')).latency.totalCount)
    expect(result.endpoints[0]!.rounds.map((r) => r.latency.count)).toEqual(slowCounts)
    expect(result.rounds[1]!.startMs).toBeGreaterThan(0)
    expect(warnings.join('\n')).toMatch(/rebuilt from the 15 percentiles/)
    expect(warnings.join('\n')).toMatch(
      /only 3 round\(s\): the gate compares rounds, and fewer than 4 per side can never show a regression/,
    )
  })

  it('warns that a single run is one round and cannot show a regression', async () => {
    const { warnings } = await importRun({
      ...testContext,
      source: 'autocannon',
      files: [fixture('autocannon-slow-1.json')],
    })

    expect(warnings.join('\n')).toMatch(
      /only 1 round\(s\).*budgets still apply; import several autocannon runs of the same URL/,
    )
  })

  it("warns when autocannon reported more latencies than responses (-R with -C): its p50 is not the responses'", async () => {
    // given the real run, as autocannon -R 100 -C writes it: 4,676 latencies (corrected) for 200 responses
    const json = JSON.parse(await fixtureText('autocannon-fast.json'))
    json.statusCodeStats = { 200: { count: 200 } }
    json['2xx'] = 200
    json.latency.totalCount = 4676

    const run = importAutocannon(JSON.stringify(json), 'rated.json')

    expect(run.warnings.join('\n')).toMatch(/rated\.json: 4676 latencies for 200 responses: .*p50 included/)
    expect(importAutocannon(await fixtureText('autocannon-fast.json'), 'plain.json').warnings).toEqual([])
  })

  it('refuses files whose endpoints would get different round counts', async () => {
    const files = [
      fixture('autocannon-slow-1.json'),
      fixture('autocannon-slow-2.json'),
      fixture('autocannon-fast.json'),
    ]

    await expect(importRun({ ...testContext, source: 'autocannon', files })).rejects.toThrow(
      /autocannon-fast\.json:1: endpoint 'GET \/fast' has 1 round\(s\) across the files but 'GET \/slow' has 2/,
    )
  })
})

describe('importAutocannon on broken input', () => {
  it.each([
    {
      what: 'cut in the middle',
      cut: (t: string) => t.slice(0, 400),
      error:
        /^x\.json:1:\d+: not an autocannon JSON result: the JSON ends early at line 1 \(the file looks truncated\); run autocannon with -j/,
    },
    {
      what: 'cut in the middle (pretty-printed)',
      cut: (t: string) => JSON.stringify(JSON.parse(t), null, 2).slice(0, 700),
      error: /^x\.json:\d+:\d+: not an autocannon JSON result: the JSON ends early at line \d+/,
    },
    { what: 'empty', cut: () => '', error: /^x\.json:1: not an autocannon JSON result: the file is empty/ },
    {
      what: 'autocannon table output instead of -j',
      cut: () => 'Running 2s test @ http://127.0.0.1:8080\n4 connections\n',
      error: /^x\.json:1:1: not an autocannon JSON result: invalid JSON at line 1, column 1/,
    },
    {
      what: 'missing latency',
      cut: (t: string) => JSON.stringify({ ...JSON.parse(t), latency: undefined }),
      error: /^x\.json:1:\d+: not an autocannon JSON result: no 'latency'/,
    },
    {
      what: 'a latency that is not a number',
      cut: (t: string) => t.replace('"p50":11', '"p50":"11"'),
      error: /^x\.json:1:\d+: not an autocannon JSON result: 'latency.p50' is invalid/,
    },
  ])('rejects a file $what with the file, line and fix', async ({ cut, error }) => {
    const text = cut(await fixtureText('autocannon-slow-1.json'))

    expect(() => importAutocannon(text, 'x.json')).toThrow(ImportError)
    expect(() => importAutocannon(text, 'x.json')).toThrow(error)
  })

  it.each([
    {
      what: 'a k6 output',
      file: 'k6-output.json',
      error: /line 2, column 1 .*; this looks like k6 output: use --source k6/,
    },
    {
      what: 'an Artillery report',
      file: 'artillery-report.json',
      error: /no 'start'; this looks like artillery output: use --source artillery/,
    },
  ])('names the right tool when given $what', async ({ file, error }) => {
    const text = await fixtureText(file)

    expect(() => importAutocannon(text, file)).toThrow(error)
  })

  it('names a truncated file passed through importRun by its path', async () => {
    const path = await tempFile('cut.json', (await fixtureText('autocannon-slow-1.json')).slice(0, 200))

    await expect(importRun({ ...testContext, source: 'autocannon', files: [path] })).rejects.toThrow(
      new RegExp(`^${escapeRegExp(path)}:1:\\d+: .*truncated`),
    )
  })
})
