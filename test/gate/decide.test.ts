// The gate end to end on synthetic runs: outcomes per endpoint, the overall verdict, failing, warnings, headline.
import { describe, expect, it } from 'vitest'
import { type Budgets, DEFAULT_GATE, type GateSettings, parseBudget } from '../../src/config/gate-schema.js'
import { decide } from '../../src/gate/decide.js'
import { RESOLVABLE_MARGIN_MULTIPLE } from '../../src/gate/resolution.js'
import type { BaselineDesign, EndpointVerdict, GateInput, Verdict } from '../../src/gate/types.js'
import type { RunResult } from '../../src/results/types.js'
import { buildRun, type EndpointSpec, roundsAround } from './builders.js'

const BASE_CENTRES = [100, 101, 99, 100.5, 99.5, 100.2]
const QUIET_CENTRES = [100.3, 99.7, 100.8, 99.2, 100.1, 100.4]
/** Rounds too noisy (±30 %) for 6 v 6 to resolve a 5 % margin. */
const NOISY_BASE = [100, 130, 70, 125, 75, 100]
const NOISY_CANDIDATE = [104, 135, 72, 128, 78, 103]
const scaled = (factor: number): number[] => BASE_CENTRES.map((centre) => centre * factor)

function spec(name: string, centres: readonly number[], errorsPerRound?: readonly number[]): EndpointSpec {
  return { name, roundsMs: roundsAround(centres), ...(errorsPerRound ? { errorsPerRound } : {}) }
}

function budgets(record: Record<string, string[]>): Budgets {
  const out: Record<string, ReturnType<typeof parseBudget>[]> = {}
  for (const [key, expressions] of Object.entries(record)) out[key] = expressions.map(parseBudget)
  return out as Budgets
}

/**
 * Decides a synthetic comparison. `design` defaults to `live-ab` (baseline measured in the same job), so these tests
 * pin the round-against-round rule; the stored-baseline rule across jobs has its own describe block below.
 */
function run(input: {
  baseline?: RunResult | string
  candidate: RunResult
  gate?: Partial<GateSettings>
  budgets?: Budgets
  accepted?: GateInput['accepted']
  design?: BaselineDesign
  history?: readonly RunResult[]
}): Verdict {
  return decide({
    candidate: input.candidate,
    baseline:
      typeof input.baseline === 'string' || input.baseline === undefined
        ? { kind: 'missing', reason: input.baseline ?? 'no baseline saved yet' }
        : {
            kind: 'found',
            result: input.baseline,
            design: input.design ?? 'live-ab',
            ...(input.history ? { history: input.history } : {}),
          },
    gate: { ...DEFAULT_GATE, ...input.gate },
    budgets: input.budgets ?? {},
    accepted: input.accepted ?? null,
  })
}

const endpointNamed = (verdict: Verdict, name: string): EndpointVerdict => {
  const found = verdict.endpoints.find((endpoint) => endpoint.endpoint === name)
  if (!found) throw new Error(`no endpoint ${name}`)
  return found
}

describe('regression rule per endpoint', () => {
  it.each([
    { what: 'a 30 % slowdown', factor: 1.3, endpoint: 'regression', overall: 'regression', failed: true },
    { what: 'a 30 % speed-up', factor: 0.7, endpoint: 'improvement', overall: 'improvement', failed: false },
    {
      what: 'a 2 % change inside the 5 % margin',
      factor: 1.02,
      endpoint: 'no-change',
      overall: 'no-change',
      failed: false,
    },
  ])('calls $what a(n) $endpoint', ({ factor, endpoint, overall, failed }) => {
    const baseline = buildRun([spec('GET /search', BASE_CENTRES)])
    const candidate = buildRun([spec('GET /search', scaled(factor))])

    const verdict = run({ baseline, candidate })

    expect(endpointNamed(verdict, 'GET /search').outcome.kind).toBe(endpoint)
    expect(verdict.outcome).toBe(overall)
    expect(verdict.failed).toBe(failed)
  })

  it('explains a regression in one line: change, interval, p raw and Holm, margin, rounds per side', () => {
    const verdict = run({
      baseline: buildRun([spec('GET /search', BASE_CENTRES)]),
      candidate: buildRun([spec('GET /search', scaled(1.3))]),
    })

    const search = endpointNamed(verdict, 'GET /search')
    const p95 = search.comparisons.find((c) => c.metric === 'p95')

    expect(search.comparisons.map((c) => c.metric)).toEqual(['p50', 'p95'])
    expect(p95?.outcome).toBe('regression')
    expect(p95?.explanation).toMatch(
      /^p95 \+\d+\.\d ms \(\+30\.\d %\), 95\.9 % CI \+\d+\.\d ms to \+\d+\.\d ms; p = 0\.0011 \(Holm 0\.0022\) for "worse by more than the \d+\.\d+ ms margin"; 6 v 6 rounds → regression$/,
    )
    expect(p95?.explanation).not.toContain('\n')
    expect(p95?.pValue).toBeCloseTo(1 / 924, 12)
    expect(p95?.pValueAdjusted).toBeCloseTo(2 / 924, 12)
    expect(verdict.headline).toMatch(
      /^❌ 1 regression: GET \/search p(50|95) \+30\.\d % \(95\.9 % CI \+\d+\.\d % to \+\d+\.\d %\)$/,
    )
  })

  it('reports the margin as max(relative × baseline median, absolute ms)', () => {
    const fast = [2, 2.02, 1.98, 2.01, 1.99, 2]
    const verdict = run({
      baseline: buildRun([spec('GET /health', fast), spec('GET /search', BASE_CENTRES)]),
      candidate: buildRun([
        spec(
          'GET /health',
          fast.map((v) => v * 1.25),
        ),
        spec('GET /search', QUIET_CENTRES),
      ]),
    })

    const health = endpointNamed(verdict, 'GET /health')
    const search = endpointNamed(verdict, 'GET /search')

    expect(health.comparisons[0]?.margin).toBe(1)
    expect(health.outcome.kind).toBe('no-change')
    expect(search.comparisons[0]?.margin).toBeCloseTo(0.05 * (search.comparisons[0]?.baselineMedian ?? 0), 12)
  })

  it('stays inconclusive when the rounds are too noisy to resolve the margin, and says what they resolve and the fix', () => {
    const verdict = run({
      baseline: buildRun([spec('GET /search', NOISY_BASE)]),
      candidate: buildRun([spec('GET /search', NOISY_CANDIDATE)]),
    })

    const search = endpointNamed(verdict, 'GET /search')

    expect(search.outcome.kind).toBe('inconclusive')
    expect(search.outcome.kind === 'inconclusive' ? search.outcome.reason : '').toMatch(
      /^p50: could not resolve the \d+\.\d+ ms margin: only a worsening of \d+\.\d ms \(\+\d+\.\d %\) or more would be caught \(in 80 % of runs, 6 v 6 rounds\); run about \d+ rounds/,
    )
    expect(search.comparisons.every((c) => (c.detectableShift ?? 0) > RESOLVABLE_MARGIN_MULTIPLE * c.margin)).toBe(true)
    expect(verdict.failed).toBe(false)
  })

  it('calls a noisy but resolving comparison a pass, with the resolution in the headline', () => {
    const verdict = run({
      baseline: buildRun([spec('GET /search', [100, 115, 85, 110, 90, 100])]),
      candidate: buildRun([spec('GET /search', [105, 120, 88, 112, 95, 104])]),
    })

    const search = endpointNamed(verdict, 'GET /search')

    expect(search.outcome.kind).toBe('pass')
    expect(verdict.outcome).toBe('pass')
    for (const c of search.comparisons) {
      expect(c.outcome).toBe('pass')
      expect(c.detectableShift).toBeGreaterThan(c.margin)
      expect(c.detectableShift).toBeLessThanOrEqual(RESOLVABLE_MARGIN_MULTIPLE * c.margin)
    }
    expect(verdict.headline).toMatch(
      /^✅ No regression in 1 endpoint: a slowdown of \+\d+\.\d % or more \(GET \/search p(50|95)\) would have been caught$/,
    )
  })

  it('calls a precise comparison whose change sits near the margin a pass (no evidence beyond it), not no-change', () => {
    // quiet rounds (±0.1 ms) and a shift of +1.0 ms against the 1 ms margin: the interval straddles the margin
    const base = [50.0, 50.1, 49.9, 50.05, 49.95, 50.0]
    const verdict = run({
      baseline: buildRun([spec('GET /search', base)]),
      candidate: buildRun([
        spec(
          'GET /search',
          base.map((v) => v + 1.0),
        ),
      ]),
      gate: { metrics: ['p50'], marginRelative: 0 },
    })

    const search = endpointNamed(verdict, 'GET /search')

    expect(search.outcome.kind).toBe('pass')
    expect(search.comparisons.every((c) => (c.detectableShift ?? Number.POSITIVE_INFINITY) < 2 * c.margin)).toBe(true)
    expect(search.comparisons[0]?.explanation).toMatch(/^p50 \+(0\.9\d|1\.0\d) ms .*6 v 6 rounds → no regression$/)
  })

  it('treats rounds that are all equal on both sides as no change (degenerate: no evidence), never a regression', () => {
    const same = [100, 100, 100, 100, 100, 100]
    const verdict = run({
      baseline: buildRun([{ name: 'GET /static', roundsMs: same.map(() => [100, 100, 100]) }]),
      candidate: buildRun([{ name: 'GET /static', roundsMs: same.map(() => [100, 100, 100]) }]),
      gate: { metrics: ['p50', 'error-rate'] },
    })

    const endpoint = endpointNamed(verdict, 'GET /static')

    expect(endpoint.outcome.kind).toBe('no-change')
    expect(endpoint.comparisons.map((c) => [c.metric, c.shiftInterval, c.outcome])).toEqual([
      ['p50', null, 'no-change'],
      ['error-rate', null, 'no-change'],
    ])
  })

  it('gates throughput with lower as worse', () => {
    const baseline = buildRun([spec('GET /search', BASE_CENTRES)])
    const slowerRounds = { name: 'GET /search', roundsMs: roundsAround(BASE_CENTRES, 35) }
    const candidate = buildRun([slowerRounds])

    const verdict = run({ baseline, candidate, gate: { metrics: ['throughput'] } })

    const throughput = endpointNamed(verdict, 'GET /search').comparisons[0]
    expect(throughput?.unit).toBe('rps')
    expect(throughput?.shift).toBeCloseTo(-15, 9)
    expect(throughput?.outcome).toBe('regression')
    expect(throughput?.explanation).toContain('"lower by more than the 2.5 req/s margin"')
  })

  it('gates the error rate with a floor of half a percentage point', () => {
    const baseline = buildRun([spec('POST /pay', BASE_CENTRES, [0, 0, 0, 0, 0, 0])])
    const failing = buildRun([spec('POST /pay', BASE_CENTRES, [6, 5, 7, 6, 5, 6])])
    const barely = buildRun([spec('POST /pay', BASE_CENTRES, [0, 0, 0, 0, 0, 0])])

    const worse = run({ baseline, candidate: failing, gate: { metrics: ['error-rate'] } })
    const same = run({ baseline, candidate: barely, gate: { metrics: ['error-rate'] } })

    expect(worse.endpoints[0]?.comparisons[0]).toMatchObject({ unit: 'fraction', margin: 0.005, outcome: 'regression' })
    expect(same.endpoints[0]?.outcome.kind).toBe('no-change')
  })

  it('reports request-level context (pooled Mann-Whitney and Hodges-Lehmann) without gating on it', () => {
    const verdict = run({
      baseline: buildRun([spec('GET /search', BASE_CENTRES)]),
      candidate: buildRun([spec('GET /search', scaled(1.3))]),
    })

    const context = endpointNamed(verdict, 'GET /search').requestLevel

    expect(context?.pValueTwoSided).toBeLessThan(1e-10)
    expect(context?.shiftMs).toBeGreaterThan(25)
    expect(context?.shiftMs).toBeLessThan(35)
    expect(context?.shiftIntervalMs?.lower).toBeLessThanOrEqual(context?.shiftMs ?? 0)
    expect(context?.probabilityCandidateSlower).toBeGreaterThan(0.9)
  })
})

describe('Holm over every gated comparison of the run', () => {
  it('adjusts across endpoints and metrics, so one slow endpoint among many still needs p < alpha/m', () => {
    const names = Array.from({ length: 5 }, (_, i) => `GET /e${i}`)
    const baseline = buildRun(names.map((name) => spec(name, BASE_CENTRES)))
    const candidate = buildRun(names.map((name, i) => spec(name, i === 0 ? scaled(1.3) : QUIET_CENTRES)))

    const verdict = run({ baseline, candidate })

    const comparisons = verdict.endpoints.flatMap((e) => e.comparisons)
    expect(comparisons).toHaveLength(10)
    for (const c of comparisons) expect(c.pValueAdjusted).toBeGreaterThanOrEqual(c.pValue)
    const slow = endpointNamed(verdict, 'GET /e0').comparisons
    expect(slow[0]?.pValueAdjusted).toBeCloseTo(10 / 924, 12)
    expect(endpointNamed(verdict, 'GET /e0').outcome.kind).toBe('regression')
    expect(verdict.endpoints.filter((e) => e.outcome.kind === 'regression')).toHaveLength(1)
  })

  it('warns that the gate can never fail when min exact p exceeds alpha/m, and how many rounds are needed', () => {
    const three = BASE_CENTRES.slice(0, 3)
    const verdict = run({
      baseline: buildRun([spec('GET /a', three), spec('GET /b', three)]),
      candidate: buildRun([
        spec(
          'GET /a',
          three.map((v) => v * 1.5),
        ),
        spec('GET /b', three),
      ]),
    })

    expect(verdict.warnings).toContainEqual(
      'With 3 baseline and 3 candidate rounds the smallest possible p-value is 0.0500, not below alpha/comparisons = ' +
        '0.05/4 = 0.0125: the gate can never report a regression. Use at least 5 rounds per side.',
    )
    expect(verdict.endpoints.some((e) => e.outcome.kind === 'regression')).toBe(false)
  })
})

describe('missing, changed and invalid baselines', () => {
  it('reports no-baseline with the reason and still evaluates budgets', () => {
    const candidate = buildRun([spec('GET /search', BASE_CENTRES)])

    const verdict = run({ baseline: 'cache miss for main', candidate, budgets: budgets({ '*': ['p95 < 50ms'] }) })

    expect(verdict.endpoints[0]?.outcome).toEqual({ kind: 'no-baseline', reason: 'cache miss for main' })
    expect(verdict.endpoints[0]?.budgets[0]?.passed).toBe(false)
    expect(verdict.outcome).toBe('budget-violation')
    expect(verdict.failing).toEqual(['budget'])
    expect(verdict.headline).toMatch(/^❌ 1 budget exceeded: GET \/search p95 \d+\.\d ms \(budget p95 < 50ms\)$/)
  })

  it('never fails on no-baseline alone by default', () => {
    const verdict = run({ candidate: buildRun([spec('GET /search', BASE_CENTRES)]) })

    expect(verdict.outcome).toBe('no-baseline')
    expect(verdict.failed).toBe(false)
    expect(verdict.headline).toBe('➖ No baseline: no baseline saved yet')
  })

  it('says "profile changed in this PR" when the fingerprints differ', () => {
    const baseline = buildRun([spec('GET /search', BASE_CENTRES)], { profileFingerprint: 'fp-old' })

    const verdict = run({ baseline, candidate: buildRun([spec('GET /search', scaled(1.3))]) })

    expect(verdict.endpoints[0]?.outcome).toEqual({ kind: 'no-baseline', reason: 'profile changed in this PR' })
    expect(verdict.failed).toBe(false)
  })

  it('reports endpoints on one side only as no-baseline with a reason', () => {
    const baseline = buildRun([spec('GET /search', BASE_CENTRES), spec('GET /old', BASE_CENTRES)])
    const candidate = buildRun([spec('GET /search', QUIET_CENTRES), spec('GET /new', BASE_CENTRES)])

    const verdict = run({ baseline, candidate })

    expect(endpointNamed(verdict, 'GET /new').outcome).toEqual({
      kind: 'no-baseline',
      reason: 'new endpoint: not in the baseline',
    })
    expect(endpointNamed(verdict, 'GET /old').outcome.kind).toBe('no-baseline')
    expect(endpointNamed(verdict, 'GET /old').candidate.requests).toBe(0)
    expect(endpointNamed(verdict, 'GET /search').outcome.kind).toBe('no-change')
    expect(verdict.headline).toBe('➖ No baseline for 2 endpoints: new endpoint: not in the baseline')
  })

  it.each([
    {
      what: 'the candidate run is invalid',
      candidateOverrides: {
        health: {
          intendedRatePerSecond: 100,
          achievedRatePerSecond: 40,
          maxEventLoopLagMs: 900,
          invalidReasons: ['the generator fell behind (40 of 100 req/s)'],
        },
      },
      baselineOverrides: {},
      reason: 'run invalid: the generator fell behind (40 of 100 req/s)',
    },
    {
      what: 'the baseline run is invalid',
      candidateOverrides: {},
      baselineOverrides: {
        health: {
          intendedRatePerSecond: 100,
          achievedRatePerSecond: 40,
          maxEventLoopLagMs: 900,
          invalidReasons: ['event loop lag 900 ms'],
        },
      },
      reason: 'baseline run invalid: event loop lag 900 ms',
    },
  ])(
    'calls every endpoint invalid, never a regression, when $what',
    ({ candidateOverrides, baselineOverrides, reason }) => {
      const baseline = buildRun([spec('GET /search', BASE_CENTRES)], baselineOverrides)
      const candidate = buildRun([spec('GET /search', scaled(1.5))], candidateOverrides)

      const verdict = run({ baseline, candidate })

      expect(verdict.endpoints[0]?.outcome).toEqual({ kind: 'invalid', reason })
      expect(verdict.outcome).toBe('invalid')
      expect(verdict.failing).toEqual(['invalid'])
      expect(verdict.headline).toBe(`⚠️ Invalid run: GET /search: ${reason}`)
    },
  )

  it('calls an endpoint with more errors than max-error-rate invalid', () => {
    const baseline = buildRun([spec('GET /search', BASE_CENTRES)])
    const candidate = buildRun([spec('GET /search', scaled(2), [60, 60, 60, 60, 60, 60])])

    const verdict = run({ baseline, candidate })

    expect(verdict.endpoints[0]?.outcome).toEqual({
      kind: 'invalid',
      reason: '54.5 % of requests failed (max-error-rate is 50.0 %)',
    })
  })

  it('compares a baseline from another machine, with a warning', () => {
    const baseline = buildRun([spec('GET /search', BASE_CENTRES)], {
      environment: { ...buildRun([]).environment, cpuModel: 'Other CPU', cores: 2 },
    })

    const verdict = run({ baseline, candidate: buildRun([spec('GET /search', QUIET_CENTRES)]) })

    expect(verdict.outcome).toBe('no-change')
    expect(verdict.warnings[0]).toMatch(
      /^The baseline ran on Other CPU \(2 cores\), this run on Test CPU @ 2\.0GHz \(4 cores\)/,
    )
  })
})

describe('budgets', () => {
  it.each([
    { expression: 'p95 < 300ms', passed: true },
    { expression: 'p95 < 100ms', passed: false },
    { expression: 'p99 < 1s', passed: true },
    { expression: 'error-rate < 1%', passed: false },
    { expression: 'rps >= 50', passed: true },
    { expression: 'rps >= 60', passed: false },
    { expression: 'max <= 112ms', passed: true },
    { expression: 'mean < 95ms', passed: false },
  ])('evaluates "$expression" on the pooled rounds (passed: $passed)', ({ expression, passed }) => {
    // 6 rounds of 50 + 1 error = 51 requests in 1 s each: error rate 1.96 %, 51 req/s, p95 ≈ 109 ms.
    const candidate = buildRun([spec('GET /search', BASE_CENTRES, [1, 1, 1, 1, 1, 1])])

    const verdict = run({ candidate, budgets: budgets({ 'GET /search': [expression] }) })

    expect(verdict.endpoints[0]?.budgets).toEqual([expect.objectContaining({ passed })])
  })

  it('applies `*` budgets to every endpoint and warns about budgets for endpoints that were not measured', () => {
    const candidate = buildRun([spec('GET /a', BASE_CENTRES), spec('GET /b', BASE_CENTRES)])

    const verdict = run({ candidate, budgets: budgets({ '*': ['p95 < 300ms'], 'GET /typo': ['p95 < 1ms'] }) })

    expect(verdict.endpoints.map((e) => e.budgets.length)).toEqual([1, 1])
    expect(verdict.warnings).toContain('Budgets name endpoints this run did not measure: GET /typo.')
  })
})

describe('fail-on and accepted changes', () => {
  const slow = {
    baseline: buildRun([spec('GET /search', BASE_CENTRES)]),
    candidate: buildRun([spec('GET /search', scaled(1.3))]),
  }

  it.each([
    { failOn: ['regression', 'budget', 'invalid'] as const, failing: ['regression'], failed: true },
    { failOn: ['budget', 'invalid'] as const, failing: [], failed: false },
    { failOn: ['regression', 'inconclusive'] as const, failing: ['regression'], failed: true },
  ])('fails only on the configured outcomes ($failOn)', ({ failOn, failing, failed }) => {
    const verdict = run({ ...slow, gate: { failOn: [...failOn] } })

    expect(verdict.outcome).toBe('regression')
    expect(verdict.failing).toEqual(failing)
    expect(verdict.failed).toBe(failed)
  })

  it('turns failures into a warning naming the label and who applied it when the change was accepted', () => {
    const verdict = run({ ...slow, accepted: { label: 'perf-accepted', by: 'octocat' } })

    expect(verdict.failed).toBe(false)
    expect(verdict.failing).toEqual(['regression'])
    expect(verdict.warnings).toContain(
      "Accepted by the 'perf-accepted' label (applied by @octocat): regression would have failed the step.",
    )
    expect(verdict.headline).toMatch(/\(accepted by label 'perf-accepted'\)$/)
  })

  it('fails on inconclusive when asked to', () => {
    const verdict = run({
      baseline: buildRun([spec('GET /search', NOISY_BASE)]),
      candidate: buildRun([spec('GET /search', NOISY_CANDIDATE)]),
      gate: { failOn: ['inconclusive'] },
    })

    expect(verdict.outcome).toBe('inconclusive')
    expect(verdict.failed).toBe(true)
    expect(verdict.headline).toMatch(
      /^❔ Inconclusive: 1 endpoint could not resolve the margin \(GET \/search\); only a slowdown of \+\d+\.\d % or more \(GET \/search p(50|95)\) would have been caught, no sign of a regression$/,
    )
  })
})
