// Runs Tailgate's engine (runLoad, no CLI) once against a URL and prints one JSON line: the figures the load
// benchmarks compare. Usage: tsx bench/load/bench-engine.ts --url http://127.0.0.1:PORT/ --model constant-vus
//   --vus 50 | --rate 200 [--connections 200] --duration 10s [--warmup 2s] [--endpoints 1] [--rounds 6]
//   [--trace-memory-s 10] (one stderr line per interval: RSS, V8 heap used/total, external, array buffers, MB)
//   [--heap-snapshot-at-s 60,120] (writes a V8 heap snapshot into the working directory at those seconds)
import { parseArgs } from 'node:util'
import { writeHeapSnapshot } from 'node:v8'
import { parseProfile } from '../../src/config/load-profile.js'
import { runLoad } from '../../src/load/index.js'
import { memoryLog } from '../../src/log.js'
import { mergeHistograms } from '../../src/results/histogram.js'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    model: { type: 'string', default: 'constant-vus' },
    vus: { type: 'string', default: '50' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string' },
    duration: { type: 'string', default: '10s' },
    warmup: { type: 'string', default: '2s' },
    endpoints: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '6' },
    timeout: { type: 'string', default: '10s' },
    'trace-memory-s': { type: 'string' },
    'heap-snapshot-at-s': { type: 'string' },
  },
})
const url = new URL(values.url ?? '')
if (url.hostname !== '127.0.0.1' && url.hostname !== '[::1]') throw new Error('benchmarks only target 127.0.0.1 or ::1')
const endpointCount = Number(values.endpoints)
const requests = Array.from({ length: endpointCount }, (_, i) => `GET /e${i}`)
const loadLines =
  values.model === 'constant-vus'
    ? [`model: constant-vus`, `vus: ${values.vus}`]
    : [`model: constant-arrival-rate`, `rate: ${values.rate}`, `max-connections: ${values.connections ?? 200}`]
const text = [
  'name: bench',
  ...loadLines,
  `duration: ${values.duration}`,
  `warmup: ${values.warmup}`,
  `rounds: ${values.rounds}`,
  `timeout: ${values.timeout}`,
  `requests: [${requests.join(', ')}]`,
].join('\n')
const profile = parseProfile({ text, file: 'bench.yml', overrides: { target: url.href } })
const environment = {
  os: process.platform,
  arch: process.arch,
  cpuModel: '',
  cores: 0,
  nodeVersion: process.version,
  tailgateVersion: 'bench',
  runner: null,
}
const git = { repository: null, ref: null, branch: null, sha: null, runId: null, workflow: null }
let peakRssBytes = 0
const rssTimer = setInterval(() => {
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())
}, 250)
const benchStartMs = Date.now()
const traceEveryMs = Number(values['trace-memory-s'] ?? 0) * 1000
const mb = (bytes: number) => (bytes / 1048576).toFixed(1)
const memoryTrace =
  traceEveryMs > 0
    ? setInterval(() => {
        const m = process.memoryUsage()
        const s = Math.round((Date.now() - benchStartMs) / 1000)
        process.stderr.write(
          `memory t=${s}s rss=${mb(m.rss)} heapUsed=${mb(m.heapUsed)} heapTotal=${mb(m.heapTotal)} ` +
            `external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)}\n`,
        )
      }, traceEveryMs)
    : null
const snapshotTimers = (values['heap-snapshot-at-s'] ?? '')
  .split(',')
  .filter((s) => s !== '')
  .map((s) => setTimeout(() => process.stderr.write(`heap snapshot ${writeHeapSnapshot()}\n`), Number(s) * 1000))
const log = memoryLog()
const cpuBefore = process.cpuUsage()
const result = await runLoad({ profile, environment, git, log })
const cpu = process.cpuUsage(cpuBefore)
clearInterval(rssTimer)
if (memoryTrace) clearInterval(memoryTrace)
for (const timer of snapshotTimers) clearTimeout(timer)
peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())
const rounds = result.endpoints.flatMap((e) => e.rounds)
const intended = mergeHistograms(rounds.map((r) => r.latency))
const actual = mergeHistograms(rounds.map((r) => r.actualLatency))
const requestsTotal = rounds.reduce((sum, r) => sum + r.requests, 0)
const errors = rounds.reduce((sum, r) => sum + Object.values(r.errors).reduce((a, b) => a + (b ?? 0), 0), 0)
const ms = (us: number) => Math.round(us) / 1000
console.log(
  JSON.stringify({
    tool: 'tailgate',
    model: result.model,
    requests: requestsTotal,
    errors,
    rps: requestsTotal / (result.durationMs / 1000),
    intended: {
      p50: ms(intended.percentileUs(50)),
      p90: ms(intended.percentileUs(90)),
      p99: ms(intended.percentileUs(99)),
      p999: ms(intended.percentileUs(99.9)),
      max: ms(intended.maxUs()),
    },
    actual: {
      p50: ms(actual.percentileUs(50)),
      p90: ms(actual.percentileUs(90)),
      p99: ms(actual.percentileUs(99)),
      p999: ms(actual.percentileUs(99.9)),
      max: ms(actual.maxUs()),
    },
    health: result.health,
    peakRssMb: Math.round(peakRssBytes / 1e5) / 10,
    /** Generator CPU (user + system) per request over the whole run, warm-up included, µs. */
    cpuUsPerRequest:
      Math.round(
        ((cpu.user + cpu.system) / (requestsTotal + result.endpoints.reduce((n, e) => n + e.warmupRequests, 0))) * 10,
      ) / 10,
    log: log.lines.map((line) => line.message),
    memoryBreakdown: Object.fromEntries(
      Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1e5) / 10]),
    ),
  }),
)
