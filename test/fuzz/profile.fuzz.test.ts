// Fuzzing the profile parser: valid profiles (the shipped examples and small inline ones) with keys renamed or
// deleted, values of the wrong type, hostile keys and deep nesting, then written back as YAML; damaged YAML text;
// random text. parseProfile must return a Profile or throw ConfigErrors whose every line names the file, line and
// field; never a TypeError/RangeError/ReferenceError, and never pollute Object.prototype.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { ConfigErrors } from '../../src/config/errors.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { damagedText, expectTypedFailure, type Json, mutatedDocument, prototypeIsClean } from './mutations.js'

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url))
const FILE = join(EXAMPLES, 'fuzzed.yml')

/** Every problem line: "<file>:<line>:<column>: '<field path>': <problem>; <fix>". */
const ERROR_LINE = /^\S+\.yml:\d+:\d+: '[^\n]+': [^\n]+$/

const INLINE_SEEDS = [
  'target: http://127.0.0.1:8080\nrate: 50\nduration: 10s\nrequests: [GET /]\n',
  'target: http://127.0.0.1:8080\nmodel: constant-vus\nvus: 4\nduration: 5s\nrounds: 5\nrequests:\n  - GET /a\n  - { method: POST, path: /b, json: { x: 1 }, expect: { status: 201 } }\nbudgets:\n  "*": "p95 < 300ms"\ngate:\n  metrics: [p50, p95]\n  alpha: 0.05\n',
  'target: https://pr.example.com\nmodel: ramping-arrival-rate\nstart-rate: 5\nstages:\n  - { duration: 2s, target: 20 }\nmax-connections: 10\nheaders: { authorization: "Bearer x" }\nrequests: ["GET /{{iteration}}"]\n',
]

const seeds: string[] = [
  ...INLINE_SEEDS,
  ...readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => readFileSync(join(EXAMPLES, name), 'utf8')),
]

/** Data files resolve to a small fixed CSV/JSON for the shipped names; any other path does not exist. */
function readTextFile(path: string): string {
  if (path.endsWith('users.csv')) return 'email,password\na@example.com,pw\n'
  if (path.endsWith('products.json')) return '[{"sku":"A-1","name":"shoe"}]'
  throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' })
}

function parseOrTypedError(text: string) {
  return expectTypedFailure(() => parseProfile({ text, file: FILE, readTextFile }), [ConfigErrors], ERROR_LINE)
}

describe('parseProfile under fuzzing', () => {
  it('parses every seed (the mutations start from valid profiles)', () => {
    for (const text of seeds) expect(() => parseProfile({ text, file: FILE, readTextFile })).not.toThrow()
  })

  it('answers a mutated profile (renamed keys, wrong types, hostile keys, deep values) with ConfigErrors naming the field', () => {
    const mutatedYaml = fc
      .constantFrom(...seeds)
      .chain((text) => mutatedDocument(parse(text) as Json))
      .map((doc) => stringify(doc))
    fc.assert(
      fc.property(mutatedYaml, (text) => {
        parseOrTypedError(text)
        expect(prototypeIsClean()).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('answers damaged YAML text (truncated, stray characters, a slice cut out) with ConfigErrors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds).chain((text) => damagedText(text)),
        (text) => {
          parseOrTypedError(text)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('answers random text with ConfigErrors', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
        parseOrTypedError(text)
      }),
      { numRuns: 300 },
    )
  })

  it('refuses a YAML alias bomb (a billion laughs) with a ConfigError instead of expanding it', () => {
    const levels = 'abcdefghi'.split('')
    const text = levels
      .map(
        (name, i) =>
          `${name}: &${name} [${Array(9)
            .fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`)
            .join(', ')}]`,
      )
      .join('\n')

    const error = parseOrTypedError(`target: http://127.0.0.1\n${text}\n`)

    expect(error?.message).toMatch(/'\(yaml\)': .*alias/i)
  })

  it('keeps a user value with a line break on one line of the message, escaped', () => {
    const error = parseOrTypedError(
      'target: http://127.0.0.1\nrate: 50\nduration: "10\\n::error::x"\nrequests: [GET /]\n',
    )

    expect(error?.message).toContain("'duration': '10\\n::error::x' is not a duration")
  })

  it.each([
    {
      what: 'a key renamed to a near miss',
      text: 'target: http://127.0.0.1\nrat: 50\nduration: 10s\nrequests: [GET /]\n',
      field: "'rat'",
    },
    {
      what: 'a number where a duration belongs',
      text: 'target: http://127.0.0.1\nrate: 50\nduration: 10\nrequests: [GET /]\n',
      field: "'duration'",
    },
    {
      what: 'an object where a request belongs',
      text: 'target: http://127.0.0.1\nrate: 50\nduration: 1s\nrequests: [{ nope: 1 }]\n',
      field: "'requests[0]",
    },
  ])('names the field of $what', ({ text, field }) => {
    const error = parseOrTypedError(text)

    expect(error?.message).toContain(field)
  })
})
