// Downloading an artifact of another workflow run (REST `findBy` with the token: needs `actions: read`) into a fresh
// directory, for the artifact baseline store and the Action's measured results alike.
import { rm } from 'node:fs/promises'
import type { RepositoryRef } from './context.js'

/**
 * The toolkit's artifact client, loaded on first use: @actions/artifact and the Azure SDK under it are most of the
 * action's start-up, and a run that needs no artifact never loads them.
 */
export async function artifactClient() {
  return new (await import('@actions/artifact')).DefaultArtifactClient()
}

/**
 * Empties `dir`, then downloads artifact `artifactId` of run `runId` into it. Errors propagate (callers turn them into
 * their own outcomes).
 * @example await downloadRunArtifact({ artifactId: 3, runId: 1001, dir, token, repository })
 */
export async function downloadRunArtifact(options: {
  readonly artifactId: number
  readonly runId: number
  readonly dir: string
  readonly token: string
  readonly repository: RepositoryRef
}): Promise<void> {
  await rm(options.dir, { recursive: true, force: true })
  await (await artifactClient()).downloadArtifact(options.artifactId, {
    path: options.dir,
    findBy: {
      token: options.token,
      workflowRunId: options.runId,
      repositoryOwner: options.repository.owner,
      repositoryName: options.repository.repo,
    },
  })
}
