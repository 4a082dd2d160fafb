// The REST subset of api.github.com the action uses: issue comments, issue events and labels, pull requests,
// workflow runs, run artifacts, artifact zip redirects, and commit comparison.
import { paginate, parseJsonBody, sendJson, sendRestError } from './http.js'
import type { Route, RouteContext } from './route.js'
import type { FakeArtifact, FakeComment, FakePullRequest, FakeWorkflowRun } from './state.js'

const REPO = '/repos/([^/]+)/([^/]+)'
const CONCLUSIONS = ['success', 'failure', 'cancelled', 'skipped', 'neutral', 'timed_out', 'action_required', 'stale']

export const restRoutes: readonly Route[] = [
  { method: 'GET', pattern: re(`${REPO}/issues/(\\d+)/comments`), family: 'comments', handle: listComments },
  { method: 'POST', pattern: re(`${REPO}/issues/(\\d+)/comments`), family: 'comments', handle: createComment },
  { method: 'PATCH', pattern: re(`${REPO}/issues/comments/(\\d+)`), family: 'comments', handle: updateComment },
  { method: 'GET', pattern: re(`${REPO}/issues/comments/(\\d+)`), family: 'comments', handle: getComment },
  { method: 'GET', pattern: re(`${REPO}/issues/(\\d+)/events`), family: 'issue-events', handle: listIssueEvents },
  { method: 'GET', pattern: re(`${REPO}/issues/(\\d+)/labels`), family: 'labels', handle: listLabels },
  { method: 'GET', pattern: re(`${REPO}/pulls/(\\d+)`), family: 'pulls', handle: getPull },
  { method: 'GET', pattern: re(`${REPO}/pulls`), family: 'pulls', handle: listPulls },
  { method: 'GET', pattern: re(`${REPO}/commits/([^/]+)/pulls`), family: 'pulls', handle: pullsOfCommit },
  { method: 'GET', pattern: re(`${REPO}/actions/workflows/([^/]+)/runs`), family: 'workflow-runs', handle: listRuns },
  { method: 'GET', pattern: re(`${REPO}/actions/runs`), family: 'workflow-runs', handle: listRuns },
  { method: 'GET', pattern: re(`${REPO}/actions/runs/(\\d+)`), family: 'workflow-runs', handle: getRun },
  {
    method: 'GET',
    pattern: re(`${REPO}/actions/runs/(\\d+)/artifacts`),
    family: 'run-artifacts',
    handle: runArtifacts,
  },
  { method: 'GET', pattern: re(`${REPO}/actions/artifacts/(\\d+)/zip`), family: 'artifact-zip', handle: artifactZip },
  { method: 'GET', pattern: re(`${REPO}/compare/(.+)`), family: 'compare', handle: compareCommits },
  { method: 'GET', pattern: re('/user'), family: 'identity', handle: authenticatedUser },
  { method: 'POST', pattern: re('/graphql'), family: 'identity', handle: graphqlViewer },
]

function re(source: string): RegExp {
  return new RegExp(`^${source}$`)
}

function repoOf(context: RouteContext): string {
  return `${context.params[0]}/${context.params[1]}`
}

function commentJson(context: RouteContext, comment: FakeComment) {
  const repo = repoOf(context)
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${context.baseUrl}/repos/${repo}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${context.baseUrl}/repos/${repo}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: { login: comment.user.login, id: 41898282, type: comment.user.type },
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'NONE',
  }
}

function listComments(context: RouteContext): undefined {
  const issue = Number(context.params[2])
  const all = context.state.commentsOn(issue).map((c) => commentJson(context, c))
  const { page, headers } = paginate(all, context.url, context.baseUrl)
  sendJson(context.response, 200, page, headers)
}

function createComment(context: RouteContext): undefined {
  const body = parseJsonBody(context.body)?.body
  if (typeof body !== 'string' || body === '') return sendRestError(context.response, 422, 'Validation Failed: body')
  const comment = context.state.addComment(
    Number(context.params[2]),
    body,
    context.state.accountOf(context.request.headers.authorization),
  )
  sendJson(context.response, 201, commentJson(context, comment))
}

function updateComment(context: RouteContext): undefined {
  const comment = context.state.comments.find((c) => c.id === Number(context.params[2]))
  if (!comment) return sendRestError(context.response, 404, 'Not Found')
  const body = parseJsonBody(context.body)?.body
  if (typeof body !== 'string' || body === '') return sendRestError(context.response, 422, 'Validation Failed: body')
  comment.body = body
  comment.updatedAt = context.state.timestamp()
  sendJson(context.response, 200, commentJson(context, comment))
}

function getComment(context: RouteContext): undefined {
  const comment = context.state.comments.find((c) => c.id === Number(context.params[2]))
  if (!comment) return sendRestError(context.response, 404, 'Not Found')
  sendJson(context.response, 200, commentJson(context, comment))
}

function listIssueEvents(context: RouteContext): undefined {
  const events = (context.state.issueEvents.get(Number(context.params[2])) ?? []).map((e) => ({
    id: e.id,
    node_id: `LE_${e.id}`,
    event: e.event,
    actor: { login: e.actor, id: 1, type: 'User' },
    label: { name: e.label, color: 'ededed' },
    created_at: e.createdAt,
  }))
  const { page, headers } = paginate(events, context.url, context.baseUrl)
  sendJson(context.response, 200, page, headers)
}

function listLabels(context: RouteContext): undefined {
  const pr = context.state.pulls.get(Number(context.params[2]))
  if (!pr) return sendRestError(context.response, 404, 'Not Found')
  const labels = pr.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false }))
  const { page, headers } = paginate(labels, context.url, context.baseUrl)
  sendJson(context.response, 200, page, headers)
}

function pullJson(context: RouteContext, pr: FakePullRequest) {
  const repo = repoOf(context)
  const [headOwner] = pr.headRepository.split('/')
  return {
    id: pr.number * 1000,
    number: pr.number,
    state: pr.state,
    html_url: `https://github.com/${repo}/pull/${pr.number}`,
    labels: pr.labels.map((name, i) => ({ id: i + 1, name })),
    head: {
      ref: pr.headRef,
      sha: pr.headSha,
      label: `${headOwner}:${pr.headRef}`,
      repo: { full_name: pr.headRepository, fork: pr.headRepository !== repo },
    },
    base: { ref: pr.baseRef, sha: pr.baseSha, label: `${context.params[0]}:${pr.baseRef}`, repo: { full_name: repo } },
  }
}

function getPull(context: RouteContext): undefined {
  const pr = context.state.pulls.get(Number(context.params[2]))
  if (!pr) return sendRestError(context.response, 404, 'Not Found')
  sendJson(context.response, 200, pullJson(context, pr))
}

function listPulls(context: RouteContext): undefined {
  const state = context.url.searchParams.get('state') ?? 'open'
  const head = context.url.searchParams.get('head')
  const pulls = [...context.state.pulls.values()]
    .filter((pr) => state === 'all' || pr.state === state)
    .filter((pr) => !head || `${pr.headRepository.split('/')[0]}:${pr.headRef}` === head)
    .sort((a, b) => b.number - a.number)
    .map((pr) => pullJson(context, pr))
  const { page, headers } = paginate(pulls, context.url, context.baseUrl)
  sendJson(context.response, 200, page, headers)
}

function pullsOfCommit(context: RouteContext): undefined {
  const sha = context.params[2]
  const pulls = [...context.state.pulls.values()]
    .filter((pr) => pr.headSha === sha && pr.headRepository === repoOf(context))
    .map((pr) => pullJson(context, pr))
  sendJson(context.response, 200, pulls)
}

function runJson(context: RouteContext, run: FakeWorkflowRun) {
  const repo = repoOf(context)
  return {
    id: run.id,
    name: run.name,
    path: run.path,
    workflow_id: run.workflowId,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    run_number: run.id,
    run_attempt: 1,
    created_at: run.createdAt,
    updated_at: run.createdAt,
    run_started_at: run.createdAt,
    html_url: `https://github.com/${repo}/actions/runs/${run.id}`,
    head_repository: { full_name: run.headRepository },
    repository: { full_name: repo },
    pull_requests: run.pullRequests.map((n) => ({ number: n })),
  }
}

function listRuns(context: RouteContext): undefined {
  const workflow = context.params.length > 2 ? decodeURIComponent(context.params[2]!) : undefined
  const query = context.url.searchParams
  const status = query.get('status')
  const runs = context.state.runs
    .filter((r) => !workflow || r.path.endsWith(`/${workflow}`) || String(r.workflowId) === workflow)
    .filter((r) => !query.get('branch') || r.headBranch === query.get('branch'))
    .filter((r) => !query.get('event') || r.event === query.get('event'))
    .filter((r) => !query.get('head_sha') || r.headSha === query.get('head_sha'))
    .filter((r) => !status || (CONCLUSIONS.includes(status) ? r.conclusion === status : r.status === status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
    .map((r) => runJson(context, r))
  const { page, headers } = paginate(runs, context.url, context.baseUrl)
  sendJson(context.response, 200, { total_count: runs.length, workflow_runs: page }, headers)
}

function getRun(context: RouteContext): undefined {
  const run = context.state.runs.find((r) => r.id === Number(context.params[2]))
  if (!run) return sendRestError(context.response, 404, 'Not Found')
  sendJson(context.response, 200, runJson(context, run))
}

function artifactJson(context: RouteContext, artifact: FakeArtifact, runId: number) {
  const repo = repoOf(context)
  const run = context.state.runs.find((r) => r.id === runId)
  return {
    id: artifact.id,
    node_id: `MDg6QXJ0aWZhY3Q${artifact.id}`,
    name: artifact.name,
    size_in_bytes: artifact.size,
    url: `${context.baseUrl}/repos/${repo}/actions/artifacts/${artifact.id}`,
    archive_download_url: `${context.baseUrl}/repos/${repo}/actions/artifacts/${artifact.id}/zip`,
    expired: artifact.expired,
    digest: artifact.digest,
    created_at: artifact.createdAt,
    updated_at: artifact.createdAt,
    expires_at: '2027-02-18T10:00:00Z',
    workflow_run: { id: runId, head_branch: run?.headBranch ?? null, head_sha: run?.headSha ?? null },
  }
}

function runArtifacts(context: RouteContext): undefined {
  const runId = Number(context.params[2])
  const name = context.url.searchParams.get('name')
  const artifacts = context.state
    .artifactsOfRun(runId)
    .filter((a) => !name || a.name === name)
    .map((a) => artifactJson(context, a, runId))
  const { page, headers } = paginate(artifacts, context.url, context.baseUrl)
  sendJson(context.response, 200, { total_count: artifacts.length, artifacts: page }, headers)
}

function artifactZip(context: RouteContext): undefined {
  const artifact = context.state.artifacts.find((a) => a.id === Number(context.params[2]) && a.finalized)
  if (!artifact) return sendRestError(context.response, 404, 'Not Found')
  if (artifact.expired) return sendRestError(context.response, 410, 'Artifact has expired')
  context.response.writeHead(302, { location: `${context.baseUrl}${artifact.blobPath}?sig=fake-signature` })
  context.response.end()
}

function compareCommits(context: RouteContext): undefined {
  const basehead = decodeURIComponent(context.params[2]!)
  const [base, head] = basehead.split('...')
  const answer = base && head ? context.state.compare(base, head) : undefined
  if (!answer) return sendRestError(context.response, 404, 'Not Found')
  const status =
    answer.aheadBy > 0 && answer.behindBy > 0
      ? 'diverged'
      : answer.aheadBy > 0
        ? 'ahead'
        : answer.behindBy > 0
          ? 'behind'
          : 'identical'
  sendJson(context.response, 200, {
    status,
    ahead_by: answer.aheadBy,
    behind_by: answer.behindBy,
    total_commits: answer.aheadBy,
    commits: [],
    files: [],
  })
}

function authenticatedUser(context: RouteContext): undefined {
  const account = context.state.accountOf(context.request.headers.authorization)
  if (account.type === 'Bot') return sendRestError(context.response, 403, 'Resource not accessible by integration')
  sendJson(context.response, 200, { login: account.login, id: 583231, type: 'User', site_admin: false })
}

/** Only `query { viewer { login } }` (what tokenIdentity asks); anything else is a GraphQL error. */
function graphqlViewer(context: RouteContext): undefined {
  const query = parseJsonBody(context.body)?.query
  if (typeof query !== 'string' || !/viewer\s*\{\s*login\s*\}/.test(query)) {
    return sendJson(context.response, 200, { errors: [{ message: 'the fake answers only viewer { login }' }] })
  }
  const account = context.state.accountOf(context.request.headers.authorization)
  sendJson(context.response, 200, { data: { viewer: { login: account.login } } })
}
