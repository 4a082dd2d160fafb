// mode: calibrate — A/A runs of the target against itself; the job summary says what margin this runner supports.
import { join } from 'node:path'
import { calibrate } from '../calibrate/calibrate.js'
import { renderCalibrationJson, renderCalibrationMarkdown, renderCalibrationText } from '../calibrate/render.js'
import type { ActionSettings } from '../config/inputs.js'
import type { ActionDeps } from './ports.js'
import { prepareSecureTarget } from './prepare-target.js'
import { storedBaselines } from './stored-baseline.js'

export async function runCalibrateMode(settings: ActionSettings, rawDeps: ActionDeps): Promise<void> {
  const { deps, target } = await prepareSecureTarget({ ...settings, baselineTarget: undefined }, rawDeps)
  if (target.kind === 'skip') return deps.log.info(`Nothing calibrated: ${target.reason}`)
  try {
    const report = await calibrate({
      profile: target.profile,
      runs: settings.calibrateRuns,
      history: await storedBaselines(target.profile, settings, deps),
      measure: (profile, options) => deps.measureLiveAb(profile, options),
      signal: deps.signal,
      onRun: ({ run, of, verdict }) => deps.log.info(`A/A run ${run} of ${of}: ${verdict.outcome}`),
    })
    const markdown = renderCalibrationMarkdown(report)
    const path = await deps.files.writeText(join(settings.outputDir, 'calibration.json'), renderCalibrationJson(report))
    deps.outputs.set('report-path', path)
    deps.outputs.set('verdict', 'calibrated')
    await deps.writeSummary(markdown)
    deps.log.info(renderCalibrationText(report))
  } finally {
    await target.stop()
  }
}
