// The value parsers of the action inputs: each throws a ConfigError that names the input, quotes the value and says
// what is expected. Kept apart from the input table (inputs.ts) so that file stays one table and one parse.

import { ConfigError } from './errors.js'
import { FAIL_ON, type FailOn } from './gate-schema.js'
import { DURATION_HINT, parseDurationMs, parsePercentFraction } from './units.js'

/** The parsers, for a table whose keys map to input names through `nameOf`. */
export function inputValues<K extends string>(nameOf: (key: K) => string) {
  function inputError(key: K, value: string, expected: string): ConfigError {
    return new ConfigError(nameOf(key), `input '${value}' is not valid`, `expected ${expected}`)
  }

  function oneOf<T extends string>(key: K, value: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(value)) throw inputError(key, value, `one of ${allowed.join(', ')}`)
    return value as T
  }

  function duration(key: K, value: string): number {
    const ms = parseDurationMs(value, 's')
    if (ms === undefined) throw inputError(key, value, `a duration: ${DURATION_HINT}`)
    return ms
  }

  function wholeNumber(key: K, value: string, min: number, max: number): number {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) throw inputError(key, value, `a whole number from ${min} to ${max}`)
    return n
  }

  function probability(key: K, value: string): number {
    const n = Number(value)
    if (!Number.isFinite(n) || n <= 0 || n >= 1) throw inputError(key, value, 'a number between 0 and 1, e.g. 0.05')
    return n
  }

  function percent(key: K, value: string): number {
    const fraction = parsePercentFraction(value)
    if (fraction === undefined) throw inputError(key, value, 'a percentage, e.g. 5%')
    return fraction
  }

  function failOnList(key: K, value: string): FailOn[] {
    const items = value
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean)
    if (items.length === 1 && items[0] === 'none') return []
    for (const item of items) oneOf(key, item, FAIL_ON)
    return [...new Set(items)] as FailOn[]
  }

  return { oneOf, duration, wholeNumber, probability, percent, failOnList }
}
