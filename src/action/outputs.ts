// The action's outputs: every name with its description, and every value `verdict` can take. action.yml
// (scripts/gen-action.ts) and the README's outputs table (scripts/readme-inputs.ts) are generated from this table;
// test/docs/outputs.test.ts checks it against what the code writes.
import { OVERALL_OUTCOMES } from '../gate/types.js'

/** Every value the `verdict` output takes: the gate's overall outcomes (worst first), then the runs without one. */
export const VERDICT_VALUES = [...OVERALL_OUTCOMES, 'skipped', 'shard', 'calibrated', 'no-result'] as const
export type VerdictValue = (typeof VERDICT_VALUES)[number]

/** What each verdict value means, for the README's outputs table. */
export const VERDICT_MEANINGS: Readonly<Record<VerdictValue, string>> = {
  invalid: 'the generator fell behind or too many requests failed',
  regression: 'a confirmed regression',
  'budget-violation': 'an absolute budget is broken',
  inconclusive:
    'no sign of a regression, but this run could not resolve the margin (the report says what it could catch, and the fix)',
  'no-baseline':
    'nothing to compare with; also every baseline run (a push to the default branch), unless a budget is broken or the run is invalid',
  improvement: 'faster by more than the margin',
  pass: 'no evidence of a regression beyond the margin; the headline states what this run would have caught',
  'no-change': 'equivalence shown within ±margin (two one-sided tests, 90 % interval)',
  skipped: 'nothing was measured (e.g. a deployment_status that is not a success)',
  shard: "a shard's run (shard: i/N): the job with mode: merge gives the verdict",
  calibrated: 'mode: calibrate finished (the calibration JSON is report-path)',
  'no-result': 'a label change found no measured result of the PR head to re-decide: the step fails',
}

const verdictList = `${VERDICT_VALUES.slice(0, -1).join(', ')} or ${VERDICT_VALUES.at(-1)}`

/** Every output of the action, in action.yml order. */
export const OUTPUTS = {
  verdict: `Overall outcome: ${verdictList}. A baseline run (push to the default branch) compares nothing: no-baseline unless a budget is broken or the run is invalid.`,
  regressions: 'Number of endpoints with a confirmed regression (plus 1 for a capacity regression).',
  'sustained-rate':
    'Capacity runs: the highest arrival rate (req/s) at which the SLO held; empty when none held (docs/capacity.md).',
  'report-path': 'Path of the JSON report (schema/report.schema.json); with mode: calibrate, the calibration JSON.',
  'markdown-path': 'Path of the markdown report (the comment body).',
  'junit-path': 'Path of the JUnit XML report (one test case per endpoint and gated metric).',
  'html-path':
    'Path of the self-contained HTML report (tailgate-report.html: charts and tables, no script, opens offline).',
  'html-url': 'URL of the tailgate-report-<profile> artifact holding the HTML report, when it was uploaded.',
  'result-path': "Path of this run's RunResult file (upload it as an artifact for the two-workflow pattern).",
  'comment-url': 'URL of the sticky PR comment, when one was posted or updated.',
  'baseline-source': 'Which baseline was compared (store:reference), or empty when none.',
  'baseline-saved':
    'true when this run was saved as the baseline (baseline mode), false when saving failed; not set in other modes.',
} as const
export type OutputName = keyof typeof OUTPUTS
