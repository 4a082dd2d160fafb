// The baseline bundle: current baseline + history, through the RunResult codec; corrupt and unknown files refused
// with the decoder's message.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nextHistory, parseBundle, serializeBundle } from '../../src/baseline/bundle.js'
import { serializeRunResult } from '../../src/results/codec.js'
import { ResultFormatError } from '../../src/results/errors.js'
import { baselineRun, FINGERPRINT, MAIN } from './baseline-fixtures.js'

describe('baseline bundle', () => {
  it('round-trips the current baseline and its history, newest first', () => {
    const current = baselineRun({ sha: MAIN[3], centreMs: 30 })
    const history = [baselineRun({ sha: MAIN[2], centreMs: 25 }), baselineRun({ sha: MAIN[1], centreMs: 22 })]

    const parsed = parseBundle(serializeBundle({ current, history }), 'bundle.json')

    expect(parsed.current.git.sha).toBe(MAIN[3])
    expect(parsed.history.map((r) => r.git.sha)).toEqual([MAIN[2], MAIN[1]])
    expect(parsed.current.endpoints[0]!.rounds[0]!.latency.percentileUs(50)).toBe(
      current.endpoints[0]!.rounds[0]!.latency.percentileUs(50),
    )
    expect(parsed.warnings).toEqual([])
  })

  it('reads a bare RunResult file as a bundle without history', () => {
    const parsed = parseBundle(serializeRunResult(baselineRun()), 'result.json')

    expect(parsed.history).toEqual([])
    expect(parsed.current.profileFingerprint).toBe(FINGERPRINT)
  })

  it('drops an unreadable history entry with a warning and keeps the current baseline', () => {
    const json = JSON.parse(serializeBundle({ current: baselineRun(), history: [baselineRun(), baselineRun()] }))
    json.history[1].endpoints = 'broken'

    const parsed = parseBundle(JSON.stringify(json), 'bundle.json')

    expect(parsed.history).toHaveLength(1)
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/^Dropped an unreadable earlier baseline from the trend: bundle.json \(history\[1\]\)/),
    ])
  })

  const bundleText = serializeBundle({ current: baselineRun(), history: [] })
  it.each([
    { what: 'truncated JSON', text: bundleText.slice(0, 100), error: /^b.json: is not valid JSON .*truncated\?$/ },
    { what: 'not an object', text: '[1,2]', error: /^b.json: is not a Tailgate baseline \(expected a JSON object\)$/ },
    {
      what: 'a newer bundle format',
      text: bundleText.replace('"bundleVersion":"1.0"', '"bundleVersion":"2.0"'),
      error:
        /^b.json: has baseline bundle format 2.0, written by a newer Tailgate; .*upgrade Tailgate, or re-run the baseline$/,
    },
    {
      what: 'a newer result format inside',
      text: bundleText.replace('"formatVersion":"1.2"', '"formatVersion":"2.0"'),
      error: /^b.json \(current baseline\): has result format 2.0, written by a newer Tailgate/,
    },
  ])('refuses $what with the decoder message', ({ text, error }) => {
    expect(() => parseBundle(text, 'b.json')).toThrow(ResultFormatError)
    expect(() => parseBundle(text, 'b.json')).toThrow(error)
  })
})

describe('nextHistory', () => {
  it('puts the previous baseline first and keeps at most the limit, same profile only', () => {
    const previous = {
      current: baselineRun({ sha: MAIN[4] }),
      history: [
        baselineRun({ sha: MAIN[3], fingerprint: 'other' }),
        baselineRun({ sha: MAIN[2] }),
        baselineRun({ sha: MAIN[1] }),
      ],
    }

    expect(nextHistory(previous, FINGERPRINT, 2).map((r) => r.git.sha)).toEqual([MAIN[4], MAIN[2]])
    expect(nextHistory(null, FINGERPRINT, 10)).toEqual([])
  })

  it('never exceeds the limit and never mixes profiles (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 15 }), fc.integer({ min: 0, max: 12 }), (sameProfile, limit) => {
        const runs = sameProfile.map((same) => baselineRun({ fingerprint: same ? FINGERPRINT : 'other' }))
        const previous = runs.length > 0 ? { current: runs[0]!, history: runs.slice(1) } : null
        const history = nextHistory(previous, FINGERPRINT, limit)
        return (
          history.length === Math.min(limit, sameProfile.filter(Boolean).length) &&
          history.every((r) => r.profileFingerprint === FINGERPRINT)
        )
      }),
      { numRuns: 50 },
    )
  })
})
