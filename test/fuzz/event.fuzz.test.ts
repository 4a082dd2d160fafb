// Fuzzing the runner context: event payloads of every handled event (pull_request, pull_request_target, push,
// workflow_run, deployment_status) with keys renamed or deleted, values of the wrong type, hostile keys and deep
// nesting; damaged payload text; odd env values. parseGitHubContext must return a context or throw
// GitHubContextError naming the variable or payload field, on one line; never a TypeError, never pollution.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseGitHubContext } from '../../src/github/context.js'
import { GitHubContextError } from '../../src/github/errors.js'
import {
  deploymentStatusEvent,
  pullRequestEvent,
  pushEvent,
  type RunnerEvent,
  workflowRunEvent,
} from '../helpers/fake-github/events.js'
import {
  anyJsonValue,
  damagedText,
  expectTypedFailure,
  HOSTILE_STRINGS,
  type Json,
  mutatedDocument,
  prototypeIsClean,
} from './mutations.js'

const SHA = 'a'.repeat(40)
const EVENTS: readonly RunnerEvent[] = [
  pullRequestEvent({ number: 7, baseSha: SHA, headSha: 'b'.repeat(40) }),
  { ...pullRequestEvent({ number: 8, baseSha: SHA, headSha: 'c'.repeat(40) }), name: 'pull_request_target' },
  pushEvent({ branch: 'main', sha: SHA }),
  workflowRunEvent({ runId: 5, headBranch: 'feature', headSha: SHA, pullRequests: [{ number: 7, baseRef: 'main' }] }),
  deploymentStatusEvent({ environmentUrl: 'https://pr-7.preview.example.com', sha: SHA }),
]

/** "<VARIABLE or event payload 'field.path'>: <problem>", one line. */
const ERROR_LINE = /^(GITHUB_[A-Z_]+|event payload '[^\n]*'): [^\n]+$/

function envFor(event: RunnerEvent): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: '/runner/event.json',
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SHA: event.sha,
    GITHUB_REF: event.ref,
    GITHUB_RUN_ID: '1001',
    GITHUB_WORKFLOW_REF: 'octo/repo/.github/workflows/perf.yml@refs/heads/main',
  }
}

function parseWith(env: Record<string, string | undefined>, payloadText: string) {
  return expectTypedFailure(
    () => parseGitHubContext({ env, readFile: () => payloadText }),
    [GitHubContextError],
    ERROR_LINE,
  )
}

describe('parseGitHubContext under fuzzing', () => {
  it.each(EVENTS.map((event) => ({ name: event.name, event })))('reads the unmutated $name event', ({ event }) => {
    expect(parseWith(envFor(event), JSON.stringify(event.payload))).toBeNull()
  })

  it('answers a mutated payload (renamed keys, wrong types, hostile keys, deep values) with GitHubContextError', () => {
    const mutated = fc
      .constantFrom(...EVENTS)
      .chain((event) => mutatedDocument(event.payload as Json).map((payload) => ({ event, payload })))
    fc.assert(
      fc.property(mutated, ({ event, payload }) => {
        parseWith(envFor(event), JSON.stringify(payload))
        expect(prototypeIsClean()).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('answers damaged payload text with GitHubContextError naming GITHUB_EVENT_PATH', () => {
    const damaged = fc
      .constantFrom(...EVENTS)
      .chain((event) => damagedText(JSON.stringify(event.payload)).map((text) => ({ event, text })))
    fc.assert(
      fc.property(damaged, ({ event, text }) => {
        const error = parseWith(envFor(event), text)
        if (error) expect(error.message).toMatch(/^(GITHUB_EVENT_PATH|event payload)/)
      }),
      { numRuns: 300 },
    )
  })

  it('answers odd environment values (empty, hostile, malformed) with GitHubContextError', () => {
    const names = [
      'GITHUB_EVENT_NAME',
      'GITHUB_REPOSITORY',
      'GITHUB_RUN_ATTEMPT',
      'GITHUB_WORKFLOW_REF',
      'GITHUB_API_URL',
    ]
    const oddEnv = fc.record({
      event: fc.constantFrom(...EVENTS),
      name: fc.constantFrom(...names),
      value: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('', ' ', '/', 'a/b/c', ...HOSTILE_STRINGS),
        anyJsonValue.map((v) => JSON.stringify(v)),
      ),
    })
    fc.assert(
      fc.property(oddEnv, ({ event, name, value }) => {
        parseWith({ ...envFor(event), [name]: value }, JSON.stringify(event.payload))
      }),
      { numRuns: 300 },
    )
  })

  it('names the payload field that is wrong', () => {
    const event = pullRequestEvent({ number: 7, baseSha: SHA, headSha: SHA })
    const payload = JSON.parse(JSON.stringify(event.payload)) as { pull_request: { base: { ref: unknown } } }
    payload.pull_request.base.ref = 42

    const error = parseWith(envFor(event), JSON.stringify(payload))

    expect(error?.message).toMatch(/^event payload 'pull_request\.base\.ref': /)
  })
})
