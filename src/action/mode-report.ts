// mode: report — compare two existing RunResult files, no load (the fork-safe second workflow).
import { parseBundle } from '../baseline/bundle.js'
import { ConfigError } from '../config/errors.js'
import type { ActionSettings } from '../config/inputs.js'
import { messageOf } from '../log.js'
import { parseRunResult } from '../results/codec.js'
import { ResultFormatError } from '../results/errors.js'
import { sourceOfResult } from '../results/provenance.js'
import type { RunResult } from '../results/types.js'
import { gateAndPublish, type Restored } from './gate-and-publish.js'
import type { ActionDeps } from './ports.js'

export async function runReportMode(settings: ActionSettings, deps: ActionDeps): Promise<void> {
  const { candidate, baseline, history, baselineLines } = await readResultPair(settings, deps)
  const restored: Restored = {
    outcome: baseline
      ? {
          kind: 'found',
          result: baseline,
          history,
          source: sourceOfResult(baseline, { store: 'file', reference: settings.baselinePath ?? '' }),
          warnings: [],
        }
      : { kind: 'missing', reason: baselineLines[0] ?? 'no baseline file', warnings: [] },
    lines: baselineLines,
  }
  await gateAndPublish(candidate, restored, { deps, settings, profile: null, mode: 'report' })
}

/**
 * Reads the candidate (`result-path`, required) and the baseline (`baseline-path`, optional: its absence or a broken
 * file is a `no-baseline` line, never a crash). Never executes anything from the files: they are data.
 */
export async function readResultPair(
  settings: ActionSettings,
  deps: ActionDeps,
): Promise<{ candidate: RunResult; baseline: RunResult | null; history: RunResult[]; baselineLines: string[] }> {
  if (!settings.resultPath) {
    throw new ConfigError(
      'result-path',
      'mode: report needs the candidate result file',
      'set result-path to the RunResult downloaded from the measuring run (e.g. tailgate-results/result.json)',
    )
  }
  let candidateText: string
  try {
    candidateText = await deps.files.readText(settings.resultPath)
  } catch (error) {
    throw new ConfigError('result-path', `cannot read '${settings.resultPath}' (${messageOf(error)})`, 'check the path')
  }
  const candidate = parseRunResult(candidateText, settings.resultPath)
  if (!settings.baselinePath) {
    return { candidate, baseline: null, history: [], baselineLines: ['no baseline-path was given to mode: report'] }
  }
  try {
    // A baseline bundle as the stores save it (current baseline + history), or a bare RunResult file.
    const bundle = parseBundle(await deps.files.readText(settings.baselinePath), settings.baselinePath)
    for (const warning of bundle.warnings) deps.log.warning(warning)
    return {
      candidate,
      baseline: bundle.current,
      // The earlier baselines the bundle carries measure the job-to-job shift (the same gate as mode: compare).
      history: [...bundle.history],
      baselineLines: [`Baseline: file ${settings.baselinePath}.`],
    }
  } catch (error) {
    const why =
      error instanceof ResultFormatError ? error.message : `cannot read ${settings.baselinePath}: ${messageOf(error)}`
    deps.log.warning(`Baseline not usable: ${why}`)
    return { candidate, baseline: null, history: [], baselineLines: [`baseline not usable: ${why}`] }
  }
}
