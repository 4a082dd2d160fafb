// createRestClient: Octokit against the fake, retrying 5xx and rate limits a bounded number of times.
import { afterAll, describe, expect, it } from 'vitest'
import { createRestClient, GITHUB_API_VERSION } from '../../src/github/rest.js'
import { memoryLog } from '../../src/log.js'
import { startFakeGitHub } from '../helpers/fake-github/index.js'

const fake = await startFakeGitHub()
afterAll(() => fake.close())

function client(retry: Parameters<typeof createRestClient>[0]['retry'] = {}) {
  const sleeps: number[] = []
  const log = memoryLog()
  const rest = createRestClient({
    token: 'fake-token',
    baseUrl: fake.url,
    log,
    retry,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
  })
  return { rest, sleeps, log }
}

const listComments = (rest: ReturnType<typeof createRestClient>) =>
  rest.rest.issues.listComments({ owner: 'octo', repo: 'repo', issue_number: 1 })

describe('createRestClient headers', () => {
  it('names the REST API version on every request (X-GitHub-Api-Version), GraphQL included', async () => {
    const { rest } = client()
    const before = fake.state.requests.length

    await listComments(rest)
    await rest.graphql('query { viewer { login } }')

    const sent = fake.state.requests.slice(before)
    expect(sent.map((r) => [r.path, r.apiVersion])).toEqual([
      ['/repos/octo/repo/issues/1/comments', GITHUB_API_VERSION],
      ['/graphql', GITHUB_API_VERSION],
    ])
    expect(GITHUB_API_VERSION).toBe('2022-11-28')
  })
})

describe('createRestClient retries', () => {
  it('retries a 502 twice with doubling backoff, then succeeds', async () => {
    const { rest, sleeps, log } = client()
    const injected = fake.fail.status('comments', 502, { times: 2 })

    const response = await listComments(rest)

    expect(response.status).toBe(200)
    expect(injected.hits).toBe(2)
    expect(sleeps).toEqual([1000, 2000])
    expect(log.lines.map((l) => l.message)).toEqual([
      expect.stringMatching(
        /GitHub API GET \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: 502 .*; retry 1 of 3 in 1 s/,
      ),
      expect.stringMatching(/retry 2 of 3 in 2 s/),
    ])
  })

  it('gives up after maxRetries on a service that keeps failing', async () => {
    const { rest, sleeps } = client()
    const injected = fake.fail.status('comments', 500)

    const error = await listComments(rest).catch((e: { status: number }) => e)
    injected.remove()

    expect(error).toMatchObject({ status: 500 })
    expect(injected.hits).toBe(4)
    expect(sleeps).toEqual([1000, 2000, 4000])
  })

  it('waits retry-after on a secondary rate limit', async () => {
    const { rest, sleeps } = client()
    fake.fail.rateLimit('comments', 7, { times: 1 })

    const response = await listComments(rest)

    expect(response.status).toBe(200)
    expect(sleeps).toEqual([7000])
  })

  it('does not wait past the total cap: a long retry-after fails at once with a warning', async () => {
    const { rest, sleeps, log } = client({ maxTotalWaitMs: 30_000 })
    const injected = fake.fail.rateLimit('comments', 120, { times: 1 })

    const error = await listComments(rest).catch((e: { status: number }) => e)

    expect(error).toMatchObject({ status: 403 })
    expect(injected.hits).toBe(1)
    expect(sleeps).toEqual([])
    expect(log.lines).toEqual([
      { level: 'warning', message: expect.stringMatching(/secondary rate limit.*not retrying \(would wait 120 s\)/) },
    ])
  })

  it.each([
    { what: '404', inject: () => fake.fail.status('comments', 404, { times: 1 }), status: 404 },
    { what: '403 without a rate limit', inject: () => fake.fail.forbidden('comments', { times: 1 }), status: 403 },
    { what: '422', inject: () => fake.fail.status('comments', 422, { times: 1 }), status: 422 },
  ])('does not retry a $what', async ({ inject, status }) => {
    const { rest, sleeps } = client()
    const injected = inject()

    const error = await listComments(rest).catch((e: { status: number }) => e)

    expect(error).toMatchObject({ status })
    expect(injected.hits).toBe(1)
    expect(sleeps).toEqual([])
  })
})
