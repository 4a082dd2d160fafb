// The headline as the reports show it: the gate's leading emoji stripped by Unicode property (any pictograph with its
// variation selector, skin tone or ZWJ sequence), nothing else; the regression count added only when missing.
import { describe, expect, it } from 'vitest'
import { OUTCOME_EMOJI } from '../../src/gate/headline.js'
import { headlineParts, withoutLeadingEmoji } from '../../src/report/outcome.js'
import { endpointVerdict, regressionOf, verdict } from './builders.js'

describe('withoutLeadingEmoji', () => {
  it.each(
    Object.entries(OUTCOME_EMOJI).map(([outcome, emoji]) => ({ outcome, text: `${emoji} Headline of ${outcome}` })),
  )("strips the gate's $outcome emoji", ({ outcome, text }) => {
    expect(withoutLeadingEmoji(text)).toBe(`Headline of ${outcome}`)
  })

  it.each([
    { what: 'a pictograph without a variation selector', text: '⚠ Invalid run', expected: 'Invalid run' },
    { what: 'the text-style variation selector', text: '\u26A0\uFE0E Invalid run', expected: 'Invalid run' },
    { what: 'a skin-tone modifier', text: '👍🏽 looks good', expected: 'looks good' },
    { what: 'a ZWJ sequence', text: '🧑\u200D💻 developer', expected: 'developer' },
    { what: 'a ZWJ sequence with variation selectors', text: '🏳\uFE0F\u200D🌈 flag', expected: 'flag' },
    { what: 'an emoji with no space after it', text: '❌1 regression', expected: '1 regression' },
    { what: 'an emoji alone', text: '✅', expected: '' },
    { what: 'several spaces after the emoji', text: '🚀   1 improvement', expected: '1 improvement' },
  ])('strips $what', ({ text, expected }) => {
    expect(withoutLeadingEmoji(text)).toBe(expected)
  })

  it.each([
    { what: 'only the first of two emoji', text: '❌ ❌ twice', expected: '❌ twice' },
    { what: 'a leading digit (a keycap base, not a pictograph)', text: '1 regression: GET /a', expected: null },
    { what: 'a leading # or *', text: '# 2 budgets', expected: null },
    { what: 'an arrow that is no pictograph', text: '→ GET /a', expected: null },
    { what: 'an emoji after the first character', text: 'No change ✅', expected: null },
    { what: 'an emoji after leading white space', text: ' ❌ indented', expected: null },
    { what: 'a letter with a diacritic', text: 'Änderung: none', expected: null },
    { what: 'the empty headline', text: '', expected: null },
  ])('keeps $what', ({ text, expected }) => {
    expect(withoutLeadingEmoji(text)).toBe(expected ?? text)
  })
})

describe('headlineParts', () => {
  const regressed = [endpointVerdict('GET /a', regressionOf()), endpointVerdict('GET /b', regressionOf())]

  it.each([
    {
      what: 'the headline counts the regressions',
      headline: '❌ 2 regressions: GET /a p95 +20 %',
      expected: { headline: '2 regressions: GET /a p95 +20 %', regressions: null },
    },
    {
      what: 'the headline is about something else',
      headline: '❌ 1 budget exceeded: GET /a p95 312 ms',
      expected: { headline: '1 budget exceeded: GET /a p95 312 ms', regressions: '2 regressions' },
    },
    {
      what: 'the headline has no emoji',
      headline: '2 regressions, worst p95 +20.0 %',
      expected: { headline: '2 regressions, worst p95 +20.0 %', regressions: null },
    },
  ])('adds the regression count only when missing: $what', ({ headline, expected }) => {
    expect(headlineParts(verdict(regressed, { headline }))).toEqual(expected)
  })
})
