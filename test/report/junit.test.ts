import { describe, expect, it } from 'vitest'
import { renderJunit } from '../../src/report/junit.js'
import { budgetCheck, comparison, endpointVerdict, improvementOf, reportInput } from './builders.js'
import { findAll, parseXml, type XmlElement } from './xml-parser.js'

const STATUS_ELEMENTS = ['failure', 'error', 'skipped']
const statusOf = (testcase: XmlElement): string =>
  testcase.children.find((child) => STATUS_ELEMENTS.includes(child.name))?.name ?? 'passed'

const worst = comparison({
  shift: 4,
  outcome: 'regression',
  explanation: 'p95 +4 ms (+20.0 %), p=0.004, 5 vs 5 rounds',
})

const mixed = () =>
  reportInput([
    endpointVerdict(
      'GET /slow',
      { kind: 'regression', worst },
      {
        comparisons: [comparison({ metric: 'p50', outcome: 'no-change' }), worst],
        budgets: [budgetCheck('p95 < 25ms', 'p95', 25, 28), budgetCheck('p99 < 100ms', 'p99', 100, 42)],
      },
    ),
    endpointVerdict('GET /fast', improvementOf()),
    endpointVerdict(
      'GET /unsure',
      { kind: 'inconclusive', reason: 'CI crosses the margin' },
      { comparisons: [comparison({ metric: 'p50', outcome: 'no-change' }), comparison({ outcome: 'inconclusive' })] },
    ),
    endpointVerdict('GET /new', { kind: 'no-baseline', reason: 'new endpoint' }),
    endpointVerdict(
      'GET /broken',
      { kind: 'invalid', reason: 'error rate 60 %' },
      { comparisons: [comparison({ metric: 'p50' }), comparison()] },
    ),
  ])

describe('renderJunit', () => {
  it('writes one test case per endpoint and gated metric plus one per budget, with matching counts', () => {
    const suites = parseXml(renderJunit(mixed()))

    const cases = findAll(suites, 'testcase')
    expect(cases.map((c) => `${c.attributes.classname} / ${c.attributes.name} / ${statusOf(c)}`)).toEqual([
      'api.GET /slow / p50 regression gate / passed',
      'api.GET /slow / p95 regression gate / failure',
      'api.GET /slow / budget p95 < 25ms / failure',
      'api.GET /slow / budget p99 < 100ms / passed',
      'api.GET /fast / p95 regression gate / passed',
      'api.GET /unsure / p50 regression gate / passed',
      'api.GET /unsure / p95 regression gate / skipped',
      'api.GET /new / regression gate / skipped',
      'api.GET /broken / p50 regression gate / error',
      'api.GET /broken / p95 regression gate / error',
    ])
    for (const element of [suites, findAll(suites, 'testsuite')[0]!]) {
      expect(element.attributes).toMatchObject({ tests: '10', failures: '2', errors: '2', skipped: '2' })
    }
  })

  it('fails a regressed endpoint on its worst comparison even when the verdict lists no comparisons', () => {
    const input = reportInput([endpointVerdict('GET /slow', { kind: 'regression', worst }, { comparisons: [] })])

    const cases = findAll(parseXml(renderJunit(input)), 'testcase')

    expect(cases.map((c) => [c.attributes.name, statusOf(c)])).toEqual([['p95 regression gate', 'failure']])
  })

  it('puts the explanation in failure messages and the reason in skipped and error messages', () => {
    const cases = findAll(parseXml(renderJunit(mixed())), 'testcase')

    const failure = cases[1]!.children[0]!
    expect(failure.attributes.type).toBe('regression')
    expect(failure.attributes.message).toBe('GET /slow p95 regressed: p95 +4 ms (+20.0 %), p=0.004, 5 vs 5 rounds')
    expect(cases[2]!.children[0]!.attributes.message).toBe('GET /slow: budget p95 < 25ms exceeded (p95 = 28.0 ms)')
    expect(cases[7]!.children[0]!.attributes.message).toBe('no baseline: new endpoint')
    expect(cases[8]!.children[0]!.attributes.message).toBe('GET /broken is invalid evidence: error rate 60 %')
  })

  it('turns failures into skipped cases naming the label when the run was accepted', () => {
    const input = { ...mixed(), accepted: { label: 'perf-ok', by: 'octocat' } }

    const suites = parseXml(renderJunit(input))

    expect(suites.attributes).toMatchObject({ failures: '0', skipped: '4' })
    const skipped = findAll(suites, 'skipped').map((s) => s.attributes.message!)
    expect(skipped[0]).toMatch(/^regression accepted with the label 'perf-ok' by @octocat: /)
  })

  it('gives sane times: zero per case, the run wall time on the suite', () => {
    const suites = parseXml(renderJunit(mixed()))

    for (const testcase of findAll(suites, 'testcase')) expect(testcase.attributes.time).toBe('0.000')
    expect(findAll(suites, 'testsuite')[0]!.attributes.time).toBe('5.000')
    expect(findAll(suites, 'testsuite')[0]!.attributes.timestamp).toBe('2026-11-23T12:00:00.000Z')
  })

  it('escapes hostile names and server texts into well-formed UTF-8 XML that reads back unchanged', () => {
    const name = 'GET /<x> & "q" \'a\' ]]> \u0000\u001b \uD800 😀\nline'
    const reason = '503 <html>Bad & broken</html>\r\n'
    const input = reportInput([endpointVerdict(name, { kind: 'invalid', reason })], { profileId: 'p<&>' })

    const xml = renderJunit(input)
    const suites = parseXml(xml)

    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml)
    const [testcase] = findAll(suites, 'testcase')
    expect(testcase!.attributes.classname).toBe('p<&>.GET /<x> & "q" \'a\' ]]> \uFFFD\uFFFD \uFFFD 😀\nline')
    expect(testcase!.children[0]!.attributes.message).toContain('503 <html>Bad & broken</html>\r\n')
  })
})

describe('the test XML parser', () => {
  it.each([
    { what: 'an unclosed element', xml: '<a><b></a>', error: /closes/ },
    { what: 'a bare ampersand', xml: '<a x="1 & 2"/>', error: /bare &/ },
    { what: 'an unescaped <', xml: '<a>1 < 2</a>', error: /unescaped </ },
    { what: 'a NUL character', xml: '<a>\u0000</a>', error: /not allowed/ },
  ])('rejects $what, so a passing parse means well-formed output', ({ xml, error }) => {
    expect(() => parseXml(xml)).toThrow(error)
  })
})
