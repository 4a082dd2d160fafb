// Where the generator's share of a latency comes from: runs Tailgate's engine (runLoad) in the open model against
// `servers.mjs delay --stamp` (which stamps its arrival and reply times, CLOCK_MONOTONIC ns, into each response)
// and splits every measured request into stages on one clock:
//   sched  intended start -> dispatch (the scheduler)      pool   dispatch -> written to a socket (undici)
//   out    written -> server handler runs                  server handler -> reply (the server's own figure)
//   back   reply -> response headers parsed               body   headers -> response complete
// It prints each stage's percentiles, then the same stages averaged over the requests with the largest overhead
// (total minus the server's own time), with how many of them overlapped a GC pause or followed an idle connection.
//   taskset -c 1 node bench/load/servers.mjs delay --port 18611 --ttl 120 --stamp &
//   taskset -c 0 npx tsx bench/load/anatomy.ts --url http://127.0.0.1:18611/ --rate 200 [--connections 20] \
//     [--duration 10s] [--warmup 3s] [--worst 1]
// (tsx adds its own start-up and transpiling; bundle it with esbuild as lib.sh's build_engine does for less noise.)
import { PerformanceObserver, performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import type { Dispatcher } from 'undici'
import { parseProfile } from '../../src/config/load-profile.js'
import { defaultDispatcherFactory } from '../../src/load/dispatchers.js'
import { runLoad } from '../../src/load/index.js'
import { benchEnvironment, benchGit } from './run-context.js'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10s' },
    warmup: { type: 'string', default: '3s' },
    worst: { type: 'string', default: '1' },
  },
})
const url = new URL(values.url ?? '')
if (url.hostname !== '127.0.0.1') throw new Error('benchmarks only target 127.0.0.1')
/** performance.now() (ms) + this = CLOCK_MONOTONIC ms, the server's clock. */
const offsetMs = Number(process.hrtime.bigint()) / 1e6 - performance.now()
const nowMs = () => Number(process.hrtime.bigint()) / 1e6

interface Stamp {
  intended: number
  dispatch: number
  connect: number
  arrived: number
  replied: number
  headers: number
  complete: number
  port: string
}
const stamps: Stamp[] = []
const gcPauses: { start: number; end: number }[] = []
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    gcPauses.push({ start: e.startTime + offsetMs, end: e.startTime + e.duration + offsetMs })
}).observe({ entryTypes: ['gc'] })

/** Wraps the engine's handler (legacy undici shape) to stamp each callback, then forwards it. */
function stamping(pool: Dispatcher): Dispatcher {
  const wrapper = {
    dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      // biome-ignore lint/suspicious/noExplicitAny: diagnostic access to the engine's Journey (its intended time)
      const h = handler as any
      const stamp: Stamp = {
        intended: h.listener.intendedMs + offsetMs,
        dispatch: nowMs(),
        connect: 0,
        arrived: 0,
        replied: 0,
        headers: 0,
        complete: 0,
        port: '',
      }
      const forward = {
        onConnect: (abort: () => void) => {
          stamp.connect = nowMs()
          h.onConnect(abort)
        },
        onHeaders: (status: number, raw: Buffer[], resume: () => void, text: string) => {
          stamp.headers = nowMs()
          for (let i = 0; i + 1 < raw.length; i += 2) {
            const name = String(raw[i]).toLowerCase()
            if (name === 'x-arrived-ns') stamp.arrived = Number(String(raw[i + 1])) / 1e6
            else if (name === 'x-replied-ns') stamp.replied = Number(String(raw[i + 1])) / 1e6
            else if (name === 'x-port') stamp.port = String(raw[i + 1])
          }
          return h.onHeaders(status, raw, resume, text)
        },
        onData: (chunk: Buffer) => h.onData(chunk),
        onComplete: (trailers: Buffer[]) => {
          stamp.complete = nowMs()
          stamps.push(stamp)
          h.onComplete(trailers)
        },
        onError: (error: Error) => h.onError(error),
      }
      return pool.dispatch(options, forward as unknown as Dispatcher.DispatchHandler)
    },
    destroy: () => pool.destroy(),
    close: () => pool.close(),
  }
  return wrapper as unknown as Dispatcher
}

const text = [
  'name: anatomy',
  'model: constant-arrival-rate',
  `rate: ${values.rate}/s`,
  `max-connections: ${values.connections}`,
  `duration: ${values.duration}`,
  `warmup: ${values.warmup}`,
  'rounds: 5',
  'requests: [GET /]',
].join('\n')
const profile = parseProfile({ text, file: 'anatomy.yml', overrides: { target: url.href } })
const environment = benchEnvironment
const git = benchGit
const measureStart = performance.now() + offsetMs + profile.warmupMs
await runLoad({
  profile,
  environment,
  git,
  dispatcherFactory: (origin, request) => stamping(defaultDispatcherFactory(origin, request)),
})

const measured = stamps.filter((s) => s.intended >= measureStart && s.arrived > 0)
const stages = {
  sched: (s: Stamp) => s.dispatch - s.intended,
  pool: (s: Stamp) => s.connect - s.dispatch,
  out: (s: Stamp) => s.arrived - s.connect,
  server: (s: Stamp) => s.replied - s.arrived,
  back: (s: Stamp) => s.headers - s.replied,
  body: (s: Stamp) => s.complete - s.headers,
  total: (s: Stamp) => s.complete - s.intended,
  overhead: (s: Stamp) => s.complete - s.intended - (s.replied - s.arrived),
}
const at = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}
const f = (x: number) => x.toFixed(3).padStart(7)
console.log(`anatomy: rate ${values.rate}/s, ${measured.length} measured requests, ${gcPauses.length} GC pauses`)
console.log(`stage      p50     p90     p99    p99.9     max   (ms)`)
for (const [name, of] of Object.entries(stages)) {
  const xs = measured.map(of)
  console.log(
    `${name.padEnd(8)} ${f(at(xs, 50))} ${f(at(xs, 90))} ${f(at(xs, 99))} ${f(at(xs, 99.9))} ${f(at(xs, 100))}`,
  )
}
// The worst requests by overhead: which stage took their extra time.
const lastDone = new Map<string, number>()
const idleBefore = new Map<Stamp, number>()
for (const s of [...stamps].sort((a, b) => a.connect - b.connect)) {
  idleBefore.set(s, s.connect - (lastDone.get(s.port) ?? s.connect))
  lastDone.set(s.port, Math.max(lastDone.get(s.port) ?? 0, s.complete))
}
const worst = [...measured]
  .sort((a, b) => stages.overhead(b) - stages.overhead(a))
  .slice(0, Math.max(1, Math.round((measured.length * Number(values.worst)) / 100)))
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const inGc = worst.filter((s) => gcPauses.some((g) => g.end > s.intended && g.start < s.complete)).length
const allInGc = measured.filter((s) => gcPauses.some((g) => g.end > s.intended && g.start < s.complete)).length
console.log(`worst ${values.worst} % (${worst.length}) by overhead, mean per stage:`)
console.log(
  Object.entries(stages)
    .map(([name, of]) => `${name} ${mean(worst.map(of)).toFixed(3)}`)
    .join(', '),
)
console.log(
  `overlapping a GC pause: ${inGc} of ${worst.length} (all requests: ${allInGc} of ${measured.length}); ` +
    `connection idle before (median) worst ${at(
      worst.map((s) => idleBefore.get(s) ?? 0),
      50,
    ).toFixed(1)} ms, ` +
    `all ${at(
      measured.map((s) => idleBefore.get(s) ?? 0),
      50,
    ).toFixed(1)} ms; GC pause p99 ${at(
      gcPauses.map((g) => g.end - g.start),
      99,
    ).toFixed(3)} ms`,
)
