// Live A/B: the baseline was measured in this job from `baseline-target`, rounds interleaved with the candidate; no
// store is read or written.
import { join } from 'node:path'
import { serializeRunResult } from '../results/codec.js'
import type { RunResult } from '../results/types.js'
import type { Restored } from './gate-and-publish.js'
import type { ActionDeps, RunContext } from './ports.js'

/** Writes the live baseline next to the result (`baseline-live.json`) and describes it for the gate and report. */
export async function liveBaseline(
  baseline: RunResult,
  target: URL,
  { deps, outputDir }: { readonly deps: Pick<ActionDeps, 'files' | 'context'>; readonly outputDir: string },
): Promise<Restored> {
  await deps.files.writeText(join(outputDir, 'baseline-live.json'), serializeRunResult(baseline))
  return {
    outcome: {
      kind: 'found',
      result: baseline,
      history: [],
      source: liveSource(baseline, target, deps.context),
      warnings: [],
    },
    lines: [
      `Baseline: measured live in this job from ${target.origin}, rounds interleaved with the candidate (A B B A), which cancels most runner noise.`,
    ],
  }
}

function liveSource(baseline: RunResult, target: URL, context: RunContext) {
  return {
    store: 'live-ab' as const,
    reference: `${target.origin} (baseline-target), rounds interleaved A B B A`,
    branch: context.pullRequest?.baseBranch ?? context.defaultBranch,
    sha: context.pullRequest?.baseSha ?? null,
    exactSha: false,
    measuredAt: baseline.startedAt,
    commitsBehind: null,
    runId: context.runId,
  }
}
