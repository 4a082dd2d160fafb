// A PR's measured results kept as workflow artifacts (`tailgate-result-<profile id>`: the result and the baseline it
// was compared with), so that a label change re-decides the verdict without sending load. Upload goes through this
// run's results service; the lookup finds the newest completed pull_request run of this workflow on the head SHA and
// downloads its artifact through REST (`findBy`). Never throws.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RepositoryRef } from '../github/context.js'
import { describeApiError } from '../github/errors.js'
import { artifactClient, downloadRunArtifact } from '../github/run-artifacts.js'
import type { RunLookup } from '../github/runs.js'
import type { MeasuredResultPort } from './ports.js'

/** Runs of the head SHA whose artifacts are looked at, newest first. */
const RUNS_SEARCHED = 10

/** The artifact name of a profile's measured result (artifact names forbid `"<>|*?:\/` and newlines). */
export function measuredResultArtifactName(profileId: string): string {
  return `tailgate-result-${profileId.replace(/[^A-Za-z0-9._-]+/g, '-')}`
}

export interface MeasuredResultsOptions {
  /** Scratch directory (RUNNER_TEMP). */
  readonly workDir: string
  /** REST lookups and the token for other runs' artifacts; null without a token (lookups then find nothing). */
  readonly github: {
    readonly lookup: RunLookup
    readonly token: string
    readonly repository: RepositoryRef
  } | null
  /** This run's id: never its own source. */
  readonly currentRunId: string | null
}

/**
 * The real MeasuredResultPort over @actions/artifact.
 * @example createMeasuredResults({ workDir: process.env.RUNNER_TEMP, github: { lookup, token, repository }, currentRunId })
 */
export function createMeasuredResults(options: MeasuredResultsOptions): MeasuredResultPort {
  return {
    async save(name, files) {
      try {
        const dir = join(options.workDir, 'tailgate-measured-result')
        await rm(dir, { recursive: true, force: true })
        await mkdir(dir, { recursive: true })
        const paths: string[] = []
        for (const [file, text] of Object.entries(files)) {
          await writeFile(join(dir, file), text)
          paths.push(join(dir, file))
        }
        await (await artifactClient()).uploadArtifact(name, paths, dir, { retentionDays: 30 })
        return null
      } catch (error) {
        return `The measured result was not kept as the artifact ${name} (${describeApiError(error)}): a later label change cannot re-decide this run without measuring again`
      }
    },
    async latest(name, headSha) {
      const github = options.github
      const short = headSha.slice(0, 7)
      if (!github) return { kind: 'none', reason: 'no github-token input, so earlier runs cannot be read' }
      try {
        const runs = (await github.lookup.completedRunsOfHead(headSha, 30)).filter(
          (run) => String(run.id) !== options.currentRunId,
        )
        for (const run of runs.slice(0, RUNS_SEARCHED)) {
          const artifact = await github.lookup.artifactOfRun(run.id, name)
          if (!artifact) continue
          const dir = join(options.workDir, 'tailgate-measured-result-download', String(run.id))
          await downloadRunArtifact({ artifactId: artifact.id, runId: run.id, dir, ...github })
          const files: Record<string, string> = {}
          for (const file of await readdir(dir)) files[file] = await readFile(join(dir, file), 'utf8')
          return { kind: 'found', runId: run.id, files }
        }
        return {
          kind: 'none',
          reason:
            runs.length === 0
              ? `no completed run of ${github.lookup.workflowLabel} measured the head ${short} yet`
              : `none of the last ${Math.min(runs.length, RUNS_SEARCHED)} runs of ${github.lookup.workflowLabel} on the head ${short} kept the artifact ${name}`,
        }
      } catch (error) {
        return { kind: 'none', reason: `the runs of the head ${short} could not be read: ${describeApiError(error)}` }
      }
    },
  }
}
