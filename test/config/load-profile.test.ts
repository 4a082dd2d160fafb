import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigErrors } from '../../src/config/errors.js'
import { parseProfile, readProfile } from '../../src/config/load-profile.js'

const minimal = ['target: http://127.0.0.1:8080', 'rate: 50', 'duration: 10s', 'requests: [GET /health]'].join('\n')

function errorsOf(text: string, overrides: { target?: string } = {}): ConfigErrors {
  try {
    parseProfile({ text, file: 'tailgate.yml', overrides })
  } catch (error) {
    if (error instanceof ConfigErrors) return error
    throw error
  }
  throw new Error('expected ConfigErrors')
}

describe('parseProfile', () => {
  it('normalizes a minimal profile with defaults, durations in ms', () => {
    const profile = parseProfile({ text: minimal, file: 'profiles/checkout.yml' })

    expect(profile).toMatchObject({
      id: 'checkout',
      model: 'constant-arrival-rate',
      load: { model: 'constant-arrival-rate', ratePerSecond: 50 },
      warmupMs: 2000,
      durationMs: 10_000,
      rounds: 6,
      requestTimeoutMs: 10_000,
      headers: {},
      budgets: {},
      gate: { metrics: ['p50', 'p95'], alpha: 0.05 },
    })
    expect(profile.target.href).toBe('http://127.0.0.1:8080/')
    expect(profile.scenarios).toHaveLength(1)
    expect(profile.scenarios[0]?.steps[0]).toMatchObject({ name: 'GET /health', method: 'GET', path: '/health' })
  })

  it('returns a deeply frozen profile', () => {
    const profile = parseProfile({ text: minimal, file: 'tailgate.yml' })

    expect(Object.isFrozen(profile)).toBe(true)
    expect(Object.isFrozen(profile.scenarios[0]?.steps[0]?.expect.status)).toBe(true)
    expect(Object.isFrozen(profile.gate)).toBe(true)
  })

  it('uses the profile name as id and lets the target override win', () => {
    const text = `name: checkout-api\n${minimal}`

    const profile = parseProfile({ text, file: 'tailgate.yml', overrides: { target: 'http://127.0.0.1:9999/api' } })

    expect(profile.id).toBe('checkout-api')
    expect(profile.target.href).toBe('http://127.0.0.1:9999/api')
  })

  it('parses gate and budgets with the shared schemas', () => {
    const text = `${minimal}\ngate:\n  alpha: 0.01\n  margin: { relative: 10% }\nbudgets:\n  '*': p95 < 300ms\n  GET /health: [p99 < 1s, error-rate < 1%]\n`

    const profile = parseProfile({ text, file: 'tailgate.yml' })

    expect(profile.gate.alpha).toBe(0.01)
    expect(profile.gate.marginRelative).toBeCloseTo(0.1)
    expect(profile.budgets['*']).toEqual([{ expression: 'p95 < 300ms', metric: 'p95', operator: '<', threshold: 300 }])
    expect(profile.budgets['GET /health']).toHaveLength(2)
  })

  it.each([
    {
      what: 'constant-vus',
      text: 'model: constant-vus\nvus: 4\nduration: 5s',
      load: { model: 'constant-vus', vus: 4, maxConnections: 4 },
      durationMs: 5000,
    },
    {
      what: 'ramping-vus (inferred from vus keys and stages)',
      text: 'start-vus: 2\nstages: [{ duration: 2s, target: 6 }, { duration: 3s, target: 6 }]',
      load: { model: 'ramping-vus', startVus: 2, maxConnections: 6 },
      durationMs: 5000,
    },
    {
      what: 'ramping-arrival-rate',
      text: 'model: ramping-arrival-rate\nstart-rate: 10/s\nstages: [{ duration: 1m, target: 100 }]\nmax-in-flight: 50',
      load: { model: 'ramping-arrival-rate', startRatePerSecond: 10, maxInFlight: 50 },
      durationMs: 60_000,
    },
    {
      what: 'a per-minute rate',
      text: 'rate: 600/m\nduration: 1m30s',
      load: { ratePerSecond: 10 },
      durationMs: 90_000,
    },
  ])('reads the load model: $what', ({ text, load, durationMs }) => {
    const profile = parseProfile({ text: `target: http://127.0.0.1:1\nrequests: [GET /]\n${text}`, file: 'p.yml' })

    expect(profile.load).toMatchObject(load)
    expect(profile.durationMs).toBe(durationMs)
  })
})

describe('parseProfile errors', () => {
  it('reports every problem at once, each with file, line, column, field and fix', () => {
    const text = [
      'target: http://127.0.0.1:8080', // 1
      'rate: 50', // 2
      'duraton: 10s', // 3
      'warmup: 10 parsecs', // 4
      'requests:', // 5
      '  - path: /users/{{id}}', // 6
      '    metod: GET', // 7
    ].join('\n')

    const { errors } = errorsOf(text)

    expect(errors.map((e) => e.message)).toEqual([
      "tailgate.yml:1:1: 'duration': missing for model constant-arrival-rate; add duration: 30s",
      "tailgate.yml:3:1: 'duraton': unknown key; did you mean 'duration'?",
      "tailgate.yml:4:9: 'warmup': '10 parsecs' is not a duration; write a number with a unit, e.g. 500ms, 10s, 2m or 1h30m",
      "tailgate.yml:7:5: 'requests[0].metod': unknown key; did you mean 'method'?",
    ])
  })

  it.each([
    {
      what: 'a misspelt model',
      line: 'model: constant-arival-rate',
      expected: "'model': 'constant-arival-rate' is not allowed; did you mean 'constant-arrival-rate'?",
    },
    {
      what: 'a bad timeout',
      line: 'timeout: 5 fortnights',
      expected: "'timeout': '5 fortnights' is not a duration; write a number with a unit",
    },
    {
      what: 'a bare number as a duration',
      line: 'grace-period: 30',
      expected: "'grace-period': '30' is not a duration",
    },
    {
      what: 'a negative rate',
      line: 'max-connections: -3',
      expected: "'max-connections': expected a number of connections; write a number above 0",
    },
    {
      what: 'an unknown gate key',
      line: 'gate: { metricz: [p50] }',
      expected: "'gate.metricz': unknown key; did you mean 'metrics'?",
    },
    {
      what: 'a bad budget',
      line: "budgets: { '*': p95 < soon }",
      expected: "'budgets.*': 'soon' is not a duration for p95",
    },
    { what: 'vus in an open model', line: 'vus: 10', expected: "'vus': 'vus' is not used by model" },
  ])('explains $what', ({ line, expected }) => {
    const { errors } = errorsOf(
      `${minimal.replace('rate: 50', line.startsWith('vus') ? 'rate: 50\nmodel: constant-arrival-rate' : 'rate: 50')}\n${line}`,
    )

    expect(errors.map((e) => e.message).join('\n')).toContain(expected)
  })

  it.each([
    {
      what: 'rate: 0',
      text: minimal.replace('rate: 50', 'rate: 0'),
      expected: "tailgate.yml:2:7: 'rate': a rate of 0 sends nothing; write iterations per second above 0",
    },
    {
      what: "rate: '0/m'",
      text: minimal.replace('rate: 50', 'rate: 0/m'),
      expected: "tailgate.yml:2:7: 'rate': a rate of 0 sends nothing",
    },
    {
      what: 'vus: 0',
      text: 'target: http://127.0.0.1:8080\nmodel: constant-vus\nvus: 0\nduration: 5s\nrequests: [GET /]',
      expected: "tailgate.yml:3:6: 'vus': expected a number of virtual users; write a number above 0",
    },
    {
      what: 'a ramp that stays at 0',
      text: 'target: http://127.0.0.1:8080\nstages: [{ duration: 5s, target: 0 }]\nrequests: [GET /]',
      expected: "tailgate.yml:2:9: 'stages': every stage targets 0 and the ramp starts at 0: nothing would be sent",
    },
  ])('refuses a load that sends nothing ($what) with file:line and the fix', ({ text, expected }) => {
    const { errors } = errorsOf(text)

    expect(errors.map((e) => e.message).join('\n')).toContain(expected)
  })

  it('says how to set a missing target, naming the flag and the action input', () => {
    const { errors } = errorsOf('rate: 5\nduration: 1s\nrequests: [GET /]')

    expect(errors).toHaveLength(1)
    expect(errors[0]?.field).toBe('target')
    expect(errors[0]?.message).toContain(
      "set 'target:' in the profile, or pass --target (CLI) / the 'target' input (action)",
    )
  })

  it('accepts a profile without target when the override gives one', () => {
    const profile = parseProfile({
      text: 'rate: 5\nduration: 1s\nrequests: [GET /]',
      file: 'p.yml',
      overrides: { target: 'http://127.0.0.1:3' },
    })

    expect(profile.target.port).toBe('3')
  })

  it.each([
    { what: 'not a URL', target: 'pr-42 preview', problem: "'pr-42 preview' is not a URL" },
    { what: 'not http', target: 'ftp://127.0.0.1/', problem: 'is not an http(s) URL' },
  ])('rejects a target that is $what', ({ target, problem }) => {
    const { errors } = errorsOf(minimal, { target })

    expect(errors[0]?.message).toContain(problem)
  })

  it('turns YAML syntax errors into ConfigErrors with line and column', () => {
    const { errors } = errorsOf('target: http://127.0.0.1:1\nrequests: [GET /\nrate: 5')

    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]?.field).toBe('(yaml)')
    expect(errors[0]?.location).toMatchObject({
      file: 'tailgate.yml',
      line: expect.any(Number),
      column: expect.any(Number),
    })
  })

  it.each([
    { what: 'an empty file', text: '' },
    { what: 'a list', text: '- a\n- b' },
  ])('rejects $what with a fix', ({ text }) => {
    const { errors } = errorsOf(text)

    expect(errors[0]?.message).toContain('write key: value lines')
  })

  it('rejects a profile without requests or scenarios', () => {
    const { errors } = errorsOf('target: http://127.0.0.1:1\nrate: 5\nduration: 1s')

    expect(errors[0]?.message).toContain('no requests to send; add requests: [GET /] or scenarios: with steps')
  })
})

describe('readProfile', () => {
  it('reads a profile file and names it by its base name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tailgate-profile-'))
    const file = join(dir, 'smoke.yaml')
    writeFileSync(file, minimal)

    const profile = readProfile(file)

    expect(profile.id).toBe('smoke')
    expect(profile.file).toBe(file)
    rmSync(dir, { recursive: true, force: true })
  })

  it('reports a missing file as a ConfigError, not a stack trace', () => {
    expect(() => readProfile('/nonexistent/tailgate.yml')).toThrow(
      /profile file '\/nonexistent\/tailgate.yml' not found/,
    )
  })
})
