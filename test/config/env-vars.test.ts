// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} in plain strings is the profile syntax under test
import { describe, expect, it } from 'vitest'
import { ConfigErrors } from '../../src/config/errors.js'
import { profileFingerprint } from '../../src/config/fingerprint.js'
import { parseProfile } from '../../src/config/load-profile.js'

const text = [
  'target: http://127.0.0.1:${PREVIEW_PORT}',
  'rate: 5',
  'duration: 1s',
  "headers: { authorization: 'Bearer ${API_TOKEN}', x-literal: '{{not-env}}' }",
  'scenarios:',
  "  - { name: s, steps: [{ path: /a, headers: { x-key: '${API_KEY}' } }] }",
].join('\n')

describe('${NAME} in target and headers', () => {
  it('takes the values from the environment', () => {
    const env = { PREVIEW_PORT: '8080', API_TOKEN: 'secret-token', API_KEY: 'k-1' }

    const profile = parseProfile({ text, file: 'p.yml', env })

    expect(profile.target.href).toBe('http://127.0.0.1:8080/')
    expect(profile.headers.authorization).toBe('Bearer secret-token')
    expect(profile.scenarios[0]?.steps[0]?.headers['x-key']).toBe('k-1')
  })

  it('names every unset variable with the line and how to set it', () => {
    let caught: unknown
    try {
      parseProfile({ text, file: 'p.yml', env: { PREVIEW_PORT: '8080' } })
    } catch (error) {
      caught = error
    }

    expect(caught).toBeInstanceOf(ConfigErrors)
    expect((caught as ConfigErrors).errors.map((e) => e.message)).toEqual([
      "p.yml:4:27: 'headers.authorization': environment variable API_TOKEN is not set; set API_TOKEN in the step's env: (e.g. API_TOKEN: ${{ secrets.API_TOKEN }}), or write the value without ${…}",
      "p.yml:6:54: 'scenarios[0].steps[0].headers.x-key': environment variable API_KEY is not set; set API_KEY in the step's env: (e.g. API_KEY: ${{ secrets.API_KEY }}), or write the value without ${…}",
    ])
  })

  it('keeps a secret out of the fingerprint', () => {
    const a = parseProfile({ text, file: 'p.yml', env: { PREVIEW_PORT: '1', API_TOKEN: 'one', API_KEY: 'x' } })
    const b = parseProfile({ text, file: 'p.yml', env: { PREVIEW_PORT: '2', API_TOKEN: 'two', API_KEY: 'y' } })

    expect(profileFingerprint(a)).toBe(profileFingerprint(b))
  })
})
