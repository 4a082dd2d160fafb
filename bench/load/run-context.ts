// The placeholder environment and git context of a benchmark's runLoad call (no runner, no repository).
import type { RunResult } from '../../src/results/types.js'

export const benchEnvironment: RunResult['environment'] = {
  os: '',
  arch: '',
  cpuModel: '',
  cores: 0,
  nodeVersion: '',
  tailgateVersion: 'bench',
  runner: null,
}

export const benchGit: RunResult['git'] = {
  repository: null,
  ref: null,
  branch: null,
  sha: null,
  runId: null,
  workflow: null,
}
