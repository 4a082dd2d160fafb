// The one step every mode ends with: the accept label, the verdict, the reports, the comment and the step status.
import type { RestoreOutcome } from '../baseline/types.js'
import { DEFAULT_GATE, type GateSettings } from '../config/gate-schema.js'
import type { ActionSettings } from '../config/inputs.js'
import type { Profile } from '../config/profile.js'
import { decide } from '../gate/decide.js'
import type { SequentialConclusion } from '../gate/types.js'
import type { ReportAcceptance } from '../report/types.js'
import type { RunResult } from '../results/types.js'
import type { ActionDeps } from './ports.js'
import { publishReports } from './publish.js'

/** The baseline a candidate is gated against, as the mode found it, and what the report says about it. */
export interface Restored {
  /** `found`: compare with it; `missing`: the verdict is `no-baseline` with this reason. */
  readonly outcome: RestoreOutcome
  /** Which baseline, misses, what was saved: shown verbatim in the report. */
  readonly lines: readonly string[]
}

export interface GateOptions {
  readonly deps: ActionDeps
  readonly settings: ActionSettings
  /** The profile's budgets apply; null in mode: report (no profile is read). */
  readonly profile: Profile | null
  /** How the run was made (`compare`, `baseline`, `live A/B`, `report`), shown in the report's details. */
  readonly mode: string
  /** The URL measured in this job, named (by its origin) in the report; absent when nothing was measured here. */
  readonly target?: URL
  /** 'abba' for a live A/B run: the rounds are pairs (gate/paired-rule.ts). */
  readonly pairing?: 'abba' | null
  /** rounds: auto: the sequential rule's outcomes and summary (gate/sequential.ts). */
  readonly sequential?: SequentialConclusion | null
}

/** Decides the verdict of `candidate` against `restored` and publishes it (files, outputs, comment, summary). */
export async function gateAndPublish(candidate: RunResult, restored: Restored, options: GateOptions): Promise<void> {
  const { deps, settings, profile } = options
  const { outcome } = restored
  const accepted = await acceptance(deps, settings.acceptLabel)
  for (const warning of outcome.warnings) deps.log.warning(warning)
  const verdict = decide({
    candidate,
    baseline:
      outcome.kind === 'found'
        ? {
            kind: 'found',
            result: outcome.result,
            // Earlier stored baselines measure the job-to-job shift; a live A/B baseline shares this job.
            history: outcome.history,
            // A file may be one half of a live A/B run (RunResult.liveAb): decide() then knows from the files.
            design: outcome.source.store === 'live-ab' ? 'live-ab' : undefined,
          }
        : { kind: 'missing', reason: outcome.reason },
    gate: gateWithOverrides(profile?.gate ?? null, settings),
    budgets: profile?.budgets ?? {},
    accepted,
    pairing: options.pairing,
    sequential: outcome.kind === 'found' ? (options.sequential ?? null) : null,
  })
  await publishReports({
    settings,
    deps,
    verdict,
    candidate,
    baseline:
      outcome.kind === 'found' ? { result: outcome.result, source: outcome.source, history: outcome.history } : null,
    baselineLines: restored.lines,
    mode: options.mode,
    profile,
    accepted,
    target: options.target ?? null,
  })
}

/** The accept label on this PR, and who applied it; null outside pull requests or when it is not on. */
async function acceptance(deps: ActionDeps, label: string): Promise<ReportAcceptance | null> {
  const pr = deps.context.pullRequest
  if (!pr) return null
  const status = await deps.labels.acceptedBy(pr.number, label)
  return status.applied ? { label, by: status.by } : null
}

/** Gate settings: the profile's (or the defaults), with any non-empty action inputs taking precedence. */
export function gateWithOverrides(profileGate: GateSettings | null, settings: ActionSettings): GateSettings {
  const base = profileGate ?? DEFAULT_GATE
  return Object.freeze({
    ...base,
    alpha: settings.alpha ?? base.alpha,
    marginRelative: settings.marginRelative ?? base.marginRelative,
    marginAbsoluteMs: settings.marginAbsoluteMs ?? base.marginAbsoluteMs,
    failOn: settings.failOn ?? base.failOn,
  })
}
