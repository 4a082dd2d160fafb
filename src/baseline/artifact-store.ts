// The artifact store (@actions/artifact v2): save uploads the bundle as `tailgate-baseline-<profile id>` in this run;
// restore finds the newest successful run of the same workflow on the base branch (REST), its artifact by name, and
// downloads it with `findBy`. Optionally waits for a base-branch run still in progress. Never throws.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RepositoryRef } from '../github/context.js'
import { describeApiError } from '../github/errors.js'
import { artifactClient, downloadRunArtifact } from '../github/run-artifacts.js'
import type { CommitsBehind, RunLookup, RunSummary } from '../github/runs.js'
import { messageOf } from '../log.js'
import type { RunResult } from '../results/types.js'
import { parseBundle, serializeBundle } from './bundle.js'
import { formatTimeout, withDeadline } from './deadline.js'
import { judgeBaseline, type MachineFacts } from './judge.js'
import type { BaselineQuery, BaselineStore, RestoreOutcome, SaveOutcome } from './types.js'

/** Successful runs whose artifacts are looked at, newest first (a run without the artifact is skipped). */
const RUNS_SEARCHED = 10
const BUNDLE_FILE = 'baseline.json'

export interface ArtifactStoreOptions {
  readonly machine: MachineFacts
  /** Deadline of each restore or save attempt (input baseline-timeout). */
  readonly timeoutMs: number
  /** How long to wait for a base-branch run still in progress (input baseline-wait); 0: do not wait. */
  readonly waitMs: number
  readonly pollIntervalMs?: number
  readonly sleep?: (ms: number) => Promise<void>
  /** Monotonic-enough milliseconds for the wait budget (Date.now by default). */
  readonly now?: () => number
  /** Scratch directory (RUNNER_TEMP). */
  readonly workDir: string
  /** REST lookups and the token for other runs' artifacts; null when there is no token. */
  readonly github: {
    readonly lookup: RunLookup
    readonly commitsBehind: CommitsBehind
    readonly token: string
    readonly repository: RepositoryRef
  } | null
  /** This run's id, never used as its own baseline. */
  readonly currentRunId: string | null
}

/** The artifact name of a profile's baseline (artifact names forbid `"<>|*?:\/` and newlines). */
export function baselineArtifactName(profileId: string): string {
  return `tailgate-baseline-${profileId.replace(/[^A-Za-z0-9._-]+/g, '-')}`
}

/**
 * A BaselineStore on workflow artifacts.
 * @example createArtifactStore({ machine, timeoutMs: 60_000, waitMs: 0, workDir, github, currentRunId })
 */
export function createArtifactStore(options: ArtifactStoreOptions): BaselineStore {
  const store: Store = {
    ...options,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    pollIntervalMs: options.pollIntervalMs ?? 15_000,
    now: options.now ?? Date.now,
  }
  return {
    name: 'artifact',
    restore: (query) => restoreWaiting(store, query),
    save: (result, history) => saveArtifact(store, result, history),
  }
}

/** One store's options with the defaults of the clock, the sleep and the poll interval filled in. */
type Store = ArtifactStoreOptions & Required<Pick<ArtifactStoreOptions, 'sleep' | 'pollIntervalMs' | 'now'>>
type GitHubAccess = NonNullable<ArtifactStoreOptions['github']>

/** One look for the baseline: `answer` (found, unreadable, failed) ends the restore; `none` may wait and look again. */
type Attempt = { readonly kind: 'answer' | 'none'; readonly outcome: RestoreOutcome }

/**
 * Restore: looks for the newest baseline artifact; while there is none and a base-branch run is still in progress,
 * waits (up to waitMs in all, polling every pollIntervalMs) and looks again.
 */
async function restoreWaiting(store: Store, query: BaselineQuery): Promise<RestoreOutcome> {
  const github = store.github
  if (!github) return missing('no GitHub token to read earlier runs (input github-token)', false)
  const name = baselineArtifactName(query.profileId)
  const startedMs = store.now()
  for (;;) {
    const attempt = await lookOnce(store, { query, name, github })
    if (attempt.kind === 'answer') return attempt.outcome
    const pauseMs = await pauseBeforeNextLook(store, query.branch, github, store.now() - startedMs)
    if (pauseMs === null) return attempt.outcome
    await store.sleep(pauseMs)
  }
}

/** One look under the deadline (baseline-timeout); a timeout or a failed API call is the answer, with a warning. */
async function lookOnce(store: Store, look: Look): Promise<Attempt> {
  const attempt = await withDeadline(findAndDownload(store, look), store.timeoutMs).catch((error: unknown) => ({
    kind: 'error' as const,
    error,
  }))
  if (attempt.kind === 'done') return attempt.value
  const reason =
    attempt.kind === 'timeout'
      ? `the artifact lookup did not finish within ${formatTimeout(store.timeoutMs)} (baseline-timeout)`
      : `the artifact lookup failed: ${describeApiError(attempt.error)}`
  return { kind: 'answer', outcome: missing(reason, true) }
}

/** How long to sleep before looking again; null when the wait is spent or no base-branch run is in progress. */
async function pauseBeforeNextLook(
  store: Store,
  branch: string,
  github: GitHubAccess,
  waitedMs: number,
): Promise<number | null> {
  if (waitedMs >= store.waitMs) return null
  const active = await github.lookup.activeRuns(branch).catch(() => [])
  if (active.length === 0) return null
  return Math.min(store.pollIntervalMs, store.waitMs - waitedMs)
}

interface Look {
  readonly query: BaselineQuery
  /** The artifact's name (baselineArtifactName). */
  readonly name: string
  readonly github: GitHubAccess
}

/** The newest successful base-branch runs (the exact SHA's first): the first with the artifact is downloaded. */
async function findAndDownload(store: Store, look: Look): Promise<Attempt> {
  const { query, name, github } = look
  const runs = (await github.lookup.successfulRuns(query.branch, 20)).filter((r) => String(r.id) !== store.currentRunId)
  const workflow = github.lookup.workflowLabel
  if (runs.length === 0) {
    return none(`no successful run of ${workflow} on ${query.branch} yet, so no baseline artifact`)
  }
  for (const run of preferExactSha(runs, query.sha).slice(0, RUNS_SEARCHED)) {
    const artifact = await github.lookup.artifactOfRun(run.id, name)
    if (artifact) return { kind: 'answer', outcome: await downloadAndJudge(store, look, run, artifact.id) }
  }
  return none(
    `no artifact ${name} in the last ${Math.min(runs.length, RUNS_SEARCHED)} successful runs of ${workflow} on ${query.branch}`,
  )
}

/** Downloads one run's baseline artifact and judges it; a bundle that cannot be read is a miss with a warning. */
async function downloadAndJudge(
  store: Store,
  look: Look,
  run: RunSummary,
  artifactId: number,
): Promise<RestoreOutcome> {
  const { query, name, github } = look
  const dir = join(store.workDir, 'tailgate-baseline-download', String(run.id))
  await downloadRunArtifact({ artifactId, runId: run.id, dir, ...github })
  let bundle: ReturnType<typeof parseBundle>
  try {
    bundle = parseBundle(await readFile(join(dir, BUNDLE_FILE), 'utf8'), `artifact ${name} of run ${run.id}`)
  } catch (error) {
    const reason = messageOf(error)
    return { kind: 'missing', reason, warnings: [`Baseline not used: ${reason}`] }
  }
  const exactSha = query.sha !== null && run.headSha === query.sha
  const commitsBehind = !exactSha && query.sha ? await github.commitsBehind(run.headSha, query.sha) : null
  return judgeBaseline({
    bundle,
    query,
    machine: store.machine,
    source: {
      store: 'artifact',
      reference: `${name} (artifact ${artifactId} of run ${run.id})`,
      branch: query.branch,
      sha: run.headSha,
      exactSha,
      measuredAt: bundle.current.startedAt,
      commitsBehind,
      runId: String(run.id),
    },
  })
}

/** Save: uploads the bundle (this run and its history) as this run's artifact, under the deadline. */
async function saveArtifact(store: Store, result: RunResult, history: readonly RunResult[]): Promise<SaveOutcome> {
  const name = baselineArtifactName(result.profileId)
  const dir = join(store.workDir, 'tailgate-baseline-upload', name)
  try {
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, BUNDLE_FILE), serializeBundle({ current: result, history }))
    const upload = await withDeadline(
      (await artifactClient()).uploadArtifact(name, [join(dir, BUNDLE_FILE)], dir),
      store.timeoutMs,
    )
    if (upload.kind === 'timeout')
      return notSaved(`the artifact upload did not finish within ${formatTimeout(store.timeoutMs)} (baseline-timeout)`)
    return { kind: 'saved', reference: `artifact ${name} (id ${upload.value.id ?? '?'})`, warnings: [] }
  } catch (error) {
    return notSaved(`the artifact upload failed: ${firstLine(error)}`)
  }
}

function none(reason: string): Attempt {
  return { kind: 'none', outcome: { kind: 'missing', reason, warnings: [] } }
}

/** The run measured on exactly `sha` first, then the rest newest first. */
function preferExactSha(runs: readonly RunSummary[], sha: string | null): RunSummary[] {
  const exact = runs.filter((r) => r.headSha === sha)
  return [...exact, ...runs.filter((r) => r.headSha !== sha)]
}

function missing(reason: string, warn: boolean): RestoreOutcome {
  return { kind: 'missing', reason, warnings: warn ? [`Could not restore the baseline from artifacts: ${reason}`] : [] }
}

function notSaved(reason: string): SaveOutcome {
  return { kind: 'not-saved', reason, warnings: [`Could not save the baseline as an artifact: ${reason}`] }
}

function firstLine(error: unknown): string {
  return messageOf(error).split('\n')[0] ?? ''
}
