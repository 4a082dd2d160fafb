// Large-response benchmark (not CI): Tailgate's engine (runLoad) against a local server (its own process) whose every
// answer is a 100 MB body, streamed. The engine must not buffer bodies it does not check: this process's RSS growth
// stays below one body per connection and does not grow with the body size. A second pass adds a body check
// (`expect: body-contains`): the engine keeps at most 16 MiB of a checked body (MAX_KEPT_BODY_BYTES), so the check
// fails as check-failed and memory stays bounded as in the first pass. Prints one JSON line per pass; exits 1 when the unchecked pass buffers.
// Usage: npx tsx bench/soak/large-response.ts [--size-mb 100] [--vus 2] [--duration 20s]
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { parseProfile } from '../../src/config/load-profile.js'
import { localEnvironment, localGitContext } from '../../src/load/environment.js'
import { runLoad } from '../../src/load/index.js'
import { memoryLog } from '../../src/log.js'
import { startChildServer } from './child-server.js'

const { values } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '100' },
    vus: { type: 'string', default: '2' },
    duration: { type: 'string', default: '20s' },
  },
})
const sizeBytes = Number(values['size-mb']) * 1024 * 1024
/**
 * The unchecked pass fails when RSS grows by one body per VU: the least that buffering whole bodies would cost.
 * (Streaming shows a fixed ~120 MB of allocator churn at ~1 GB/s, whatever the body size: run with --size-mb 400.)
 */
const MAX_UNCHECKED_GROWTH_BYTES = sizeBytes * Number(values.vus)

/** Streams SIZE bytes per request in 64 KiB chunks with back-pressure. Exits with us. */
const SERVER = `
import { createServer } from 'node:http'
const size = ${sizeBytes}
const chunk = Buffer.alloc(64 * 1024, 'x')
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size) })
  let sent = 0
  const pump = () => {
    while (sent < size) {
      const n = Math.min(chunk.length, size - sent)
      sent += n
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump)
    }
    res.end()
  }
  pump()
})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
process.stdin.on('close', () => process.exit(0))
process.stdin.resume()
`

const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1))

async function pass(label: string, request: string, url: URL) {
  const profile = parseProfile({
    text: [
      `name: large-${label}`,
      'model: constant-vus',
      `vus: ${values.vus}`,
      'warmup: 0s',
      `duration: ${values.duration}`,
      'rounds: 2',
      'timeout: 60s',
      'max-event-loop-lag: 10s',
      `requests: [${request}]`,
    ].join('\n'),
    file: 'large.yml',
    overrides: { target: url.href },
  })
  globalThis.gc?.()
  const rssBefore = process.memoryUsage.rss()
  let peakRss = rssBefore
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 100)
  const result = await runLoad({
    profile,
    log: memoryLog(),
    environment: localEnvironment(),
    git: localGitContext(),
  })
  clearInterval(sampler)
  const rounds = result.endpoints.flatMap((e) => e.rounds)
  const bytes = rounds.reduce((n, r) => n + r.bytesReceived, 0)
  return {
    pass: label,
    bodyMb: mb(sizeBytes),
    vus: Number(values.vus),
    responses: rounds.reduce((n, r) => n + (r.statusCounts['200'] ?? 0), 0),
    errors: rounds.reduce((n, r) => n + Object.values(r.errors).reduce((a, b) => a + (b ?? 0), 0), 0),
    receivedMb: mb(bytes),
    mbPerSecond: mb(bytes / (result.durationMs / 1000)),
    rssBeforeMb: mb(rssBefore),
    peakRssMb: mb(peakRss),
    rssGrowthMb: mb(peakRss - rssBefore),
  }
}

const server = await startChildServer(SERVER)
const unchecked = await pass('unchecked', 'GET /big', server.url)
const checked = await pass('body-check', '{ path: /big, expect: { body-contains: "xxxx" } }', server.url)
server.stop()
const node = { node: process.version, cpu: cpus()[0]?.model ?? '', cores: cpus().length, loadAverage: loadavg() }
process.stdout.write(`${JSON.stringify({ ...unchecked, ...node })}\n${JSON.stringify({ ...checked, ...node })}\n`)
const buffered = unchecked.peakRssMb - unchecked.rssBeforeMb > mb(MAX_UNCHECKED_GROWTH_BYTES)
process.exitCode = buffered || unchecked.responses === 0 ? 1 : 0
