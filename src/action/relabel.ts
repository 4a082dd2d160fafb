// Labels re-decide, they do not skip: on a PR's `labeled`/`unlabeled` the job takes the latest measured result of the
// PR's head (the artifact its measuring run kept: the result, the baseline it was compared with, and the report's
// baseline lines) and decides again with the labels as they are now, without sending load. A skipped job would report
// success to a required check, so an unrelated label must never skip it.
import type { RestoreOutcome } from '../baseline/types.js'
import { messageOf } from '../log.js'
import { parseRunResult, serializeRunResult } from '../results/codec.js'
import type { BaselineSource } from '../results/provenance.js'
import type { RunResult } from '../results/types.js'
import type { Restored } from './gate-and-publish.js'
import { measuredResultArtifactName } from './measured-results.js'
import type { ActionDeps } from './ports.js'

const RESULT_FILE = 'result.json'
const BASELINE_FILE = 'baseline.json'
const DECISION_FILE = 'decision.json'

interface DecisionFile {
  readonly baselineLines: readonly string[]
  readonly source: BaselineSource | null
}

/**
 * Keeps a PR's measured result (and the baseline it was compared with) as an artifact of this run, for later label
 * changes. A failure is a warning: the verdict of this run stands.
 */
export async function keepMeasuredResult(
  deps: ActionDeps,
  args: { readonly profileId: string; readonly candidate: RunResult; readonly restored: Restored },
): Promise<void> {
  if (!deps.context.pullRequest) return
  const found = args.restored.outcome.kind === 'found' ? args.restored.outcome : null
  const decision: DecisionFile = { baselineLines: args.restored.lines, source: found?.source ?? null }
  const warning = await deps.measuredResults.save(measuredResultArtifactName(args.profileId), {
    [RESULT_FILE]: serializeRunResult(args.candidate),
    ...(found ? { [BASELINE_FILE]: serializeRunResult(found.result) } : {}),
    [DECISION_FILE]: `${JSON.stringify(decision, null, 2)}\n`,
  })
  if (warning) deps.log.warning(warning)
}

export type MeasuredResult =
  | {
      readonly kind: 'found'
      readonly candidate: RunResult
      readonly restored: RestoreOutcome
      readonly baselineLines: readonly string[]
      readonly runId: number
    }
  | { readonly kind: 'none'; readonly reason: string }

/** The latest measured result of the PR's head SHA, with the baseline its run compared it with. */
export async function findMeasuredResult(deps: ActionDeps, profileId: string): Promise<MeasuredResult> {
  const headSha = deps.context.pullRequest?.headSha ?? null
  if (!headSha) return { kind: 'none', reason: "the event does not name the PR's head commit" }
  const name = measuredResultArtifactName(profileId)
  const found = await deps.measuredResults.latest(name, headSha)
  if (found.kind === 'none') return found
  const origin = `artifact ${name} of run ${found.runId}`
  try {
    const resultText = found.files[RESULT_FILE]
    if (resultText === undefined) return { kind: 'none', reason: `${origin} has no ${RESULT_FILE}` }
    const candidate = parseRunResult(resultText, `${origin}/${RESULT_FILE}`)
    const decision = JSON.parse(found.files[DECISION_FILE] ?? '{}') as Partial<DecisionFile>
    const baselineText = found.files[BASELINE_FILE]
    const baselineLines = [
      `Re-decided after a label change from the result measured in run ${found.runId} (no load was sent).`,
      ...(decision.baselineLines ?? []),
    ]
    const restored: RestoreOutcome =
      baselineText !== undefined && decision.source
        ? {
            kind: 'found',
            result: parseRunResult(baselineText, `${origin}/${BASELINE_FILE}`),
            history: [],
            source: decision.source,
            warnings: [],
          }
        : { kind: 'missing', reason: decision.baselineLines?.[0] ?? 'no baseline', warnings: [] }
    return { kind: 'found', candidate, restored, baselineLines, runId: found.runId }
  } catch (error) {
    return { kind: 'none', reason: `${origin} is not usable: ${messageOf(error)}` }
  }
}

/** No result to re-decide: say so, in the summary and the step, and keep the check failing. */
export async function reportNoMeasuredResult(deps: ActionDeps, reason: string): Promise<void> {
  const headSha = deps.context.pullRequest?.headSha?.slice(0, 7) ?? 'unknown'
  const text =
    `No measured result for the head ${headSha} to re-decide after the label change: ${reason}. The check stays ` +
    'failing until a run measures this commit (push a commit or re-run the measuring job).'
  deps.outputs.set('verdict', 'no-result')
  await deps.writeSummary(`### Tailgate: no measured result\n\n${text}\n`)
  deps.fail(text)
}
