// `model: capacity` in the profile: the example works as written, defaults, and clear errors.
import { describe, expect, it } from 'vitest'
import { ConfigErrors } from '../../src/config/errors.js'
import { profileFingerprint } from '../../src/config/fingerprint.js'
import { parseProfile } from '../../src/config/load-profile.js'

/** The example profile of the issue and docs/capacity.md, verbatim. */
const EXAMPLE_PROFILE = `name: capacity
target: http://127.0.0.1:8080
model: capacity
start-rate: 50/s
max-rate: 2000/s
step-duration: 5s
slo: ["p95 < 50ms", "error-rate < 1%"]
requests:
  - GET /work
`

const parse = (text: string) => parseProfile({ text, file: 'capacity.yml' })

function problems(text: string): string {
  try {
    parse(text)
  } catch (error) {
    if (error instanceof ConfigErrors) return error.message
    throw error
  }
  throw new Error('expected ConfigErrors')
}

describe('capacity profiles', () => {
  it('reads the example profile as written, with the defaults', () => {
    const profile = parse(EXAMPLE_PROFILE)
    expect(profile.model).toBe('capacity')
    expect(profile.capacity).toMatchObject({
      startRatePerSecond: 50,
      maxRatePerSecond: 2000,
      growthFactor: 2,
      resolution: 0.05,
      stepDurationMs: 5000,
    })
    expect(profile.capacity?.slo['*']?.map((b) => b.expression)).toEqual(['p95 < 50ms', 'error-rate < 1%'])
    expect(profile.warmupMs).toBe(1000)
    expect(profile.rounds).toBe(10)
    expect(profile.durationMs).toBe(5000)
    expect(profile.maxEventLoopLagMs).toBe(50)
    expect(profile.load).toMatchObject({ model: 'constant-arrival-rate', ratePerSecond: 50 })
  })

  it('takes a per-endpoint SLO map, growth and resolution, and adds an error objective when none is set', () => {
    const profile = parse(
      `${EXAMPLE_PROFILE}growth: 1.5\nresolution: 2%\n`.replace(
        'slo: ["p95 < 50ms", "error-rate < 1%"]',
        'slo:\n  GET /work: p99 < 200ms',
      ),
    )
    expect(profile.capacity?.growthFactor).toBe(1.5)
    expect(profile.capacity?.resolution).toBe(0.02)
    expect(profile.capacity?.slo['GET /work']?.map((b) => b.expression)).toEqual(['p99 < 200ms'])
    expect(profile.capacity?.slo['*']?.map((b) => b.expression)).toEqual(['error-rate < 1%'])
  })

  it('infers the capacity model from slo: and max-rate:', () => {
    expect(parse(EXAMPLE_PROFILE.replace('model: capacity\n', '')).model).toBe('capacity')
  })

  it('changes the fingerprint when the SLO or the search changes', () => {
    const base = profileFingerprint(parse(EXAMPLE_PROFILE))
    expect(profileFingerprint(parse(EXAMPLE_PROFILE.replace('p95 < 50ms', 'p95 < 60ms')))).not.toBe(base)
    expect(profileFingerprint(parse(EXAMPLE_PROFILE.replace('max-rate: 2000/s', 'max-rate: 1000/s')))).not.toBe(base)
  })

  it.each([
    [
      'missing slo',
      EXAMPLE_PROFILE.replace(/slo: .*\n/, ''),
      /'slo': missing for model capacity; add slo: \["p95 < 50ms"/,
    ],
    ['rate instead of start-rate', EXAMPLE_PROFILE.replace('start-rate: 50/s', 'rate: 50'), /'start-rate': missing/],
    ['duration', `${EXAMPLE_PROFILE}duration: 30s\n`, /capacity search lasts as many steps as it needs/],
    [
      'an rps objective',
      EXAMPLE_PROFILE.replace('"error-rate < 1%"', '"rps >= 10"'),
      /cannot be an SLO: a step is judged by latency or error-rate/,
    ],
    ['max-rate below start-rate', EXAMPLE_PROFILE.replace('2000/s', '20/s'), /max-rate \(20\/s\) is below start-rate/],
    ['growth of 1', `${EXAMPLE_PROFILE}growth: 1\n`, /growth must be above 1/],
    ['resolution of 90%', `${EXAMPLE_PROFILE}resolution: 90%\n`, /resolution must be between/],
    [
      'slo in another model',
      'target: http://127.0.0.1:1\nrate: 5\nduration: 1s\nmodel: constant-arrival-rate\nslo: ["p95 < 1s"]\nrequests: [GET /]\n',
      /'slo' is not used by model constant-arrival-rate/,
    ],
  ])('refuses %s with the field, line and fix', (_name, text, message) => {
    const text2 = problems(text)
    expect(text2).toMatch(message)
    expect(text2).toMatch(/capacity\.yml:\d+:\d+/)
  })
})
