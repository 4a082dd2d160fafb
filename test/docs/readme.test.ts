import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { withInputsTable } from '../../scripts/readme-inputs.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('lists every action input with its default (run `npx tsx scripts/readme-inputs.ts --write` after changing inputs)', () => {
    expect(readme).toBe(withInputsTable(readme))
  })

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm ci && npm test')
  })
})
