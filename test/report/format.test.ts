import { describe, expect, it } from 'vitest'
import {
  formatAge,
  formatInterval,
  formatMsNumber,
  formatPValue,
  formatRelative,
  formatShift,
  formatValue,
} from '../../src/report/format.js'

describe('report number formatting', () => {
  it.each([
    { ms: 0.853, text: '0.85' },
    { ms: 12.34, text: '12.3' },
    { ms: 1250.4, text: '1250' },
    { ms: Number.NaN, text: '–' },
  ])('prints $ms ms as $text', ({ ms, text }) => {
    expect(formatMsNumber(ms)).toBe(text)
  })

  it.each([
    { value: 1.4, unit: 'ms', shift: '+1.40 ms', formatted: '1.40 ms' },
    { value: -0.005, unit: 'fraction', shift: '−0.50 pp', formatted: '-0.50 %' },
    { value: 12, unit: 'rps', shift: '+12.0 req/s', formatted: '12.0 req/s' },
    { value: 0, unit: 'ms', shift: '±0.00 ms', formatted: '0.00 ms' },
  ] as const)('prints a $unit shift and value with its unit', ({ value, unit, shift, formatted }) => {
    expect(formatShift(value, unit)).toBe(shift)
    expect(formatValue(value, unit)).toBe(formatted)
  })

  it.each([
    { interval: { lower: 0.8, upper: 2.1, confLevel: 0.95 }, unit: 'ms', text: '95 % CI [+0.80, +2.10] ms' },
    {
      interval: { lower: -0.01, upper: 0.02, confLevel: 0.873 },
      unit: 'fraction',
      text: '87.3 % CI [−1.00, +2.00] pp',
    },
    { interval: null, unit: 'ms', text: 'no CI' },
  ] as const)('prints the interval $text with its achieved level', ({ interval, unit, text }) => {
    expect(formatInterval(interval, unit)).toBe(text)
  })

  it.each([
    { p: 0.04123, text: '0.0412' },
    { p: 0.0000032, text: '3.2e-6' },
    { p: 0, text: '0.0000' },
    { p: 1, text: '1.0000' },
  ])('prints p = $p as $text', ({ p, text }) => {
    expect(formatPValue(p)).toBe(text)
  })

  it('prints relative changes with a sign', () => {
    expect([formatRelative(0.12), formatRelative(-0.035), formatRelative(0)]).toEqual(['+12.0 %', '−3.5 %', '±0.0 %'])
  })

  it.each([
    { earlier: '2026-11-23T11:59:18Z', later: '2026-11-23T12:00:00Z', age: '42 s' },
    { earlier: '2026-11-23T11:43:00Z', later: '2026-11-23T12:00:00Z', age: '17 min' },
    { earlier: '2026-11-23T07:00:00Z', later: '2026-11-23T12:00:00Z', age: '5 h' },
    { earlier: '2026-11-20T12:00:00Z', later: '2026-11-23T12:00:00Z', age: '3 days' },
    { earlier: '2026-11-24T12:00:00Z', later: '2026-11-23T12:00:00Z', age: 'in the future' },
    { earlier: 'not a date', later: '2026-11-23T12:00:00Z', age: null },
  ])('says a baseline from $earlier is $age old', ({ earlier, later, age }) => {
    expect(formatAge(earlier, later)).toBe(age)
  })
})
