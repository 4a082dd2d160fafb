import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ceilSignificant,
  coverageOf,
  coveringMargin,
  type DetectableShift,
  roundMarginUp,
} from '../../src/calibrate/margin.js'

describe('ceilSignificant', () => {
  it.each([
    { value: 1.234, expected: 1.3 },
    { value: 0.1234, expected: 0.13 },
    { value: 123, expected: 130 },
    { value: 1.3, expected: 1.3 },
    { value: 9.99, expected: 10 },
    { value: 0, expected: 0 },
  ])('rounds $value up to $expected', ({ value, expected }) => {
    expect(ceilSignificant(value, 2)).toBe(expected)
  })
})

const at = (shift: number, baselineMedian: number): DetectableShift => ({ shift, baselineMedian })

describe('coveringMargin', () => {
  it.each([
    {
      what: 'a fast and a slow endpoint that see the same 0.5 ms: an absolute margin alone',
      shifts: [at(0.5, 1), at(0.5, 100)],
      coverage: 1,
      expected: { relative: 0, absolute: 0.5, coverage: 1 },
    },
    {
      what: 'slow endpoints whose shifts grow with them: a relative margin alone',
      shifts: [at(5, 100), at(6, 100), at(7, 100), at(8, 100), at(9, 100)],
      coverage: 0.9,
      expected: { relative: 0.09, absolute: 0, coverage: 1 },
    },
    {
      what: 'nine shifts of 1 % and one outlier: 90 % coverage leaves the outlier out',
      shifts: [...Array.from({ length: 9 }, () => at(1, 100)), at(50, 100)],
      coverage: 0.9,
      expected: { relative: 0.01, absolute: 0, coverage: 0.9 },
    },
    {
      what: 'a fixed floor that already covers everything',
      shifts: [at(0.002, 0.01), at(0.004, 0.01)],
      coverage: 0.9,
      fixedAbsolute: 0.005,
      expected: { relative: 0, absolute: 0.005, coverage: 1 },
    },
  ])('chooses $what', ({ shifts, coverage, fixedAbsolute, expected }) => {
    const pair = coveringMargin(shifts, { coverage, ...(fixedAbsolute === undefined ? {} : { fixedAbsolute }) })

    expect(pair?.relative).toBeCloseTo(expected.relative, 12)
    expect(pair?.absolute).toBeCloseTo(expected.absolute, 12)
    expect(pair?.coverage).toBe(expected.coverage)
  })

  it('has nothing to say without shifts', () => {
    expect(coveringMargin([], { coverage: 0.9 })).toBeNull()
  })

  const shiftsArbitrary = fc.array(
    fc.record({
      shift: fc.double({ min: 0, max: 50, noNaN: true }),
      baselineMedian: fc.double({ min: 0.1, max: 500, noNaN: true }),
    }),
    { minLength: 1, maxLength: 40 },
  )

  it('covers at least the asked share, before and after rounding up', () => {
    fc.assert(
      fc.property(shiftsArbitrary, fc.constantFrom(0.5, 0.9, 1), (shifts, coverage) => {
        const pair = coveringMargin(shifts, { coverage })
        if (pair === null) return false
        const rounded = roundMarginUp(pair, shifts)
        return (
          pair.coverage >= coverage - 1e-12 &&
          rounded.coverage >= pair.coverage &&
          rounded.relative >= pair.relative - 1e-12 &&
          rounded.absolute >= pair.absolute &&
          coverageOf(shifts, rounded) === rounded.coverage
        )
      }),
    )
  })
})
