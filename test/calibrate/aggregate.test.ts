import { describe, expect, it } from 'vitest'
import { aggregateCalibration } from '../../src/calibrate/aggregate.js'
import { DEFAULT_GATE, type GateSettings } from '../../src/config/gate-schema.js'
import type { Verdict } from '../../src/gate/types.js'
import { comparison, endpoint, oneEndpointRun, verdict } from './builders.js'

const GATE_P50: GateSettings = { ...DEFAULT_GATE, metrics: ['p50'] }

function aggregate(verdicts: readonly Verdict[], extra: { gate?: GateSettings; interrupted?: boolean } = {}) {
  return aggregateCalibration({
    profileId: 'api',
    target: 'http://127.0.0.1:3000/',
    requestedRuns: verdicts.length + (extra.interrupted ? 5 : 0),
    roundsPerSide: 6,
    gate: extra.gate ?? GATE_P50,
    verdicts,
    interrupted: extra.interrupted ?? false,
  })
}

const times = (n: number, make: (i: number) => Verdict): Verdict[] => Array.from({ length: n }, (_, i) => make(i))

/** A run with endpoints a and b, each with a p50 comparison of detectable shift 1 ms on a 10 ms median. */
function twoEndpointRun(a: Parameters<typeof endpoint>[1], b: Parameters<typeof endpoint>[1]): Verdict {
  return verdict([
    endpoint('GET /a', a, [comparison({ detectable: 1 })]),
    endpoint('GET /b', b, [comparison({ detectable: 1 })]),
  ])
}

describe('aggregateCalibration: false-regression rates', () => {
  // Intervals: scipy 1.17.1, scipy.stats.binomtest(k, n).proportion_ci(0.95, method='exact')
  it.each([
    {
      what: '20 runs without a regression',
      verdicts: times(20, () => twoEndpointRun('no-change', 'inconclusive')),
      overall: { regressions: 0, comparedRuns: 20, upper: 0.16843347098308548 },
      perEndpoint: { 'GET /a': 0, 'GET /b': 0 },
      invalidRuns: 0,
    },
    {
      what: 'one regression on a in 20 runs',
      verdicts: times(20, (i) => twoEndpointRun(i === 7 ? 'regression' : 'no-change', 'no-change')),
      overall: { regressions: 1, comparedRuns: 20, upper: 0.24873276277202772 },
      perEndpoint: { 'GET /a': 1, 'GET /b': 0 },
      invalidRuns: 0,
    },
    {
      what: 'two endpoints regressing in the same run, counted once overall',
      verdicts: times(10, (i) =>
        twoEndpointRun(i === 0 ? 'regression' : 'no-change', i === 0 ? 'regression' : 'no-change'),
      ),
      overall: { regressions: 1, comparedRuns: 10, upper: 0.44501611702819543 },
      perEndpoint: { 'GET /a': 1, 'GET /b': 1 },
      invalidRuns: 0,
    },
    {
      what: 'invalid runs, left out of the rates',
      verdicts: times(10, (i) =>
        i < 3 ? twoEndpointRun('invalid', 'invalid') : twoEndpointRun('no-change', 'no-change'),
      ),
      overall: { regressions: 0, comparedRuns: 7, upper: 0.4096163972250487 },
      perEndpoint: { 'GET /a': 0, 'GET /b': 0 },
      invalidRuns: 3,
    },
  ])('counts $what', ({ verdicts, overall, perEndpoint, invalidRuns }) => {
    const report = aggregate(verdicts)

    expect(report.overall.regressions).toBe(overall.regressions)
    expect(report.overall.comparedRuns).toBe(overall.comparedRuns)
    expect(report.overall.rate).toBeCloseTo(overall.regressions / overall.comparedRuns, 12)
    expect(report.overall.interval?.upper).toBeCloseTo(overall.upper, 10)
    expect(report.invalidRuns).toBe(invalidRuns)
    for (const [name, regressions] of Object.entries(perEndpoint)) {
      const own = report.endpoints.find((e) => e.endpoint === name)
      expect(own?.falseRegressions.regressions).toBe(regressions)
      expect(own?.falseRegressions.comparedRuns).toBe(overall.comparedRuns)
    }
  })

  it('counts every outcome per endpoint, and false improvements apart', () => {
    const verdicts = [
      twoEndpointRun('no-change', 'improvement'),
      twoEndpointRun('inconclusive', 'no-change'),
      twoEndpointRun('no-change', 'invalid'),
    ]

    const report = aggregate(verdicts)

    expect(report.endpoints[0]?.outcomes).toEqual({ 'no-change': 2, inconclusive: 1 })
    expect(report.endpoints[1]?.outcomes).toEqual({ improvement: 1, 'no-change': 1, invalid: 1 })
    expect(report.falseImprovements).toBe(1)
    expect(report.endpoints[1]?.falseRegressions.comparedRuns).toBe(2)
  })

  it('has no rate when nothing was compared', () => {
    const report = aggregate(times(2, () => twoEndpointRun('invalid', 'invalid')))

    expect(report.overall.comparedRuns).toBe(0)
    expect(report.overall.interval).toBeNull()
    expect(report.recommendations).toEqual([])
    expect(report.suggestedMargin).toBeNull()
    expect(report.notes.join('\n')).toMatch(/2 run\(s\) could not be compared.*the generator fell behind/)
  })
})

describe('aggregateCalibration: detectable changes and the margin', () => {
  it('gives the median, 90th percentile and max of the detectable shifts, absolute and relative', () => {
    // given detectable shifts 1..5 ms on a 10 ms median, and one run whose rounds could not give one
    const verdicts = [
      ...[1, 2, 3, 4, 5].map((d) => oneEndpointRun('GET /a', 'no-change', d)),
      oneEndpointRun('GET /a', 'inconclusive', null),
    ]

    // when aggregated
    const metric = aggregate(verdicts).endpoints[0]?.metrics[0]

    // then (numpy.quantile([1, 2, 3, 4, 5], [0.5, 0.9]) = [3, 4.6])
    expect(metric).toMatchObject({ metric: 'p50', unit: 'ms', measuredRuns: 5, unmeasuredRuns: 1, baselineMedian: 10 })
    expect(metric?.detectableMedian).toBe(3)
    expect(metric?.detectableP90).toBeCloseTo(4.6, 12)
    expect(metric?.detectableMax).toBe(5)
    expect(metric?.relativeDetectableMedian).toBeCloseTo(0.3, 12)
    expect(metric?.relativeDetectableMax).toBeCloseTo(0.5, 12)
  })

  it.each([
    {
      what: 'one 10 ms endpoint: its 90th-percentile relative shift, no absolute part',
      verdicts: [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 9].map((d) => oneEndpointRun('GET /a', 'no-change', d)),
      expected: { relative: 0.5, absoluteMs: 0, coverage: 0.9 },
    },
    {
      what: 'a 1 ms and a 100 ms endpoint that both see 0.4 ms: an absolute part',
      verdicts: times(10, () =>
        verdict([
          endpoint('GET /fast', 'no-change', [comparison({ detectable: 0.4, baselineMedian: 1 })]),
          endpoint('GET /slow', 'no-change', [comparison({ detectable: 0.4, baselineMedian: 100 })]),
        ]),
      ),
      expected: { relative: 0, absoluteMs: 0.4, coverage: 1 },
    },
    {
      what: 'shifts of 1.3 ms on a 41 ms median (3.2 %): rounded up to a whole percent',
      verdicts: times(5, () => oneEndpointRun('GET /a', 'no-change', 1.3, 41)),
      expected: { relative: 0.04, absoluteMs: 0, coverage: 1 },
    },
  ])('recommends $what', ({ verdicts, expected }) => {
    const report = aggregate(verdicts)

    expect(report.recommendations).toHaveLength(1)
    expect(report.recommendations[0]).toMatchObject({ metric: 'p50', unit: 'ms', ...expected })
    expect(report.suggestedMargin).toEqual({
      relative: expected.relative,
      absoluteMs: expected.absoluteMs,
      leftOut: [],
      currentRelative: 0.05,
      currentAbsoluteMs: 1,
    })
  })

  it('suggests the larger part of each over the latency metrics, and keeps the error-rate floor fixed', () => {
    // given p50 needing 3 % and p95 needing 0.8 ms (two endpoints), and an error rate covered by its 0.5 pp floor
    const gate: GateSettings = { ...DEFAULT_GATE, metrics: ['p50', 'p95', 'error-rate'] }
    const run = verdict([
      endpoint('GET /a', 'no-change', [
        comparison({ metric: 'p50', detectable: 0.3, baselineMedian: 10 }),
        comparison({ metric: 'p95', detectable: 0.8, baselineMedian: 2 }),
        comparison({ metric: 'error-rate', detectable: 0.002, baselineMedian: 0.01 }),
      ]),
      endpoint('GET /b', 'no-change', [
        comparison({ metric: 'p50', detectable: 3, baselineMedian: 100 }),
        comparison({ metric: 'p95', detectable: 0.8, baselineMedian: 200 }),
        comparison({ metric: 'error-rate', detectable: 0, baselineMedian: 0 }),
      ]),
    ])

    const report = aggregate(
      times(4, () => run),
      { gate },
    )

    const byMetric = Object.fromEntries(report.recommendations.map((r) => [r.metric, r]))
    expect(byMetric.p50).toMatchObject({ relative: 0.03, absoluteMs: 0 })
    expect(byMetric.p95).toMatchObject({ relative: 0, absoluteMs: 0.8 })
    expect(byMetric['error-rate']).toMatchObject({ relative: 0, absoluteMs: null, coverage: 1 })
    expect(report.suggestedMargin).toMatchObject({ relative: 0.03, absoluteMs: 0.8, leftOut: [] })
  })

  it('leaves a metric too noisy to gate on out of the suggestion, and says so', () => {
    // given p50 needing 3 % and p95 needing about 150 % on a 10 ms endpoint
    const gate: GateSettings = { ...DEFAULT_GATE, metrics: ['p50', 'p95'] }
    const run = verdict([
      endpoint('GET /a', 'inconclusive', [
        comparison({ metric: 'p50', detectable: 0.3, baselineMedian: 10 }),
        comparison({ metric: 'p95', detectable: 15, baselineMedian: 10 }),
      ]),
    ])

    const report = aggregate(
      times(5, () => run),
      { gate },
    )

    expect(report.recommendations.find((r) => r.metric === 'p95')?.typicalRelativeMargin).toBeCloseTo(1.5, 12)
    expect(report.suggestedMargin).toMatchObject({ relative: 0.03, absoluteMs: 0, leftOut: ['p95'] })
    expect(report.notes.join('\n')).toMatch(/p95 needs a margin of about 150 % of a typical endpoint here/)
  })
})

describe('aggregateCalibration: notes', () => {
  it.each([
    {
      what: 'an interruption',
      verdicts: times(3, () => oneEndpointRun('GET /a', 'no-change', 1)),
      interrupted: true,
      note: /Interrupted after 3 of 8 runs/,
    },
    {
      what: 'too few rounds for a detectable change',
      verdicts: times(3, () => oneEndpointRun('GET /a', 'inconclusive', null)),
      note: /3 comparison\(s\) had too few rounds \(6 per side\).*use more rounds/,
    },
    {
      what: 'a rate above alpha even at the interval’s lower end',
      verdicts: times(20, (i) => oneEndpointRun('GET /a', i < 6 ? 'regression' : 'no-change', 1)),
      note: /above alpha \(5 %\) even at its interval's lower end/,
    },
    {
      what: 'a rate above alpha that more runs could tell',
      verdicts: times(10, (i) => oneEndpointRun('GET /a', i < 1 ? 'regression' : 'no-change', 1)),
      note: /observed false-regression rate is above alpha \(5 %\); run more A\/A runs/,
    },
    {
      what: 'a wide interval from few runs',
      verdicts: times(3, () => oneEndpointRun('GET /a', 'no-change', 1)),
      note: /With 3 compared run\(s\) the rate could still be up to 71 %/,
    },
  ])('says so on $what', ({ verdicts, interrupted, note }) => {
    const report = aggregate(verdicts, { interrupted: interrupted ?? false })

    expect(report.notes.join('\n')).toMatch(note)
  })

  it('has nothing to add after 60 clean runs', () => {
    expect(aggregate(times(60, () => oneEndpointRun('GET /a', 'no-change', 1))).notes).toEqual([])
  })
})
