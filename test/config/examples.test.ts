import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readProfile } from '../../src/config/load-profile.js'
import { LOAD_MODELS } from '../../src/config/profile.js'

const dir = fileURLToPath(new URL('../../examples/', import.meta.url))
const files = readdirSync(dir).filter((name) => name.endsWith('.yml'))

describe('example profiles', () => {
  it.each(files)('%s is a valid profile', (name) => {
    const profile = readProfile(`${dir}${name}`)

    expect(profile.scenarios.length).toBeGreaterThan(0)
    expect(profile.durationMs).toBeGreaterThan(0)
  })

  it('cover every load model', () => {
    const models = new Set(files.map((name) => readProfile(`${dir}${name}`).model))

    expect([...models].sort()).toEqual([...LOAD_MODELS].sort())
  })
})
