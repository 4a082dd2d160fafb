// A verdict and its report input for two runs compared locally (the CLI's compare and the demo): no GitHub context.

import type { Budgets, GateSettings } from '../config/gate-schema.js'
import { decide } from '../gate/decide.js'
import type { BaselineDesign } from '../gate/types.js'
import type { ReportInput } from '../report/types.js'
import type { BaselineSource } from '../results/provenance.js'
import type { RunResult } from '../results/types.js'

export interface LocalComparison {
  readonly baseline: RunResult
  /** Earlier baselines of the base branch (any order): they measure the job-to-job shift. */
  readonly history?: readonly RunResult[]
  /** `live-ab` when both runs were measured side by side, rounds interleaved (the demo); default `stored`. */
  readonly design?: BaselineDesign
  readonly candidate: RunResult
  readonly source: BaselineSource
  readonly gate: GateSettings
  readonly budgets: Budgets
  readonly baselineLines: readonly string[]
  readonly profileId: string
  readonly mode: string
  /** 'abba' for two sides measured live and interleaved (rounds paired, signed-rank test). */
  readonly pairing?: 'abba' | null
}

/** Decides the candidate against the baseline and returns what the renderers take. */
export function localReport(comparison: LocalComparison): ReportInput {
  const { baseline, candidate } = comparison
  const history = comparison.history ?? []
  const verdict = decide({
    candidate,
    // Without design/pairing, decide() pairs the halves of one live A/B run (RunResult.liveAb) as the action did.
    baseline: { kind: 'found', result: baseline, history, design: comparison.design },
    gate: comparison.gate,
    budgets: comparison.budgets,
    accepted: null,
    pairing: comparison.pairing,
  })
  return {
    verdict,
    candidate,
    baseline: { result: baseline, history, source: comparison.source },
    baselineLines: comparison.baselineLines,
    profileId: comparison.profileId,
    runUrl: null,
    accepted: null,
    mode: comparison.mode,
  }
}
