import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderJsonReport, serializeJsonReport } from '../../src/report/json.js'
import { REPORT_VERSION, ReportSchema, reportJsonSchema } from '../../src/report/json-schema.js'
import { budgetCheck, comparison, endpointVerdict, improvementOf, regressionOf, reportInput } from './builders.js'
import { validate } from './schema-validator.js'

const publishedSchema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'))

const mixed = () =>
  reportInput(
    [
      endpointVerdict('GET /users/{{id}}', regressionOf(4), {
        budgets: [budgetCheck('p95 < 25ms', 'p95', 25, 28), budgetCheck('error-rate < 1%', 'error-rate', 0.01, 0)],
        requestLevel: {
          pValueTwoSided: 0.001,
          shiftMs: 3.9,
          shiftIntervalMs: { lower: 3.5, upper: 4.2 },
          probabilityCandidateSlower: 0.81,
        },
      }),
      endpointVerdict('POST /login', improvementOf()),
      endpointVerdict('GET /flaky', { kind: 'inconclusive', reason: 'CI crosses the margin' }),
      endpointVerdict('GET /broken', { kind: 'invalid', reason: 'error rate 60 %' }),
    ],
    { verdictOverrides: { warnings: ['only 5 rounds per side'] } },
  )

describe('renderJsonReport', () => {
  it('is version 1 and carries the verdict, counts and warnings', () => {
    const report = renderJsonReport(mixed())

    expect(report.reportVersion).toBe(REPORT_VERSION)
    expect(report.verdict).toEqual({
      outcome: 'regression',
      failed: true,
      failing: ['regression'],
      headline: '1 regression(s), worst p95 +20.0 %',
      regressions: 1,
      budgetViolations: 1,
      sequential: null,
    })
    expect(report.warnings).toEqual(['only 5 rounds per side'])
  })

  it('keeps every per-endpoint figure: summaries, comparisons with rounds and p-values, budgets', () => {
    const report = renderJsonReport(mixed())

    expect(report.endpoints.map((e) => [e.name, e.outcome, e.reason])).toEqual([
      ['GET /users/{{id}}', 'regression', null],
      ['POST /login', 'improvement', null],
      ['GET /flaky', 'inconclusive', 'CI crosses the margin'],
      ['GET /broken', 'invalid', 'error rate 60 %'],
    ])
    const users = report.endpoints[0]!
    expect(users.comparisons[0]).toMatchObject({ metric: 'p95', shift: 4, pValue: 0.004, pValueAdjusted: 0.008 })
    expect(users.comparisons[0]!.candidateRounds).toEqual([24.1, 23.8, 24.4, 24, 23.9])
    expect(users.budgets).toEqual([
      { expression: 'p95 < 25ms', metric: 'p95', operator: '<', threshold: 25, actual: 28, passed: false },
      { expression: 'error-rate < 1%', metric: 'error-rate', operator: '<', threshold: 0.01, actual: 0, passed: true },
    ])
    expect(users.candidate).toEqual({
      requests: 1000,
      p50Ms: 14,
      p95Ms: 28,
      p99Ms: 42,
      errorRate: 0,
      ratePerSecond: 100,
    })
    expect(users.requestLevel?.shiftIntervalMs).toEqual({ lower: 3.5, upper: 4.2 })
  })

  it('names the baseline source with its age, and the environment of both runs', () => {
    const report = renderJsonReport(mixed())

    expect(report.baseline.found).toBe(true)
    expect(report.baseline.source).toMatchObject({ store: 'cache', commitsBehind: 3, exactSha: false })
    expect(report.baseline.source?.ageSeconds).toBe(3 * 86_400)
    expect(report.baseline.run?.environment.cpuModel).toBe('Test CPU')
    expect(report.candidate.environment.nodeVersion).toBe('v20.0.0')
    expect(report.baseline.lines).toEqual(['Baseline: cache key tailgate-v1-api-main-abc1234 (3 commits behind main)'])
  })

  it('says why there is no baseline', () => {
    const input = reportInput(
      [endpointVerdict('GET /a', { kind: 'no-baseline', reason: 'profile changed in this PR' })],
      {
        baseline: null,
      },
    )

    const report = renderJsonReport(input)

    expect(report.baseline).toMatchObject({
      found: false,
      source: null,
      run: null,
      missingReasons: ['profile changed in this PR'],
    })
  })

  it('writes non-finite numbers as null, never as invalid JSON', () => {
    const endpoint = endpointVerdict(
      'GET /a',
      {
        kind: 'inconclusive',
        reason: 'baseline median is 0',
      },
      { comparisons: [comparison({ relativeShift: Number.POSITIVE_INFINITY, pValue: Number.NaN })] },
    )

    const text = serializeJsonReport(reportInput([endpoint]))
    const comparisonBack = JSON.parse(text).endpoints[0].comparisons[0]

    expect(comparisonBack.relativeShift).toBeNull()
    expect(comparisonBack.pValue).toBeNull()
    expect(text.endsWith('}\n')).toBe(true)
  })
})

describe('the published report schema', () => {
  it('is the JSON Schema generated from ReportSchema (regenerate schema/report.schema.json if this fails)', () => {
    expect(publishedSchema).toEqual(reportJsonSchema())
    expect(publishedSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  })

  it.each([
    { what: 'a mixed report', input: mixed() },
    {
      what: 'a report without baseline',
      input: reportInput([endpointVerdict('GET /a', { kind: 'no-baseline', reason: 'none' })], {
        baseline: null,
        runUrl: null,
      }),
    },
    {
      what: 'an accepted report',
      input: reportInput([endpointVerdict('GET /a', regressionOf())], { accepted: { label: 'perf-ok', by: null } }),
    },
  ])('validates $what, read back from its JSON text', ({ input }) => {
    const parsed = JSON.parse(serializeJsonReport(input))

    expect(validate(publishedSchema, parsed)).toEqual([])
    expect(ReportSchema.safeParse(parsed).success).toBe(true)
  })

  it.each([
    {
      what: 'a missing required field',
      mutate: (r: Record<string, unknown>) => delete r.verdict,
      error: "missing required 'verdict'",
    },
    {
      what: 'a wrong version',
      mutate: (r: Record<string, unknown>) => (r.reportVersion = 2),
      error: '$.reportVersion: expected 1',
    },
    {
      what: 'a string where a number belongs',
      mutate: (r: { endpoints: { candidate: { p95Ms: unknown } }[] }) => (r.endpoints[0]!.candidate.p95Ms = '28'),
      error: '$.endpoints[0].candidate.p95Ms: expected number | null, got string',
    },
    {
      what: 'a nullable object of the wrong type',
      mutate: (r: Record<string, unknown>) => (r.accepted = 'yes'),
      error: '$.accepted: matches no anyOf branch',
    },
    {
      what: 'an unknown outcome',
      mutate: (r: { endpoints: { outcome: unknown }[] }) => (r.endpoints[0]!.outcome = 'slower'),
      error: '$.endpoints[0].outcome: "slower" is not one of',
    },
  ])('rejects $what', ({ mutate, error }) => {
    const parsed = JSON.parse(serializeJsonReport(mixed()))

    mutate(parsed)

    expect(validate(publishedSchema, parsed).join('\n')).toContain(error)
  })
})
