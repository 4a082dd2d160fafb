// rounds: auto in the Action: live A/B grows both sides; against a stored baseline the baseline is restored first
// (the rule looks at it after every round) and only the candidate grows. Other runs measure as usual.
import { runFingerprint } from '../config/fingerprint.js'
import type { ActionSettings } from '../config/inputs.js'
import type { Profile } from '../config/profile.js'
import { decide } from '../gate/decide.js'
import type { SequentialConclusion } from '../gate/types.js'
import type { RunResult } from '../results/types.js'
import { runUntilDecided } from '../sequential/run-until-decided.js'
import { gateWithOverrides, type Restored } from './gate-and-publish.js'
import type { ActionDeps } from './ports.js'
import type { PreparedTarget } from './prepare-target.js'
import { baselineQuery } from './stored-baseline.js'

export interface AutoMeasured {
  readonly candidate: RunResult
  /** The live baseline side (live A/B), or null. */
  readonly live: RunResult | null
  /** The stored baseline restored before measuring (compare mode), for gateWithStore. */
  readonly restored: Restored | null
  readonly sequential: SequentialConclusion | null
}

/**
 * Measures a `rounds: auto` profile until decided; null when the profile has fixed rounds, or when there is nothing
 * to decide against (baseline mode, or no stored baseline found: then the restore is returned and the caller
 * measures the first look's rounds as a fixed run).
 */
export async function measureAuto(
  target: Extract<PreparedTarget, { kind: 'measure' }>,
  profile: Profile,
  context: { readonly settings: ActionSettings; readonly mode: 'baseline' | 'compare'; readonly deps: ActionDeps },
): Promise<AutoMeasured | { readonly restored: Restored } | null> {
  const { settings, mode, deps } = context
  if (profile.autoRounds === null) return null
  let restored: Restored | null = null
  if (!target.baselineTarget) {
    if (mode !== 'compare') return null
    restored = await deps
      .baselines(settings)
      .restore(baselineQuery(profile.id, runFingerprint(profile), mode, deps.context))
    if (restored.outcome.kind !== 'found') return { restored }
  }
  const gate = gateWithOverrides(profile.gate, settings)
  const baselineTarget = target.baselineTarget
  const stored = restored?.outcome.kind === 'found' ? restored.outcome.result : null
  const storedHistory = restored?.outcome.kind === 'found' ? restored.outcome.history : []
  try {
    const result = await runUntilDecided({
      profile,
      candidateTarget: profile.target,
      baseline: baselineTarget
        ? { kind: 'live', target: baselineTarget }
        : { kind: 'stored', run: stored as RunResult },
      measure: (piece, url, signal) => deps.measure({ ...piece, target: url }, { signal: signal ?? deps.signal }),
      decideLook: (baseline, candidate) =>
        decide({
          candidate,
          // A stored baseline's looks use its history too, as the final verdict does (gateWithStore): the same
          // across-jobs test decides regression and "no change" at every look.
          baseline: { kind: 'found', result: baseline, history: storedHistory },
          gate,
          budgets: profile.budgets,
          pairing: baselineTarget ? 'abba' : null,
        }),
      signal: deps.signal,
    })
    deps.log.info(result.summary.reason)
    return {
      candidate: result.candidate,
      live: baselineTarget ? result.baseline : null,
      restored,
      sequential: result.monitor.conclusion(result.summary),
    }
  } finally {
    await target.stop()
  }
}
