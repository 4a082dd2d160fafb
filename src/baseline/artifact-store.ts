// The artifact store (@actions/artifact v2): save uploads the bundle as `tailgate-baseline-<profile id>` in this run;
// restore finds the newest successful run of the same workflow on the base branch (REST), its artifact by name, and
// downloads it with `findBy`. Optionally waits for a base-branch run still in progress. Never throws.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import type { RepositoryRef } from '../github/context.js'
import { describeApiError } from '../github/errors.js'
import type { CommitsBehind, RunLookup, RunSummary } from '../github/runs.js'
import { messageOf } from '../log.js'
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
// long-function: a factory; restore, save and the download loop are closures over one store's options and clock,
// each under 60 lines on its own.
export function createArtifactStore(options: ArtifactStoreOptions): BaselineStore {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const pollIntervalMs = options.pollIntervalMs ?? 15_000
  const now = options.now ?? Date.now
  const timeout = formatTimeout(options.timeoutMs)
  return {
    name: 'artifact',
    async restore(query) {
      const github = options.github
      if (!github) return missing('no GitHub token to read earlier runs (input github-token)', false)
      const name = baselineArtifactName(query.profileId)
      const startedMs = now()
      for (;;) {
        const attempt = await withDeadline(findAndDownload(query, name, github), options.timeoutMs).catch(
          (error: unknown) => ({ kind: 'error' as const, error }),
        )
        if (attempt.kind === 'timeout')
          return missing(`the artifact lookup did not finish within ${timeout} (baseline-timeout)`, true)
        if (attempt.kind === 'error')
          return missing(`the artifact lookup failed: ${describeApiError(attempt.error)}`, true)
        if (attempt.value.kind === 'found' || attempt.value.reason !== 'none') return attempt.value.outcome
        const waitedMs = now() - startedMs
        if (waitedMs >= options.waitMs) return attempt.value.outcome
        const active = await github.lookup.activeRuns(query.branch).catch(() => [])
        if (active.length === 0) return attempt.value.outcome
        await sleep(Math.min(pollIntervalMs, options.waitMs - waitedMs))
      }
    },
    async save(result, history) {
      const name = baselineArtifactName(result.profileId)
      const dir = join(options.workDir, 'tailgate-baseline-upload', name)
      try {
        await rm(dir, { recursive: true, force: true })
        await mkdir(dir, { recursive: true })
        await writeFile(join(dir, BUNDLE_FILE), serializeBundle({ current: result, history }))
        const upload = await withDeadline(
          new DefaultArtifactClient().uploadArtifact(name, [join(dir, BUNDLE_FILE)], dir),
          options.timeoutMs,
        )
        if (upload.kind === 'timeout')
          return notSaved(`the artifact upload did not finish within ${timeout} (baseline-timeout)`)
        return { kind: 'saved', reference: `artifact ${name} (id ${upload.value.id ?? '?'})`, warnings: [] }
      } catch (error) {
        return notSaved(`the artifact upload failed: ${firstLine(error)}`)
      }
    },
  }

  type Attempt =
    | { readonly kind: 'found'; readonly outcome: RestoreOutcome }
    | { readonly kind: 'missing'; readonly reason: 'none' | 'unreadable'; readonly outcome: RestoreOutcome }

  // long-function: one polling loop (list, pick the newest matching run, download, judge) whose exits share the
  // attempt's state; split with the store's next change (issue 15 left the baseline stores' logic alone).
  async function findAndDownload(
    query: BaselineQuery,
    name: string,
    github: NonNullable<ArtifactStoreOptions['github']>,
  ): Promise<Attempt> {
    const runs = (await github.lookup.successfulRuns(query.branch, 20)).filter(
      (r) => String(r.id) !== options.currentRunId,
    )
    const workflow = github.lookup.workflowLabel
    if (runs.length === 0) {
      return none(`no successful run of ${workflow} on ${query.branch} yet, so no baseline artifact`)
    }
    for (const run of preferExactSha(runs, query.sha).slice(0, RUNS_SEARCHED)) {
      const artifact = await github.lookup.artifactOfRun(run.id, name)
      if (!artifact) continue
      const dir = join(options.workDir, 'tailgate-baseline-download', String(run.id))
      await rm(dir, { recursive: true, force: true })
      await new DefaultArtifactClient().downloadArtifact(artifact.id, {
        path: dir,
        findBy: {
          token: github.token,
          workflowRunId: run.id,
          repositoryOwner: github.repository.owner,
          repositoryName: github.repository.repo,
        },
      })
      const origin = `artifact ${name} of run ${run.id}`
      let bundle: ReturnType<typeof parseBundle>
      try {
        bundle = parseBundle(await readFile(join(dir, BUNDLE_FILE), 'utf8'), origin)
      } catch (error) {
        const reason = messageOf(error)
        return {
          kind: 'missing',
          reason: 'unreadable',
          outcome: { kind: 'missing', reason, warnings: [`Baseline not used: ${reason}`] },
        }
      }
      const exactSha = query.sha !== null && run.headSha === query.sha
      const commitsBehind = !exactSha && query.sha ? await github.commitsBehind(run.headSha, query.sha) : null
      const outcome = judgeBaseline({
        bundle,
        query,
        machine: options.machine,
        source: {
          store: 'artifact',
          reference: `${name} (artifact ${artifact.id} of run ${run.id})`,
          branch: query.branch,
          sha: run.headSha,
          exactSha,
          measuredAt: bundle.current.startedAt,
          commitsBehind,
          runId: String(run.id),
        },
      })
      return outcome.kind === 'found' ? { kind: 'found', outcome } : { kind: 'missing', reason: 'unreadable', outcome }
    }
    return none(
      `no artifact ${name} in the last ${Math.min(runs.length, RUNS_SEARCHED)} successful runs of ${workflow} on ${query.branch}`,
    )
  }
}

function none(reason: string): { kind: 'missing'; reason: 'none'; outcome: RestoreOutcome } {
  return { kind: 'missing', reason: 'none', outcome: { kind: 'missing', reason, warnings: [] } }
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
