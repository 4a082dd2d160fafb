import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { encodeRunResult } from '../../src/results/codec.js'
import { resultJsonSchema } from '../../src/results/json-schema.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'

describe('the published RunResult JSON Schema', () => {
  const committed = JSON.parse(readFileSync(new URL('../../schema/result.schema.json', import.meta.url), 'utf8'))

  it('equals a fresh generation (run `npx tsx scripts/gen-result-schema.ts` after changing the format)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(resultJsonSchema())))
  })

  it('requires every top-level field an encoded result has', () => {
    const encoded = encodeRunResult(syntheticRun([{ name: 'GET /', roundsMs: [spreadMs(10, 5)] }]))

    expect([...committed.required].sort()).toEqual(Object.keys(encoded).sort())
    expect(committed.properties.formatVersion.pattern).toBe('^1\\.\\d+$')
  })
})
