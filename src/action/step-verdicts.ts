// The `verdict` output: the gate's overall outcome, or what the step did instead of gating (documented in action.yml
// from this list; test/docs/action-contract.test.ts checks that the code writes no other value).
import { OVERALL_OUTCOMES } from '../gate/types.js'

/** Verdicts of a step that did not gate: nothing to measure, a shard, a calibration, no result to re-decide. */
export const STEP_VERDICTS = {
  skipped: 'nothing was measured, e.g. a deployment_status that is not a success',
  shard: 'a shard measured its slice; the mode: merge job gates',
  calibrated: 'mode: calibrate finished',
  'no-result': 'a label change found no measured result of the head to re-decide; the step fails',
} as const

/** Every value the `verdict` output can take, for action.yml. */
export function verdictOutputDescription(): string {
  const steps = Object.entries(STEP_VERDICTS).map(([name, meaning]) => `${name} (${meaning})`)
  return `Overall outcome: ${OVERALL_OUTCOMES.join(', ')}. When the step did not gate: ${steps.join(', ')}.`
}
