import { describe, expect, it } from 'vitest'
import type { EndpointOutcome } from '../../src/gate/types.js'
import { commentMarker, withMarker } from '../../src/github/comments.js'
import { ZERO_WIDTH_JOINER as ZWJ } from '../../src/report/escape.js'
import { COMMENT_LIMIT_CHARS, renderMarkdown } from '../../src/report/markdown.js'
import {
  baselineSource,
  budgetCheck,
  comparison,
  endpointVerdict,
  improvementOf,
  regressionOf,
  reportInput,
  run,
} from './builders.js'

const tableRows = (body: string): string[] =>
  body
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Endpoint') && !line.startsWith('| ---'))
const mainTableRows = (body: string): string[] => tableRows(body.split('<details>')[0]!)
const mermaidBlocks = (body: string): string[] => body.match(/```mermaid\n[\s\S]*?\n```/g) ?? []

describe('renderMarkdown: headline', () => {
  it.each([
    { outcome: 'regression', start: '❌ **Tailgate: regression**' },
    { outcome: 'budget-violation', start: '❌ **Tailgate: budget exceeded**' },
    { outcome: 'invalid', start: '⚠️ **Tailgate: invalid run**' },
    { outcome: 'inconclusive', start: '❔ **Tailgate: inconclusive**' },
    { outcome: 'no-baseline', start: '➖ **Tailgate: no baseline**' },
    { outcome: 'improvement', start: '🚀 **Tailgate: improvement**' },
    { outcome: 'no-change', start: '✅ **Tailgate: no change**' },
  ] as const)('starts with the emoji and words of a $outcome verdict', ({ outcome, start }) => {
    const input = reportInput([endpointVerdict('GET /a', { kind: 'no-change' })], { verdictOverrides: { outcome } })

    const firstLine = renderMarkdown(input).split('\n')[0]!

    expect(firstLine.startsWith(start)).toBe(true)
  })

  it('gives the count of regressions and the escaped worst change on the first line', () => {
    const input = reportInput(
      [endpointVerdict('GET /a', regressionOf(4)), endpointVerdict('GET /b', regressionOf(2))],
      { verdictOverrides: { headline: 'worst: GET /a p95 +20 % <b>' } },
    )

    const firstLine = renderMarkdown(input).split('\n')[0]!

    expect(firstLine).toBe('❌ **Tailgate: regression** (api) · 2 regressions · worst: GET /a p95 +20 % &lt;b&gt;')
  })

  it("does not repeat the emoji and the count when the gate's headline carries them", () => {
    const input = reportInput([endpointVerdict('GET /a', regressionOf(4))], {
      verdictOverrides: { headline: '❌ 1 regression: GET /a p95 +20 %' },
    })

    const firstLine = renderMarkdown(input).split('\n')[0]!

    expect(firstLine).toBe('❌ **Tailgate: regression** (api) · 1 regression: GET /a p95 +20 %')
  })

  it('says the check fails, and on what, on the second paragraph', () => {
    const input = reportInput([endpointVerdict('GET /a', regressionOf())])

    expect(renderMarkdown(input).split('\n\n')[1]).toBe('The check fails on: regression.')
  })
})

describe('renderMarkdown: table and explanations', () => {
  const outcomes: { outcome: EndpointOutcome; verdict: string }[] = [
    { outcome: regressionOf(), verdict: '❌ regression' },
    { outcome: improvementOf(), verdict: '🚀 improvement' },
    { outcome: { kind: 'no-change' }, verdict: '✅ no change' },
    { outcome: { kind: 'inconclusive', reason: 'CI crosses the margin' }, verdict: '❔ inconclusive' },
    { outcome: { kind: 'no-baseline', reason: 'new endpoint' }, verdict: '➖ no baseline' },
    { outcome: { kind: 'invalid', reason: 'error rate 60 %' }, verdict: '⚠️ invalid' },
  ]

  it('writes one row per endpoint, with its verdict emoji and word', () => {
    const endpoints = outcomes.map(({ outcome }, i) => endpointVerdict(`GET /e${i}`, outcome))

    const rows = mainTableRows(renderMarkdown(reportInput(endpoints)))

    expect(rows).toHaveLength(outcomes.length)
    for (const [i, { verdict }] of outcomes.entries()) {
      expect(rows[i]!.startsWith(`| GET /e${i} |`)).toBe(true)
      expect(rows[i]!.split(' | ')[5]).toBe(verdict)
    }
  })

  it('shows baseline → candidate p50, p95, p99 and the change with its interval', () => {
    const endpoint = endpointVerdict('GET /a', regressionOf(4))

    const [row] = mainTableRows(renderMarkdown(reportInput([endpoint])))

    expect(row).toBe(
      '| GET /a | 10.0 → 14.0 | 20.0 → 28.0 | 30.0 → 42.0 | p95 +4.00 ms (+20.0 %), 95 % CI [+3.50, +4.50] ms | ' +
        '❌ regression | – |',
    )
  })

  it('marks failed budgets with their measured value, and counts passed ones', () => {
    const failing = endpointVerdict(
      'GET /a',
      { kind: 'no-change' },
      { budgets: [budgetCheck('p95 < 25ms', 'p95', 25, 28.2)] },
    )
    const passing = endpointVerdict(
      'GET /b',
      { kind: 'no-change' },
      {
        budgets: [budgetCheck('p95 < 300ms', 'p95', 300, 20), budgetCheck('error-rate < 1%', 'error-rate', 0.01, 0)],
      },
    )

    const rows = mainTableRows(renderMarkdown(reportInput([failing, passing])))

    expect(rows[0]!.endsWith('| ❌ p95 &lt; 25ms (28.2 ms) |')).toBe(true)
    expect(rows[1]!.endsWith('| ✅ 2/2 |')).toBe(true)
  })

  it('names at most three failed budgets in a cell and counts the rest', () => {
    const budgets = [25, 26, 27, 28, 29].map((ms) => budgetCheck(`p95 < ${ms}ms`, 'p95', ms, 40))

    const [row] = mainTableRows(
      renderMarkdown(reportInput([endpointVerdict('GET /a', { kind: 'no-change' }, { budgets })])),
    )

    expect(
      row!.endsWith(
        '| ❌ p95 &lt; 25ms (40.0 ms); ❌ p95 &lt; 26ms (40.0 ms); ❌ p95 &lt; 27ms (40.0 ms); and 2 more |',
      ),
    ).toBe(true)
  })

  it('explains every endpoint in one line: the comparisons, the reason, failed budgets', () => {
    const endpoints = [
      endpointVerdict('GET /a', regressionOf(4), { budgets: [budgetCheck('p99 < 30ms', 'p99', 30, 42)] }),
      endpointVerdict('GET /b', { kind: 'inconclusive', reason: 'CI crosses the margin' }),
    ]

    const body = renderMarkdown(reportInput(endpoints))

    expect(body).toContain(
      '- ❌ **GET /a**: p95 +4 ms (+20.0 %), p=0.004, 5 vs 5 rounds; budget p99 &lt; 30ms exceeded: 42.0 ms\n',
    )
    expect(body).toContain(
      '- ❔ **GET /b**: CI crosses the margin; p95 +0.2 ms, 95 % CI &#91;-0.3, 0.7&#93; ms, p=0.41, margin 1 ms, 5 vs 5 rounds',
    )
  })
})

describe('renderMarkdown: details', () => {
  it('lists rounds, raw and Holm p-values, margins, the gated latency and warm-up requests', () => {
    const worst = comparison({ shift: 4, outcome: 'regression', pValue: 0.0031, pValueAdjusted: 0.0093, margin: 1.25 })
    const input = reportInput([endpointVerdict('GET /a', { kind: 'regression', worst })])

    const details = renderMarkdown(input).split('<details>')[1]!

    expect(details).toContain(
      '| p95 | 20.1, 19.8, 20.4, 20.0, 19.9 | 24.1, 23.8, 24.4, 24.0, 23.9 | 20.0 ms → 24.0 ms | ' +
        '+4.00 ms, 95 % CI [+3.50, +4.50] ms | 1.25 ms | 0.0031 | 0.0093 | 0.90 ms | regression |',
    )
    expect(details).toContain('Latency gated: **intended**')
    expect(details).toContain('Rounds: 5 in this PR, 5 in the baseline')
    expect(details).toContain('warm-up requests excluded: 0 in this PR, 0 in the baseline')
    expect(details).toContain('</details>\n\n<sub>Tailgate')
  })

  it('names the baseline used: store, reference, SHA, branch, commits behind and age', () => {
    const body = renderMarkdown(reportInput([endpointVerdict('GET /a', { kind: 'no-change' })]))

    expect(body).toContain('- Store: cache; reference tailgate-v1-api-main-abc1234')
    expect(body).toContain(
      '- SHA abc1234def5678abc1234def5678abc1234def56 on branch main: 3 commits behind the base SHA',
    )
    expect(body).toContain('- Measured 2026-11-20T12:00:00.000Z (3 days before this run); workflow run 987654')
  })

  it('says when the baseline is the exact base SHA', () => {
    const input = reportInput([endpointVerdict('GET /a', { kind: 'no-change' })])
    const exact = { ...input, baseline: { ...input.baseline!, source: baselineSource({ exactSha: true }) } }

    expect(renderMarkdown(exact)).toContain('on branch main: the exact base SHA')
  })

  it('shows the environment of both runs', () => {
    const input = reportInput([endpointVerdict('GET /a', { kind: 'no-change' })])
    const candidate = {
      ...input.candidate,
      environment: { ...input.candidate.environment, cpuModel: 'AMD EPYC 7763', cores: 4 },
    }

    const body = renderMarkdown({ ...input, candidate })

    expect(body).toContain('| CPU | Test CPU | AMD EPYC 7763 |')
    expect(body).toContain('| Cores | 2 | 4 |')
    expect(body).toContain('| Node | v20.0.0 | v20.0.0 |')
    expect(body).toContain('| Tailgate | 0.1.0 | 0.1.0 |')
  })

  it('lists invalid reasons, warnings and the baseline step lines', () => {
    const input = reportInput([endpointVerdict('GET /a', { kind: 'invalid', reason: 'error rate 60 %' })], {
      verdictOverrides: { warnings: ['only 3 rounds per side'] },
    })
    const health = { ...input.candidate.health, invalidReasons: ['generator fell behind: 40 of 100 req/s'] }

    const body = renderMarkdown({ ...input, candidate: { ...input.candidate, health } })

    expect(body).toContain('⚠️ **Invalid run**: generator fell behind: 40 of 100 req/s.')
    expect(body).toContain('**Invalid run**\n- this PR: generator fell behind: 40 of 100 req/s')
    expect(body).toContain('- Reason: error rate 60 %')
    expect(body).toContain('**Warnings**\n- only 3 rounds per side')
    expect(body).toContain(
      '**Baseline step**\n- Baseline: cache key tailgate-v1-api-main-abc1234 (3 commits behind main)',
    )
  })
})

describe('renderMarkdown: no baseline', () => {
  it('says why there is no baseline, in the body and the details, and draws no chart', () => {
    const endpoints = [endpointVerdict('GET /a', { kind: 'no-baseline', reason: 'no baseline saved for main yet' })]
    const input = reportInput(endpoints, {
      baseline: null,
      baselineLines: ['cache miss for tailgate-v1-api-main'],
      verdictOverrides: { outcome: 'no-baseline' },
    })

    const body = renderMarkdown(input)

    expect(body).toContain('➖ **No baseline**: no baseline saved for main yet.')
    expect(body).toContain('**Baseline**\n- None: no baseline saved for main yet')
    expect(body).toContain('- cache miss for tailgate-v1-api-main')
    expect(mainTableRows(body)[0]).toBe('| GET /a | – → 10.0 | – → 20.0 | – → 30.0 | – | ➖ no baseline | – |')
    expect(mermaidBlocks(body)).toEqual([])
  })
})

describe('renderMarkdown: charts', () => {
  it('draws a percentile chart only for endpoints that regressed or improved', () => {
    const endpoints = [
      endpointVerdict('GET /slow', regressionOf()),
      endpointVerdict('GET /same', { kind: 'no-change' }),
      endpointVerdict('GET /fast', improvementOf()),
      endpointVerdict('GET /unsure', { kind: 'inconclusive', reason: 'wide CI' }),
    ]

    const blocks = mermaidBlocks(renderMarkdown(reportInput(endpoints)))

    expect(blocks).toHaveLength(2)
    expect(blocks[0]).toContain('title "GET /slow latency (bars: baseline, line: this PR)"')
    expect(blocks[1]).toContain('title "GET /fast latency (bars: baseline, line: this PR)"')
    for (const block of blocks) {
      expect(block).toContain('xychart-beta')
      expect(block).toContain('x-axis ["p50", "p90", "p95", "p99", "p99.9"]')
      expect(block).toMatch(/\n {2}bar \[[\d., ]+\]\n {2}line \[[\d., ]+\]\n```$/)
    }
  })

  it('draws at most ten percentile charts, regressions first, and says so', () => {
    const endpoints = [
      ...Array.from({ length: 3 }, (_, i) => endpointVerdict(`GET /fast${i}`, improvementOf())),
      ...Array.from({ length: 9 }, (_, i) => endpointVerdict(`GET /slow${i}`, regressionOf())),
    ]

    const body = renderMarkdown(reportInput(endpoints))

    const titles = mermaidBlocks(body).map((block) => /title "(\S+ \S+)/.exec(block)![1])
    expect(titles).toEqual([...Array.from({ length: 9 }, (_, i) => `GET /slow${i}`), 'GET /fast0'])
    expect(body).toContain('_Charts of the first 10 of 12 changed endpoints._')
  })

  it('plots the baseline and candidate percentiles from the runs (candidate 1.4× slower)', () => {
    const blocks = mermaidBlocks(renderMarkdown(reportInput([endpointVerdict('GET /slow', regressionOf())])))

    const bars = /bar \[([^\]]+)\]/.exec(blocks[0]!)![1]!.split(', ').map(Number)
    const line = /line \[([^\]]+)\]/.exec(blocks[0]!)![1]!.split(', ').map(Number)

    expect(bars).toHaveLength(5)
    for (const [i, value] of line.entries()) expect(value / bars[i]!).toBeCloseTo(1.4, 1)
  })

  it('adds a p95 trend per endpoint when the history holds at least two baselines', () => {
    const input = reportInput([endpointVerdict('GET /a', { kind: 'no-change' })])
    const older = (day: number, sha: string) =>
      run(['GET /a'], {
        overrides: { startedAt: `2026-11-1${day}T12:00:00.000Z`, git: { ...input.candidate.git, sha } },
      })
    const history = [older(8, 'b'.repeat(40)), older(6, 'c'.repeat(40))]

    const withTrend = renderMarkdown({ ...input, baseline: { ...input.baseline!, history } })
    const withoutTrend = renderMarkdown({ ...input, baseline: { ...input.baseline!, history: history.slice(0, 1) } })

    const blocks = mermaidBlocks(withTrend)
    expect(blocks).toHaveLength(1)
    expect(blocks[0]).toContain('title "GET /a p95 trend"')
    expect(blocks[0]).toContain('x-axis ["ccccccc", "bbbbbbb", "aaaaaaa", "this PR"]')
    expect(withTrend).toContain('<details><summary>p95 trend</summary>')
    expect(mermaidBlocks(withoutTrend)).toEqual([])
  })
})

describe('renderMarkdown: footer', () => {
  it('links the workflow run', () => {
    const body = renderMarkdown(reportInput([endpointVerdict('GET /a', { kind: 'no-change' })]))

    expect(body.endsWith('[workflow run](https://github.com/octo/app/actions/runs/42)</sub>')).toBe(true)
  })

  it.each([
    { what: 'a javascript: URL', runUrl: 'javascript:alert(1)' },
    { what: 'a URL that closes the link', runUrl: 'https://x.example/a)(b' },
  ])('does not link $what', ({ runUrl }) => {
    const body = renderMarkdown(reportInput([endpointVerdict('GET /a', { kind: 'no-change' })], { runUrl }))

    expect(body).not.toContain('[workflow run](')
  })

  it('says who accepted the regression with the label, without pinging them', () => {
    const input = reportInput([endpointVerdict('GET /a', regressionOf())], {
      accepted: { label: 'perf-accepted', by: 'octocat' },
      verdictOverrides: { failed: false, failing: [] },
    })

    expect(renderMarkdown(input)).toContain(
      `✋ Accepted with the label “perf-accepted”, applied by @${ZWJ}octocat: the check does not fail.`,
    )
  })
})

describe('renderMarkdown: hostile names and server texts', () => {
  const hostile = 'GET /<script>alert(1)</script> @org/team [x](http://x) `rm` |cell| \n# heading'
  const serverText = '502 <b>Bad Gateway</b> from @org/team see ![i](http://x/i.png) `oops` | x'

  function hostileInput() {
    const endpoints = [
      endpointVerdict(hostile, regressionOf(), { budgets: [budgetCheck(`p95 < 5ms ${hostile}`, 'p95', 5, 6)] }),
      endpointVerdict(`${hostile} 2`, { kind: 'invalid', reason: serverText }),
      endpointVerdict(`${hostile} 3`, { kind: 'inconclusive', reason: serverText }),
    ]
    const input = reportInput(endpoints, {
      profileId: hostile,
      baselineLines: [serverText],
      accepted: { label: hostile, by: '@org/team' },
      mode: serverText,
      verdictOverrides: { warnings: [serverText], headline: hostile },
    })
    const health = { ...input.candidate.health, invalidReasons: [serverText] }
    const candidate = { ...input.candidate, health, completion: { status: 'partial' as const, reason: serverText } }
    return { ...input, candidate }
  }

  it('renders endpoint names and server error texts with <script>, @org/team, ](http://x) and backticks inert', () => {
    const body = renderMarkdown(hostileInput())

    expect(body).not.toMatch(/<script|<b>|<\/b>/)
    expect(body).not.toMatch(/@org/)
    expect(body).toContain(`@${ZWJ}org/team`)
    expect(body.match(/\]\(/g)).toEqual(['](']) // the footer's own run link only
    expect(body).not.toContain('](http://x')
    expect(body).not.toMatch(/\n# heading/)
    const backtickLines = body.split('\n').filter((line) => line.includes('`'))
    expect(backtickLines.every((line) => line === '```mermaid' || line === '```')).toBe(true)
    for (const row of mainTableRows(body)) expect(row.split('|')).toHaveLength(9)
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('keeps hostile names out of the Mermaid chart syntax', () => {
    const [block] = mermaidBlocks(renderMarkdown(hostileInput()))

    const title = block!.split('\n').find((line) => line.trim().startsWith('title'))!
    expect(title).toMatch(/^ {2}title "[^"`<>]*"$/)
  })
})

describe('renderMarkdown: length cap', () => {
  const longRounds = Array.from({ length: 400 }, (_, i) => 20 + i / 100)
  const heavy = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      endpointVerdict(`GET /endpoint/${i}/${'x'.repeat(60)}`, regressionOf(), {
        comparisons: [comparison({ outcome: 'regression', baselineRounds: longRounds, candidateRounds: longRounds })],
      }),
    )

  it('cuts the details, never the headline or table, to fit the comment limit with the marker', () => {
    const input = reportInput(heavy(40))

    const body = renderMarkdown(input)
    const comment = withMarker(body, commentMarker(input.profileId))

    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS)
    expect(body.startsWith('❌ **Tailgate: regression**')).toBe(true)
    expect(mainTableRows(body)).toHaveLength(40)
    expect(body).toContain('Details truncated to fit GitHub’s 65,536-character comment limit')
    expect(body).toMatch(/<\/details>\n\n<sub>Tailgate/)
  })

  it('fits when the profile id, headline, label and invalid reasons are huge', () => {
    const huge = 'x'.repeat(100_000)
    const input = reportInput([endpointVerdict('GET /a', regressionOf())], {
      profileId: huge,
      accepted: { label: huge, by: huge },
      verdictOverrides: { headline: huge },
    })
    const health = { ...input.candidate.health, invalidReasons: [huge, huge] }

    const body = renderMarkdown({ ...input, candidate: { ...input.candidate, health } })

    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS)
    expect(mainTableRows(body)).toHaveLength(1)
  })

  it('keeps a short report whole', () => {
    const body = renderMarkdown(reportInput(heavy(1)))

    expect(body).not.toContain('Details truncated')
  })

  it('honours a smaller limit', () => {
    const body = renderMarkdown(reportInput(heavy(10)), { maxChars: 8000 })

    expect(body.length).toBeLessThanOrEqual(8000)
    expect(mainTableRows(body)).toHaveLength(10)
  })

  it('still fits when the table alone is too long, saying how many endpoints were left out', () => {
    const body = renderMarkdown(reportInput(heavy(600)))

    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS)
    expect(body).toMatch(/_\d+ more endpoints left out of the table to fit the comment limit; see the JSON report\._/)
    expect(mainTableRows(body).length).toBeGreaterThan(100)
  })
})
