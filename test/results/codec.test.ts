import { describe, expect, it } from 'vitest'
import { encodeRunResult, parseRunResult, serializeRunResult } from '../../src/results/codec.js'
import { ResultFormatError } from '../../src/results/errors.js'
import { mergeRunResults } from '../../src/results/merge.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'

const run = syntheticRun([
  { name: 'GET /users/{{id}}', roundsMs: [spreadMs(200, 20), spreadMs(200, 21), spreadMs(200, 19)] },
  { name: 'POST /login', roundsMs: [spreadMs(50, 80), spreadMs(50, 82), spreadMs(50, 79)], errorsPerRound: 2 },
])

describe('RunResult codec', () => {
  it('round-trips every count and percentile through the JSON file', () => {
    const decoded = parseRunResult(serializeRunResult(run), 'result.json')

    expect(decoded.endpoints.map((e) => e.name)).toEqual(['GET /users/{{id}}', 'POST /login'])
    for (const [e, endpoint] of run.endpoints.entries()) {
      for (const [r, round] of endpoint.rounds.entries()) {
        const back = decoded.endpoints[e]!.rounds[r]!
        expect(back.latency.count).toBe(round.latency.count)
        expect(back.latency.percentileUs(95)).toBe(round.latency.percentileUs(95))
        expect(back.actualLatency.entries()).toEqual(round.actualLatency.entries())
        expect(back.statusCounts).toEqual(round.statusCounts)
        expect(back.errors).toEqual(round.errors)
      }
    }
    expect(decoded.profileFingerprint).toBe(run.profileFingerprint)
    expect(decoded.health).toEqual(run.health)
  })

  it('writes format version 1.0 and histograms as HdrHistogram compressed base64', () => {
    const file = encodeRunResult(run)

    expect(file.formatVersion).toBe('1.2')
    expect(file.endpoints[0]!.rounds[0]!.latency).toMatch(/^HISTF/)
  })

  const valid = encodeRunResult(run)
  it.each([
    { what: 'truncated JSON', text: serializeRunResult(run).slice(0, 200), error: /not valid JSON.*truncated/ },
    { what: 'not an object', text: '[1,2,3]', error: /expected a JSON object/ },
    { what: 'no format version', text: '{"hello":1}', error: /no 'formatVersion'/ },
    {
      what: 'a newer major version',
      text: JSON.stringify({ ...valid, formatVersion: '2.0' }),
      error: /format 2\.0, written by a newer Tailgate.*upgrade Tailgate/,
    },
    {
      what: 'a missing field',
      text: JSON.stringify({ ...valid, profile: { ...valid.profile, fingerprint: undefined } }),
      error: /invalid field 'profile\.fingerprint'/,
    },
    {
      what: 'a broken histogram',
      text: JSON.stringify({
        ...valid,
        endpoints: [
          { ...valid.endpoints[0], rounds: valid.endpoints[0]!.rounds.map((r) => ({ ...r, latency: 'xx' })) },
        ],
      }),
      error: /broken histogram at 'endpoints\[0\]\.rounds\[0\]\.latency'/,
    },
    {
      what: 'a status code that is not one',
      text: JSON.stringify({
        ...valid,
        endpoints: [
          {
            ...valid.endpoints[0],
            rounds: valid.endpoints[0]!.rounds.map((r) => ({ ...r, statusCounts: { __proto__x: 1 } })),
          },
        ],
      }),
      error: /statusCounts/,
    },
  ])('refuses $what with a message naming the file', ({ text, error }) => {
    expect(() => parseRunResult(text, 'baseline.json')).toThrow(ResultFormatError)
    expect(() => parseRunResult(text, 'baseline.json')).toThrow(/^baseline\.json: /)
    expect(() => parseRunResult(text, 'baseline.json')).toThrow(error)
  })

  it('keeps a __proto__ key as plain data instead of polluting prototypes', () => {
    const text = serializeRunResult(run).replace('"errors":{}', '"errors":{"__proto__":{"polluted":1}}')

    expect(() => parseRunResult(text, 'hostile.json')).toThrow(ResultFormatError)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('mergeRunResults', () => {
  it('adds histograms and counts of shards exactly', () => {
    const a = syntheticRun([{ name: 'GET /', roundsMs: [spreadMs(100, 10), spreadMs(100, 12)] }])
    const b = syntheticRun([{ name: 'GET /', roundsMs: [spreadMs(300, 30), spreadMs(50, 12)] }])

    const merged = mergeRunResults([a, b])

    const round0 = merged.endpoints[0]!.rounds[0]!
    expect(round0.requests).toBe(400)
    expect(round0.latency.count).toBe(400)
    expect(round0.statusCounts['200']).toBe(400)
    expect(merged.health.achievedRatePerSecond).toBe(a.health.achievedRatePerSecond + b.health.achievedRatePerSecond)
  })

  it('refuses shards of different profiles', () => {
    const a = syntheticRun([{ name: 'GET /', roundsMs: [[1]] }])
    const b = syntheticRun([{ name: 'GET /', roundsMs: [[1]] }], { profileFingerprint: 'other' })

    expect(() => mergeRunResults([a, b])).toThrow(/different profile/)
  })
})
