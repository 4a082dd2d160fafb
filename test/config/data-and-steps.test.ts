import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCsv, parseJsonRows } from '../../src/config/data-files.js'
import { ConfigErrors } from '../../src/config/errors.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { closestMatch, editDistance } from '../../src/config/suggest.js'

const head = 'target: http://127.0.0.1:1\nmodel: constant-vus\nvus: 1\nduration: 1s\n'
const fixtureProfile = fileURLToPath(new URL('../load/fixtures/profile.yml', import.meta.url))

function messages(text: string, readTextFile?: (path: string) => string): string[] {
  try {
    parseProfile({ text: head + text, file: fixtureProfile, readTextFile })
  } catch (error) {
    if (error instanceof ConfigErrors) return error.errors.map((e) => e.message)
    throw error
  }
  return []
}

describe('parseCsv', () => {
  it('reads a header row, quoted fields with commas, doubled quotes and CRLF line ends', () => {
    const parsed = parseCsv('id,name\r\n1,"Ada, L."\r\n2,"say ""hi"""\r\n')

    expect(parsed).toEqual({
      columns: ['id', 'name'],
      rows: [
        { id: '1', name: 'Ada, L.' },
        { id: '2', name: 'say "hi"' },
      ],
    })
  })

  it.each([
    { what: 'an empty file', text: '', error: 'the CSV file is empty' },
    { what: 'a header only', text: 'id,name\n', error: 'has a header but no rows' },
    { what: 'a ragged row', text: 'id,name\n1\n', error: 'row 2 has 1 fields but the header has 2' },
    { what: 'an open quote', text: 'id\n"1\n', error: 'a quoted field is not closed' },
  ])('explains $what', ({ text, error }) => {
    expect(parseCsv(text)).toEqual({ error: expect.stringContaining(error) })
  })
})

describe('parseJsonRows', () => {
  it('reads an array of objects, turning nested values into JSON text', () => {
    expect(parseJsonRows('[{"sku":"A","tags":["x"],"n":3}]')).toEqual({
      columns: ['sku', 'tags', 'n'],
      rows: [{ sku: 'A', tags: '["x"]', n: '3' }],
    })
  })

  it.each([
    { text: '{"a":1}', error: 'non-empty array of objects' },
    { text: '[1]', error: 'item 0 is not an object' },
    { text: '[{', error: 'not valid JSON' },
  ])('rejects $text', ({ text, error }) => {
    expect(parseJsonRows(text)).toEqual({ error: expect.stringContaining(error) })
  })
})

describe('profile checks on data, variables and JSON paths', () => {
  it('loads a data file relative to the profile, with its content hash', () => {
    const profile = parseProfile({
      text: `${head}scenarios: [{ name: u, data: users.csv, steps: ['/u/{{id}}'] }]`,
      file: fixtureProfile,
    })

    expect(profile.scenarios[0]?.data).toMatchObject({
      file: 'users.csv',
      order: 'sequential',
      contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(profile.scenarios[0]?.data?.rows).toHaveLength(3)
  })

  it('reports a missing data file with its line', () => {
    expect(messages('scenarios:\n  - name: u\n    data: nope.csv\n    steps: [GET /]')).toEqual([
      expect.stringMatching(/profile\.yml:7:11: 'scenarios\[0\]\.data': data file 'nope\.csv' not found/),
    ])
  })

  it('reports a broken data file with the fix', () => {
    const text = 'scenarios: [{ name: u, data: bad.csv, steps: [GET /] }]'

    expect(messages(text, () => 'id,name\n1\n')[0]).toContain(
      "data file 'bad.csv': row 2 has 1 fields but the header has 2; quote fields",
    )
  })

  it.each([
    {
      what: 'a misspelt capture',
      steps: "[{ path: /login, capture: { token: { json: $.t } } }, { path: '/me/{{tokn}}' }]",
      error: "unknown variable '{{tokn}}'; did you mean 'token'?",
    },
    {
      what: 'a variable used before its capture',
      steps: "[{ path: '/me/{{token}}' }, { path: /login, capture: { token: { header: x-token } } }]",
      error: "'scenarios[0].steps[0].path': unknown variable '{{token}}'",
    },
    {
      what: 'a misspelt data column',
      steps: "[{ path: '/u/{{idd}}' }]",
      data: 'data: users.csv, ',
      error: "did you mean 'id'?",
    },
    {
      what: 'a variable in a JSON body',
      steps: "[{ method: POST, path: /x, json: { a: ['{{nope}}'] } }]",
      error: "'scenarios[0].steps[0].json.a[0]': unknown variable '{{nope}}'",
    },
    {
      what: 'a bad JSON path',
      steps: '[{ path: /x, capture: { t: { json: "$.a[" } } }]',
      error: "'$.a[' is not a JSON path",
    },
  ])('rejects $what', ({ steps, data, error }) => {
    expect(messages(`scenarios: [{ name: s, ${data ?? ''}steps: ${steps} }]`).join('\n')).toContain(error)
  })

  it('refuses both json and body in one step', () => {
    expect(messages("requests: [{ path: /x, json: {a: 1}, body: 'raw' }]").join('\n')).toContain(
      'json and body are both set',
    )
  })

  it('refuses duplicate scenario names', () => {
    expect(messages('scenarios: [{ name: s, steps: [GET /] }, { name: s, steps: [GET /b] }]').join('\n')).toContain(
      "scenario name 's' is used twice",
    )
  })

  it('reads steps in short and long form, with defaults', () => {
    const profile = parseProfile({
      text: `${head}timeout: 3s\nrequests: ['POST /a', { path: /b, name: list-b, timeout: 1s, think: { min: 1s, max: 2s }, weight: 3 }]`,
      file: 'p.yml',
    })

    const [a, b] = profile.scenarios
    expect(a?.steps[0]).toMatchObject({ name: 'POST /a', method: 'POST', timeoutMs: 3000, think: null })
    expect(b).toMatchObject({ name: 'list-b', weight: 3 })
    expect(b?.steps[0]).toMatchObject({ timeoutMs: 1000, think: { minMs: 1000, maxMs: 2000 } })
  })
})

describe('suggestions', () => {
  it.each([
    { a: 'duraton', b: 'duration', distance: 1 },
    { a: 'kitten', b: 'sitting', distance: 3 },
    { a: '', b: 'abc', distance: 3 },
  ])('measures $a -> $b as $distance edits', ({ a, b, distance }) => {
    expect(editDistance(a, b)).toBe(distance)
  })

  it('suggests only close matches', () => {
    expect(closestMatch('warmpu', ['warmup', 'rounds'])).toBe('warmup')
    expect(closestMatch('zzz', ['warmup', 'rounds'])).toBeUndefined()
  })
})
