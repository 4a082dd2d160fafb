// Generator CPU per request without the kernel: Tailgate's engine (closed model) and a bare undici dispatch loop,
// both on undici Clients whose `connect` returns an in-memory socket that answers every request with nginx's
// response (5 headers, 2-byte body) on the next turn of the event loop. No network at all; bounded by the slices.
// The two alternate in one process, slice by slice, and the ratio is taken within each pair: other jobs on the
// machine slow both sides of a pair alike, so the median ratio holds on a busy machine where CPU per request against
// a real server swings by ±50 %. What it leaves out (the kernel's TCP work, ~25 % of the generator's CPU against
// nginx) is the same for every build.
//   npx tsx bench/load/request-cost.ts [--slices 12] [--slice-ms 1500] [--vus 50]
import { Duplex } from 'node:stream'
import { parseArgs } from 'node:util'
import { Client, type Dispatcher } from 'undici'
import { parseProfile } from '../../src/config/load-profile.js'
import { runLoad } from '../../src/load/index.js'
import type { ProgressSnapshot } from '../../src/load/types.js'

const { values } = parseArgs({
  options: {
    slices: { type: 'string', default: '12' },
    'slice-ms': { type: 'string', default: '1500' },
    vus: { type: 'string', default: '50' },
  },
})
const SLICES = Number(values.slices)
const SLICE_MS = Number(values['slice-ms'])
const VUS = Number(values.vus)
const ORIGIN = 'http://127.0.0.1:9' // never dialled: `connect` below hands undici an in-memory socket
const RESPONSE = Buffer.from(
  'HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Sun, 06 Dec 2026 12:00:00 GMT\r\nContent-Type: text/plain\r\n' +
    'Content-Length: 2\r\nConnection: keep-alive\r\n\r\nok',
)

/** Sockets with a request written this turn; all answered together on the next one (as a poll phase would). */
let written: Duplex[] = []
function answerAll(): void {
  const sockets = written
  written = []
  for (const socket of sockets) socket.push(RESPONSE)
}

function memorySocket(): Duplex {
  const socket: Duplex = new Duplex({
    write(_chunk, _encoding, done) {
      if (written.push(socket) === 1) setImmediate(answerAll)
      done()
    },
    read() {},
  })
  return Object.assign(socket, { setNoDelay: () => socket, setKeepAlive: () => socket, ref: () => socket })
}

const client = (): Dispatcher =>
  new Client(ORIGIN, {
    // src/load/dispatchers.ts's options for the closed model's per-VU Clients
    keepAliveTimeout: 600_000,
    keepAliveMaxTimeout: 600_000,
    pipelining: 1,
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: (_options, callback) => {
      const socket = memorySocket()
      queueMicrotask(() => callback(null, socket as never))
      return socket as never
    },
  })

interface Slice {
  readonly usPerRequest: number
  readonly requests: number
}

/** Tailgate's closed model; CPU and requests between the second and the last progress snapshot (steady state). */
async function tailgateSlice(ms: number): Promise<Slice> {
  const text = `name: cost\nmodel: constant-vus\nvus: ${VUS}\nduration: ${ms}ms\nwarmup: 0s\nrounds: 1\nrequests: [GET /]`
  const profile = parseProfile({ text, file: 'cost.yml', overrides: { target: `${ORIGIN}/` } })
  const marks: { cpuUs: number; requests: number }[] = []
  const onProgress = (snapshot: ProgressSnapshot) => {
    const cpu = process.cpuUsage()
    marks.push({ cpuUs: cpu.user + cpu.system, requests: snapshot.totalRequests })
  }
  const environment = { os: '', arch: '', cpuModel: '', cores: 0, nodeVersion: '', tailgateVersion: '', runner: null }
  const git = { repository: null, ref: null, branch: null, sha: null, runId: null, workflow: null }
  await runLoad({ profile, environment, git, onProgress, progressIntervalMs: 200, dispatcherFactory: client })
  const first = marks[1]
  const last = marks[marks.length - 1]
  if (!first || !last || last.requests <= first.requests) throw new Error('slice too short: use --slice-ms ≥ 1000')
  const requests = last.requests - first.requests
  return { usPerRequest: (last.cpuUs - first.cpuUs) / requests, requests }
}

/** The least a generator on undici does: dispatch, count the completion, dispatch again (legacy handler shape). */
async function undiciSlice(ms: number): Promise<Slice> {
  const clients = Array.from({ length: VUS }, client)
  const request = { origin: ORIGIN, method: 'GET', path: '/', headers: [], blocking: false } as const
  let completed = 0
  let stop = false
  for (const dispatcher of clients) {
    const handler: Dispatcher.DispatchHandler = {
      onConnect: () => undefined,
      onHeaders: () => true,
      onData: () => true,
      onError: (error) => {
        throw error
      },
      onComplete: () => {
        completed++
        if (!stop) dispatcher.dispatch(request, handler)
      },
    }
    dispatcher.dispatch(request, handler)
  }
  const sleep = (delayMs: number) => new Promise((resolve) => setTimeout(resolve, delayMs))
  await sleep(400)
  const before = process.cpuUsage()
  const startCount = completed
  await sleep(ms - 600)
  const cpu = process.cpuUsage(before)
  const requests = completed - startCount
  stop = true
  await sleep(20)
  await Promise.all(clients.map((dispatcher) => dispatcher.destroy()))
  return { usPerRequest: (cpu.user + cpu.system) / requests, requests }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

await tailgateSlice(800) // warm the JIT for both; not counted
await undiciSlice(800)
const pairs: { tailgate: Slice; undici: Slice }[] = []
for (let i = 0; i < SLICES; i++) {
  // Alternate which side goes first, so a drift in the machine's load does not favour one.
  if (i % 2 === 0) pairs.push({ tailgate: await tailgateSlice(SLICE_MS), undici: await undiciSlice(SLICE_MS) })
  else {
    const undici = await undiciSlice(SLICE_MS)
    pairs.push({ tailgate: await tailgateSlice(SLICE_MS), undici })
  }
}
const show = (side: 'tailgate' | 'undici') =>
  `median ${median(pairs.map((p) => p[side].usPerRequest)).toFixed(2)} µs/request ` +
  `[${pairs.map((p) => p[side].usPerRequest.toFixed(2)).join(' ')}]`
console.log(`tailgate (closed model, ${VUS} VUs): ${show('tailgate')}`)
console.log(`bare undici dispatch loop:         ${show('undici')}`)
const ratios = pairs.map((p) => p.tailgate.usPerRequest / p.undici.usPerRequest)
console.log(
  `tailgate / undici per pair: ${ratios.map((r) => r.toFixed(3)).join(' ')} (median ${median(ratios).toFixed(3)}); ` +
    `load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)}`,
)
