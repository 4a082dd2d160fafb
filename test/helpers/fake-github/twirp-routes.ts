// The results service (Twirp, JSON) behind @actions/cache v2 and @actions/artifact v2: cache entries with restore-key
// prefix matching (newest first) and branch scopes taken from the token's `ac` claim; artifacts per run.
import { parseJsonBody, sendJson, sendTwirpError } from './http.js'
import type { Route, RouteContext } from './route.js'
import type { FakeCacheEntry } from './state.js'
import { type CacheScope, cacheScopesOf } from './token.js'

const CACHE = '/twirp/github\\.actions\\.results\\.api\\.v1\\.CacheService'
const ARTIFACT = '/twirp/github\\.actions\\.results\\.api\\.v1\\.ArtifactService'
const SIGNATURE = 'sv=2025-01-05&se=2099-01-01&sr=b&sp=rcw&sig=fake-signature'

export const twirpRoutes: readonly Route[] = [
  { method: 'POST', pattern: new RegExp(`^${CACHE}/(\\w+)$`), family: 'cache', handle: cacheService },
  { method: 'POST', pattern: new RegExp(`^${ARTIFACT}/(\\w+)$`), family: 'artifact', handle: artifactService },
]

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function signed(context: RouteContext, blobPath: string): string {
  return `${context.baseUrl}${blobPath}?${SIGNATURE}`
}

function cacheService(context: RouteContext): undefined {
  if (!context.request.headers.authorization)
    return sendTwirpError(context.response, 401, 'unauthenticated', 'no token')
  const body = parseJsonBody(context.body)
  if (!body) return sendTwirpError(context.response, 400, 'malformed', 'body is not JSON')
  const scopes = cacheScopesOf(context.request.headers.authorization)
  switch (context.params[0]) {
    case 'CreateCacheEntry':
      return createCacheEntry(context, body, scopes)
    case 'FinalizeCacheEntryUpload':
      return finalizeCacheEntry(context, body, scopes)
    case 'GetCacheEntryDownloadURL':
      return getCacheEntryDownloadUrl(context, body, scopes)
    default:
      return sendTwirpError(context.response, 404, 'bad_route', `no method ${context.params[0]}`)
  }
}

/** The scope a token writes to: its first writable scope, or '' when unscoped; undefined when it cannot write. */
function writeScope(scopes: CacheScope[] | undefined): string | undefined {
  if (!scopes) return ''
  return scopes.find((s) => s.permission !== 'read')?.scope
}

function createCacheEntry(
  context: RouteContext,
  body: Record<string, unknown>,
  scopes: CacheScope[] | undefined,
): undefined {
  const scope = writeScope(scopes)
  if (scope === undefined) {
    return sendTwirpError(context.response, 403, 'permission_denied', 'cache write denied: token has no writable scope')
  }
  const key = str(body.key)
  const version = str(body.version)
  const state = context.state
  if (state.cacheEntries.some((e) => e.key === key && e.version === version && e.scope === scope)) {
    return sendTwirpError(context.response, 409, 'already_exists', 'cache entry with the same key, version, and scope')
  }
  const id = state.newId()
  const blobPath = `/blob/caches/${id}`
  state.cacheEntries.push({
    id,
    key,
    version,
    scope,
    blobPath,
    sizeBytes: 0,
    finalized: false,
    sequence: state.nextSequence(),
  })
  sendJson(context.response, 200, { ok: true, signed_upload_url: signed(context, blobPath), message: '' })
}

function finalizeCacheEntry(
  context: RouteContext,
  body: Record<string, unknown>,
  scopes: CacheScope[] | undefined,
): undefined {
  const scope = writeScope(scopes)
  const entry = context.state.cacheEntries.find(
    (e) => e.key === str(body.key) && e.version === str(body.version) && e.scope === scope && !e.finalized,
  )
  if (!entry) return sendJson(context.response, 200, { ok: false, entry_id: '0', message: 'no pending entry' })
  if (!context.state.blobs.has(entry.blobPath)) {
    return sendJson(context.response, 200, { ok: false, entry_id: '0', message: 'nothing was uploaded' })
  }
  entry.finalized = true
  entry.sizeBytes = Number(str(body.size_bytes) || body.size_bytes || 0)
  sendJson(context.response, 200, { ok: true, entry_id: String(entry.id), message: '' })
}

function getCacheEntryDownloadUrl(
  context: RouteContext,
  body: Record<string, unknown>,
  scopes: CacheScope[] | undefined,
): undefined {
  const key = str(body.key)
  const version = str(body.version)
  const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(str) : []
  const readable = scopes ? scopes.filter((s) => s.permission !== 'write').map((s) => s.scope) : [undefined]
  for (const scope of readable) {
    const candidates = context.state.cacheEntries
      .filter((e) => e.finalized && e.version === version && (scope === undefined || e.scope === scope))
      .sort((a, b) => b.sequence - a.sequence)
    const match: FakeCacheEntry | undefined =
      candidates.find((e) => e.key === key) ??
      restoreKeys.map((prefix) => candidates.find((e) => e.key.startsWith(prefix))).find((e) => e !== undefined)
    if (match) {
      return sendJson(context.response, 200, {
        ok: true,
        signed_download_url: signed(context, match.blobPath),
        matched_key: match.key,
      })
    }
  }
  sendJson(context.response, 200, { ok: false, signed_download_url: '', matched_key: '' })
}

function artifactService(context: RouteContext): undefined {
  if (!context.request.headers.authorization)
    return sendTwirpError(context.response, 401, 'unauthenticated', 'no token')
  const body = parseJsonBody(context.body)
  if (!body) return sendTwirpError(context.response, 400, 'malformed', 'body is not JSON')
  const state = context.state
  const runBackendId = str(body.workflow_run_backend_id)
  const jobBackendId = str(body.workflow_job_run_backend_id)
  const ofRun = state.artifacts.filter((a) => a.runBackendId === runBackendId)
  switch (context.params[0]) {
    case 'CreateArtifact': {
      const name = str(body.name)
      if (ofRun.some((a) => a.name === name && a.finalized)) {
        return sendTwirpError(context.response, 409, 'already_exists', `an artifact named ${name} already exists`)
      }
      const id = state.newId()
      const blobPath = `/blob/artifacts/${id}`
      state.artifacts.push({
        id,
        name,
        runBackendId,
        jobBackendId,
        blobPath,
        size: 0,
        digest: null,
        finalized: false,
        expired: false,
        createdAt: state.timestamp(),
      })
      return sendJson(context.response, 200, { ok: true, signed_upload_url: signed(context, blobPath) })
    }
    case 'FinalizeArtifact': {
      const artifact = ofRun.filter((a) => a.name === str(body.name) && !a.finalized).at(-1)
      if (!artifact) return sendTwirpError(context.response, 404, 'not_found', 'no artifact to finalize')
      artifact.finalized = true
      artifact.size = Number(body.size ?? 0)
      artifact.digest = typeof body.hash === 'string' ? body.hash : null
      return sendJson(context.response, 200, { ok: true, artifact_id: String(artifact.id) })
    }
    case 'ListArtifacts': {
      const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined
      const idFilter = body.id_filter === undefined ? undefined : Number(body.id_filter)
      const artifacts = ofRun
        .filter((a) => a.finalized && (!nameFilter || a.name === nameFilter) && (!idFilter || a.id === idFilter))
        .map((a) => ({
          workflow_run_backend_id: a.runBackendId,
          workflow_job_run_backend_id: a.jobBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: a.createdAt,
          ...(a.digest ? { digest: a.digest } : {}),
        }))
      return sendJson(context.response, 200, { artifacts })
    }
    case 'GetSignedArtifactURL': {
      const artifact = ofRun.filter((a) => a.name === str(body.name) && a.finalized).at(-1)
      if (!artifact) return sendTwirpError(context.response, 404, 'not_found', 'artifact not found')
      return sendJson(context.response, 200, { signed_url: signed(context, artifact.blobPath) })
    }
    case 'DeleteArtifact': {
      const artifact = ofRun.filter((a) => a.name === str(body.name) && a.finalized).at(-1)
      if (!artifact) return sendTwirpError(context.response, 404, 'not_found', 'artifact not found')
      state.artifacts.splice(state.artifacts.indexOf(artifact), 1)
      return sendJson(context.response, 200, { ok: true, artifact_id: String(artifact.id) })
    }
    default:
      return sendTwirpError(context.response, 404, 'bad_route', `no method ${context.params[0]}`)
  }
}
