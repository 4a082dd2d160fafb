// Which mode a run is in, from the `mode` input and the event.
import type { Mode } from '../config/inputs.js'
import type { RunContext } from './ports.js'

/** The concrete mode: measure and save, measure and compare, or compare existing results without load. */
export type ResolvedMode = 'baseline' | 'compare' | 'report' | 'merge' | 'calibrate'

/**
 * `auto`: a push to the default branch measures and saves; every other event (pull_request, deployment_status,
 * a push to another branch, workflow_dispatch) measures and compares with the baseline of the base/default branch.
 */
export function resolveMode(mode: Mode, context: RunContext): ResolvedMode {
  switch (mode) {
    case 'auto':
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
