// The demo's bundled sample HTTP server: a few endpoints with realistic, slightly variable latency, on 127.0.0.1.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A route of the sample server: its typical (median) service time and spread. */
export interface SampleRoute {
  readonly method: 'GET' | 'POST'
  /** A path prefix, e.g. `/api/users/` matches `/api/users/42`. */
  readonly pathPrefix: string
  readonly medianMs: number
  /** Log-normal sigma of the service time (0.1 = about ±10 %). */
  readonly sigma: number
  readonly body: string
}

export const SAMPLE_ROUTES: readonly SampleRoute[] = [
  { method: 'GET', pathPrefix: '/health', medianMs: 0, sigma: 0, body: '{"ok":true}' },
  { method: 'GET', pathPrefix: '/api/users/', medianMs: 6, sigma: 0.1, body: '{"id":1,"name":"Ada"}' },
  { method: 'GET', pathPrefix: '/api/search', medianMs: 18, sigma: 0.1, body: '{"hits":[1,2,3]}' },
  { method: 'POST', pathPrefix: '/api/orders', medianMs: 10, sigma: 0.1, body: '{"order":"created"}' },
]

export interface SampleServerOptions {
  /** Multiplies a route's service time, keyed by path prefix: `{ '/api/search': 1.3 }` makes search 30 % slower. */
  readonly slowdown?: Readonly<Record<string, number>>
  /** Multiplies every route's service time (default 1): the demo uses longer ones than `serve-sample`. */
  readonly latencyScale?: number
  /** Seed of the latency jitter, so runs are reproducible. */
  readonly seed?: number
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number
  /**
   * Multiplies every service time by its value when the request arrives, e.g. a factor that grows with the clock
   * (latency that drifts during a run, as a busy runner's does). Default: 1.
   */
  readonly drift?: () => number
}

export interface SampleServer {
  readonly url: URL
  close(): Promise<void>
}

/** Starts the sample server on 127.0.0.1 on a free port. */
export async function startSampleServer(options: SampleServerOptions = {}): Promise<SampleServer> {
  const random = mulberry32(options.seed ?? 42)
  const server = createServer((request, response) => handle(request, response, options, random))
  server.keepAliveTimeout = 30_000
  server.listen(options.port ?? 0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    async close() {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}

function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: SampleServerOptions,
  random: () => number,
): void {
  const path = (request.url ?? '/').split('?')[0] ?? '/'
  request.resume()
  if (path === '/' && (request.method === 'GET' || request.method === 'HEAD')) {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('Tailgate sample server\n')
    return
  }
  const route = SAMPLE_ROUTES.find((r) => r.method === request.method && path.startsWith(r.pathPrefix))
  if (!route) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
    return
  }
  const factor = (options.slowdown?.[route.pathPrefix] ?? 1) * (options.latencyScale ?? 1)
  const delayMs = route.medianMs * factor * (options.drift?.() ?? 1) * Math.exp(route.sigma * gaussian(random))
  const reply = () => response.writeHead(200, { 'content-type': 'application/json' }).end(route.body)
  if (delayMs <= 0) reply()
  else setTimeout(reply, delayMs)
}

/** A small seeded PRNG (mulberry32): reproducible jitter without a dependency. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A standard normal draw (Box-Muller). */
function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}
