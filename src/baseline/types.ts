// The baseline port: where a base branch's RunResult is kept and found again. Stores never throw.
import type { BaselineSource } from '../results/provenance.js'
import type { RunResult } from '../results/types.js'

/** What the gate looks for: the baseline of this profile on the PR's base. */
export interface BaselineQuery {
  readonly profileId: string
  readonly profileFingerprint: string
  /** The PR's base branch (or the branch itself on push). */
  readonly branch: string
  /** The exact base SHA from the event payload, when known. */
  readonly sha: string | null
}

export type RestoreOutcome =
  | {
      readonly kind: 'found'
      readonly result: RunResult
      /** Earlier baselines of the branch, newest first (for trend lines); may be empty. */
      readonly history: readonly RunResult[]
      readonly source: BaselineSource
      readonly warnings: readonly string[]
    }
  | {
      readonly kind: 'missing'
      /** Why, in words the report shows ("no baseline saved for main yet", "profile changed in this PR", ...). */
      readonly reason: string
      readonly warnings: readonly string[]
    }

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly reference: string; readonly warnings: readonly string[] }
  | { readonly kind: 'not-saved'; readonly reason: string; readonly warnings: readonly string[] }

/** One place baselines live (Actions cache, artifacts, a file). */
export interface BaselineStore {
  readonly name: BaselineSource['store']
  /** Resolves `missing` on a miss and on any service failure (with a warning); never rejects. */
  restore(query: BaselineQuery): Promise<RestoreOutcome>
  /** Saves `result` (plus up to N earlier baselines in `history`); resolves `not-saved` on failure; never rejects. */
  save(result: RunResult, history: readonly RunResult[], query: BaselineQuery): Promise<SaveOutcome>
}
