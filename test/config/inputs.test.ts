import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { OUTPUTS } from '../../scripts/gen-action.js'
import { INPUTS, parseActionInputs } from '../../src/config/inputs.js'

const actionYml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8'))

const readerFrom =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? ''

describe('action inputs', () => {
  it('action.yml declares exactly the inputs of the INPUTS table, each with its default and a description', () => {
    const declared = Object.keys(actionYml.inputs).sort()
    const table = Object.values(INPUTS)
      .map((i) => i.name)
      .sort()

    expect(declared).toEqual(table)
    for (const input of Object.values(INPUTS)) {
      expect(actionYml.inputs[input.name].default).toBe(input.default)
      expect(actionYml.inputs[input.name].description).toBe(input.description)
    }
  })

  it('action.yml declares the outputs the pipeline sets', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(Object.keys(OUTPUTS).sort())
  })

  it('action.yml runs dist/index.js on node24', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('gives the documented defaults when every input is empty', () => {
    const settings = parseActionInputs(readerFrom({}))

    expect(settings).toMatchObject({
      profilePath: 'tailgate.yml',
      target: undefined,
      mode: 'auto',
      baselineStore: 'auto',
      baselineWaitMs: 0,
      baselineTimeoutMs: 60_000,
      history: 10,
      comment: 'on-change',
      failOn: undefined,
      alpha: undefined,
      acceptLabel: 'tailgate:accept',
    })
    expect(Object.isFrozen(settings)).toBe(true)
  })

  it('parses overrides', () => {
    const settings = parseActionInputs(
      readerFrom({
        'fail-on': 'regression, invalid',
        alpha: '0.01',
        margin: '10%',
        'margin-ms': '2ms',
        mode: 'compare',
      }),
    )

    expect(settings.failOn).toEqual(['regression', 'invalid'])
    expect(settings.alpha).toBe(0.01)
    expect(settings.marginRelative).toBeCloseTo(0.1)
    expect(settings.marginAbsoluteMs).toBe(2)
    expect(settings.mode).toBe('compare')
  })

  it.each([
    { input: 'mode', value: 'measure', error: /'mode': input 'measure' is not valid; expected one of auto, baseline/ },
    { input: 'comment', value: 'sometimes', error: /'comment'.*expected one of always, on-change, on-failure, never/ },
    { input: 'fail-on', value: 'regresion', error: /'fail-on': input 'regresion'.*expected one of regression, budget/ },
    { input: 'alpha', value: '5', error: /'alpha'.*between 0 and 1/ },
    { input: 'margin', value: 'five', error: /'margin'.*a percentage, e.g. 5%/ },
    { input: 'baseline-wait', value: '10 parsecs', error: /'baseline-wait'.*a duration: write a number with a unit/ },
    { input: 'history', value: '-1', error: /'history'.*whole number from 0 to 100/ },
  ])('rejects $input = $value naming the input and the fix', ({ input, value, error }) => {
    expect(() => parseActionInputs(readerFrom({ [input]: value }))).toThrow(error)
  })
})
