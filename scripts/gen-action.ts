// Writes action.yml from the INPUTS and OUTPUTS tables (src/config/inputs.ts, src/action/outputs.ts).
// Run `npx tsx scripts/gen-action.ts` after changing an input; test/config/inputs.test.ts checks they agree.
import { writeFileSync } from 'node:fs'
import { stringify } from 'yaml'
import { OUTPUTS } from '../src/action/outputs.js'
import { INPUTS } from '../src/config/inputs.js'

export { OUTPUTS }

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
