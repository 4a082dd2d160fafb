import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { profileJsonSchema } from '../../src/config/profile-json-schema.js'

describe('schema/profile.schema.json', () => {
  it('equals a fresh generation (run `npx tsx scripts/gen-schema.ts` after changing the profile schema)', () => {
    const committed = readFileSync(new URL('../../schema/profile.schema.json', import.meta.url), 'utf8')

    expect(committed).toBe(`${JSON.stringify(profileJsonSchema(), null, 2)}\n`)
  })

  it('describes the top-level keys and refuses unknown ones, for editors', () => {
    const schema = profileJsonSchema() as {
      properties: Record<string, { description?: string }>
      additionalProperties: unknown
    }

    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['target', 'model', 'rate', 'stages', 'scenarios', 'gate', 'budgets']),
    )
    expect(schema.properties.warmup?.description).toContain('excluded from every statistic')
  })
})
