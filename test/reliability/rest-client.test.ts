// The REST client against a hanging or rate-limiting fake GitHub: each attempt has a deadline (a hung API never
// hangs the step), and cancelling (the job's SIGTERM) ends a request in flight or a wait between attempts at once.
import { afterAll, describe, expect, it } from 'vitest'
import { createRestClient } from '../../src/github/rest.js'
import { memoryLog } from '../../src/log.js'
import { startFakeGitHub } from '../helpers/fake-github/index.js'

const fake = await startFakeGitHub()
afterAll(() => fake.close())

const listComments = (rest: ReturnType<typeof createRestClient>) =>
  rest.rest.issues.listComments({ owner: 'octo', repo: 'repo', issue_number: 1 })

/** How long a promise takes to settle, and how. */
async function settle(promise: Promise<unknown>) {
  const startMs = performance.now()
  const outcome = await promise.then(
    () => ({ ok: true as const, message: '' }),
    (error: Error) => ({ ok: false as const, message: error.message }),
  )
  return { ...outcome, elapsedMs: performance.now() - startMs }
}

describe('the REST client and a GitHub that does not answer', () => {
  it('fails a hanging call after its per-attempt deadline, without retrying it', async () => {
    const hang = fake.fail.hang('comments')
    const rest = createRestClient({ token: 't', baseUrl: fake.url, log: memoryLog(), requestTimeoutMs: 300 })

    const outcome = await settle(listComments(rest))
    hang.remove()

    expect(outcome.ok).toBe(false)
    expect(outcome.message).toMatch(/^no answer from the GitHub API within 300 ms \(GET /)
    expect(hang.hits).toBe(1)
  })

  it('fails a call in flight as soon as the job is cancelled', async () => {
    const hang = fake.fail.hang('comments')
    const controller = new AbortController()
    const rest = createRestClient({ token: 't', baseUrl: fake.url, signal: controller.signal })

    const pending = settle(listComments(rest))
    setTimeout(() => controller.abort(new Error('cancelled (SIGTERM)')), 200)
    const outcome = await pending
    hang.remove()

    expect(outcome.ok).toBe(false)
    expect(outcome.message).toMatch(/not sent: cancelled \(SIGTERM\)$/)
    expect(outcome.elapsedMs).toBeLessThan(10_000)
  })

  it('ends a wait between attempts (a 60 s retry-after) as soon as the job is cancelled', async () => {
    const limit = fake.fail.rateLimit('comments', 60)
    const controller = new AbortController()
    const rest = createRestClient({ token: 't', baseUrl: fake.url, signal: controller.signal })

    const pending = settle(listComments(rest))
    setTimeout(() => controller.abort(new Error('cancelled (SIGTERM)')), 300)
    const outcome = await pending
    limit.remove()

    expect(outcome.ok).toBe(false)
    expect(outcome.message).toMatch(/cancelled \(SIGTERM\)/)
    expect(outcome.elapsedMs).toBeLessThan(10_000)
    expect(limit.hits).toBe(1)
  })

  it('sends nothing once cancelled', async () => {
    const controller = new AbortController()
    controller.abort(new Error('cancelled (SIGTERM)'))
    const rest = createRestClient({ token: 't', baseUrl: fake.url, signal: controller.signal })
    const before = fake.state.requestsTo('comments').length

    const outcome = await settle(listComments(rest))

    expect(outcome.message).toMatch(/not sent: cancelled/)
    expect(fake.state.requestsTo('comments')).toHaveLength(before)
  })
})
