// A growing queue in a capacity step: the rounds' low percentile rising round over round (Mann-Kendall, Theil-Sen).

import { median } from 'simple-statistics'
import type { GateSettings } from '../config/gate-schema.js'
import { formatMs } from '../config/units.js'
import { gatedHistogram } from '../gate/measurements.js'
import { marginFor } from '../gate/metric-rule.js'
import type { RunResult } from '../results/types.js'
import { mannKendall, theilSenSlope } from '../stats/trend.js'

/**
 * A rise this large relative to the step's median p10 is a growing queue, not noise: above capacity by a fraction
 * ε, the wait grows by ε seconds per second, so even 1 % over the limit adds tens of ms over a step of seconds.
 */
export const TREND_MARGIN_RELATIVE = 0.2

/**
 * The trend test's level is alpha / 10 (and Bonferroni over endpoints): only the near-monotone rise of a growing
 * queue should end a step, not the bump a busy runner leaves in one or two rounds.
 */
export const TREND_ALPHA_DIVISOR = 10

/**
 * The percentile whose rise marks a growing queue: a low one. Above capacity the queue never empties, so even the
 * fastest requests of a round wait for the backlog; below it, a stall of the runner delays some requests of a round
 * but rarely its fastest tenth, so this percentile stays at the service time.
 */
export const TREND_PERCENTILE = 10

/**
 * A queue that grows through the step: the rounds' p10 rise (Mann-Kendall one-sided p < alpha / 10, Bonferroni
 * over endpoints) by more than max(the gate's margin, 20 % of the median p10) over the step (Theil-Sen slope × rounds).
 * In an open model above capacity the backlog grows linearly, so this catches a rate just above the limit before
 * its SLO breaks.
 */
export function risingLatency(
  run: RunResult,
  gate: GateSettings,
): {
  reason: string
  breaking: { readonly endpoint: string; readonly objective: string; readonly actual: number | null }
} | null {
  for (const endpoint of run.endpoints) {
    const lows: number[] = []
    const at: number[] = []
    for (const [index, round] of endpoint.rounds.entries()) {
      const histogram = gatedHistogram(round, run.gatedLatency)
      if (histogram.count === 0) continue
      lows.push(histogram.percentileUs(TREND_PERCENTILE) / 1000)
      at.push(index)
    }
    if (lows.length < 4) continue
    const trend = mannKendall(lows)
    const risePerStep = theilSenSlope(at, lows) * (endpoint.rounds.length - 1)
    const margin = Math.max(marginFor('p50', median(lows), gate), TREND_MARGIN_RELATIVE * median(lows))
    if (trend.pIncreasing < gate.alpha / TREND_ALPHA_DIVISOR / run.endpoints.length && risePerStep > margin) {
      return {
        reason:
          `${endpoint.name}: latency rose round over round (p${TREND_PERCENTILE} ${formatMs(lows[0] as number)} → ` +
          `${formatMs(lows[lows.length - 1] as number)}, +${formatMs(risePerStep)} over the step, beyond the ` +
          `${formatMs(margin)} margin; Mann-Kendall p = ${trend.pIncreasing.toPrecision(2)}): a growing queue, not sustainable`,
        breaking: { endpoint: endpoint.name, objective: 'sustainable (no growing queue)', actual: null },
      }
    }
  }
  return null
}
