import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { withGeneratedTables } from '../../scripts/readme-inputs.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('lists every action input with its default, every output and every verdict value (run `npx tsx scripts/readme-inputs.ts --write` after changing them)', () => {
    expect(readme).toBe(withGeneratedTables(readme))
  })

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm ci && npm test')
  })
})
