// The runner's ACTIONS_RUNTIME_TOKEN, shaped like the real one: an unsigned JWT whose `scp` claim names the run and
// job backend ids (read by @actions/artifact) and whose `ac` claim lists the cache scopes (read by this fake only).

/** One cache scope of a run's token: a ref whose caches the run may read and/or write. */
export interface CacheScope {
  /** A ref, e.g. `refs/heads/main` or `refs/pull/7/merge`. */
  readonly scope: string
  readonly permission: 'read' | 'write' | 'read-write'
}

/** The backend id the fake gives a workflow run (the REST run id → the results service's run id). */
export const backendRunId = (runId: number): string => `run-${runId}`

const PERMISSION_BITS = { read: 1, write: 2, 'read-write': 3 } as const

/**
 * Builds a JWT-shaped runtime token (header.payload.signature, base64url, no real signature).
 * @example runtimeToken({ runBackendId: backendRunId(1001), jobBackendId: 'job-1' })
 */
export function runtimeToken(options: {
  readonly runBackendId: string
  readonly jobBackendId?: string
  /** Cache scopes in lookup order; omitted means unscoped (every entry readable and writable). */
  readonly cacheScopes?: readonly CacheScope[]
}): string {
  const header = { typ: 'JWT', alg: 'none' }
  const payload: Record<string, unknown> = {
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${options.runBackendId}:${options.jobBackendId ?? 'job-1'}`,
    iss: 'https://token.actions.githubusercontent.com',
  }
  if (options.cacheScopes) {
    payload.ac = JSON.stringify(
      options.cacheScopes.map((s) => ({ Scope: s.scope, Permission: PERMISSION_BITS[s.permission] })),
    )
  }
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.fake-signature`
}

/** The cache scopes carried by a token, or `undefined` when it has none (unscoped). */
export function cacheScopesOf(authorization: string | undefined): CacheScope[] | undefined {
  const token = authorization?.replace(/^Bearer\s+/i, '') ?? ''
  const payloadPart = token.split('.')[1]
  if (!payloadPart) return undefined
  try {
    const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as { ac?: unknown }
    if (typeof payload.ac !== 'string') return undefined
    const entries = JSON.parse(payload.ac) as { Scope: string; Permission: number }[]
    return entries.map((e) => ({
      scope: e.Scope,
      permission: e.Permission === 3 ? 'read-write' : e.Permission === 2 ? 'write' : 'read',
    }))
  } catch {
    return undefined
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}
