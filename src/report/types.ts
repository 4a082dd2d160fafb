// What every report renderer takes: the verdict plus the runs and baseline it was made from. Types only, no logic.

import type { Verdict } from '../gate/types.js'
import type { BaselineSource } from '../results/provenance.js'
import type { RunResult } from '../results/types.js'

/** The baseline the verdict was computed against, as the baseline step restored it. */
export interface ReportBaseline {
  readonly result: RunResult
  readonly source: BaselineSource
  /** Earlier baselines of the branch, newest first (for the p95 trend chart); may be empty. */
  readonly history: readonly RunResult[]
}

/** A regression accepted by a PR label: who applied which label. */
export interface ReportAcceptance {
  readonly label: string
  /** GitHub login of the person who applied the label, when the event said so. */
  readonly by: string | null
}

/** Where this run's HTML report is, for the comment's "open the full report" line. */
export interface FullReportLink {
  /** The file's name in the output directory and in the artifact (`tailgate-report.html`). */
  readonly fileName: string
  /** The artifact's page; null when it was not uploaded (then `note` says why) or its id is unknown. */
  readonly url: string | null
  /** Why there is no link, or where to find the file instead; null when there is a link. */
  readonly note: string | null
}

/**
 * Everything the report renderers need. Pure data: the renderers do no I/O and never import `@actions/*`.
 * Strings from a user profile (endpoint names, profile id) or from a server (error texts, status lines) are
 * escaped by each renderer for its format.
 */
export interface ReportInput {
  readonly verdict: Verdict
  readonly candidate: RunResult
  /** null when no baseline was found; the reason is in the verdict and in `baselineLines`. */
  readonly baseline: ReportBaseline | null
  /** What the baseline step said: which baseline, misses, warnings (shown verbatim, escaped). */
  readonly baselineLines: readonly string[]
  readonly profileId: string
  /** Link to the workflow run; null in the CLI. Only http(s) URLs are rendered as links. */
  readonly runUrl: string | null
  readonly accepted: ReportAcceptance | null
  /** How the run was made (e.g. `pull-request`, `push`, `cli`, `live-ab`), shown in the details. */
  readonly mode: string
  /** The HTML report of this run (the action writes and uploads it); absent or null: not mentioned. */
  readonly fullReport?: FullReportLink | null
}
