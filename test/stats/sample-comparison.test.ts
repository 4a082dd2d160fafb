// Sample files for `tailgate compare`: parsing (JSON array or one number per line) and the JSON object printed.
import { describe, expect, it } from 'vitest'
import { DifferenceOverflowError } from '../../src/stats/hodges-lehmann.js'
import { compareSamples, parseSampleText, SampleFileError } from '../../src/stats/sample-comparison.js'

describe('parseSampleText', () => {
  it.each([
    { what: 'a JSON array', text: '[12.5, 13, 1e2, -0.5]', values: [12.5, 13, 100, -0.5] },
    { what: 'a JSON array over several lines', text: '\n[\n  1,\n  2\n]\n', values: [1, 2] },
    { what: 'one number per line', text: '12.5\n13\n14', values: [12.5, 13, 14] },
    {
      what: 'blank lines, comments and CRLF',
      text: '# latency ms\r\n\r\n12.5 # first\r\n  13  \r\n',
      values: [12.5, 13],
    },
    { what: 'signs and exponents in text', text: '+1\n-2.5\n.5\n3e-1', values: [1, -2.5, 0.5, 0.3] },
  ])('reads $what', ({ text, values }) => {
    expect(parseSampleText(text, 'sample.txt')).toEqual(values)
  })

  it.each([
    { what: 'a word on line 3', text: '1\n2\nabc\n', message: "base.txt:3: 'abc' is not a finite number" },
    { what: 'NaN', text: '1\nNaN', message: "base.txt:2: 'NaN' is not a finite number" },
    { what: 'Infinity', text: 'Infinity', message: "base.txt:1: 'Infinity' is not a finite number" },
    { what: 'a unit after the number', text: '12ms', message: "base.txt:1: '12ms' is not a finite number" },
    { what: 'a string in a JSON array', text: '[1,\n 2,\n "x"]', message: `base.txt:3: '"x"' is not a finite number` },
    { what: 'null in a JSON array', text: '[1, null]', message: "base.txt:1: 'null' is not a finite number" },
    { what: 'a nested array', text: '[1,\n[2]]', message: "base.txt:2: '[2]' is not a finite number" },
    { what: 'a trailing comma', text: '[1, 2,\n]', message: 'base.txt:2: an element is missing' },
    { what: 'an unclosed array', text: '[1, 2', message: 'base.txt:1: the JSON array is not closed' },
    { what: 'text after the array', text: '[1]\nmore', message: 'base.txt:2: unexpected text after the JSON array' },
    { what: 'an empty file', text: '# nothing\n', message: 'base.txt: no numbers found' },
    { what: 'an empty array', text: '[ ]', message: 'base.txt: no numbers found' },
  ])('rejects $what, naming the file and line', ({ text, message }) => {
    expect(() => parseSampleText(text, 'base.txt')).toThrow(SampleFileError)
    expect(() => parseSampleText(text, 'base.txt')).toThrow(message)
  })
})

describe('compareSamples', () => {
  it('prints the CLI contract fields for the SciPy docs example (exact, z null)', () => {
    // scipy 1.17.1: mannwhitneyu([19, 22, 16, 29, 24], [20, 11, 17, 12]) -> U=17, p=0.1111111111111111 (exact)
    const json = compareSamples([19, 22, 16, 29, 24], [20, 11, 17, 12])

    expect(json.mannWhitney.u).toBe(17)
    expect(json.mannWhitney.method).toBe('exact')
    expect(json.mannWhitney.z).toBeNull()
    expect(json.mannWhitney.pValue).toBeCloseTo(1 / 9, 15)
    expect(json.hodgesLehmann.estimate).toBe(-7)
    expect(json.hodgesLehmann.ci95).toMatchObject({ lower: -17, upper: 1, method: 'exact' })
    expect(json.n).toEqual({ baseline: 5, candidate: 4 })
    expect(json.degenerate).toBe(false)
  })

  it('reports degenerate input as no evidence: p, z and the interval are null, never a regression', () => {
    const json = compareSamples([5, 5, 5], [5, 5], { alternative: 'less' })

    expect(json.degenerate).toBe(true)
    expect(json.mannWhitney.pValue).toBeNull()
    expect(json.mannWhitney.z).toBeNull()
    expect(json.hodgesLehmann.estimate).toBe(0)
    expect(json.hodgesLehmann.ci95).toEqual({
      lower: null,
      upper: null,
      method: null,
      achievedConfLevel: null,
      confLevel: null,
    })
  })

  it('honours --method asymptotic and --no-continuity', () => {
    // scipy 1.17.1: mannwhitneyu([19, 22, 16, 29, 24], [20, 11, 17, 12], method='asymptotic',
    //   use_continuity=False) -> p=0.0864107329737
    const json = compareSamples([19, 22, 16, 29, 24], [20, 11, 17, 12], { method: 'asymptotic', continuity: false })

    expect(json.mannWhitney.method).toBe('asymptotic')
    expect(json.mannWhitney.pValue).toBeCloseTo(0.0864107329737, 12)
    expect(json.mannWhitney.z).toBeCloseTo(1.7146428199482247, 12)
  })

  it('names the empty sample', () => {
    expect(() => compareSamples([1], [])).toThrow(/candidate sample is empty/)
  })
})

describe('samples whose differences overflow a double', () => {
  it.each([
    { what: 'opposite extremes', baseline: [-1.7e308, 1], candidate: [1.7e308, 2] },
    { what: 'candidate far below the baseline', baseline: [1.7e308, 1.6e308], candidate: [-1.7e308, -1.6e308] },
  ])(
    'are refused with the overflowing difference and the fix, never a null shift: $what',
    ({ baseline, candidate }) => {
      expect(() => compareSamples(baseline, candidate)).toThrow(DifferenceOverflowError)
      expect(() => compareSamples(baseline, candidate)).toThrow(
        /differences overflow a double: .* is -?Infinity, .*rescale both samples/,
      )
    },
  )

  it('still compares the largest finite samples whose differences stay finite', () => {
    const result = compareSamples([8e307, 8.5e307], [8.9e307, 8.8e307])
    expect(result.hodgesLehmann.estimate).toBeGreaterThan(0)
    expect(result.hodgesLehmann.ci95.lower).not.toBeNull()
  })
})
