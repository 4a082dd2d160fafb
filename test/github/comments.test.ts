// The sticky PR comment against the fake GitHub: created once, updated in place, found past 100 comments, and never
// thrown on a read-only token or an outage.
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import {
  commentMarker,
  findComment,
  READ_ONLY_TOKEN_FIX,
  upsertComment,
  withMarker,
} from '../../src/github/comments.js'
import { createRestClient } from '../../src/github/rest.js'
import { startFakeGitHub } from '../helpers/fake-github/index.js'

const fake = await startFakeGitHub()
afterAll(() => fake.close())
beforeEach(() => {
  fake.fail.clear()
  fake.state.comments.length = 0
  fake.state.requests.length = 0
})

const rest = createRestClient({ token: 'fake-token', baseUrl: fake.url, sleep: async () => {} })
const repository = { owner: 'octo', repo: 'repo' }
const marker = commentMarker('checkout')

describe('upsertComment', () => {
  it('creates the comment, then updates the same one in place (no duplicate)', async () => {
    const first = await upsertComment({ rest, repository, pullRequest: 7, marker, body: 'p95 +3 % (no change)' })
    const second = await upsertComment({ rest, repository, pullRequest: 7, marker, body: 'p95 +12 % (regression)' })

    expect(first).toMatchObject({ kind: 'created', url: expect.stringContaining('/pull/7#issuecomment-') })
    expect(second).toEqual({ ...first, kind: 'updated' })
    expect(fake.state.commentsOn(7)).toHaveLength(1)
    expect(fake.state.commentsOn(7)[0]?.body).toBe(`p95 +12 % (regression)\n\n${marker}`)
  })

  it('finds its comment past the first 100 comments and updates it', async () => {
    for (let i = 0; i < 130; i++) fake.state.addComment(7, `chatter ${i}`)
    const ours = fake.state.addComment(7, `old report\n\n${marker}`, { login: 'github-actions[bot]', type: 'Bot' })
    for (let i = 0; i < 20; i++) fake.state.addComment(7, `more chatter ${i}`)

    const outcome = await upsertComment({ rest, repository, pullRequest: 7, marker, body: 'new report' })

    expect(outcome).toMatchObject({ kind: 'updated', id: ours.id })
    expect(fake.state.commentsOn(7)).toHaveLength(151)
    expect(fake.state.requestsTo('comments').map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo/repo/issues/7/comments?per_page=100',
      'GET /repos/octo/repo/issues/7/comments?per_page=100&page=2',
      `PATCH /repos/octo/repo/issues/comments/${ours.id}`,
    ])
  })

  it("leaves another profile's comment alone", async () => {
    fake.state.addComment(7, `search report\n\n${commentMarker('search')}`, {
      login: 'github-actions[bot]',
      type: 'Bot',
    })

    const outcome = await upsertComment({ rest, repository, pullRequest: 7, marker, body: 'checkout report' })

    expect(outcome.kind).toBe('created')
    expect(fake.state.commentsOn(7).map((c) => c.body)).toEqual([
      `search report\n\n${commentMarker('search')}`,
      `checkout report\n\n${marker}`,
    ])
  })

  it('on a fork PR (403 Resource not accessible by integration), is not-posted with the warning and the fix', async () => {
    fake.fail.forbidden('comments', { method: 'POST' })

    const outcome = await upsertComment({ rest, repository, pullRequest: 7, marker, body: 'report' })

    expect(outcome).toEqual({
      kind: 'not-posted',
      reason:
        "the PR comment was not posted: this run's token is read-only (403 Resource not accessible by integration), as it always is for pull requests from forks; the report is in the job summary",
      fix: READ_ONLY_TOKEN_FIX,
    })
    expect(READ_ONLY_TOKEN_FIX).toMatch(/two-workflow pattern.*workflow_run.*'mode: report'/)
    expect(fake.state.commentsOn(7)).toEqual([])
  })

  it('when the API keeps failing, is not-posted after bounded retries (never throws, never duplicates)', async () => {
    const injected = fake.fail.status('comments', 503)

    const outcome = await upsertComment({ rest, repository, pullRequest: 7, marker, body: 'report' })

    expect(outcome).toMatchObject({
      kind: 'not-posted',
      reason: expect.stringMatching(
        /^the comment on PR #7 was not posted: GitHub answered 503: fake failure 503; the report is in the job summary$/,
      ),
      fix: 're-run the job once the GitHub API answers again',
    })
    expect(injected.hits).toBe(4)
    expect(fake.state.requestsTo('comments').every((r) => r.method === 'GET')).toBe(true)
  })
})

describe('findComment', () => {
  it.each([
    { what: 'absent when no comment carries the marker', seed: ['hello'], kind: 'absent' },
    { what: 'found when one does', seed: ['hello', `report\n\n${marker}`], kind: 'found' },
  ])('is $what', async ({ seed, kind }) => {
    for (const body of seed) fake.state.addComment(9, body)

    expect((await findComment({ rest, repository, pullRequest: 9, marker })).kind).toBe(kind)
  })

  it('is unknown (with the reason) when the comments cannot be listed', async () => {
    fake.fail.status('comments', 404)

    expect(await findComment({ rest, repository, pullRequest: 9, marker })).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/^could not list the comments of PR #9: GitHub answered 404: fake failure 404$/),
    })
  })
})

describe('markers', () => {
  it('appends the marker once', () => {
    expect(withMarker(withMarker('body\n', marker), marker)).toBe(`body\n\n${marker}`)
  })

  it('encodes the profile id so a marker cannot close the HTML comment early', () => {
    expect(commentMarker('a --> b')).toBe('<!-- tailgate:a%20--%3E%20b -->')
  })
})

describe('commentMarker and withMarker', () => {
  it.each([
    { id: 'api', marker: '<!-- tailgate:api -->' },
    { id: 'api smoke', marker: '<!-- tailgate:api%20smoke -->' },
    { id: 'x --> <script>', marker: '<!-- tailgate:x%20--%3E%20%3Cscript%3E -->' },
    { id: 'bad\uD800', marker: '<!-- tailgate:bad%EF%BF%BD -->' },
  ])('encodes the profile id $id so it cannot close the comment', ({ id, marker }) => {
    expect(commentMarker(id)).toBe(marker)
  })

  it('appends the marker after a blank line', () => {
    expect(withMarker('body', '<!-- tailgate:api -->')).toBe('body\n\n<!-- tailgate:api -->')
  })
})
