// What the fake GitHub holds: comments, issue events, pull requests, workflow runs, artifacts, cache entries, blobs,
// commit histories, and every request it received. Tests seed it and assert on it directly.

/** The REST and service families a failure can be injected into. */
export const ROUTE_FAMILIES = [
  'comments',
  'issue-events',
  'labels',
  'pulls',
  'workflow-runs',
  'run-artifacts',
  'artifact-zip',
  'compare',
  'identity',
  'cache',
  'artifact',
  'blob',
] as const
export type RouteFamily = (typeof ROUTE_FAMILIES)[number]

export interface FakeComment {
  readonly id: number
  readonly issueNumber: number
  body: string
  readonly user: { readonly login: string; readonly type: 'Bot' | 'User' }
  readonly createdAt: string
  updatedAt: string
}

export interface FakeIssueEvent {
  readonly id: number
  readonly event: 'labeled' | 'unlabeled'
  readonly label: string
  readonly actor: string
  readonly createdAt: string
}

export interface FakePullRequest {
  readonly number: number
  readonly state: 'open' | 'closed'
  readonly headSha: string
  readonly headRef: string
  /** `owner/repo` of the head; differs from the base repository for a fork. */
  readonly headRepository: string
  readonly baseRef: string
  readonly baseSha: string
  labels: string[]
}

export interface FakeWorkflowRun {
  readonly id: number
  readonly name: string
  /** e.g. `.github/workflows/perf.yml`. */
  readonly path: string
  readonly workflowId: number
  readonly headBranch: string
  readonly headSha: string
  readonly event: string
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | null
  readonly createdAt: string
  /** The results service's id of this run (artifacts uploaded with a token naming it belong to this run). */
  readonly backendId: string
  readonly headRepository: string
  readonly pullRequests: readonly number[]
}

export interface FakeArtifact {
  readonly id: number
  readonly name: string
  readonly runBackendId: string
  readonly jobBackendId: string
  readonly blobPath: string
  size: number
  digest: string | null
  finalized: boolean
  expired: boolean
  readonly createdAt: string
}

export interface FakeCacheEntry {
  readonly id: number
  readonly key: string
  readonly version: string
  /** The ref scope it was written in (`''` when the writer's token had no scopes). */
  readonly scope: string
  readonly blobPath: string
  sizeBytes: number
  finalized: boolean
  /** Insertion order: larger is newer. */
  readonly sequence: number
}

export interface FakeBlob {
  data: Buffer
  contentType: string
}

export interface RecordedRequest {
  readonly method: string
  /** Path and query, as received. */
  readonly path: string
  readonly family: RouteFamily | 'unknown'
  readonly authorization: string | null
  /** `X-GitHub-Api-Version`, when the request named one. */
  readonly apiVersion: string | null
  /** The body as text (blob bodies are summarised by their size). */
  readonly body: string
}

const EPOCH_MS = Date.parse('2026-11-20T10:00:00Z')

/** The fake's whole state. Every `add*` returns the created record. */
export class FakeGitHubState {
  readonly comments: FakeComment[] = []
  readonly issueEvents = new Map<number, FakeIssueEvent[]>()
  readonly pulls = new Map<number, FakePullRequest>()
  readonly runs: FakeWorkflowRun[] = []
  readonly artifacts: FakeArtifact[] = []
  readonly cacheEntries: FakeCacheEntry[] = []
  readonly blobs = new Map<string, FakeBlob>()
  /** Staged (uncommitted) blocks per blob path. */
  readonly stagedBlocks = new Map<string, Map<string, Buffer>>()
  readonly requests: RecordedRequest[] = []
  /** Linear commit histories per branch, oldest first (for the compare API). */
  readonly histories = new Map<string, string[]>()
  /** Explicit compare answers, keyed `base...head`. */
  readonly compareOverrides = new Map<string, { aheadBy: number; behindBy: number }>()
  /** The login that authored comments created through the API with a token not in `tokenAccounts`. */
  botLogin = 'github-actions[bot]'
  /**
   * Who a token is (by the token string): a personal access token is a `User`, a GitHub App's installation token the
   * app's `Bot`. Tokens not listed are GITHUB_TOKEN (`botLogin`). Comments are created as the token's account,
   * `GET /user` answers for users only (403 for installation tokens, as GitHub does), GraphQL `viewer` for both.
   */
  readonly tokenAccounts = new Map<string, { readonly login: string; readonly type: 'Bot' | 'User' }>()
  private nextId = 1
  private sequence = 0

  /** A fresh id, shared by all record kinds (like GitHub's database ids, unique and increasing). */
  newId(): number {
    return this.nextId++
  }

  /** Deterministic, increasing timestamps (one second apart) so "newest" is well defined. */
  timestamp(): string {
    this.sequence++
    return new Date(EPOCH_MS + this.sequence * 1000).toISOString()
  }

  nextSequence(): number {
    this.sequence++
    return this.sequence
  }

  /** The account of an `authorization` header (`token X` / `Bearer X`). */
  accountOf(authorization: string | null | undefined): { readonly login: string; readonly type: 'Bot' | 'User' } {
    const token = (authorization ?? '').replace(/^(token|bearer)\s+/i, '')
    return this.tokenAccounts.get(token) ?? { login: this.botLogin, type: 'Bot' }
  }

  /** Comments on one PR, in creation order. */
  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber)
  }

  addComment(issueNumber: number, body: string, user: FakeComment['user'] = { login: 'someone', type: 'User' }) {
    const createdAt = this.timestamp()
    const comment: FakeComment = { id: this.newId(), issueNumber, body, user, createdAt, updatedAt: createdAt }
    this.comments.push(comment)
    return comment
  }

  addPullRequest(pr: Omit<FakePullRequest, 'labels' | 'state'> & { labels?: string[]; state?: 'open' | 'closed' }) {
    const record: FakePullRequest = { ...pr, labels: pr.labels ?? [], state: pr.state ?? 'open' }
    this.pulls.set(pr.number, record)
    return record
  }

  /** Puts a label on a PR and records the `labeled` issue event with its actor. */
  addLabel(issueNumber: number, label: string, actor: string): FakeIssueEvent {
    const pr = this.pulls.get(issueNumber)
    if (pr && !pr.labels.includes(label)) pr.labels.push(label)
    const event: FakeIssueEvent = { id: this.newId(), event: 'labeled', label, actor, createdAt: this.timestamp() }
    this.issueEvents.set(issueNumber, [...(this.issueEvents.get(issueNumber) ?? []), event])
    return event
  }

  addWorkflowRun(
    run: Partial<Omit<FakeWorkflowRun, 'id'>> & { readonly id: number; readonly headBranch: string; headSha: string },
  ): FakeWorkflowRun {
    const record: FakeWorkflowRun = {
      name: 'perf',
      path: '.github/workflows/perf.yml',
      workflowId: 161335,
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      createdAt: this.timestamp(),
      backendId: `run-${run.id}`,
      headRepository: 'octo/repo',
      pullRequests: [],
      ...run,
    }
    this.runs.push(record)
    return record
  }

  /** Declares a branch's linear history (oldest first); compare answers come from positions in it. */
  setHistory(branch: string, shas: readonly string[]): void {
    this.histories.set(branch, [...shas])
  }

  setCompare(base: string, head: string, answer: { aheadBy: number; behindBy: number }): void {
    this.compareOverrides.set(`${base}...${head}`, answer)
  }

  /** Commits `head` is ahead of / behind `base`, or undefined when the fake does not know both. */
  compare(base: string, head: string): { aheadBy: number; behindBy: number } | undefined {
    const override = this.compareOverrides.get(`${base}...${head}`)
    if (override) return override
    for (const shas of this.histories.values()) {
      const b = shas.indexOf(base)
      const h = shas.indexOf(head)
      if (b >= 0 && h >= 0) return { aheadBy: Math.max(0, h - b), behindBy: Math.max(0, b - h) }
    }
    return undefined
  }

  /** Artifacts of a REST workflow run (through its backend id). */
  artifactsOfRun(runId: number): FakeArtifact[] {
    const run = this.runs.find((r) => r.id === runId)
    const backendId = run?.backendId ?? `run-${runId}`
    return this.artifacts.filter((a) => a.runBackendId === backendId && a.finalized)
  }

  /** Requests of one family, in arrival order. */
  requestsTo(family: RouteFamily): RecordedRequest[] {
    return this.requests.filter((r) => r.family === family)
  }
}
