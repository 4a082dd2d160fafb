// Renders the README's inputs table from the INPUTS table (src/config/inputs.ts).
// `npx tsx scripts/readme-inputs.ts --write` rewrites README.md between the inputs markers; the test checks it.
import { readFileSync, writeFileSync } from 'node:fs'
import { INPUTS } from '../src/config/inputs.js'

const START = '<!-- inputs:start (kept in sync with action.yml by test/docs/readme.test.ts) -->'
const END = '<!-- inputs:end -->'

/** The markdown table of every action input, in the INPUTS order. */
export function inputsTable(): string {
  const rows = Object.values(INPUTS).map((input) => {
    const defaultText = input.default === '' ? '' : `\`${input.default}\``
    return `| \`${input.name}\` | ${defaultText} | ${input.description.replaceAll('|', '\\|')} |`
  })
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n')
}

/** README text with the inputs section replaced by a fresh table. */
export function withInputsTable(readme: string): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error('README.md has no inputs markers')
  return `${readme.slice(0, start + START.length)}\n${inputsTable()}\n${readme.slice(end)}`
}

if (process.argv.includes('--write')) {
  const path = new URL('../README.md', import.meta.url)
  writeFileSync(path, withInputsTable(readFileSync(path, 'utf8')))
}
