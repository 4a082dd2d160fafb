import { describe, expect, it } from 'vitest'
import { parseProfile } from '../../src/config/load-profile.js'
import { ALL_REQUESTS, importArtillery, nativeName } from '../../src/import/artillery.js'
import { ImportError } from '../../src/import/errors.js'
import { importRun } from '../../src/import/index.js'
import { ddsketchRank } from '../../src/import/percentile-histogram.js'
import { fixture, fixtureText, testContext, valueAtRank, withinBucket } from './helpers.js'

const PLUGIN = 'plugins.metrics-by-endpoint'

/** The parts of an Artillery period the assertions read. */
interface ArtilleryPeriod {
  summaries: Record<string, Record<'count' | 'max' | 'p50' | 'p75' | 'p90' | 'p95' | 'p99' | 'p999', number>>
  counters: Record<string, number>
}

describe('importArtillery on a real Artillery 2 report', () => {
  it('makes one round per intermediate period and one endpoint per metrics-by-endpoint name', async () => {
    // given Artillery 2.0.21's report of /fast, /slow, /teapot over 25 s (see test/fixtures/import/README.md)
    const text = await fixtureText('artillery-report.json')
    const report = JSON.parse(text)

    // when
    const run = importArtillery(text, 'artillery-report.json')

    // then
    expect(run.source).toBe('artillery')
    expect(run.model).toBe('open')
    expect(run.rounds).toHaveLength(report.intermediate.length)
    expect([...run.endpoints.keys()].sort()).toEqual(['GET /fast', 'GET /slow', 'GET /teapot'])
    expect(run.startedAt).toBe(new Date(report.aggregate.firstMetricAt).toISOString())
    const totalMs = run.rounds.reduce((sum, r) => sum + r.durationMs, 0)
    expect(totalMs).toBe(report.aggregate.lastMetricAt - report.aggregate.firstMetricAt)
  })

  it.each(['/fast', '/slow', '/teapot'])(
    'keeps the counts and the reported percentiles of %s in every round',
    async (name) => {
      const text = await fixtureText('artillery-report.json')
      const report = JSON.parse(text)

      const run = importArtillery(text, 'artillery-report.json')

      const rounds = run.endpoints.get(`GET ${name}`)!
      report.intermediate.forEach((period: ArtilleryPeriod, i: number) => {
        const summary = period.summaries[`${PLUGIN}.response_time.${name}`]!
        const round = rounds[i]!
        expect(round.latency.count).toBe(summary.count)
        // Artillery's percentiles are DDSketch's: the value at rank ⌊q(n − 1)⌋ + 1
        for (const [key, percentile] of [
          ['p50', 50],
          ['p75', 75],
          ['p90', 90],
          ['p95', 95],
          ['p99', 99],
          ['p999', 99.9],
        ] as const) {
          const atRank = valueAtRank(round.latency, ddsketchRank(percentile, summary.count))
          // (a sketch's value above the exact max is capped at the max: no latency lies above it)
          const expectedUs = Math.min(summary[key], summary.max) * 1000
          expect(withinBucket(atRank, expectedUs), `${name} round ${i} ${key}`).toBe(true)
        }
        expect(withinBucket(round.latency.maxUs(), summary.max * 1000)).toBe(true)
        const codes = Object.entries(period.counters).filter(([key]) => key.startsWith(`${PLUGIN}.${name}.codes.`))
        expect(round.statusCounts).toEqual(Object.fromEntries(codes.map(([key, n]) => [key.split('.').at(-1), n])))
        expect(round.requests).toBe(summary.count)
      })
    },
  )

  it('names endpoints as a native run of the same requests does (the method Artillery does not record is GET), and says so', async () => {
    const native = parseProfile({
      text: 'target: http://127.0.0.1:1\nrate: 5\nduration: 1s\nrequests: [GET /fast, GET /slow, GET /teapot]',
      file: 'native.yml',
    })

    const run = importArtillery(await fixtureText('artillery-report.json'), 'artillery-report.json')

    const nativeNames = native.scenarios.flatMap((scenario) => scenario.steps.map((step) => step.name))
    expect([...run.endpoints.keys()].sort()).toEqual(nativeNames.sort())
    expect(run.warnings.join('\n')).toMatch(
      /Artillery records no HTTP method; 3 endpoint\(s\) named by path were imported as GET/,
    )
  })

  it.each([
    { plugin: '/slow', name: 'GET /slow' },
    { plugin: 'http://127.0.0.1:8080/users?id=1', name: 'GET /users?id=1' },
    { plugin: 'POST /orders', name: 'POST /orders' },
    { plugin: 'login', name: 'login' },
    { plugin: '(all requests)', name: '(all requests)' },
  ])('maps the plugin name $plugin to $name', ({ plugin, name }) => {
    expect(nativeName(plugin)).toBe(name)
  })

  it('counts 4xx responses as http-4xx errors', async () => {
    const run = importArtillery(await fixtureText('artillery-report.json'), 'artillery-report.json')

    for (const round of run.endpoints.get('GET /teapot')!) {
      expect(round.errors).toEqual({ 'http-4xx': round.statusCounts['418'] })
    }
    for (const round of run.endpoints.get('GET /fast')!) expect(round.errors).toEqual({})
  })

  it('falls back to one "(all requests)" endpoint without the plugin, and maps error codes to classes', async () => {
    // given the real report stripped of the plugin's metrics, plus two socket errors in the first period
    const report = JSON.parse(await fixtureText('artillery-report.json'))
    for (const period of [report.aggregate, ...report.intermediate]) {
      for (const key of Object.keys(period.summaries)) if (key.startsWith(PLUGIN)) delete period.summaries[key]
      for (const key of Object.keys(period.counters)) if (key.startsWith(PLUGIN)) delete period.counters[key]
    }
    report.intermediate[0].counters['errors.ETIMEDOUT'] = 1
    report.intermediate[0].counters['errors.ECONNREFUSED'] = 1
    report.intermediate[0].counters['errors.ESOCKETTIMEDOUT'] = 1

    // when
    const run = importArtillery(JSON.stringify(report), 'no-plugin.json')

    // then
    expect([...run.endpoints.keys()]).toEqual([ALL_REQUESTS])
    const first = run.endpoints.get(ALL_REQUESTS)![0]!
    const summary = report.intermediate[0].summaries['http.response_time']
    expect(first.latency.count).toBe(summary.count)
    expect(first.requests).toBe(summary.count + 3)
    expect(first.errors).toMatchObject({
      timeout: 2,
      'connection-refused': 1,
      'http-4xx': report.intermediate[0].counters['http.codes.418'],
    })
  })

  it('warns that histograms are rebuilt and that 3 rounds cannot show a regression', async () => {
    const { result, warnings } = await importRun({
      ...testContext,
      source: 'artillery',
      files: [fixture('artillery-report.json')],
    })

    expect(result.source).toBe('artillery')
    expect(result.gatedLatency).toBe('actual')
    expect(warnings.join('\n')).toMatch(/rebuilt from the percentiles it reports/)
    expect(warnings.join('\n')).toMatch(/only 3 round\(s\).*run Artillery for at least 50 s/)
  })
})

describe('importArtillery on broken input', () => {
  it.each([
    {
      what: 'truncated',
      cut: (t: string) => t.slice(0, 5000),
      error:
        /^x\.json:\d+:\d+: not an Artillery JSON report: the JSON ends early at line \d+ \(the file looks truncated\); run Artillery 2 with --output/,
    },
    {
      what: 'without intermediate',
      cut: (t: string) => JSON.stringify({ aggregate: JSON.parse(t).aggregate }),
      error: /^x\.json:1:1: not an Artillery JSON report: no 'intermediate'/,
    },
    {
      what: 'from Artillery 1',
      cut: () =>
        '{\n  "aggregate": {\n    "latency": { "median": 3 },\n    "codes": {}\n  },\n  "intermediate": []\n}\n',
      error: /^x\.json:3:5: an Artillery JSON report from Artillery 1\.x .*; Tailgate reads Artillery 2 reports/,
    },
  ])('rejects a report $what with the file, line and fix', async ({ cut, error }) => {
    const text = cut(await fixtureText('artillery-report.json'))

    expect(() => importArtillery(text, 'x.json')).toThrow(ImportError)
    expect(() => importArtillery(text, 'x.json')).toThrow(error)
  })

  it('names autocannon when given an autocannon result', async () => {
    expect(() =>
      importArtillery('{"url":"http://x/","latency":{"p50":1},"2xx":3,"statusCodeStats":{}}', 'a.json'),
    ).toThrow(
      /a\.json:1:1: not an Artillery JSON report: no 'aggregate'; this looks like autocannon output: use --source autocannon/,
    )
  })
})
