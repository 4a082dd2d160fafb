// A PR's label changed (mode auto → relabel): the latest measured result of its head is decided again with the
// labels as they are now, without load; with no such result the step says so and fails (a skipped job would pass a
// required check). See relabel.ts for what a measuring run keeps.
import type { ActionSettings } from '../config/inputs.js'
import { readProfile } from '../config/load-profile.js'
import { gateAndPublish } from './gate-and-publish.js'
import type { ActionDeps } from './ports.js'
import { findMeasuredResult, reportNoMeasuredResult } from './relabel.js'
import { writeResult } from './result-file.js'

export async function runRelabelMode(settings: ActionSettings, deps: ActionDeps): Promise<void> {
  // The profile gives the gate settings and budgets; nothing is measured.
  const profile = readProfile(settings.profilePath, { gateOnly: true }, deps.env)
  const found = await findMeasuredResult(deps, profile.id)
  if (found.kind === 'none') return await reportNoMeasuredResult(deps, found.reason)
  // The fork-safe report workflow downloads result.json from this run too.
  await writeResult(found.candidate, settings.outputDir, deps)
  await gateAndPublish(
    found.candidate,
    { outcome: found.restored, lines: found.baselineLines },
    { deps, settings, profile, mode: 'relabel' },
  )
}
