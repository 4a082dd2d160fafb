// The accept label and who applied it, against the fake GitHub; failures degrade, never throw.
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { acceptLabelStatus, appliedByText } from '../../src/github/labels.js'
import { createRestClient } from '../../src/github/rest.js'
import { startFakeGitHub } from '../helpers/fake-github/index.js'

const fake = await startFakeGitHub()
afterAll(() => fake.close())
beforeEach(() => {
  fake.fail.clear()
  fake.state.pulls.clear()
  fake.state.issueEvents.clear()
})

const rest = createRestClient({ token: 'fake-token', baseUrl: fake.url, sleep: async () => {} })
const repository = { owner: 'octo', repo: 'repo' }
const label = 'tailgate:accept'

function seedPr() {
  fake.state.addPullRequest({
    number: 7,
    headSha: 'c'.repeat(40),
    headRef: 'speedup',
    headRepository: 'octo/repo',
    baseRef: 'main',
    baseSha: 'b'.repeat(40),
  })
}

describe('acceptLabelStatus', () => {
  it('says the label is applied and by whom (the latest labeled event)', async () => {
    seedPr()
    fake.state.addLabel(7, 'perf', 'someone')
    fake.state.addLabel(7, label, 'first-reviewer')
    fake.state.addLabel(7, label, 'lead-reviewer')

    const status = await acceptLabelStatus({ rest, repository, pullRequest: 7, label, payloadLabels: [] })

    expect(status).toEqual({ applied: true, appliedBy: { kind: 'user', login: 'lead-reviewer' }, warnings: [] })
    expect(appliedByText(status.applied ? status.appliedBy : { kind: 'unknown', reason: '' })).toBe('@lead-reviewer')
  })

  it('says not applied when the PR lacks the label', async () => {
    seedPr()
    fake.state.addLabel(7, 'perf', 'someone')

    expect(await acceptLabelStatus({ rest, repository, pullRequest: 7, label, payloadLabels: [label] })).toEqual({
      applied: false,
      warnings: [],
    })
  })

  it('degrades the actor to unknown when the events cannot be read', async () => {
    seedPr()
    fake.state.addLabel(7, label, 'lead-reviewer')
    fake.fail.status('issue-events', 500)

    const status = await acceptLabelStatus({ rest, repository, pullRequest: 7, label, payloadLabels: null })

    expect(status).toMatchObject({
      applied: true,
      appliedBy: {
        kind: 'unknown',
        reason: expect.stringMatching(/could not read the events of PR #7 \(GitHub answered 500: fake failure 500\)/),
      },
    })
    expect(status.applied && appliedByText(status.appliedBy)).toBe('unknown')
  })

  it.each([
    { what: 'falls back to the event labels', payloadLabels: [label], applied: true, fallback: "the event's labels" },
    {
      what: 'without event labels, takes it as not applied',
      payloadLabels: null,
      applied: false,
      fallback: 'not applied',
    },
  ])('when the labels cannot be read, $what, with a warning', async ({ payloadLabels, applied, fallback }) => {
    seedPr()
    fake.fail.status('labels', 403, { message: 'Must have admin rights' })
    fake.fail.status('issue-events', 403)

    const status = await acceptLabelStatus({ rest, repository, pullRequest: 7, label, payloadLabels })

    expect(status.applied).toBe(applied)
    expect(status.warnings).toEqual([
      expect.stringContaining(`Could not read the labels of PR #7 (GitHub answered 403: Must have admin rights)`),
    ])
    expect(status.warnings[0]).toContain(fallback)
  })
})
