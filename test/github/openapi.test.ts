// The OpenAPI check used by the end-to-end suites: it must flag what GitHub would refuse and pass what it accepts,
// or an empty list of violations would prove nothing.
import { describe, expect, it } from 'vitest'
import type { RecordedRequest } from '../helpers/fake-github/index.js'
import { openApiVersion, openApiViolations } from '../helpers/openapi.js'

const request = (method: string, path: string, body = '', family: RecordedRequest['family'] = 'comments') => ({
  method,
  path,
  family,
  authorization: 'token x',
  apiVersion: '2022-11-28',
  body,
})

describe('openApiViolations', () => {
  it('reads the description of api.github.com from @octokit/openapi', () => {
    expect(openApiVersion()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it.each([
    ['GET', '/repos/octo/repo/issues/7/comments?per_page=100&page=2', ''],
    ['POST', '/repos/octo/repo/issues/7/comments', '{"body":"report"}'],
    ['PATCH', '/repos/octo/repo/issues/comments/12', '{"body":"report"}'],
    ['GET', '/repos/octo/repo/actions/workflows/perf.yml/runs?branch=main&status=success&per_page=100', ''],
    ['GET', '/repos/octo/repo/actions/runs/1001/artifacts?name=tailgate-result&per_page=100', ''],
    ['GET', '/repos/octo/repo/actions/artifacts/3/zip', ''],
    ['GET', '/repos/octo/repo/compare/aaa...bbb?per_page=1', ''],
    ['GET', '/user', ''],
  ])('accepts %s %s', (method, path, body) => {
    expect(openApiViolations([request(method, path, body)])).toEqual([])
  })

  it.each([
    { what: 'an unknown path', req: request('GET', '/repos/octo/repo/issues/7/remarks'), says: /no such operation/ },
    { what: 'a wrong method', req: request('DELETE', '/repos/octo/repo/issues/7/comments'), says: /no such operation/ },
    {
      what: 'an undeclared query parameter',
      req: request('GET', '/repos/octo/repo/issues/7/comments?author=me'),
      says: /query parameter 'author' is not a parameter of issues\/list-comments/,
    },
    {
      what: 'a non-integer path parameter',
      req: request('GET', '/repos/octo/repo/issues/seven/comments'),
      says: /path parameter issue_number 'seven' is not an integer/,
    },
    {
      what: 'a value outside the enum',
      req: request('GET', '/repos/octo/repo/actions/runs?status=green'),
      says: /query parameter status 'green' is not one of/,
    },
    {
      what: 'a body without its required property',
      req: request('POST', '/repos/octo/repo/issues/7/comments', '{"text":"x"}'),
      says: /body\.body is required/,
    },
    {
      what: 'a body property of the wrong type',
      req: request('PATCH', '/repos/octo/repo/issues/comments/3', '{"body":42}'),
      says: /body\.body is not string/,
    },
  ])('flags $what', ({ req, says }) => {
    expect(openApiViolations([req]).join('\n')).toMatch(says)
  })

  it('skips the results service, blobs and GraphQL (not REST)', () => {
    expect(
      openApiViolations([
        request('POST', '/twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry', '{}', 'cache'),
        request('PUT', '/blob/x?comp=block', '', 'blob'),
        request('POST', '/graphql', '{"query":"query { viewer { login } }"}', 'identity'),
      ]),
    ).toEqual([])
  })
})
