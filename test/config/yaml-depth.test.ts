import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ConfigErrors } from '../../src/config/errors.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { MAX_FLOW_DEPTH, MAX_INDENT_COLUMNS, yamlDepthProblem } from '../../src/config/yaml-depth.js'

describe('yamlDepthProblem', () => {
  it.each([
    { what: 'a small flow mapping', text: 'a: {b: [1, 2, {c: 3}]}' },
    {
      what: `${MAX_FLOW_DEPTH} nested brackets`,
      text: `a: ${'['.repeat(MAX_FLOW_DEPTH)}${']'.repeat(MAX_FLOW_DEPTH)}`,
    },
    { what: 'brackets inside double quotes', text: `a: "${'['.repeat(1000)}"` },
    { what: 'brackets inside single quotes', text: `a: '${'{'.repeat(1000)}'` },
    { what: 'an apostrophe in a plain scalar', text: "name: user's cart\nrequests: [GET /, GET /a]" },
    { what: 'brackets in a comment', text: `# ${'['.repeat(1000)}\na: 1` },
    { what: `an indent of ${MAX_INDENT_COLUMNS} columns`, text: `a:\n${' '.repeat(MAX_INDENT_COLUMNS)}b: 1` },
  ])('accepts $what', ({ text }) => {
    expect(yamlDepthProblem(text)).toBeNull()
  })

  it.each([
    {
      what: 'one bracket too many',
      text: `a: ${'['.repeat(MAX_FLOW_DEPTH + 1)}`,
      line: 1,
      column: 4 + MAX_FLOW_DEPTH,
      about: /brackets/,
    },
    {
      what: 'braces after a quoted string',
      text: `a: "x", b: ${'{'.repeat(100)}`,
      line: 1,
      column: 12 + MAX_FLOW_DEPTH,
      about: /brackets/,
    },
    {
      what: 'a deep indent',
      text: `a:\n${' '.repeat(MAX_INDENT_COLUMNS + 1)}b: 1`,
      line: 2,
      column: 1 + MAX_INDENT_COLUMNS,
      about: /indented/,
    },
    {
      what: 'brackets after a multi-line quoted string',
      text: `a: "x\\\ny"\nb: ${'['.repeat(100)}`,
      line: 3,
      column: 4 + MAX_FLOW_DEPTH,
      about: /brackets/,
    },
  ])('refuses $what at the offending character', ({ text, line, column, about }) => {
    const found = yamlDepthProblem(text)

    expect(found).toMatchObject({ line, column })
    expect(found?.problem).toMatch(about)
  })

  it('never throws and points at a character of the text for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', "'", '#', '\n', ' ', 'a', '\\') }),
        (text) => {
          const found = yamlDepthProblem(text)
          return found === null || (text.split('\n')[found.line - 1]?.[found.column - 1] ?? '') !== ''
        },
      ),
    )
  })
})

describe('parseProfile on text nested too deep', () => {
  it('answers with one ConfigError naming the line and column, before the YAML parser runs', () => {
    const text = `target: http://127.0.0.1:8080\nrequests: ${'['.repeat(100_000)}`
    const error = (() => {
      try {
        parseProfile({ text, file: 'deep.yml', env: {} })
      } catch (thrown) {
        return thrown
      }
      return null
    })()

    expect(error).toBeInstanceOf(ConfigErrors)
    expect((error as ConfigErrors).message).toMatch(/^deep\.yml:2:75: '\(yaml\)': brackets are nested more than 64/)
  })
})
