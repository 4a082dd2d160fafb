// The environment and git context of a local (CLI) run.
import { execFileSync } from 'node:child_process'
import { arch, cpus, platform } from 'node:os'
import type { GitContext, RunEnvironment } from '../results/types.js'
import { TAILGATE_VERSION } from '../version.js'

/** This machine: OS, CPU model and cores, Node and Tailgate versions. */
export function localEnvironment(runner: string | null = null): RunEnvironment {
  const cpuList = cpus()
  return {
    os: platform(),
    arch: arch(),
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    nodeVersion: process.version,
    tailgateVersion: TAILGATE_VERSION,
    runner,
  }
}

/** The current git checkout's branch and SHA, when git answers; nulls otherwise. */
export function localGitContext(): GitContext {
  const git = (...args: string[]): string | null => {
    try {
      return (
        execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim() ||
        null
      )
    } catch {
      return null
    }
  }
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD')
  return {
    repository: null,
    ref: branch ? `refs/heads/${branch}` : null,
    branch,
    sha: git('rev-parse', 'HEAD'),
    runId: null,
    workflow: null,
  }
}
