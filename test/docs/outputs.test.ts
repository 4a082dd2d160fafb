// The action's outputs as documented (action.yml, the README's generated table) are what the code writes: every
// output name the code sets, and every value it writes to `verdict`.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { OUTPUTS, VERDICT_VALUES } from '../../src/action/outputs.js'
import { REPO_ROOT, readDoc } from './doc-blocks.js'

const sources = (readdirSync(join(REPO_ROOT, 'src'), { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(join(REPO_ROOT, 'src', file), 'utf8'))
  .join('\n')
const sets = [...sources.matchAll(/outputs\.set\(\s*'([\w-]+)'\s*,\s*([^\n]*)/g)].map((m) => ({
  name: m[1] as string,
  value: m[2] as string,
}))

describe('action outputs', () => {
  it('action.yml describes each output exactly as the OUTPUTS table does', () => {
    const action = parse(readDoc('action.yml')) as { outputs: Record<string, { description: string }> }

    expect(Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, v.description]))).toEqual(OUTPUTS)
  })

  it('every output the code sets is declared, and every declared output is set somewhere', () => {
    const written = [...new Set(sets.map((s) => s.name))].sort()

    expect(written.length).toBeGreaterThan(5) // the scan found the pipeline's outputs.set calls
    expect(written).toEqual(Object.keys(OUTPUTS).sort())
  })

  it('every value written to verdict is a documented one: the overall outcomes, skipped, shard, calibrated', () => {
    const literals = sets
      .filter((s) => s.name === 'verdict')
      .map((s) => /^'([\w-]+)'\)/.exec(s.value)?.[1])
      .filter((v): v is string => v !== undefined)

    expect(literals.sort()).toEqual(['calibrated', 'shard', 'skipped'])
    for (const value of VERDICT_VALUES) expect(OUTPUTS.verdict).toContain(value)
  })

  it("the README's outputs table lists every output and every verdict value, and baseline-saved", () => {
    const readme = readDoc('README.md')
    const table = readme.slice(readme.indexOf('<!-- outputs:start'), readme.indexOf('<!-- outputs:end -->'))

    for (const name of Object.keys(OUTPUTS)) expect(table).toContain(`| \`${name}\` |`)
    for (const value of VERDICT_VALUES) expect(table).toContain(`| \`${value}\` |`)
    // baseline-saved is an output of its own, never a verdict value (the code writes no-baseline on a baseline run)
    expect(table.slice(table.indexOf('| `verdict` | meaning |'))).not.toContain('baseline-saved')
  })
})
