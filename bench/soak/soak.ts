// Soak benchmark (not CI): Tailgate's engine (runLoad) at full speed for a long run against a local server in its
// own process, sampling this process's RSS, heap and event-loop lag every 10 s. After the warm-up, memory must not
// grow by more than 10 %. Prints a Markdown table and one JSON line; exits 1 when the growth check fails.
// Usage: npx tsx bench/soak/soak.ts [--duration 10m] [--vus 32] [--sample 10s] [--warmup 60s] [--endpoints 4]
import { cpus, loadavg } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { parseProfile } from '../../src/config/load-profile.js'
import { parseDurationMs } from '../../src/config/units.js'
import { localEnvironment, localGitContext } from '../../src/load/environment.js'
import { runLoad } from '../../src/load/index.js'
import { memoryLog } from '../../src/log.js'
import { startChildServer } from './child-server.js'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10m' },
    vus: { type: 'string', default: '32' },
    sample: { type: 'string', default: '10s' },
    warmup: { type: 'string', default: '60s' },
    endpoints: { type: 'string', default: '4' },
  },
})
const durationMs = parseDurationMs(values.duration) ?? 600_000
const sampleMs = parseDurationMs(values.sample) ?? 10_000
const warmupMs = parseDurationMs(values.warmup) ?? 60_000
/** Growth allowed after the warm-up: the 10 %. */
const MAX_GROWTH = 0.1

/** A small JSON answer per request, from a child process (its memory and CPU are not ours). Exits with us. */
const SERVER = `
import { createServer } from 'node:http'
const body = JSON.stringify({ ok: true, items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: 'item-' + i })) })
const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body) })
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
process.stdin.on('close', () => process.exit(0))
process.stdin.resume()
`

interface Sample {
  readonly atS: number
  readonly rssMb: number
  readonly heapUsedMb: number
  readonly lagP99Ms: number
  readonly lagMaxMs: number
  readonly requests: number
}

const mb = (bytes: number) => bytes / 1024 / 1024

function slopePerMinute(points: readonly (readonly [number, number])[]): number {
  const n = points.length
  if (n < 2) return Number.NaN
  const meanX = points.reduce((a, [x]) => a + x, 0) / n
  const meanY = points.reduce((a, [, y]) => a + y, 0) / n
  const covariance = points.reduce((a, [x, y]) => a + (x - meanX) * (y - meanY), 0)
  const variance = points.reduce((a, [x]) => a + (x - meanX) ** 2, 0)
  return (covariance / variance) * 60
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

const server = await startChildServer(SERVER)
const endpoints = Array.from({ length: Number(values.endpoints) }, (_, i) => `GET /e${i}?page={{iteration}}`)
const profile = parseProfile({
  text: [
    'name: soak',
    'model: constant-vus',
    `vus: ${values.vus}`,
    'warmup: 0s',
    `duration: ${values.duration}`,
    'rounds: 20',
    'timeout: 10s',
    'max-event-loop-lag: 10s',
    `requests: [${endpoints.map((e) => JSON.stringify(e)).join(', ')}]`,
  ].join('\n'),
  file: 'soak.yml',
  overrides: { target: server.url.href },
})

const samples: Sample[] = []
let totalRequests = 0
const lag = monitorEventLoopDelay({ resolution: 10 })
lag.enable()
const startMs = performance.now()
const sampler = setInterval(() => {
  const memory = process.memoryUsage()
  samples.push({
    atS: Math.round((performance.now() - startMs) / 1000),
    rssMb: mb(memory.rss),
    heapUsedMb: mb(memory.heapUsed),
    lagP99Ms: lag.percentile(99) / 1e6,
    lagMaxMs: lag.max / 1e6,
    requests: totalRequests,
  })
  lag.reset()
}, sampleMs)

const cpuBefore = process.cpuUsage()
const result = await runLoad({
  profile,
  log: memoryLog(),
  environment: localEnvironment(),
  git: localGitContext(),
  progressIntervalMs: 1000,
  onProgress: (p) => {
    totalRequests = p.totalRequests
  },
})
const cpu = process.cpuUsage(cpuBefore)
clearInterval(sampler)
lag.disable()
server.stop()

const measured = samples.filter((s) => s.atS * 1000 > warmupMs)
const head = measured.slice(0, 3)
const tail = measured.slice(-3)
const rssGrowth = median(tail.map((s) => s.rssMb)) / median(head.map((s) => s.rssMb)) - 1
const heapGrowth = median(tail.map((s) => s.heapUsedMb)) / median(head.map((s) => s.heapUsedMb)) - 1
/** Least-squares slope of RSS over the second half of the run, MB per minute: a leak keeps a steady slope. */
const secondHalf = samples.filter((s) => s.atS * 1000 >= durationMs / 2)
const rssSlopeMbPerMinute = slopePerMinute(secondHalf.map((s) => [s.atS, s.rssMb] as const))
const requests = result.endpoints.flatMap((e) => e.rounds).reduce((n, r) => n + r.requests, 0)
const errors = result.endpoints
  .flatMap((e) => e.rounds)
  .reduce((n, r) => n + Object.values(r.errors).reduce((a, b) => a + (b ?? 0), 0), 0)

const rows = samples.map(
  (s) =>
    `| ${s.atS} | ${s.rssMb.toFixed(1)} | ${s.heapUsedMb.toFixed(1)} | ${s.lagP99Ms.toFixed(1)} | ${s.lagMaxMs.toFixed(1)} | ${s.requests} |`,
)
const summary = {
  durationS: durationMs / 1000,
  vus: Number(values.vus),
  requests,
  errors,
  requestsPerSecond: Math.round(requests / (result.durationMs / 1000)),
  cpuSecondsPerSecond: (cpu.user + cpu.system) / 1e6 / (result.durationMs / 1000),
  rssGrowthAfterWarmup: rssGrowth,
  heapGrowthAfterWarmup: heapGrowth,
  rssSlopeMbPerMinuteSecondHalf: rssSlopeMbPerMinute,
  maxRssMb: Math.max(...samples.map((s) => s.rssMb)),
  maxLagP99Ms: Math.max(...samples.map((s) => s.lagP99Ms)),
  invalidReasons: result.health.invalidReasons,
  node: process.version,
  cpu: cpus()[0]?.model ?? '',
  cores: cpus().length,
  loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
  pass: rssGrowth <= MAX_GROWTH,
}
process.stdout.write(
  [
    '| t (s) | RSS (MB) | heap used (MB) | event-loop lag p99 (ms) | lag max (ms) | requests so far |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    JSON.stringify(summary),
    '',
  ].join('\n'),
)
process.exitCode = summary.pass ? 0 : 1
