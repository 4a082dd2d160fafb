// What the recorder alone holds on a long run: a Recorder for 50 endpoints fed synthetic requests second by second
// (no network), settled 11 s behind as the run's housekeeping does, with V8 heap and array-buffer bytes after a full
// GC every 100 s. Separates the recorder's growth (timelines, round histograms) from the HTTP client's and GC's.
//   node --expose-gc --import tsx bench/load/recorder-memory.ts [--seconds 600] [--per-second 20] [--open]
import { parseArgs } from 'node:util'
import type { Exchange } from '../../src/load/http.js'
import { Recorder } from '../../src/load/recorder.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '600' },
    'per-second': { type: 'string', default: '20' },
    endpoints: { type: 'string', default: '50' },
    open: { type: 'boolean', default: false },
  },
})
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with node --expose-gc')
const seconds = Number(values.seconds)
const perSecond = Number(values['per-second'])
const endpoints = Number(values.endpoints)
const recorder = new Recorder({
  endpointNames: Array.from({ length: endpoints }, (_, i) => `GET /e${i}`),
  runStartMs: 0,
  warmupMs: 2000,
  durationMs: (seconds - 2) * 1000,
  rounds: 6,
  gated: values.open ? 'intended' : 'actual',
  trackWindow: false,
})
const mb = (bytes: number) => (bytes / 1048576).toFixed(2)
const report = (label: string): void => {
  gc()
  const m = process.memoryUsage()
  console.log(`recorder ${label} heapUsed=${mb(m.heapUsed)} arrayBuffers=${mb(m.arrayBuffers)} MB`)
}
report('t=0s')
let seed = 1
for (let second = 0; second < seconds; second++) {
  for (let endpoint = 0; endpoint < endpoints; endpoint++) {
    for (let k = 0; k < perSecond; k++) {
      seed = (seed * 48271) % 2147483647
      const intendedMs = second * 1000 + (k * 1000) / perSecond
      // 1-11 ms, one request in 1,000 up to 1 s: a service's tail, so histograms grow as they do on a real run.
      const latencyMs = seed % 1000 === 0 ? (seed % 1_000_000) / 1000 : 1 + (seed % 1000) / 100
      const exchange = { statusCode: 200, bytesReceived: 2, sentAtMs: intendedMs + 0.05, endMs: intendedMs + latencyMs }
      recorder.record(endpoint, intendedMs, exchange as Exchange, null)
    }
  }
  recorder.settleTimeline(second * 1000 - 11_000)
  if ((second + 1) % 100 === 0) report(`t=${second + 1}s`)
}
const result = { endpoints: recorder.endpoints(6), timeline: recorder.timeline() }
report(`result (${result.endpoints.length} endpoints × ${result.timeline.length} seconds)`)
