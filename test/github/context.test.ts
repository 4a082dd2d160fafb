// parseGitHubContext: the runner env and event payload, for each event Tailgate handles.
import { describe, expect, it } from 'vitest'
import { type ContextSources, parseGitHubContext } from '../../src/github/context.js'
import { GitHubContextError } from '../../src/github/errors.js'
import {
  deploymentStatusEvent,
  pullRequestEvent,
  pushEvent,
  type RunnerEvent,
  workflowRunEvent,
} from '../helpers/fake-github/events.js'

const BASE_SHA = 'b'.repeat(40)
const HEAD_SHA = 'c'.repeat(40)

function sourcesFor(event: RunnerEvent, env: Record<string, string | undefined> = {}): ContextSources {
  return {
    env: {
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: '/runner/event.json',
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'http://127.0.0.1:9/',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_WORKFLOW: 'perf',
      GITHUB_WORKFLOW_REF: `octo/repo/.github/workflows/perf.yml@${event.ref}`,
      GITHUB_SHA: event.sha,
      GITHUB_REF: event.ref,
      GITHUB_ACTOR: 'octocat',
      ...env,
    },
    readFile: (path) => {
      if (path !== '/runner/event.json') throw new Error(`ENOENT: no such file '${path}'`)
      return JSON.stringify(event.payload)
    },
  }
}

describe('parseGitHubContext', () => {
  it('reads the run facts common to every event', () => {
    const context = parseGitHubContext(sourcesFor(pushEvent({ branch: 'main', sha: HEAD_SHA })))

    expect(context).toMatchObject({
      eventName: 'push',
      repository: { owner: 'octo', repo: 'repo' },
      apiUrl: 'http://127.0.0.1:9',
      runId: '4242',
      runAttempt: 2,
      workflow: 'perf',
      workflowFile: 'perf.yml',
      defaultBranch: 'main',
      runUrl: 'https://github.com/octo/repo/actions/runs/4242',
    })
  })

  it.each([
    { what: 'the default branch', branch: 'main', isDefaultBranch: true },
    { what: 'another branch', branch: 'release/1.x', isDefaultBranch: false },
  ])('on push to $what, gives the branch, SHA and whether it is the default branch', ({ branch, isDefaultBranch }) => {
    const context = parseGitHubContext(sourcesFor(pushEvent({ branch, sha: HEAD_SHA })))

    expect(context.event).toEqual({ kind: 'push', branch, sha: HEAD_SHA, isDefaultBranch })
  })

  it('on a tag push, has no branch', () => {
    const event = { ...pushEvent({ branch: 'x', sha: HEAD_SHA }), ref: 'refs/tags/v1' }
    const context = parseGitHubContext(sourcesFor({ ...event, payload: { ...event.payload, ref: 'refs/tags/v1' } }))

    expect(context.event).toMatchObject({ kind: 'push', branch: null, isDefaultBranch: false })
  })

  it.each([
    { what: 'a same-repository PR', headRepository: 'octo/repo', isFork: false },
    { what: 'a fork PR', headRepository: 'someone/repo', isFork: true },
  ])('on pull_request from $what, gives number, base, head and fork', ({ headRepository, isFork }) => {
    const event = pullRequestEvent({
      number: 7,
      baseRef: 'main',
      baseSha: BASE_SHA,
      headRef: 'speedup',
      headSha: HEAD_SHA,
      headRepository,
      labels: ['tailgate:accept'],
    })

    const context = parseGitHubContext(sourcesFor(event))

    expect(context.event).toEqual({
      kind: 'pull_request',
      action: 'synchronize',
      number: 7,
      baseBranch: 'main',
      baseSha: BASE_SHA,
      headSha: HEAD_SHA,
      headBranch: 'speedup',
      headRepository,
      isFork,
      labels: ['tailgate:accept'],
      target: false,
    })
  })

  it('treats a PR whose head repository was deleted as a fork', () => {
    const event = pullRequestEvent({ number: 7, baseSha: BASE_SHA, headSha: HEAD_SHA })
    const pr = (event.payload.pull_request as { head: Record<string, unknown> }).head
    pr.repo = null

    expect(parseGitHubContext(sourcesFor(event)).event).toMatchObject({ isFork: true, headRepository: null })
  })

  it('on workflow_run, takes the PR number from workflow_run.pull_requests', () => {
    const event = workflowRunEvent({
      runId: 555,
      headBranch: 'speedup',
      headSha: HEAD_SHA,
      pullRequests: [{ number: 9, baseRef: 'main', baseSha: BASE_SHA }],
    })

    const context = parseGitHubContext(sourcesFor(event))

    expect(context.event).toMatchObject({
      kind: 'workflow_run',
      runId: 555,
      triggeringEvent: 'pull_request',
      headSha: HEAD_SHA,
      isFork: false,
      pullRequest: { number: 9, baseBranch: 'main', baseSha: BASE_SHA },
    })
  })

  it('on workflow_run from a fork (no pull_requests listed), leaves the PR to a REST lookup', () => {
    const event = workflowRunEvent({ runId: 556, headBranch: 'main', headSha: HEAD_SHA, headRepository: 'fork/repo' })

    expect(parseGitHubContext(sourcesFor(event)).event).toMatchObject({
      kind: 'workflow_run',
      isFork: true,
      headRepository: 'fork/repo',
      pullRequest: null,
    })
  })

  it('on deployment_status, gives state, environment URL and deployment SHA', () => {
    const event = deploymentStatusEvent({ environmentUrl: 'https://pr-7.preview.example', sha: HEAD_SHA })

    expect(parseGitHubContext(sourcesFor(event)).event).toEqual({
      kind: 'deployment_status',
      state: 'success',
      environmentUrl: 'https://pr-7.preview.example',
      targetUrl: null,
      environment: 'Preview',
      sha: HEAD_SHA,
      ref: 'feature-1',
    })
  })

  it.each([
    {
      what: "a GitHub log page (GitHub's own example)",
      targetUrl: 'https://github.com/o/r/runs/1?check_suite_focus=true',
      kept: null,
    },
    { what: 'the deployment itself', targetUrl: 'https://pr-7.vercel.app/', kept: 'https://pr-7.vercel.app/' },
    { what: 'not a URL', targetUrl: 'see the logs', kept: null },
  ])('keeps a deployment_status target_url only when it is a URL of the deployment: $what', ({ targetUrl, kept }) => {
    const event = deploymentStatusEvent({ environmentUrl: '', sha: HEAD_SHA })
    ;(event.payload.deployment_status as Record<string, unknown>).target_url = targetUrl

    expect(parseGitHubContext(sourcesFor(event)).event).toMatchObject({ environmentUrl: null, targetUrl: kept })
  })

  it('gives other events (workflow_dispatch, schedule) no details', () => {
    const context = parseGitHubContext(
      sourcesFor({ ...pushEvent({ branch: 'main', sha: HEAD_SHA }), name: 'workflow_dispatch' }),
    )

    expect(context.event).toEqual({ kind: 'other' })
  })

  it.each([
    {
      what: 'no event name (not in Actions)',
      env: { GITHUB_EVENT_NAME: '' },
      message: /GITHUB_EVENT_NAME: is not set; run Tailgate as a step of a GitHub Actions job/,
    },
    {
      what: 'a malformed repository',
      env: { GITHUB_REPOSITORY: 'octo' },
      message: /GITHUB_REPOSITORY: expected 'owner\/repo', got 'octo'/,
    },
    {
      what: 'an unreadable payload',
      env: { GITHUB_EVENT_PATH: '/nope.json' },
      message: /GITHUB_EVENT_PATH: cannot read '\/nope.json'/,
    },
  ])('rejects $what with the variable named', ({ env, message }) => {
    const sources = sourcesFor(pushEvent({ branch: 'main', sha: HEAD_SHA }), env)

    expect(() => parseGitHubContext(sources)).toThrow(GitHubContextError)
    expect(() => parseGitHubContext(sources)).toThrow(message)
  })

  it('rejects a pull_request payload without pull_request, naming the field', () => {
    const event = { ...pullRequestEvent({ number: 7, baseSha: BASE_SHA, headSha: HEAD_SHA }), payload: { number: 7 } }

    expect(() => parseGitHubContext(sourcesFor(event))).toThrow(/event payload 'pull_request'/)
  })

  it('rejects a payload that is not JSON', () => {
    const sources = { ...sourcesFor(pushEvent({ branch: 'main', sha: HEAD_SHA })), readFile: () => '{"trunc' }

    expect(() => parseGitHubContext(sources)).toThrow(
      /GITHUB_EVENT_PATH: '\/runner\/event.json' is not a JSON event payload/,
    )
  })
})
