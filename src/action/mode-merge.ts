// mode: merge — the shards' RunResult files (downloaded by the workflow into `result-path`: a directory, or files
// separated by commas or newlines) are added into one result, then gated like a measured run: on a push to the
// default branch it is saved as the baseline, otherwise compared with it.

import type { ActionSettings } from '../config/inputs.js'
import { readProfile } from '../config/load-profile.js'
import { mergeRunResults } from '../results/merge.js'
import { resolveMode } from './modes.js'
import type { ActionDeps } from './ports.js'
import { writeResult } from './result-file.js'
import { readShardResults } from './shards.js'
import { gateWithStore } from './stored-baseline.js'

export async function runMergeMode(settings: ActionSettings, deps: ActionDeps): Promise<void> {
  // The profile gives the gate settings and budgets; its target is never used (nothing is measured here).
  const profile = readProfile(settings.profilePath, { gateOnly: true }, deps.env)
  const candidate = mergeRunResults(await readShardResults(settings.resultPath, deps))
  await writeResult(candidate, settings.outputDir, deps)
  const mode = resolveMode('auto', deps.context) === 'baseline' ? 'baseline' : 'compare'
  await gateWithStore(candidate, { settings, mode, deps, profile })
}
