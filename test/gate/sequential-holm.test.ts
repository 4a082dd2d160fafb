// rounds: auto uses Holm's step-down across the gated comparisons, as the fixed-length gate does: once a comparison
// is a regression, the others are tested at alpha/(m − 1), … (Maurer & Bretz 2013, at the current look).
import { describe, expect, it } from 'vitest'
import { SequentialMonitor } from '../../src/gate/sequential.js'
import type { MetricComparison, Verdict } from '../../src/gate/types.js'
import { normalUpperTail } from '../../src/stats/normal.js'
import { normalSource, seededRandom } from './simulation.js'

/** A verdict whose comparisons have the given one-sided regression p-values (improvement and no change: p = 1). */
function verdictWith(pValues: readonly number[]): Verdict {
  const endpoints = pValues.map((pValue, i) => ({
    endpoint: `GET /${i}`,
    outcome: { kind: 'pass' as const },
    budgets: [],
    requestLevel: null,
    baseline: null,
    candidate: { requests: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, errorRate: 0, ratePerSecond: 0 },
    comparisons: [{ metric: 'p50', pValue, improvementPValue: 1, noChangePValue: 1 } as unknown as MetricComparison],
  }))
  return { outcome: 'pass', failed: false, failing: [], warnings: [], headline: '', endpoints }
}

const outcomes = (monitor: SequentialMonitor, m: number) =>
  Array.from({ length: m }, (_, i) => monitor.decisionOf(`GET /${i}`, 'p50')?.outcome ?? null)

describe('SequentialMonitor: Holm across the gated comparisons', () => {
  it.each([
    {
      ps: [0.001, 0.04],
      holm: ['regression', 'regression'],
      why: 'the second passes alpha/1 once the first is rejected',
    },
    { ps: [0.03, 0.04], holm: [null, null], why: 'neither reaches alpha/2 = 0.025, so Holm stops at once' },
    { ps: [0.001, 0.02, 0.049], holm: ['regression', 'regression', 'regression'], why: 'alpha/3, then /2, then /1' },
    { ps: [0.001, 0.03, 0.04], holm: ['regression', null, null], why: 'after the first, 0.03 misses alpha/2' },
  ])('one look at information fraction 1, p = $ps: $why', ({ ps, holm }) => {
    const monitor = new SequentialMonitor(0.05, ps.length)

    monitor.look(verdictWith(ps), 1, 6)

    expect(outcomes(monitor, ps.length)).toEqual(holm)
  })

  it('keeps the false regression rate at alpha under repeated looks while a true regression frees alpha', () => {
    // given two comparisons over 20 looks (Brownian-motion z statistics, information n/20): one far slower (drift
    // 4 sd at the horizon), one exactly at the margin (the null), or (second case) moderately slower (drift 2.2 sd)
    const normal = normalSource(seededRandom(7))
    const trials = 2000
    const run = (drifts: readonly number[]) => {
      const monitor = new SequentialMonitor(0.05, drifts.length)
      const scores = drifts.map(() => 0)
      for (let n = 1; n <= 20; n++) {
        const ps = drifts.map((drift, i) => {
          scores[i] = (scores[i] as number) + drift / 20 + Math.sqrt(1 / 20) * normal()
          return normalUpperTail((scores[i] as number) / Math.sqrt(n / 20))
        })
        if (monitor.look(verdictWith(ps), n / 20, n).allDecided) break
      }
      return outcomes(monitor, drifts.length)
    }
    const atMargin = Array.from({ length: trials }, () => run([4, 0]))
    const moderate = Array.from({ length: trials }, () => run([4, 2.2]))

    // then the null comparison is called a regression in at most alpha of the trials (binomial sd about 0.5 pp)
    const falseRate = atMargin.filter((o) => o[1] === 'regression').length / trials
    expect(falseRate).toBeLessThanOrEqual(0.06)
    // and the moderately slower one is found more often than Bonferroni's alpha/2 at the last look alone would allow
    // (one-sided power of a 2.2 sd shift at 0.025 is 59 %; Holm tests it at up to 0.05 once the first is found)
    const power = moderate.filter((o) => o[1] === 'regression').length / trials
    expect(power).toBeGreaterThan(0.62)
    expect(atMargin.filter((o) => o[0] === 'regression').length / trials).toBeGreaterThan(0.95)
  })
})
