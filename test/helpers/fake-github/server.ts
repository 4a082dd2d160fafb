// One loopback HTTP server playing GitHub: the REST subset, the results service (Twirp) and the blob data plane.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { blobRoutes } from './blob-routes.js'
import { type Failure, FailureInjection, SECONDARY_RATE_LIMIT_MESSAGE } from './failures.js'
import { readBody, sendRestError, sendTwirpError } from './http.js'
import { restRoutes } from './rest-routes.js'
import type { Route } from './route.js'
import { FakeGitHubState, type RouteFamily } from './state.js'
import { twirpRoutes } from './twirp-routes.js'

const ROUTES: readonly Route[] = [...twirpRoutes, ...blobRoutes, ...restRoutes]
const SERVICE_FAMILIES: ReadonlySet<RouteFamily> = new Set(['cache', 'artifact'])

export interface FakeGitHub {
  /** Base URL, no trailing slash: use as GITHUB_API_URL, and `${url}/` as ACTIONS_RESULTS_URL. */
  readonly url: string
  readonly state: FakeGitHubState
  readonly fail: FailureInjection
  /** Drops open connections (hung requests included) and stops listening. */
  close(): Promise<void>
}

export interface FakeGitHubOptions {
  /** Start from this state (e.g. to keep caches across simulated runs); a fresh one by default. */
  readonly state?: FakeGitHubState
}

/** Starts the fake on 127.0.0.1 on a free port. Close it in teardown. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = options.state ?? new FakeGitHubState()
  const fail = new FailureInjection()
  const timers = new Set<NodeJS.Timeout>()
  let baseUrl = ''
  const server = createServer((request, response) => {
    handle({ request, response, state, fail, baseUrl, timers }).catch((error: unknown) => {
      if (!response.headersSent) sendRestError(response, 500, `fake GitHub crashed: ${String(error)}`)
      else response.destroy()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: baseUrl,
    state,
    fail,
    async close() {
      for (const timer of timers) clearTimeout(timer)
      server.closeAllConnections()
      server.close()
      if (server.listening) await once(server, 'close')
    },
  }
}

interface Exchange {
  readonly request: IncomingMessage
  readonly response: ServerResponse
  readonly state: FakeGitHubState
  readonly fail: FailureInjection
  readonly baseUrl: string
  readonly timers: Set<NodeJS.Timeout>
}

async function handle(exchange: Exchange): Promise<void> {
  const { request, response, state, fail, baseUrl } = exchange
  const method = request.method ?? 'GET'
  const url = new URL(request.url ?? '/', baseUrl)
  const body = await readBody(request)
  const match = findRoute(method, url.pathname)
  state.requests.push({
    method,
    path: `${url.pathname}${url.search}`,
    family: match?.route.family ?? 'unknown',
    authorization: request.headers.authorization ?? null,
    apiVersion: (request.headers['x-github-api-version'] as string | undefined) ?? null,
    body: match?.route.family === 'blob' ? `<${body.length} bytes>` : body.toString('utf8'),
  })
  if (!match) return sendRestError(response, 404, `Not Found (the fake does not serve ${method} ${url.pathname})`)
  const failure = fail.take(match.route.family, method)
  if (failure) {
    if (failure.kind === 'hang') return
    if (failure.kind === 'slow') await delay(exchange.timers, failure.delayMs)
    else return sendFailure(response, match.route.family, failure)
  }
  await match.route.handle({ state, request, response, url, baseUrl, body, params: match.params })
}

function findRoute(method: string, pathname: string): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    if (route.method !== '*' && route.method !== method) continue
    const found = route.pattern.exec(pathname)
    if (found) return { route, params: found.slice(1) }
  }
  return undefined
}

function sendFailure(
  response: ServerResponse,
  family: RouteFamily,
  failure: Exclude<Failure, { kind: 'hang' | 'slow' }>,
) {
  if (failure.kind === 'rate-limit') {
    const retryAfter = { 'retry-after': String(failure.retryAfterSeconds) }
    if (family === 'blob' || SERVICE_FAMILIES.has(family)) {
      return sendTwirpError(response, 429, 'resource_exhausted', 'rate limited', retryAfter)
    }
    return sendRestError(response, 403, SECONDARY_RATE_LIMIT_MESSAGE, {
      ...retryAfter,
      'x-ratelimit-remaining': '4000',
    })
  }
  const message = failure.message ?? `fake failure ${failure.status}`
  if (family === 'blob') {
    response.writeHead(failure.status, { 'x-ms-error-code': 'InternalError', 'content-length': '0' })
    response.end()
    return
  }
  if (SERVICE_FAMILIES.has(family)) {
    const code = failure.status === 403 ? 'permission_denied' : failure.status >= 500 ? 'internal' : 'unknown'
    return sendTwirpError(response, failure.status, code, message)
  }
  return sendRestError(response, failure.status, message)
}

function delay(timers: Set<NodeJS.Timeout>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      resolve()
    }, ms)
    timers.add(timer)
  })
}
