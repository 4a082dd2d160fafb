// Renders the README's inputs and outputs tables from the INPUTS and OUTPUTS tables (src/config/inputs.ts,
// src/action/outputs.ts), from which action.yml is generated too. `npx tsx scripts/readme-inputs.ts --write` rewrites
// README.md between the markers; test/docs/readme.test.ts checks it.
import { readFileSync, writeFileSync } from 'node:fs'
import { OUTPUTS, VERDICT_MEANINGS, VERDICT_VALUES } from '../src/action/outputs.js'
import { INPUTS } from '../src/config/inputs.js'

const INPUTS_START = '<!-- inputs:start (kept in sync with action.yml by test/docs/readme.test.ts) -->'
const INPUTS_END = '<!-- inputs:end -->'
const OUTPUTS_START = '<!-- outputs:start (kept in sync with action.yml by test/docs/readme.test.ts) -->'
const OUTPUTS_END = '<!-- outputs:end -->'

const cell = (text: string): string => text.replaceAll('|', '\\|')

/** The markdown table of every action input, in the INPUTS order. */
export function inputsTable(): string {
  const rows = Object.values(INPUTS).map((input) => {
    const defaultText = input.default === '' ? '' : `\`${input.default}\``
    return `| \`${input.name}\` | ${defaultText} | ${cell(input.description)} |`
  })
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n')
}

/** The markdown table of every action output, then every value `verdict` can take with its meaning. */
export function outputsTable(): string {
  const rows = Object.entries(OUTPUTS).map(([name, description]) => `| \`${name}\` | ${cell(description)} |`)
  const verdicts = VERDICT_VALUES.map((value) => `| \`${value}\` | ${cell(VERDICT_MEANINGS[value])} |`)
  return [
    '| output | description |',
    '|---|---|',
    ...rows,
    '',
    '| `verdict` | meaning |',
    '|---|---|',
    ...verdicts,
  ].join('\n')
}

function between(readme: string, start: string, end: string, table: string): string {
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`)
  return `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`
}

/** README text with the inputs section replaced by a fresh table. */
export function withInputsTable(readme: string): string {
  return between(readme, INPUTS_START, INPUTS_END, inputsTable())
}

/** README text with both generated tables replaced by fresh ones. */
export function withGeneratedTables(readme: string): string {
  return between(withInputsTable(readme), OUTPUTS_START, OUTPUTS_END, outputsTable())
}

if (process.argv.includes('--write')) {
  const path = new URL('../README.md', import.meta.url)
  writeFileSync(path, withGeneratedTables(readFileSync(path, 'utf8')))
}
