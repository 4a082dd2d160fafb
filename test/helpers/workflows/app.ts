// What the documented workflows measure: a small repository (package.json, lock file, a server, the profile) whose
// `npm ci && npm run build` and `npm start` work offline, and loopback servers standing in for deployed previews.
// Latencies are fixed sleeps (a regression is a factor on them), large enough that a busy runner's jitter cannot hide
// a REGRESSION_FACTOR slowdown from the round-by-round test.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The slowdown the scenarios' regressions use: these tests prove the workflows' wiring, not the gate's sensitivity
 * (that is the statistics' and benchmarks' job), so it is far above what 2 busy shared cores can blur.
 */
export const REGRESSION_FACTOR = 2

/** Milliseconds each endpoint sleeps before answering at factor 1. */
const BASE_DELAY_MS = { users: 12, search: 16 } as const

/**
 * The profile every scenario measures: named `api` (the docs' artifact names use it), about 2 s of open-model load.
 * The event-loop lag limit is 1 s: the scenarios share 2 cores with the rest of the suite.
 */
export function profileYaml(target = 'http://127.0.0.1:3000'): string {
  return `name: api
target: ${target}
model: constant-arrival-rate
rate: 100/s
warmup: 300ms
duration: 1.8s
rounds: 6
max-event-loop-lag: 1s
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
`
}

function serverSource(factor: number): string {
  return `// The app under test: a server whose endpoints sleep; this commit's slowdown factor is ${factor}.
import { createServer } from 'node:http'
const FACTOR = ${factor}
const DELAY_MS = { users: ${BASE_DELAY_MS.users}, search: ${BASE_DELAY_MS.search} }
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname
  if (path === '/health') return response.end('ok')
  const ms = path.startsWith('/api/users/') ? DELAY_MS.users : path === '/api/search' ? DELAY_MS.search * FACTOR : null
  if (ms === null) {
    response.statusCode = 404
    return response.end()
  }
  setTimeout(() => response.end('{"ok":true}'), ms)
})
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1')
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)))
`
}

/**
 * The repository at one commit: GET /api/search is `searchFactor` times slower than at factor 1.
 * `npm start` listens on $PORT (the harness maps the documented port 3000 to a free one).
 */
export function appRepository(options: { readonly searchFactor?: number } = {}): Record<string, string> {
  const pkg = {
    name: 'hello-world',
    version: '1.0.0',
    private: true,
    type: 'module',
    scripts: { build: "node -e \"require('node:fs').mkdirSync('dist',{recursive:true})\"", start: 'node server.mjs' },
  }
  const lock = {
    name: 'hello-world',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'hello-world', version: '1.0.0' } },
  }
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'package-lock.json': `${JSON.stringify(lock, null, 2)}\n`,
    'server.mjs': serverSource(options.searchFactor ?? 1),
    'tailgate.yml': profileYaml(),
  }
}

/** Variables for every step: npm stays offline and quiet (no audit, no funding, no update check). */
export const OFFLINE_NPM_ENV = {
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_offline: 'true',
} as const

export interface PreviewServer {
  readonly url: URL
  /** The requests it answered, by path (to check which server was measured). */
  readonly hits: string[]
  close(): Promise<void>
}

/**
 * A loopback server standing in for a deployed preview (or production): the same endpoints as the app. With
 * `requireHeader`, requests without that header and value get 401 (a protected preview).
 */
export async function startPreview(options: {
  readonly searchFactor?: number
  readonly requireHeader?: { readonly name: string; readonly value: string }
  readonly commitSha?: string
}): Promise<PreviewServer> {
  const factor = options.searchFactor ?? 1
  const hits: string[] = []
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    hits.push(path)
    const required = options.requireHeader
    if (required && request.headers[required.name.toLowerCase()] !== required.value) {
      response.statusCode = 401
      return response.end('protected')
    }
    if (options.commitSha) response.setHeader('x-commit-sha', options.commitSha)
    if (path === '/health' || path === '/') return response.end('ok')
    const ms = path.startsWith('/api/users/')
      ? BASE_DELAY_MS.users
      : path === '/api/search'
        ? BASE_DELAY_MS.search * factor
        : null
    if (ms === null) {
      response.statusCode = 404
      return response.end()
    }
    setTimeout(() => response.end('{"ok":true}'), ms)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    hits,
    async close() {
      server.closeAllConnections()
      server.close()
      if (server.listening) await once(server, 'close')
    },
  }
}

/** A port free right now on 127.0.0.1 (for `npm start`, which the docs run on port 3000). */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return port
}
