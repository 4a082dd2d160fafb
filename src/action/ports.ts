// The ports the Action's modes need. src/action/real-deps.ts wires them to @actions/* and the GitHub client; tests pass fakes.
import type { BaselineQuery, RestoreOutcome, SaveOutcome } from '../baseline/types.js'
import type { ActionSettings, InputReader } from '../config/inputs.js'
import type { Profile } from '../config/profile.js'
import type { Log } from '../log.js'
import type { RunResult } from '../results/types.js'

/** What the Action needs to know about the workflow run (mapped from the GitHub context by the shell). */
export interface RunContext {
  readonly eventName: string
  readonly repository: string | null
  /** The branch being measured: the push's branch, or the PR's head branch. */
  readonly branch: string | null
  readonly sha: string | null
  readonly defaultBranch: string | null
  readonly runId: string | null
  readonly runUrl: string | null
  readonly workflow: string | null
  readonly pullRequest: PullRequestContext | null
  /** deployment_status events: the deployment's URL and SHA when its state is success. */
  readonly deployment: { readonly state: string; readonly url: string | null; readonly sha: string | null } | null
}

export interface PullRequestContext {
  readonly number: number
  readonly baseBranch: string
  readonly baseSha: string | null
  readonly headSha: string | null
  /** The head repository differs from the base: the token is read-only and cannot comment. */
  readonly fromFork: boolean
}

export interface OutputSink {
  set(name: string, value: string): void
}

export interface Annotation {
  readonly level: 'error' | 'warning'
  readonly title: string
  readonly message: string
}

export type CommentResult =
  | { readonly kind: 'created' | 'updated'; readonly url: string }
  | { readonly kind: 'not-posted'; readonly reason: string; readonly fix?: string }
  | { readonly kind: 'skipped'; readonly reason: string }

/** The sticky PR comment. Implementations never throw. */
export interface CommentPort {
  /** Whether a comment with `marker` already exists (for the on-change policy); false when unknown. */
  exists(pullRequest: number, marker: string): Promise<boolean>
  upsert(pullRequest: number, marker: string, body: string): Promise<CommentResult>
}

/** PR labels: is the accept label on, and who applied it. Never throws. */
export interface LabelPort {
  acceptedBy(pullRequest: number, label: string): Promise<{ readonly applied: boolean; readonly by: string | null }>
}

/** Baseline restore/save over the configured stores, with the lines the report shows. Never throws. */
export interface BaselinePort {
  restore(query: BaselineQuery): Promise<{ readonly outcome: RestoreOutcome; readonly lines: readonly string[] }>
  save(
    result: RunResult,
    history: readonly RunResult[],
    query: BaselineQuery,
  ): Promise<{ readonly outcome: SaveOutcome; readonly lines: readonly string[] }>
}

export type ReportUploadResult =
  | { readonly kind: 'uploaded'; readonly name: string; readonly url: string | null }
  | { readonly kind: 'not-uploaded'; readonly reason: string }

/** Uploads the HTML report as an artifact of this run (so the comment can link it). Never throws. */
export interface ReportUploadPort {
  upload(name: string, filePath: string): Promise<ReportUploadResult>
}

/** Files relative to the workspace (absolute paths as given). */
export interface FilePort {
  readText(path: string): Promise<string>
  /** Every entry under the directory `path`, recursively, relative to it; null when `path` is not a directory. */
  list(path: string): Promise<string[] | null>
  /** Writes (creating parent directories) and returns the absolute path. */
  writeText(path: string, text: string): Promise<string>
}

/** Everything the action pipeline touches. */
export interface ActionDeps {
  readonly readInput: InputReader
  readonly log: Log
  readonly context: RunContext
  readonly outputs: OutputSink
  readonly writeSummary: (markdown: string) => Promise<void>
  readonly annotate: (annotation: Annotation) => void
  /** Marks the step failed with a one-line message (core.setFailed). */
  readonly fail: (message: string) => void
  readonly files: FilePort
  /** Runs the load profile (the real one wires undici and the clock). */
  readonly measure: (profile: Profile, options: { readonly signal: AbortSignal }) => Promise<RunResult>
  /** Live A/B: both targets under the same profile, rounds interleaved ABBA. */
  readonly measureLiveAb: (
    profile: Profile,
    options: { readonly baselineTarget: URL; readonly signal: AbortSignal },
  ) => Promise<{ readonly baseline: RunResult; readonly candidate: RunResult }>
  /** Masks a secret in the runner's log (core.setSecret); the Action also redacts every channel it writes. */
  readonly registerSecret: (secret: string) => void
  /** The process environment (for `${ENV}` references in the headers input). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The workspace directory (the runner's cwd), for start-cwd. */
  readonly workspace: string
  readonly baselines: (settings: ActionSettings) => BaselinePort
  readonly comments: CommentPort
  readonly labels: LabelPort
  /** The HTML report's artifact upload; absent: the report is only written to output-dir. */
  readonly reportUpload?: ReportUploadPort
  readonly signal: AbortSignal
}
