import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shaFromBody, shaFromHeader, shaMatches } from '../../../src/action/preview/served-sha.js'
import { parseStatusSet } from '../../../src/action/preview/status-set.js'

const FULL = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d'

describe('shaMatches', () => {
  it.each([
    { served: FULL, expected: FULL, matches: true },
    { served: '1a2b3c4', expected: FULL, matches: true },
    { served: FULL, expected: '1A2B3C4D', matches: true },
    { served: '1a2b3c', expected: FULL, matches: false },
    { served: '1a2b3c5', expected: FULL, matches: false },
    { served: '', expected: FULL, matches: false },
  ])('$served against $expected: $matches', ({ served, expected, matches }) => {
    expect(shaMatches(served, expected)).toBe(matches)
  })

  it('accepts any prefix of at least 7 characters, in either direction (property)', () => {
    const sha = fc.stringMatching(/^[0-9a-f]{40}$/)
    fc.assert(
      fc.property(sha, fc.integer({ min: 7, max: 40 }), (full, length) => {
        const short = full.slice(0, length)
        return shaMatches(short, full) && shaMatches(full, short)
      }),
    )
  })
})

describe('shaFromBody and shaFromHeader', () => {
  it.each([
    { what: 'the sha field', body: `{"sha":"${FULL}"}`, field: undefined, sha: FULL },
    {
      what: 'commit when sha is absent',
      body: '{"commit":"abcdef1","version":"1.2.3"}',
      field: undefined,
      sha: 'abcdef1',
    },
    { what: 'version when it holds a SHA', body: '{"version":"abcdef1"}', field: undefined, sha: 'abcdef1' },
    { what: 'nothing when no field holds a SHA', body: '{"version":"1.2.3"}', field: undefined, sha: null },
    { what: 'a dotted field as is', body: '{"build":{"git":"v1.2.3"}}', field: 'build.git', sha: 'v1.2.3' },
    { what: 'a bare SHA text body', body: `${FULL}\n`, field: undefined, sha: FULL },
    { what: 'nothing from HTML', body: '<html>old</html>', field: undefined, sha: null },
  ])('reads $what', ({ body, field, sha }) => {
    expect(shaFromBody(body, field)).toBe(sha)
  })

  it('reads a header case-insensitively, the first of repeated values', () => {
    expect(shaFromHeader({ 'x-commit-sha': [' abcdef1 ', 'ffff'] }, 'X-Commit-SHA')).toBe('abcdef1')
    expect(shaFromHeader({}, 'x-commit-sha')).toBeNull()
  })
})

describe('parseStatusSet', () => {
  it.each([
    { text: '200-299,401', in: [200, 250, 299, 401], out: [199, 300, 400, 402] },
    { text: '2xx', in: [200, 299], out: [199, 300] },
    { text: ' 204 , 3xx ', in: [204, 301], out: [200, 404] },
  ])('$text', ({ text, in: accepted, out: refused }) => {
    const set = parseStatusSet(text)

    for (const status of accepted) expect(set.has(status)).toBe(true)
    for (const status of refused) expect(set.has(status)).toBe(false)
  })

  it.each([
    { text: '', message: /'ready-status': no status given/ },
    { text: 'ok', message: /'ready-status': 'ok' is not a status, a range or a class/ },
    { text: '299-200', message: /'299-200' is not within 100-599/ },
    { text: '200-700', message: /'200-700' is not within 100-599/ },
  ])('rejects $text', ({ text, message }) => {
    expect(() => parseStatusSet(text)).toThrow(message)
  })
})
