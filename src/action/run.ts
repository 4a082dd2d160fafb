// The Action's main: inputs -> mode -> that mode's flow (each ends in gateAndPublish) -> step status.
// Every effect goes through ActionDeps; src/action/real-deps.ts wires the real ones, the tests pass fakes. Each
// mode's module is imported when that mode runs, so the step logs its first line before the rest is loaded.
import { isUserError } from '../config/errors.js'
import { parseActionInputs } from '../config/inputs.js'
import { messageOf } from '../log.js'
import { CancelledError, cancellableDeps } from './cancellation.js'
import { resolveMode } from './modes.js'
import type { ActionDeps } from './ports.js'
import { LocalServerError } from './preview/local-server-error.js'
import { TargetNotReadyError } from './preview/not-ready.js'

/** Runs the action once. Never throws: failures end in deps.fail with a one-line message. */
export async function runAction(uncancellable: ActionDeps): Promise<void> {
  const deps = cancellableDeps(uncancellable)
  try {
    const settings = parseActionInputs(deps.readInput)
    const mode = resolveMode(settings.mode, deps.context)
    deps.log.info(`Tailgate mode: ${mode} (input '${settings.mode}', event '${deps.context.eventName}')`)
    switch (mode) {
      case 'report':
        return await (await import('./mode-report.js')).runReportMode(settings, deps)
      case 'merge':
        return await (await import('./mode-merge.js')).runMergeMode(settings, deps)
      case 'calibrate':
        return await (await import('./mode-calibrate.js')).runCalibrateMode(settings, deps)
      case 'relabel':
        return await (await import('./mode-relabel.js')).runRelabelMode(settings, deps)
      case 'baseline':
      case 'compare':
        return await (await import('./mode-measure.js')).runMeasureMode(settings, mode, deps)
    }
  } catch (error) {
    failWith(error, deps)
  }
}

/** One line, no stack, for a user mistake or a target that never became ready (the message says the fix). */
function failWith(error: unknown, deps: ActionDeps): void {
  if (isUserError(error) || error instanceof TargetNotReadyError || error instanceof LocalServerError) {
    deps.fail(messageOf(error))
  } else if (error instanceof CancelledError || deps.signal.aborted) {
    deps.fail(`Tailgate was ${error instanceof CancelledError ? error.message : `cancelled (${messageOf(error)})`}`)
  } else {
    deps.log.debug(error instanceof Error && error.stack ? error.stack : String(error))
    deps.fail(`Tailgate failed: ${messageOf(error)}`)
  }
}
