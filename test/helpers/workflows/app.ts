// What the documented workflows measure: a small repository (package.json, lock file, a server, the profile) whose
// `npm ci && npm run build` and `npm start` work offline, and loopback servers standing in for deployed previews.
// Latencies are fixed sleeps (a regression is a factor on them), large enough that a busy runner's jitter cannot hide
// a REGRESSION_FACTOR slowdown from the round-by-round test.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/**
 * The slowdown the scenarios' regressions use: these tests prove the workflows' wiring, not the gate's sensitivity
 * (that is the statistics' and benchmarks' job), so it is far above what 2 busy shared cores can blur.
 */
export const REGRESSION_FACTOR = 2

/**
 * Milliseconds each endpoint sleeps before answering at factor 1: long enough that the few milliseconds a busy
 * runner adds to every answer (scheduling delays of the server and the generator) stay a small part of them.
 */
const BASE_DELAY_MS = { users: 30, search: 45 } as const

/**
 * The profile every scenario measures: named `api` (the docs' artifact names use it), about 2 s of load. A closed
 * model (a fixed number of virtual users): on a shared runner loaded far beyond its 2 cores an open model's schedule
 * falls behind and the run is (rightly) invalid, while these tests are about the workflows, not the generator.
 * The event-loop lag limit is 1 s for the same reason. Gated on p50 only: a round of 0.3 s holds about 12 requests
 * per endpoint, so its p95 is its slowest answer, which a busy runner's stalls decide; an unchanged PR measured in a
 * busier job than its baseline then reads as a regression (seen under load: p95 +24 % with the 3 % no-history
 * allowance). The REGRESSION_FACTOR slowdown doubles the p50 as well, so every regression scenario still fails.
 * A 100 ms warm-up: each user has opened its connection and had two or three answers (30–45 ms each) before the
 * measured rounds; the workflow tests measure with this profile 20 times (18 runs, 2 live A/B steps), each 200 ms
 * (live A/B: 400 ms) shorter than with 300 ms.
 */
export function profileYaml(target = 'http://127.0.0.1:3000', options: { readonly vus?: number } = {}): string {
  return `name: api
target: ${target}
model: constant-vus
vus: ${options.vus ?? 3}
warmup: 100ms
duration: 1.8s
rounds: 6
max-event-loop-lag: 1s
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
gate:
  metrics: [p50]
`
}

function serverSource(factor: number): string {
  return `// The app under test: a server whose endpoints sleep; this commit's slowdown factor is ${factor}.
// Optional (previews): REQUIRE_HEADER=name:value answers 401 without it; COMMIT_SHA is sent as x-commit-sha.
import { createServer } from 'node:http'
const FACTOR = ${factor}
const DELAY_MS = { users: ${BASE_DELAY_MS.users}, search: ${BASE_DELAY_MS.search} }
const [requiredName, ...requiredValue] = (process.env.REQUIRE_HEADER ?? '').split(':')
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname
  if (requiredName && request.headers[requiredName.toLowerCase()] !== requiredValue.join(':')) {
    response.statusCode = 401
    return response.end('protected')
  }
  if (process.env.COMMIT_SHA) response.setHeader('x-commit-sha', process.env.COMMIT_SHA)
  if (path === '/health' || path === '/') return response.end('ok')
  const ms = path.startsWith('/api/users/') ? DELAY_MS.users : path === '/api/search' ? DELAY_MS.search * FACTOR : null
  if (ms === null) {
    response.statusCode = 404
    return response.end()
  }
  setTimeout(() => response.end('{"ok":true}'), ms)
})
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => console.log(\`listening \${server.address().port}\`))
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

const COUNTED_PATH = "const path = new URL(request.url, 'http://x').pathname"
const COUNT_API = "if (path.startsWith('/api/')) globalThis.apiRequests = (globalThis.apiRequests ?? 0) + 1"
const REPORT_COUNT = "process.on('SIGUSR2', () => console.log('api ' + (globalThis.apiRequests ?? 0)))"

export interface PreviewServer {
  readonly url: URL
  /** How many load requests (paths under /api/) it has received so far. */
  apiRequests(): Promise<number>
  close(): Promise<void>
}

/**
 * A loopback server standing in for a deployed preview (or production): the app of one commit, in its own process
 * (so that the test's own event loop never delays its answers). With `requireHeader`, requests without that header
 * and value get 401 (a protected preview); with `commitSha` it names the commit it serves in `x-commit-sha`.
 */
export async function startPreview(options: {
  readonly searchFactor?: number
  readonly requireHeader?: { readonly name: string; readonly value: string }
  readonly commitSha?: string
}): Promise<PreviewServer> {
  const dir = await mkdtemp(join(tmpdir(), 'tailgate-preview-'))
  const file = join(dir, 'server.mjs')
  // Count load requests in the child and report them on demand (SIGUSR2 → one line on stdout).
  await writeFile(
    file,
    `${serverSource(options.searchFactor ?? 1).replace(COUNTED_PATH, `${COUNTED_PATH}\n  ${COUNT_API}`)}${REPORT_COUNT}\n`,
  )
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', PORT: '0' }
  if (options.requireHeader) env.REQUIRE_HEADER = `${options.requireHeader.name}:${options.requireHeader.value}`
  if (options.commitSha) env.COMMIT_SHA = options.commitSha
  const child = spawn(process.execPath, [file], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  const waiters: ((line: string) => void)[] = []
  createInterface({ input: child.stdout }).on('line', (line) => {
    for (const waiter of waiters.splice(0)) waiter(line)
  })
  const nextLine = (prefix: string) =>
    new Promise<string>((resolve) => {
      const wait = (line: string) => (line.startsWith(prefix) ? resolve(line) : waiters.push(wait))
      waiters.push(wait)
    })
  const port = Number((await nextLine('listening ')).split(' ')[1])
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    async apiRequests() {
      const answer = nextLine('api ')
      child.kill('SIGUSR2')
      return Number((await answer).split(' ')[1])
    },
    async close() {
      child.kill('SIGTERM')
      if (child.exitCode === null) await once(child, 'exit')
      await rm(dir, { recursive: true, force: true })
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
