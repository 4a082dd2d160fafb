// What action.yml and the README promise about the runtime and the outputs, checked against the code.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { STEP_VERDICTS } from '../../src/action/step-verdicts.js'
import { OVERALL_OUTCOMES } from '../../src/gate/types.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  runs: { using: string }
  outputs: Record<string, { description: string }>
}
const readme = readFileSync(join(root, 'README.md'), 'utf8')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

describe('the action contract', () => {
  it('the README names the runner version node24 needs (2.328.0)', () => {
    expect(action.runs.using).toBe('node24')
    expect(readme).toMatch(/self-hosted runner needs\s+version 2\.328\.0 or later/)
  })

  it("action.yml's verdict description names every value the code writes", () => {
    const written = sourceFiles(join(root, 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/outputs\.set\('verdict', '([^']+)'\)/g)].map((m) => m[1]!),
    )
    const documented = action.outputs.verdict!.description

    expect(written.length).toBeGreaterThan(0)
    for (const value of [...OVERALL_OUTCOMES, ...Object.keys(STEP_VERDICTS), ...written]) {
      expect(documented).toMatch(new RegExp(`(^|[ :,])${value}[ ,.(]`))
    }
    expect(written.every((value) => value in STEP_VERDICTS)).toBe(true)
  })

  it("the README's outputs table lists every output of action.yml, and no verdict the code never writes", () => {
    const table = readme.slice(readme.indexOf('## Outputs'), readme.indexOf('## CLI'))

    for (const name of Object.keys(action.outputs)) expect(table).toContain(`| \`${name}\``)
    expect(table).not.toMatch(/verdict.*baseline-saved/)
  })
})
