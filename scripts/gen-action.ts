// Writes action.yml from the INPUTS table (src/config/inputs.ts) and the outputs below.
// Run `npx tsx scripts/gen-action.ts` after changing an input; test/config/inputs.test.ts checks they agree.
import { writeFileSync } from 'node:fs'
import { stringify } from 'yaml'
import { INPUTS } from '../src/config/inputs.js'

export const OUTPUTS = {
  verdict:
    'Overall outcome: no-change, improvement, regression, budget-violation, inconclusive, no-baseline or invalid.',
  regressions: 'Number of endpoints with a confirmed regression (plus 1 for a capacity regression).',
  'sustained-rate':
    'Capacity runs: the highest arrival rate (req/s) at which the SLO held; empty when none held (docs/capacity.md).',
  'report-path': 'Path of the JSON report (schema/report.schema.json).',
  'markdown-path': 'Path of the markdown report (the comment body).',
  'junit-path': 'Path of the JUnit XML report (one test case per endpoint and gated metric).',
  'result-path': "Path of this run's RunResult file (upload it as an artifact for the two-workflow pattern).",
  'comment-url': 'URL of the sticky PR comment, when one was posted or updated.',
  'baseline-source': 'Which baseline was compared (store:reference), or empty when none.',
  'baseline-saved': 'true when this run was saved as the baseline (baseline mode), false when saving failed.',
} as const

const inputs: Record<string, unknown> = {}
for (const input of Object.values(INPUTS)) {
  inputs[input.name] = { description: input.description, required: false, default: input.default }
}
const outputs: Record<string, unknown> = {}
for (const [name, description] of Object.entries(OUTPUTS)) outputs[name] = { description }

const action = {
  name: 'Tailgate',
  description:
    'Stop HTTP latency regressions before they merge: load a preview, compare with the base branch by rounds, gate, comment.',
  author: 'Tailgate',
  branding: { icon: 'activity', color: 'orange' },
  inputs,
  outputs,
  runs: { using: 'node24', main: 'dist/index.js' },
}

if (process.argv[1]?.endsWith('gen-action.ts')) {
  writeFileSync(new URL('../action.yml', import.meta.url), stringify(action, { lineWidth: 0 }))
}
