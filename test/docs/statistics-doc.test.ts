// docs/statistics.md: its profile example parses as written, with rounds: auto and the limits it states.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseProfile } from '../../src/config/load-profile.js'

const doc = readFileSync(new URL('../../docs/statistics.md', import.meta.url), 'utf8')
const profiles = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string)

describe('docs/statistics.md', () => {
  it('has the rounds: auto profile, and it parses to the limits the text states', () => {
    expect(profiles).toHaveLength(1)
    const profile = parseProfile({
      text: profiles[0] as string,
      file: 'tailgate.yml',
      overrides: { target: 'http://127.0.0.1/' },
    })

    expect(profile).toMatchObject({
      rounds: 6,
      durationMs: 30_000,
      maxDurationMs: 600_000,
      autoRounds: { minRounds: 6, maxRounds: 60 },
    })
  })
})
