// The HTML report in a real browser: the system's headless Chromium opens each generated report from file:// and
// the test checks what a reader would get: no console error, no network request, every chart drawn with its
// series, the headline, the tables, and hostile endpoint names shown as text.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PROFILE_YAML, runDemo } from '../../src/cli/demo/demo.js'
import { localReport } from '../../src/cli/local-report.js'
import { main } from '../../src/cli/main.js'
import { runLiveAb } from '../../src/load/live-ab.js'
import { plainText } from '../../src/report/escape.js'
import { renderHtml } from '../../src/report/html/page.js'
import { gatedComparisons, OVERALL_LABELS } from '../../src/report/outcome.js'
import type { ReportInput } from '../../src/report/types.js'
import { serializeRunResult } from '../../src/results/codec.js'
import { shortProfile, startPair, TEST_ENVIRONMENT, TEST_GIT } from '../ab/helpers.js'
import { capacityRun } from '../capacity/builders.js'
import { type Browser, launchChromium, SKIP_BROWSER_TESTS } from '../helpers/browser.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { baselineSource } from '../report/builders.js'
import { decidedInput, HOSTILE_NAMES, hostileCase, manyEndpointsCase } from '../report/html-cases.js'
import { type PageProbe, type ProbeDocument, probePage } from './page-probe.js'

/**
 * Series per chart kind: baseline and this PR, or this PR alone; the timelines (whole run, and each endpoint's) have
 * p50, p95 and p99 of each; rounds: baseline, PR, shift CI.
 */
const SERIES = {
  withBaseline: {
    timeline: 6,
    'endpoint-timeline': 6,
    throughput: 2,
    lateness: 4,
    distribution: 2,
    rounds: 3,
    trend: 2,
    capacity: 2,
  },
  withoutBaseline: { timeline: 3, 'endpoint-timeline': 3, throughput: 1, lateness: 2, distribution: 1, capacity: 1 },
} as const

interface ReportCase {
  readonly name: string
  readonly file: string
  /** The verdict words of the headline (`regression`, `no baseline`, …). */
  readonly verdictWord: string
  readonly endpoints: readonly string[]
  /** Expected charts per kind; null: any number (each still drawn with its series). */
  readonly charts: Readonly<Record<string, number | null>>
  readonly series: Readonly<Record<string, number>>
  readonly notice?: string
}

const SHORT_DEMO = DEMO_PROFILE_YAML.replace('warmup: 2s', 'warmup: 1s').replace('duration: 16s', 'duration: 4.8s')

function expectedCharts(input: ReportInput): Record<string, number> {
  const withBaseline = input.baseline !== null
  const withTrend = withBaseline && input.baseline.history.length > 0
  const lateness = input.candidate.generatorLateness ?? input.baseline?.result.generatorLateness
  return {
    timeline: input.candidate.timeline.length > 0 ? 1 : 0,
    throughput: input.candidate.timeline.length > 0 ? 1 : 0,
    lateness: lateness === undefined ? 0 : 1,
    capacity: input.candidate.capacity === undefined ? 0 : 1,
    'endpoint-timeline': input.verdict.endpoints.length,
    distribution: input.verdict.endpoints.length,
    rounds: input.verdict.endpoints.reduce((n, e) => n + gatedComparisons(e).length, 0),
    trend: withTrend ? input.verdict.endpoints.length : 0,
  }
}

function caseOf(name: string, file: string, input: ReportInput, notice?: string): ReportCase {
  return {
    name,
    file,
    verdictWord: OVERALL_LABELS[input.verdict.outcome].word,
    endpoints: input.verdict.endpoints.map((e) => e.endpoint),
    charts: expectedCharts(input),
    series: input.baseline === null ? SERIES.withoutBaseline : SERIES.withBaseline,
    ...(notice ? { notice } : {}),
  }
}

/** Generates the seven reports: two from real load on loopback servers, five from files and synthetic runs. */
async function generateReports(dir: string): Promise<ReportCase[]> {
  const cases: ReportCase[] = []
  const write = async (file: string, input: ReportInput) => writeFile(join(dir, file), renderHtml(input))
  const cli = async (args: readonly string[]) => {
    const io = memoryIo()
    const code = await main(args, io)
    if (code !== 0) throw new Error(`tailgate ${args.join(' ')} exited ${code}: ${io.err()}`)
  }

  // 1. The demo (live A/B with a slowed endpoint): the report it writes beside the comment markdown.
  const demoIo = memoryIo()
  expect(await runDemo({ io: demoIo, outPath: join(dir, 'demo.md'), profileYaml: SHORT_DEMO })).toBe(0)
  const demoWord = /\*\*Tailgate: ([^*]+)\*\*/.exec(await readFile(join(dir, 'demo.md'), 'utf8'))?.[1] ?? '?'
  const demoEndpoints = ['GET /api/users/{{iteration}}', 'GET /api/search?q=shoes', 'POST /api/orders']
  cases.push({
    name: 'demo regression',
    file: 'demo.html',
    verdictWord: demoWord,
    endpoints: demoEndpoints,
    // Rounds charts: one per gated comparison, none when the busy machine made the run invalid.
    charts: {
      timeline: 1,
      throughput: 1,
      'endpoint-timeline': 3,
      // The demo is a closed model (VUs): no schedule, so no generator lateness.
      lateness: 0,
      distribution: 3,
      rounds: null,
      trend: 0,
      capacity: 0,
    },
    series: SERIES.withBaseline,
  })

  // 2. Live A/B of two identical servers, rounds interleaved.
  const pair = await startPair(71)
  const measured = await runLiveAb({
    profile: shortProfile(pair.candidate.url),
    baselineTarget: pair.baseline.url,
    candidateTarget: pair.candidate.url,
    environment: TEST_ENVIRONMENT,
    git: TEST_GIT,
  }).finally(() => pair.close())
  const liveAb = localReport({
    baseline: measured.baseline,
    candidate: measured.candidate,
    source: baselineSource({ store: 'live-ab', reference: 'two sample servers on 127.0.0.1' }),
    gate: shortProfile(new URL('http://127.0.0.1:1')).gate,
    budgets: {},
    baselineLines: ['Baseline: measured live, side by side.'],
    profileId: 'live-ab-test',
    mode: 'live-ab',
  })
  await write('live-ab.html', liveAb)
  cases.push(caseOf('live A/B', 'live-ab.html', liveAb))

  // 3. No baseline: `tailgate report` on the live A/B's candidate alone.
  const candidateFile = join(dir, 'candidate.json')
  await writeFile(candidateFile, serializeRunResult(measured.candidate))
  await cli(['report', candidateFile, '--out', join(dir, 'no-baseline.html')])
  const noBaseline = decidedInput({ candidate: measured.candidate, baseline: null })
  cases.push({ ...caseOf('no baseline', 'no-baseline.html', noBaseline), notice: 'No baseline' })

  // 4. An invalid run: the generator fell behind.
  const reason = 'the generator fell behind: achieved 40.0 of 150.0 requests/s intended'
  const invalid = decidedInput({
    candidate: { ...measured.candidate, health: { ...measured.candidate.health, invalidReasons: [reason] } },
    baseline: measured.baseline,
  })
  await write('invalid.html', invalid)
  cases.push(caseOf('invalid run', 'invalid.html', invalid, 'Invalid run'))

  // 5. 50 endpoints with a history of three earlier baselines, through `tailgate report --baseline --history`.
  const fifty = manyEndpointsCase(50, 6, 3)
  const files = { candidate: join(dir, 'fifty.json'), baseline: join(dir, 'fifty-base.json') }
  await writeFile(files.candidate, serializeRunResult(fifty.candidate))
  await writeFile(files.baseline, serializeRunResult(fifty.baseline!.result))
  const history = await Promise.all(
    fifty.baseline!.history.map(async (run, i) => {
      const file = join(dir, `fifty-history-${i}.json`)
      await writeFile(file, serializeRunResult(run))
      return ['--history', file]
    }),
  )
  await cli([
    'report',
    files.candidate,
    '--baseline',
    files.baseline,
    ...history.flat(),
    '--out',
    join(dir, 'fifty.html'),
  ])
  cases.push(caseOf('50 endpoints', 'fifty.html', { ...fifty, verdict: { ...fifty.verdict } }))

  // 6. Hostile endpoint names, profile id and baseline lines.
  const hostile = hostileCase()
  await write('hostile.html', hostile)
  cases.push(caseOf('hostile endpoint names', 'hostile.html', hostile))

  // 7. A capacity search against the baseline's: latency by arrival rate with the SLO line and both knees.
  const capacity = decidedInput({ candidate: capacityRun(300, 320), baseline: capacityRun(400, 420), budgets: {} })
  await write('capacity.html', capacity)
  cases.push(caseOf('capacity', 'capacity.html', capacity))
  return cases
}

interface Opened {
  readonly probe: PageProbe
  readonly consoleErrors: readonly string[]
  readonly requests: readonly string[]
}

describe.skipIf(SKIP_BROWSER_TESTS)('HTML report in headless Chromium', () => {
  let browser: Browser | null = null
  let launchError: Error | null = null
  let dir = ''
  let cases: ReportCase[] = []
  const opened = new Map<string, Opened>()

  beforeAll(async () => {
    // First: a missing Chromium fails every test at once (counted as failures), saying how to install it.
    try {
      browser = await launchChromium()
    } catch (error) {
      launchError = error as Error
      return
    }
    dir = await scratchDir('tailgate-html-')
    cases = await generateReports(dir)
    for (const reportCase of cases) {
      const page = await browser.context.newPage()
      const consoleErrors: string[] = []
      const requests: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text())
      })
      page.on('pageerror', (error) => consoleErrors.push(error.message))
      page.on('request', (request) => requests.push(request.url()))
      // Anything but the file itself is refused (and recorded by the listener above).
      await page.route(/^(?!file:|data:)/, (route) => route.abort())
      await page.goto(pathToFileURL(join(dir, reportCase.file)).href, { waitUntil: 'load' })
      opened.set(reportCase.name, { probe: await page.evaluate(probePage), consoleErrors, requests })
      await page.close()
    }
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
  })

  it("runs the system's Chromium, or says how to install it", () => {
    expect(launchError?.message ?? null).toBeNull()
    expect(opened.size).toBe(7)
  })

  const names = [
    'demo regression',
    'live A/B',
    'no baseline',
    'invalid run',
    '50 endpoints',
    'hostile endpoint names',
    'capacity',
  ]

  /** The page of one case; throws the launch error (how to install Chromium) when there is none. */
  const page = (name: string): Opened => {
    if (launchError !== null) throw launchError
    const found = opened.get(name)
    if (found === undefined) throw new Error(`no report was opened for ${name}`)
    return found
  }

  it.each(names)('%s: no console error and no request but the file itself', (name) => {
    const opened = page(name)
    const reportCase = cases.find((c) => c.name === name)!

    expect(opened.consoleErrors).toEqual([])
    expect(opened.requests).toEqual([pathToFileURL(join(dir, reportCase.file)).href])
  })

  it.each(names)('%s: the headline, the status and the summary table with one row per endpoint', (name) => {
    const { probe } = page(name)
    const reportCase = cases.find((c) => c.name === name)!

    expect(probe.verdict).toMatch(new RegExp(`Tailgate: ${reportCase.verdictWord}$`))
    expect(probe.title).toContain(`Tailgate: ${reportCase.verdictWord}`)
    expect(probe.headline.length).toBeGreaterThan(0)
    expect(probe.status).toMatch(/^The check (passes|fails on: .+)\.$/)
    expect(probe.summaryRows).toBe(reportCase.endpoints.length)
    expect(probe.endpointSections).toBe(reportCase.endpoints.length)
    if (reportCase.notice) expect(probe.notices.join(' ')).toContain(reportCase.notice)
  })

  it.each(names)('%s: every chart drawn with its series, and the numbers of each in a table', (name) => {
    const { probe } = page(name)
    const reportCase = cases.find((c) => c.name === name)!

    for (const [kind, count] of Object.entries(reportCase.charts)) {
      const drawn = probe.charts.filter((chart) => chart.kind === kind)
      if (count !== null) expect(drawn, kind).toHaveLength(count)
    }
    expect(probe.charts.length).toBeGreaterThan(0)
    for (const chart of probe.charts) {
      expect(chart.visible, chart.kind).toBe(true)
      expect(chart.series, chart.kind).toHaveLength(reportCase.series[chart.kind] ?? -1)
      expect(
        chart.series.filter((s) => !s.drawn),
        chart.kind,
      ).toEqual([])
    }
    expect(probe.figuresWithTable).toBe(probe.figures)
  })

  it('hostile endpoint names: shown as text, and nothing in the page runs or loads', () => {
    const { probe } = page('hostile endpoint names')

    expect(probe.endpointNames).toEqual(HOSTILE_NAMES.map((name) => plainText(name)))
    expect(probe.activeElements).toBe(0)
    expect(probe.eventHandlerAttributes).toBe(0)
    expect(probe.title).not.toContain('pwned')
  })

  it('50 endpoints: every endpoint has its section, latency over time, trend and distribution', () => {
    const { probe } = page('50 endpoints')

    expect(probe.endpointNames).toHaveLength(50)
    expect(probe.charts.filter((c) => c.kind === 'trend')).toHaveLength(50)
    expect(probe.charts.filter((c) => c.kind === 'endpoint-timeline')).toHaveLength(50)
  })

  it('is keyboard-reachable: Tab goes to the skip link, then through the contents and every chart', async () => {
    page('live A/B')
    const tab = await browser!.context.newPage()
    await tab.goto(pathToFileURL(join(dir, 'live-ab.html')).href)
    await tab.keyboard.press('Tab')
    expect(
      await tab.evaluate(
        () => (globalThis as unknown as { document: ProbeDocument }).document.activeElement?.className,
      ),
    ).toBe('skip')
    // Focusable: links of the contents and summary, every chart box (tabindex 0), every <summary>.
    const focusable = await tab.locator('a[href], [tabindex="0"], summary').count()
    const charts = await tab.locator('.chart-box[tabindex="0"]').count()
    expect(charts).toBe(await tab.locator('svg.chart').count())
    const reached = new Set<string>()
    for (let i = 0; i < focusable; i++) {
      await tab.keyboard.press('Tab')
      reached.add(
        await tab.evaluate(() => {
          const el = (globalThis as unknown as { document: ProbeDocument }).document.activeElement
          return `${el?.tagName}:${el?.querySelector?.('svg')?.id ?? el?.getAttribute?.('href') ?? el?.textContent}`
        }),
      )
    }
    expect([...reached].filter((key) => key.startsWith('DIV:c')).length).toBe(charts)
    await tab.close()
  })
})
