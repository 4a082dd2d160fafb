import { describe, expect, it } from 'vitest'
import { profileFingerprint } from '../../src/config/fingerprint.js'
import { parseProfile } from '../../src/config/load-profile.js'

const base = [
  'target: http://127.0.0.1:8080',
  'rate: 50',
  'duration: 10s',
  'headers: { authorization: Bearer secret-1, accept: application/json }',
  'requests: [GET /health]',
].join('\n')

const fingerprintOf = (text: string, target?: string): string =>
  profileFingerprint(parseProfile({ text, file: 'tailgate.yml', overrides: target ? { target } : {} }))

describe('profileFingerprint', () => {
  it('is a 16-hex-digit digest, stable for the same profile', () => {
    expect(fingerprintOf(base)).toMatch(/^[0-9a-f]{16}$/)
    expect(fingerprintOf(base)).toBe(fingerprintOf(base))
  })

  it.each([
    { what: 'the target URL', text: base, target: 'http://127.0.0.1:9/other' },
    { what: 'a secret header value', text: base.replace('secret-1', 'secret-2') },
    { what: 'the gate', text: `${base}\ngate: { alpha: 0.01 }` },
    { what: 'budgets', text: `${base}\nbudgets: { '*': p95 < 1s }` },
    { what: 'key order', text: base.split('\n').reverse().join('\n') },
    { what: 'the profile name', text: `name: renamed\n${base}` },
  ])('ignores $what', ({ text, target }) => {
    expect(fingerprintOf(text, target)).toBe(fingerprintOf(base))
  })

  it.each([
    { what: 'the rate', text: base.replace('rate: 50', 'rate: 51') },
    { what: 'the duration', text: base.replace('10s', '11s') },
    { what: 'the warm-up', text: `${base}\nwarmup: 3s` },
    { what: 'the rounds', text: `${base}\nrounds: 8` },
    { what: 'the timeout', text: `${base}\ntimeout: 2s` },
    { what: 'the requests', text: base.replace('GET /health', 'GET /users') },
    { what: 'a non-secret header value', text: base.replace('application/json', 'text/html') },
    { what: 'the model', text: base.replace('rate: 50', 'model: constant-vus\nvus: 50') },
  ])('changes with $what', ({ text }) => {
    expect(fingerprintOf(text)).not.toBe(fingerprintOf(base))
  })
})
