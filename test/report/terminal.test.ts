import { describe, expect, it } from 'vitest'
import { renderTerminal } from '../../src/report/terminal.js'
import { createHistogram } from '../../src/results/histogram.js'
import { endpointVerdict, improvementOf, regressionOf, reportInput } from './builders.js'

const input = () =>
  reportInput(
    [
      endpointVerdict('GET /users/{{id}}', regressionOf(4)),
      endpointVerdict('POST /login', improvementOf(-3)),
      endpointVerdict('GET /new', { kind: 'no-baseline', reason: 'new endpoint' }),
    ],
    { verdictOverrides: { warnings: ['only 5 rounds per side'] } },
  )

const tableOf = (text: string): string[] => text.split('\n').slice(2, 7)

describe('renderTerminal', () => {
  it('starts with the overall verdict and the headline, which counts the regressions', () => {
    expect(renderTerminal(input()).split('\n')[0]).toBe(
      'Tailgate: regression (api): 1 regression(s), worst p95 +20.0 %',
    )
  })

  it("says the emoji and the count once when the gate's headline carries them", () => {
    const base = input()
    const report = { ...base, verdict: { ...base.verdict, headline: '❌ 1 regression: GET /a p95 +20 %' } }

    expect(renderTerminal(report).split('\n')[0]).toBe('Tailgate: regression (api): 1 regression: GET /a p95 +20 %')
  })

  it('adds the count of regressions when the headline is about something else (a budget)', () => {
    const budget = input()
    const report = {
      ...budget,
      verdict: { ...budget.verdict, outcome: 'budget-violation' as const, headline: '1 budget exceeded' },
    }

    expect(renderTerminal(report).split('\n')[0]).toBe(
      'Tailgate: budget exceeded (api), 1 regression: 1 budget exceeded',
    )
  })

  it('prints a header and one row per endpoint with n, percentiles, change, p-value and verdict', () => {
    const [header, rule, ...rows] = tableOf(renderTerminal(input()))

    expect(header!.split(/\s{2,}/)).toEqual([
      'Endpoint',
      'n',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'Change',
      'p (Holm)',
      'Verdict',
    ])
    expect(rule).toMatch(/^[- ]+$/)
    expect(rows.map((row) => row.split(/\s{2,}/))).toEqual([
      [
        'GET /users/{{id}}',
        '1000',
        '10.0 → 14.0',
        '20.0 → 28.0',
        '30.0 → 42.0',
        'p95 +4.00 ms (+20.0 %)',
        '0.0080',
        'regression',
      ],
      [
        'POST /login',
        '1000',
        '10.0 → 10.0',
        '20.0 → 20.0',
        '30.0 → 30.0',
        'p95 −3.00 ms (−15.0 %)',
        '0.8200',
        'improvement',
      ],
      ['GET /new', '1000', '10.0', '20.0', '30.0', '–', '–', 'no baseline'],
    ])
  })

  it('aligns every column: each starts at the same offset in every line', () => {
    const lines = tableOf(renderTerminal(input()))

    const verdictColumn = lines[0]!.indexOf('Verdict')
    const changeColumn = lines[0]!.indexOf('Change')
    for (const line of lines.slice(2)) {
      expect([...line.slice(verdictColumn - 2, verdictColumn)].join('')).toBe('  ')
      expect(line.slice(verdictColumn)).toMatch(/^(regression|improvement|no baseline)$/)
      expect(line.slice(changeColumn - 2, changeColumn)).toBe('  ')
    }
    expect(lines[1]!.length).toBe(lines[0]!.length + ('improvement'.length - 'Verdict'.length))
  })

  it('uses no ANSI colour unless told, and colours only the verdict when told', () => {
    const plain = renderTerminal(input())
    const coloured = renderTerminal(input(), { color: true })

    expect(plain).not.toContain('\u001b')
    expect(coloured).toContain('\u001b[31mregression\u001b[0m')
    expect(
      coloured
        .replaceAll('\u001b[31m', '')
        .replaceAll('\u001b[32m', '')
        .replaceAll('\u001b[90m', '')
        .replaceAll('\u001b[0m', ''),
    ).toBe(plain)
  })

  it('explains each endpoint and lists warnings below the table', () => {
    const text = renderTerminal(input())

    expect(text).toContain('\n  GET /users/{{id}}: p95 +4 ms (+20.0 %), p=0.004, 5 vs 5 rounds\n')
    expect(text).toContain('\n  GET /new: new endpoint\n')
    expect(text.endsWith('Warnings:\n  - only 5 rounds per side')).toBe(true)
  })

  it('strips terminal escapes and newlines from endpoint names', () => {
    const hostile = reportInput([endpointVerdict('GET /a\u001b[2J\nfake row', { kind: 'no-change' })])

    const text = renderTerminal(hostile)

    expect(text).not.toContain('\u001b')
    expect(tableOf(text)[2]!.startsWith('GET /a [2J fake row')).toBe(true)
  })

  it('says why there is no baseline', () => {
    const none = reportInput([endpointVerdict('GET /a', { kind: 'no-baseline', reason: 'cache miss' })], {
      baseline: null,
      baselineLines: ['no baseline saved for main yet'],
    })

    expect(renderTerminal(none)).toContain('\nNo baseline: no baseline saved for main yet')
  })

  it("says the candidate's generator lateness when the run recorded it, and nothing when it did not", () => {
    const late = createHistogram()
    late.recordMany(50, 100)
    const report = input()

    const text = renderTerminal({ ...report, candidate: { ...report.candidate, generatorLateness: [late] } })

    expect(text).toContain("\nCandidate's generator lateness p50 0.05 ms, p99 0.05 ms, max 0.05 ms (")
    expect(renderTerminal(report)).not.toContain('generator lateness')
  })
})
