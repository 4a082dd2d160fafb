// Where a load run allocates: V8's sampling heap profiler, with the objects that minor and major GCs collected,
// over one run of the engine (runLoad) against a URL; prints bytes allocated per request by call site (the
// function, its caller and its caller's caller), largest first. Garbage, not only what stays live: the figure that
// drives GC pressure and RSS at full speed. A server must be listening (nginx via bench/load/lib.sh, or none at
// all to profile the refused-connection path).
//   npx tsx bench/load/allocation-profile.ts --url http://127.0.0.1:PORT/ [--model closed|open] [--rate 10000]
//     [--duration 10] [--endpoints 50] [--top 25]
import { Session } from 'node:inspector/promises'
import { parseArgs } from 'node:util'
import { parseProfile } from '../../src/config/load-profile.js'
import { runLoad } from '../../src/load/index.js'
import { benchEnvironment, benchGit } from './run-context.js'

interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly selfSize: number
  readonly children: readonly ProfileNode[]
}

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    model: { type: 'string', default: 'closed' },
    rate: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    endpoints: { type: 'string', default: '50' },
    top: { type: 'string', default: '25' },
  },
})
const url = new URL(values.url ?? '')
if (url.hostname !== '127.0.0.1' && url.hostname !== '[::1]') throw new Error('benchmarks only target 127.0.0.1 or ::1')
const requests = Array.from({ length: Number(values.endpoints) }, (_, i) => `GET /e${i}`)
const text = [
  'name: allocations',
  ...(values.model === 'closed'
    ? ['model: constant-vus', 'vus: 50']
    : ['model: constant-arrival-rate', `rate: ${values.rate}`, 'max-connections: 50']),
  `duration: ${values.duration}s`,
  'warmup: 1s',
  'rounds: 6',
  'timeout: 10s',
  `requests: [${requests.join(', ')}]`,
].join('\n')
const profile = parseProfile({ text, file: 'allocations.yml', overrides: { target: url.href } })
const environment = benchEnvironment
const git = benchGit

const session = new Session()
session.connect()
await session.post('HeapProfiler.enable')
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
})
const result = await runLoad({ profile, environment, git })
const { profile: sampled } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } }
session.disconnect()

const frameName = ({ functionName, url: file, lineNumber }: ProfileNode['callFrame']): string =>
  `${functionName || '(anonymous)'} ${file.split('/').slice(-2).join('/')}:${lineNumber + 1}`
const bySite = new Map<string, number>()
let totalBytes = 0
const walk = (node: ProfileNode, callers: readonly string[]): void => {
  const name = frameName(node.callFrame)
  totalBytes += node.selfSize
  if (node.selfSize > 0) {
    const site = [name, ...callers.slice(0, 2)].join(' < ')
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize)
  }
  for (const child of node.children) walk(child, [name, ...callers])
}
walk(sampled.head, [])
const requestCount = result.endpoints.reduce(
  (n, e) => n + e.warmupRequests + e.rounds.reduce((m, r) => m + r.requests, 0),
  0,
)
console.log(
  `allocations model=${values.model} requests=${requestCount} sampled=${(totalBytes / 1048576).toFixed(1)} MB ` +
    `bytes/request=${Math.round(totalBytes / Math.max(1, requestCount))}`,
)
for (const [site, bytes] of [...bySite.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${(bytes / Math.max(1, requestCount)).toFixed(0).padStart(6)} B/request  ${site}`)
