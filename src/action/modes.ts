// Which mode a run is in, from the `mode` input and the event.
import type { Mode } from '../config/inputs.js'
import type { RunContext } from './ports.js'

/** The concrete mode: measure and save, measure and compare, or compare existing results without load. */
export type ResolvedMode = 'baseline' | 'compare' | 'report' | 'merge' | 'calibrate' | 'relabel'

/** Pull-request actions that change labels only: the code is what was measured, so the verdict is re-decided. */
const LABEL_ACTIONS: ReadonlySet<string> = new Set(['labeled', 'unlabeled'])

/**
 * `auto`: a push to the default branch measures and saves; every other event (pull_request, deployment_status,
 * a push to another branch, workflow_dispatch) measures and compares with the baseline of the base/default branch;
 * a PR's `labeled`/`unlabeled` re-decides the latest measured result of its head without sending load (`relabel`).
 */
export function resolveMode(mode: Mode, context: RunContext): ResolvedMode {
  switch (mode) {
    case 'auto':
      if (context.pullRequest && LABEL_ACTIONS.has(context.eventAction ?? '')) return 'relabel'
      return context.eventName === 'push' && context.branch !== null && context.branch === context.defaultBranch
        ? 'baseline'
        : 'compare'
    case 'baseline':
    case 'compare':
    case 'report':
    case 'merge':
    case 'calibrate':
      return mode
  }
}

/** The branch whose baseline a comparison uses, and the exact SHA when the event says it. */
export function baselineBranchOf(context: RunContext): { branch: string; sha: string | null } {
  if (context.pullRequest) return { branch: context.pullRequest.baseBranch, sha: context.pullRequest.baseSha }
  return { branch: context.defaultBranch ?? context.branch ?? 'main', sha: null }
}
