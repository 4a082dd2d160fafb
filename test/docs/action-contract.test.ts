// What the README promises about the runtime action.yml declares (outputs: test/docs/outputs.test.ts).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = fileURLToPath(new URL('../../', import.meta.url))
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { runs: { using: string } }
const readme = readFileSync(join(root, 'README.md'), 'utf8')

describe('the action contract', () => {
  it('the README names the runner version node24 needs (2.328.0)', () => {
    expect(action.runs.using).toBe('node24')
    expect(readme).toMatch(/self-hosted runner needs\s+version 2\.328\.0 or later/)
  })
})
