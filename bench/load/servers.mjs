// Benchmark target servers on 127.0.0.1 only, each exiting by itself after --ttl seconds:
//   node bench/load/servers.mjs delay --port P --ttl S [--delay-ms 20] [--plain]   answers every request after
//        exactly N ms (--plain: after a bare setTimeout(N), which fires 0.3-2 ms late, like most real servers)
//   node bench/load/servers.mjs stall --port P --ttl S                    holds every request arriving in the first
//        second of each 5 s window (from the server's start) until that second ends; otherwise answers at once
// Both answer GET /__ready at once, GET /__stats with their own view of the latency (server-side, ms), and
// GET /__reset by forgetting the latencies seen so far (a benchmark resets after its warm-up).
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    ttl: { type: 'string', default: '600' },
    'delay-ms': { type: 'string', default: '20' },
    plain: { type: 'boolean', default: false },
    stamp: { type: 'boolean', default: false },
  },
})
const kind = positionals[0]
const delayMs = Number(values['delay-ms'])
const startMs = performance.now()
const serverSide = []

/** Waits `ms` precisely: a timer for all but the last 2 ms, then a short spin (Node timers fire 0.3-2 ms late). */
function preciseDelay(ms, done) {
  const due = performance.now() + ms
  const spin = () => (performance.now() >= due ? done() : setImmediate(spin))
  setTimeout(spin, Math.max(0, ms - 2))
}

const held = []
function stallRelease() {
  for (const release of held.splice(0)) release()
}
// Release everything held at the end of each stall second.
function scheduleStalls() {
  const now = performance.now() - startMs
  const nextEnd = Math.floor(now / 5000) * 5000 + 1000
  const wait = nextEnd > now ? nextEnd - now : nextEnd + 5000 - now
  setTimeout(() => {
    stallRelease()
    scheduleStalls()
  }, wait)
}

const server = createServer((req, res) => {
  const arrived = performance.now()
  const arrivedNs = values.stamp ? process.hrtime.bigint() : 0n
  const reply = () => {
    serverSide.push(performance.now() - arrived)
    if (values.stamp) {
      // CLOCK_MONOTONIC nanoseconds, the same clock in every process: bench/load/anatomy.ts lines them up with its own
      res.setHeader('x-arrived-ns', String(arrivedNs))
      res.setHeader('x-replied-ns', String(process.hrtime.bigint()))
      res.setHeader('x-port', String(req.socket.remotePort))
    }
    res.end('ok')
  }
  if (req.url === '/__ready') return res.end('ready')
  if (req.url === '/__stats') {
    const sorted = [...serverSide].sort((a, b) => a - b)
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
    return res.end(JSON.stringify({ count: sorted.length, p50: at(50), p99: at(99), max: sorted.at(-1) ?? 0 }))
  }
  if (req.url === '/__reset') {
    serverSide.length = 0
    return res.end('reset')
  }
  if (kind === 'delay') return values.plain ? setTimeout(reply, delayMs) : preciseDelay(delayMs, reply)
  const phase = (arrived - startMs) % 5000
  if (phase < 1000) held.push(reply)
  else reply()
})
server.keepAliveTimeout = 600_000
server.listen(Number(values.port), '127.0.0.1')
if (kind === 'stall') scheduleStalls()
setTimeout(() => {
  process.exit(0)
}, Number(values.ttl) * 1000).unref()
