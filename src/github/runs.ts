// REST lookups the artifact baseline store needs: successful and in-progress runs of a workflow on a branch, a run's
// artifact by name, and how many commits one SHA is behind another. Errors propagate; the stores turn them into
// `missing` outcomes.
import type { RepositoryRef } from './context.js'
import type { RestClient } from './rest.js'

export interface RunSummary {
  readonly id: number
  readonly headSha: string
  readonly createdAt: string
}

export interface ArtifactSummary {
  readonly id: number
  readonly name: string
  readonly createdAt: string | null
}

/** The REST questions about earlier workflow runs. */
export interface RunLookup {
  /** The workflow being searched, for report lines (`perf.yml`, or `any workflow`). */
  readonly workflowLabel: string
  /** Successful runs on `branch` of this repository (never a fork's run with a same-named branch), newest first. */
  successfulRuns(branch: string, limit: number): Promise<RunSummary[]>
  /** Queued or in-progress runs on `branch` of this repository. */
  activeRuns(branch: string): Promise<RunSummary[]>
  /**
   * Completed pull_request runs of this workflow that measured `headSha` (a fork's included: the head is the PR's),
   * newest first.
   */
  completedRunsOfHead(headSha: string, limit: number): Promise<RunSummary[]>
  /** The newest unexpired artifact named `name` of a run, or null. */
  artifactOfRun(runId: number, name: string): Promise<ArtifactSummary | null>
}

/** How many commits `toSha` is ahead of `fromSha` (how far a baseline is behind), or null when unknown. */
export type CommitsBehind = (fromSha: string, toSha: string) => Promise<number | null>

/**
 * REST lookups for runs of `workflowFile` (e.g. `perf.yml`; any workflow of the repository when null).
 * @example createRunLookup({ rest, repository, workflowFile: context.workflowFile })
 */
export function createRunLookup(options: {
  readonly rest: RestClient
  readonly repository: RepositoryRef
  readonly workflowFile: string | null
}): RunLookup {
  const { rest, repository, workflowFile } = options
  const { owner, repo } = repository
  const listRuns = async (branch: string, status: 'success' | 'in_progress' | 'queued', perPage: number) => {
    const response = workflowFile
      ? await rest.rest.actions.listWorkflowRuns({
          owner,
          repo,
          workflow_id: workflowFile,
          branch,
          status,
          per_page: perPage,
        })
      : await rest.rest.actions.listWorkflowRunsForRepo({ owner, repo, branch, status, per_page: perPage })
    // Only runs of this repository: GitHub also lists a fork PR's run whose head branch has the same name (a fork
    // can call its branch `main` and upload an artifact named like the baseline: artifact poisoning).
    const ownName = `${owner}/${repo}`.toLowerCase()
    return response.data.workflow_runs
      .filter((run) => run.head_repository?.full_name?.toLowerCase() === ownName)
      .map((run) => ({ id: run.id, headSha: run.head_sha, createdAt: run.created_at }))
  }
  return {
    workflowLabel: workflowFile ?? 'any workflow',
    // A full page, then the newest `limit` of this repository's runs (forks' runs are filtered out of the page).
    successfulRuns: async (branch, limit) =>
      (await listRuns(branch, 'success', 100)).slice(0, Math.min(100, Math.max(1, limit))),
    activeRuns: async (branch) => [
      ...(await listRuns(branch, 'in_progress', 10)),
      ...(await listRuns(branch, 'queued', 10)),
    ],
    completedRunsOfHead: (headSha, limit) => completedRunsOfHead(options, headSha, limit),
    async artifactOfRun(runId, name) {
      const { data } = await rest.rest.actions.listWorkflowRunArtifacts({
        owner,
        repo,
        run_id: runId,
        name,
        per_page: 100,
      })
      const usable = data.artifacts.filter((a) => a.name === name && !a.expired).sort((a, b) => b.id - a.id)
      const newest = usable[0]
      return newest ? { id: newest.id, name: newest.name, createdAt: newest.created_at ?? null } : null
    },
  }
}

/** Completed pull_request runs (of `workflowFile`, or of any workflow) on `headSha`, newest first. */
async function completedRunsOfHead(
  { rest, repository, workflowFile }: Parameters<typeof createRunLookup>[0],
  headSha: string,
  limit: number,
): Promise<RunSummary[]> {
  const query = {
    ...repository,
    head_sha: headSha,
    status: 'completed' as const,
    per_page: Math.min(100, Math.max(1, limit)),
  }
  const response = workflowFile
    ? await rest.rest.actions.listWorkflowRuns({ ...query, workflow_id: workflowFile })
    : await rest.rest.actions.listWorkflowRunsForRepo(query)
  return response.data.workflow_runs
    .filter((run) => run.head_sha === headSha && run.event.startsWith('pull_request'))
    .map((run) => ({ id: run.id, headSha: run.head_sha, createdAt: run.created_at }))
}

/**
 * Commits between two SHAs through the compare API; null when GitHub does not know them (404) or fails.
 * @example await createCommitsBehind({ rest, repository })(baselineSha, baseSha) // => 3
 */
export function createCommitsBehind(options: {
  readonly rest: RestClient
  readonly repository: RepositoryRef
}): CommitsBehind {
  return async (fromSha, toSha) => {
    if (fromSha === toSha) return 0
    try {
      const { data } = await options.rest.rest.repos.compareCommitsWithBasehead({
        owner: options.repository.owner,
        repo: options.repository.repo,
        basehead: `${fromSha}...${toSha}`,
        per_page: 1,
      })
      return data.ahead_by
    } catch {
      return null
    }
  }
}
