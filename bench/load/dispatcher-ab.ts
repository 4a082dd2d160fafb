// A/B of the engine's two dispatchers in one process: the closed model against a real server (nginx from
// dispatcher-ab.sh), slices alternating between the engine's HTTP/1.1 client (the default) and undici's Client,
// ratios taken within each pair, so other jobs on the machine slow both sides of a pair alike. Prints per slice the
// requests per second and the generator's CPU per request (user + system, steady state), then the medians.
//   npx tsx bench/load/dispatcher-ab.ts --url http://127.0.0.1:18480/ [--pairs 6] [--slice-ms 3000] [--vus 50]
import { parseArgs } from 'node:util'
import { parseProfile } from '../../src/config/load-profile.js'
import { defaultDispatcherFactory, undiciDispatcherFactory } from '../../src/load/dispatchers.js'
import { runLoad } from '../../src/load/index.js'
import type { DispatcherFactory, ProgressSnapshot } from '../../src/load/types.js'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    pairs: { type: 'string', default: '6' },
    'slice-ms': { type: 'string', default: '3000' },
    vus: { type: 'string', default: '50' },
  },
})
if (!values.url || !/^http:\/\/(127\.0\.0\.1|\[::1\])[:/]/.test(values.url))
  throw new Error('--url must be http://127.0.0.1:…')
const SLICE_MS = Number(values['slice-ms'])

interface Slice {
  readonly rps: number
  readonly usPerRequest: number
}

/** One closed-model run; rate and CPU between the second and the last progress snapshot (steady state). */
async function slice(factory: DispatcherFactory): Promise<Slice> {
  const text = `name: ab\nmodel: constant-vus\nvus: ${values.vus}\nduration: ${SLICE_MS}ms\nwarmup: 0s\nrounds: 1\nrequests: [GET /]`
  const profile = parseProfile({ text, file: 'ab.yml', overrides: { target: values.url } })
  const marks: { atMs: number; cpuUs: number; requests: number }[] = []
  const onProgress = (snapshot: ProgressSnapshot) => {
    const cpu = process.cpuUsage()
    marks.push({ atMs: performance.now(), cpuUs: cpu.user + cpu.system, requests: snapshot.totalRequests })
  }
  const environment = { os: '', arch: '', cpuModel: '', cores: 0, nodeVersion: '', tailgateVersion: '', runner: null }
  const git = { repository: null, ref: null, branch: null, sha: null, runId: null, workflow: null }
  await runLoad({ profile, environment, git, onProgress, progressIntervalMs: 250, dispatcherFactory: factory })
  const first = marks[1]
  const last = marks[marks.length - 1]
  if (!first || !last || last.requests <= first.requests) throw new Error('slice too short: use --slice-ms ≥ 1500')
  const requests = last.requests - first.requests
  return { rps: (requests * 1000) / (last.atMs - first.atMs), usPerRequest: (last.cpuUs - first.cpuUs) / requests }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const rpsRatios: number[] = []
const cpuRatios: number[] = []
const fmt = (s: Slice) => `${Math.round(s.rps)} req/s ${s.usPerRequest.toFixed(1)} us/req`
for (let pair = 0; pair < Number(values.pairs); pair++) {
  const newFirst = pair % 2 === 0
  const a = newFirst ? await slice(defaultDispatcherFactory) : null
  const b = await slice(undiciDispatcherFactory)
  const http1 = a ?? (await slice(defaultDispatcherFactory))
  rpsRatios.push(http1.rps / b.rps)
  cpuRatios.push(http1.usPerRequest / b.usPerRequest)
  console.log(`pair ${pair + 1}: http1 ${fmt(http1)} | undici ${fmt(b)} | rps ratio ${(http1.rps / b.rps).toFixed(2)}`)
}
console.log(
  `median http1/undici: req/s ${median(rpsRatios).toFixed(2)}, CPU per request ${median(cpuRatios).toFixed(2)} (${values.pairs} pairs, ${SLICE_MS} ms slices, ${values.vus} VUs)`,
)
