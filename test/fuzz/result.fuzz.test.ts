// Fuzzing the RunResult codec and the baseline bundle parser: a real result (and a bundle with history) with keys
// renamed or deleted, values of the wrong type, hostile keys and deep nesting; damaged JSON text; random text.
// Both parsers must return a result or throw ResultFormatError, one line naming the file (and the field path when a
// field is wrong); never a TypeError/RangeError, never pollute Object.prototype.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseBundle, serializeBundle } from '../../src/baseline/bundle.js'
import { encodeRunResult, parseRunResult, serializeRunResult } from '../../src/results/codec.js'
import { ResultFormatError } from '../../src/results/errors.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { damagedText, expectTypedFailure, type Json, mutatedDocument, prototypeIsClean } from './mutations.js'

const ORIGIN = 'baseline.json'
/** "<origin>: <problem>" (the origin may carry a qualifier, e.g. "(history[0])"), one line. */
const ERROR_LINE = /^baseline\.json( \([^)]*\))?: [^\n]+$/

const run = syntheticRun(
  [
    { name: 'GET /a', roundsMs: [spreadMs(20, 10), spreadMs(20, 11), spreadMs(20, 12)], errorsPerRound: 1 },
    { name: 'POST /b', roundsMs: [spreadMs(20, 30), spreadMs(20, 31), spreadMs(20, 29)] },
  ],
  { timeline: [{ second: 0, requests: 40, errors: 1, p95Us: 12_000 }] },
)
const resultDoc = encodeRunResult(run) as unknown as Json
const resultText = serializeRunResult(run)
const bundleText = serializeBundle({ current: run, history: [run, run] })
const bundleDoc = JSON.parse(bundleText) as Json

const parseResult = (text: string) =>
  expectTypedFailure(() => parseRunResult(text, ORIGIN), [ResultFormatError], ERROR_LINE)
const parseBundleText = (text: string) =>
  expectTypedFailure(() => parseBundle(text, ORIGIN), [ResultFormatError], ERROR_LINE)

describe('parseRunResult under fuzzing', () => {
  it('reads the unmutated result back', () => {
    expect(parseRunResult(resultText, ORIGIN).endpoints.map((e) => e.name)).toEqual(['GET /a', 'POST /b'])
  })

  it('answers a mutated result (renamed keys, wrong types, hostile keys, deep values) with ResultFormatError', () => {
    fc.assert(
      fc.property(mutatedDocument(resultDoc), (doc) => {
        parseResult(JSON.stringify(doc))
        expect(prototypeIsClean()).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('answers damaged JSON text (truncated, stray characters, a slice cut out) with ResultFormatError', () => {
    fc.assert(
      fc.property(damagedText(resultText), (text) => {
        parseResult(text)
      }),
      { numRuns: 300 },
    )
  })

  it('answers random text with ResultFormatError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        expect(parseResult(text)).toBeInstanceOf(ResultFormatError)
      }),
    )
  })

  it.each([
    {
      what: 'a wrong type',
      mutate: (d: Record<string, Json>) => Object.assign(d, { durationMs: 'soon' }),
      field: "'durationMs'",
    },
    {
      what: 'a nested wrong value',
      mutate: (d: Record<string, Json>) => {
        ;((d.endpoints as Json[])[1] as Record<string, Json>).warmupRequests = -1
        return d
      },
      field: "'endpoints[1].warmupRequests'",
    },
    {
      what: 'a missing section',
      mutate: (d: Record<string, Json>) => Object.assign(d, { health: undefined }),
      field: "'health'",
    },
  ])('names the field path of $what', ({ mutate, field }) => {
    const doc = mutate(JSON.parse(resultText) as Record<string, Json>)

    const error = parseResult(JSON.stringify(doc))

    expect(error?.message).toContain(`invalid field ${field}`)
  })

  it('refuses prototype-pollution keys anywhere in the document', () => {
    const text = resultText.replace('"environment":{', '"environment":{"__proto__":{"polluted":true},')

    const error = parseResult(text)

    expect(error?.message).toMatch(/forbidden key '__proto__'/)
    expect(prototypeIsClean()).toBe(true)
  })
})

describe('parseBundle under fuzzing', () => {
  it('reads the unmutated bundle back', () => {
    expect(parseBundle(bundleText, ORIGIN).history).toHaveLength(2)
  })

  it('answers a mutated bundle with ResultFormatError, or drops a broken history entry with a warning', () => {
    fc.assert(
      fc.property(mutatedDocument(bundleDoc), (doc) => {
        const text = JSON.stringify(doc)
        let warnings: readonly string[] = []
        expectTypedFailure(
          () => {
            warnings = parseBundle(text, ORIGIN).warnings
          },
          [ResultFormatError],
          ERROR_LINE,
        )
        for (const warning of warnings) expect(warning).not.toContain('\n')
        expect(prototypeIsClean()).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('answers damaged bundle text with ResultFormatError', () => {
    fc.assert(
      fc.property(damagedText(bundleText), (text) => {
        parseBundleText(text)
      }),
      { numRuns: 200 },
    )
  })
})
