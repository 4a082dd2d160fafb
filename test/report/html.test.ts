import { describe, expect, it } from 'vitest'
import { escapeHtml, h } from '../../src/report/html/element.js'
import { REPORT_CSP, renderHtml } from '../../src/report/html/page.js'
import { gatedComparisons } from '../../src/report/outcome.js'
import { createHistogram } from '../../src/results/histogram.js'
import { decidedInput, HOSTILE_NAMES, hostileCase, manyEndpointsCase, syntheticReportRun } from './html-cases.js'

const chartCount = (html: string, kind: string): number => html.split(`data-chart="${kind}"`).length - 1
const comparisonCount = (input: ReturnType<typeof manyEndpointsCase>): number =>
  input.verdict.endpoints.reduce((n, e) => n + gatedComparisons(e).length, 0)

describe('escapeHtml', () => {
  it.each([
    { text: '<script>', escaped: '&lt;script&gt;' },
    { text: 'a & b', escaped: 'a &amp; b' },
    { text: `"double" 'single'`, escaped: '&quot;double&quot; &#39;single&#39;' },
    { text: 'line\nbreak\u001b[31m', escaped: 'line break [31m' },
    { text: 'rtl\u202Eevil', escaped: 'rtl evil' },
    { text: 'lone \uD800 surrogate', escaped: 'lone \uFFFD surrogate' },
    { text: '&lt;already&gt;', escaped: '&amp;lt;already&amp;gt;' },
  ])('escapes $text', ({ text, escaped }) => {
    expect(escapeHtml(text)).toBe(escaped)
  })

  it('escapes text children and attribute values of the builder, and refuses odd tag or attribute names', () => {
    expect(h('a', { title: '"><x>' }, '<b>').html).toBe('<a title="&quot;&gt;&lt;x&gt;">&lt;b&gt;</a>')
    expect(() => h('a onclick=x', null)).toThrow(/element name/)
    expect(() => h('a', { 'x onclick': '1' })).toThrow(/attribute name/)
  })
})

describe('renderHtml', () => {
  it('is one document with no script, no external reference and a CSP that forbids both', () => {
    const html = renderHtml(manyEndpointsCase(3, 6))

    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`)
    expect(REPORT_CSP).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i)
    // The only absolute URL: the workflow run link; every other href is an anchor in the page.
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1])
    expect(hrefs.filter((href) => !href?.startsWith('#'))).toEqual(['https://github.com/octo/app/actions/runs/42'])
  })

  it('draws per endpoint a distribution chart, a rounds chart per gated comparison and a trend; one timeline', () => {
    const input = manyEndpointsCase(10, 6)

    const html = renderHtml(input)

    expect(chartCount(html, 'timeline')).toBe(1)
    expect(chartCount(html, 'throughput')).toBe(1)
    expect(chartCount(html, 'distribution')).toBe(10)
    expect(chartCount(html, 'trend')).toBe(10)
    expect(chartCount(html, 'rounds')).toBe(comparisonCount(input))
    expect(comparisonCount(input)).toBeGreaterThanOrEqual(10)
  })

  it('draws p50, p95 and p99 per second of both runs, or p95 alone for results that only have it', () => {
    const input = manyEndpointsCase(2, 6, 0)
    const p95Only = (run: typeof input.candidate) => ({
      ...run,
      timeline: run.timeline.map(({ second, requests, errors, p95Us }) => ({ second, requests, errors, p95Us })),
    })
    const older = {
      ...input,
      candidate: p95Only(input.candidate),
      baseline: { ...input.baseline!, result: p95Only(input.baseline!.result) },
    }
    const timelineSeries = (html: string): string[] => {
      const svg = html.split('data-chart="timeline"')[1]!.split('</svg>')[0]!
      return [...svg.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1]!)
    }

    expect(timelineSeries(renderHtml(input))).toEqual([
      'p50 baseline',
      'p95 baseline',
      'p99 baseline',
      'p50 this PR',
      'p95 this PR',
      'p99 this PR',
    ])
    expect(timelineSeries(renderHtml(older))).toEqual(['p95 baseline', 'p95 this PR'])
  })

  it('puts the numbers of every chart in a table under it', () => {
    const html = renderHtml(manyEndpointsCase(4, 6))

    const figures = html.split('<figure').slice(1)
    expect(figures.length).toBeGreaterThan(0)
    for (const figure of figures) expect(figure.split('</figure>')[0]).toMatch(/<details class="numbers">.*<table[ >]/)
  })

  it('stays under 1 MB for 10 endpoints × 6 rounds with history', () => {
    expect(Buffer.byteLength(renderHtml(manyEndpointsCase(10, 6, 5)))).toBeLessThan(1024 * 1024)
  })

  it('shows every hostile endpoint name, profile id and baseline line as text, never as markup', () => {
    const html = renderHtml(hostileCase())

    // Every `<` of the data is escaped, so each tag in the page is ours: none is an img, script or bold, none has
    // an event-handler attribute, no link goes to the hostile URL.
    const tags = html.match(/<[^>]*>/g) ?? []
    expect(tags.filter((tag) => /^<(img|script|b|svg onload)\b/i.test(tag))).toEqual([])
    expect(tags.filter((tag) => /\son[a-z]+=/i.test(tag))).toEqual([])
    expect(tags.filter((tag) => tag.includes('evil.example'))).toEqual([])
    for (const name of HOSTILE_NAMES) expect(html).toContain(escapeHtml(name))
    expect(html).toContain('&lt;b&gt;profile&lt;/b&gt;')
  })

  it('links the workflow run only when it is an https URL', () => {
    const input = { ...manyEndpointsCase(1, 6), runUrl: 'javascript:alert(1)' }

    const html = renderHtml(input)

    expect(html).not.toContain('href="javascript')
    expect(html).toContain('workflow run javascript:alert(1)')
  })

  it('without a baseline: says why, draws one series per chart and no rounds or trend', () => {
    const candidate = syntheticReportRun({
      names: ['GET /a', 'GET /b'],
      rounds: 6,
      startedAt: '2026-11-23T12:00:00.000Z',
      sha: 'c'.repeat(40),
    })

    const html = renderHtml(decidedInput({ candidate, baseline: null }))

    expect(html).toContain('data-notice="no-baseline"')
    expect(html).toContain('No baseline: no baseline stored for main yet.')
    expect(chartCount(html, 'distribution')).toBe(2)
    expect(chartCount(html, 'rounds')).toBe(0)
    expect(chartCount(html, 'trend')).toBe(0)
    expect(html).not.toContain('series s-baseline')
  })

  it('marks an invalid run and says why, without calling it a regression', () => {
    const baseline = syntheticReportRun({
      names: ['GET /a'],
      rounds: 6,
      startedAt: '2026-11-20T12:00:00.000Z',
      sha: 'b'.repeat(40),
    })
    const run = syntheticReportRun({
      names: ['GET /a'],
      rounds: 6,
      startedAt: '2026-11-23T12:00:00.000Z',
      sha: 'c'.repeat(40),
    })
    const reason = 'the generator fell behind: 40 of 150 req/s'
    const candidate = { ...run, health: { ...run.health, invalidReasons: [reason] } }

    const html = renderHtml(decidedInput({ candidate, baseline }))

    expect(html).toContain('<h1 id="verdict" class="verdict v-invalid">⚠️ Tailgate: invalid run</h1>')
    expect(html).toContain(`⚠️ Invalid run: ${reason}.`)
  })

  it("draws each endpoint's latency over time: p50, p95 and p99 of both runs, its errors marked", () => {
    const input = manyEndpointsCase(3, 6, 0)

    const html = renderHtml(input)
    const first = html.split('data-chart="endpoint-timeline"')[1]!.split('</svg>')[0]!

    expect(chartCount(html, 'endpoint-timeline')).toBe(3)
    expect([...first.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'p50 baseline',
      'p95 baseline',
      'p99 baseline',
      'p50 this PR',
      'p95 this PR',
      'p99 this PR',
    ])
    // The first endpoint had errors in second 4 of both runs; the warm-up is shaded, the 6 round starts drawn.
    expect(first.match(/class="error-mark"/g)).toHaveLength(2)
    expect(first).toContain('class="band"')
    expect(first).toMatch(/round 1 of this PR starts;.*round 6 of this PR starts/)
  })

  it('draws a long run in windows of seconds (each window its worst second), fewer with more endpoints', () => {
    const input = manyEndpointsCase(50, 6, 0, 600)

    const html = renderHtml(input)
    const points = [...html.matchAll(/data-chart="endpoint-timeline"[\s\S]*?data-points="(\d+)"/g)].map((m) =>
      Number(m[1]),
    )

    expect(points).toHaveLength(50)
    expect(Math.max(...points)).toBeLessThanOrEqual(12)
    expect(html).toContain('per 50 s (the worst second of each)')
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024)
  })

  it('reads results without per-endpoint timelines (older files, imports): no such chart, the rest as before', () => {
    const input = manyEndpointsCase(2, 6, 0)
    const strip = (run: typeof input.candidate) => ({
      ...run,
      endpoints: run.endpoints.map(({ timeline: _, ...endpoint }) => endpoint),
    })

    const html = renderHtml({
      ...input,
      candidate: strip(input.candidate),
      baseline: { ...input.baseline!, result: strip(input.baseline!.result) },
    })

    expect(chartCount(html, 'endpoint-timeline')).toBe(0)
    expect(chartCount(html, 'distribution')).toBe(2)
  })

  it("shows the generator's lateness: a run-health row and p50/p99 per round of both runs, numbers in a table", () => {
    const input = manyEndpointsCase(2, 6, 0)
    const lateness = (us: number) =>
      Array.from({ length: 6 }, (_, round) => {
        const histogram = createHistogram()
        histogram.recordMany(us, 98)
        histogram.recordMany(us * (round + 2), 2)
        return histogram
      })
    const withLateness = {
      ...input,
      candidate: { ...input.candidate, generatorLateness: lateness(40) },
      baseline: { ...input.baseline!, result: { ...input.baseline!.result, generatorLateness: lateness(30) } },
    }

    const html = renderHtml(withLateness)
    const chart = html.split('data-chart="lateness"')[1]?.split('</svg>')[0] ?? ''

    expect(chartCount(html, 'lateness')).toBe(1)
    expect([...chart.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'p50 baseline',
      'p99 baseline',
      'p50 this PR',
      'p99 this PR',
    ])
    expect(html).toMatch(
      /<th>Generator lateness \(intended → actual send\)<\/th><td>p50 0\.03 ms, [^<]+<\/td><td>p50 0\.04 ms/,
    )
    expect(html).toContain('Generator lateness per round (ms): p50 / p99 / max')
    // Without it (closed model, imports, older files): the row says so and there is no chart.
    const without = renderHtml(input)
    expect(chartCount(without, 'lateness')).toBe(0)
    expect(without).toContain('not recorded (closed model, imported or older result)')
  })

  it('reads without a timeline: says there is none instead of an empty chart', () => {
    const run = syntheticReportRun({
      names: ['GET /a'],
      rounds: 6,
      startedAt: '2026-11-23T12:00:00.000Z',
      sha: 'c'.repeat(40),
    })

    const html = renderHtml(decidedInput({ candidate: { ...run, timeline: [] }, baseline: null }))

    expect(chartCount(html, 'timeline')).toBe(0)
    expect(html).toContain('No per-second timeline in these results')
  })
})
