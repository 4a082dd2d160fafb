import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ArrivalSchedule } from '../../src/load/arrivals.js'
import { classifyError, classifyStatus } from '../../src/load/classify.js'
import { jsonEquals, parseJsonPath, valueAtJsonPath } from '../../src/load/json-path.js'
import { levelAt } from '../../src/load/stages.js'
import { compileTemplate, renderJson } from '../../src/load/template.js'

/** Arrival times of a schedule, until it ends. */
function arrivals(schedule: ArrivalSchedule): number[] {
  const out: number[] = []
  for (let k = 0; ; k++) {
    const t = schedule.timeOf(k)
    if (t === null) return out
    out.push(t)
  }
}

describe('ArrivalSchedule', () => {
  it('spaces a constant rate evenly, warm-up included', () => {
    const schedule = new ArrivalSchedule(
      { model: 'constant-arrival-rate', ratePerSecond: 10, maxConnections: 1, maxInFlight: 1 },
      1000,
      500,
      1000,
    )

    const times = arrivals(schedule)

    expect(times).toHaveLength(15)
    for (const [k, t] of times.entries()) expect(t).toBeCloseTo(1000 + k * 100, 6)
  })

  it('follows a linear ramp: the arrivals before t equal the area under the rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 200, max: 3000 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (fromPerS, toPerS, durationMs, fraction) => {
          const schedule = new ArrivalSchedule(
            {
              model: 'ramping-arrival-rate',
              startRatePerSecond: fromPerS,
              stages: [{ durationMs, target: toPerS }],
              maxConnections: 1,
              maxInFlight: 1,
            },
            0,
            0,
            durationMs,
          )
          const t = fraction * durationMs
          const expected = (fromPerS * t + ((toPerS - fromPerS) * t * t) / (2 * durationMs)) / 1000
          const before = arrivals(schedule).filter((time) => time < t).length
          return Math.abs(before - expected) <= 1
        },
      ),
    )
  })

  it('starts a ramp from zero without a gap', () => {
    const schedule = new ArrivalSchedule(
      {
        model: 'ramping-arrival-rate',
        startRatePerSecond: 0,
        stages: [{ durationMs: 1000, target: 200 }],
        maxConnections: 1,
        maxInFlight: 1,
      },
      0,
      0,
      1000,
    )

    const times = arrivals(schedule)

    expect(times).toHaveLength(100)
    expect(times[1]).toBeCloseTo(100, 0) // √(2·1/0.2 per ms²) = 100 ms
  })
})

describe('levelAt', () => {
  it.each([
    { tMs: -10, level: 10 },
    { tMs: 0, level: 10 },
    { tMs: 500, level: 55 },
    { tMs: 1000, level: 100 },
    { tMs: 1500, level: 100 },
    { tMs: 2500, level: 50 },
    { tMs: 9999, level: 0 },
  ])('is $level at $tMs ms on 10 -> 100 (1 s), hold (1 s), -> 0 (1 s)', ({ tMs, level }) => {
    const stages = [
      { durationMs: 1000, target: 100 },
      { durationMs: 1000, target: 100 },
      { durationMs: 1000, target: 0 },
    ]

    expect(levelAt(10, stages, tMs)).toBeCloseTo(level, 6)
  })
})

describe('templates', () => {
  it.each([
    { text: '/users/{{id}}', vars: { id: '7' }, out: '/users/7' },
    { text: '/{{ a }}/{{b}}/{{a}}', vars: { a: 'x', b: 'y' }, out: '/x/y/x' },
    { text: 'no templates', vars: {}, out: 'no templates' },
    { text: '{{missing}}!', vars: {}, out: '!' },
  ])('renders $text', ({ text, vars, out }) => {
    expect(compileTemplate(text).render(vars as Record<string, string>)).toBe(out)
  })

  it('renders strings inside JSON bodies, leaving other values alone', () => {
    expect(renderJson({ user: '{{u}}', tags: ['{{u}}', 2], ok: true }, { u: 'ada' })).toEqual({
      user: 'ada',
      tags: ['ada', 2],
      ok: true,
    })
  })
})

describe('JSON paths', () => {
  const doc = { data: { token: 'abc', items: [{ id: 7 }] }, 'odd key': 1 }

  it.each([
    { path: '$.data.token', value: 'abc' },
    { path: 'data.token', value: 'abc' },
    { path: '$.data.items[0].id', value: 7 },
    { path: 'data.items.0.id', value: 7 },
    { path: "$['odd key']", value: 1 },
    { path: '$.data.nothing', value: undefined },
  ])('reads $path', ({ path, value }) => {
    expect(valueAtJsonPath(doc, parseJsonPath(path) ?? ['?'])).toEqual(value)
  })

  it('refuses a path it cannot read', () => {
    expect(parseJsonPath('$.a[')).toBeUndefined()
  })

  it.each([
    { a: { x: [1, { y: 2 }] }, b: { x: [1, { y: 2 }] }, equal: true },
    { a: [1, 2], b: [2, 1], equal: false },
    { a: { x: 1 }, b: { x: 1, y: 2 }, equal: false },
    { a: 1, b: '1', equal: false },
  ])('compares JSON deeply ($equal)', ({ a, b, equal }) => {
    expect(jsonEquals(a, b)).toBe(equal)
  })
})

describe('error classification', () => {
  it.each([
    { code: 'ECONNREFUSED', errorClass: 'connection-refused' },
    { code: 'ECONNRESET', errorClass: 'connection-reset' },
    { code: 'UND_ERR_SOCKET', errorClass: 'connection-reset' },
    { code: 'UND_ERR_HEADERS_TIMEOUT', errorClass: 'timeout' },
    { code: 'ENOTFOUND', errorClass: 'dns' },
    { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', errorClass: 'tls' },
    { code: 'ERR_SSL_WRONG_VERSION_NUMBER', errorClass: 'tls' },
    { code: 'EWHATEVER', errorClass: 'other' },
  ])('maps $code to $errorClass', ({ code, errorClass }) => {
    expect(classifyError(Object.assign(new Error(code), { code }))).toBe(errorClass)
  })

  it('looks through the cause chain', () => {
    const error = new Error('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) })

    expect(classifyError(error)).toBe('connection-refused')
  })

  it.each([
    { status: 200, errorClass: null },
    { status: 302, errorClass: null },
    { status: 404, errorClass: 'http-4xx' },
    { status: 503, errorClass: 'http-5xx' },
  ])('maps status $status to $errorClass', ({ status, errorClass }) => {
    expect(classifyStatus(status)).toBe(errorClass)
  })
})
