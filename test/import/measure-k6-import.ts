// Measures the k6 importer's time and peak memory on a large generated k6 output (not a test: run it by hand).
//   npx tsx test/import/measure-k6-import.ts REQUESTS [ENDPOINTS]
// Writes REQUESTS requests (9 Point lines each, as k6 writes per request) spread over ENDPOINTS names and 60 s to a
// temporary file, imports it, and prints file size, elapsed time and the process's peak RSS. Memory should not grow
// with REQUESTS: the importer holds one line and endpoints × rounds histograms.

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importK6 } from '../../src/import/k6.js'

const requests = Number(process.argv[2] ?? 100_000)
const endpoints = Number(process.argv[3] ?? 10)
const METRICS = [
  'http_reqs',
  'http_req_duration',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_tls_handshaking',
  'http_req_sending',
  'http_req_waiting',
  'http_req_receiving',
  'http_req_failed',
]

const dir = await mkdtemp(join(tmpdir(), 'k6-measure-'))
const file = join(dir, 'k6.json')
const out = createWriteStream(file)
const startMs = Date.parse('2026-11-23T12:00:00Z')
let seed = 42
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
for (const metric of METRICS) {
  out.write(
    `{"type":"Metric","data":{"name":"${metric}","type":"trend","contains":"time","thresholds":[],"submetrics":null},"metric":"${metric}"}\n`,
  )
}
for (let i = 0; i < requests; i++) {
  const time = new Date(startMs + (i / requests) * 60_000).toISOString().replace('Z', '123456Z')
  const path = `/api/items/${i % endpoints}`
  const status = random() < 0.01 ? '503' : '200'
  const tags = `{"expected_response":"${status === '200'}","group":"","method":"GET","name":"http://127.0.0.1:8080${path}","proto":"HTTP/1.1","scenario":"default","status":"${status}","url":"http://127.0.0.1:8080${path}"}`
  const duration = 5 + 20 * random() ** 3
  let chunk = ''
  for (const metric of METRICS) {
    const value = metric === 'http_reqs' ? 1 : metric === 'http_req_failed' ? Number(status !== '200') : duration
    chunk += `{"metric":"${metric}","type":"Point","data":{"time":"${time}","value":${value},"tags":${tags}}}\n`
  }
  if (!out.write(chunk)) await once(out, 'drain')
}
out.end()
await once(out, 'finish')
const bytes = (await stat(file)).size

global.gc?.()
const before = process.memoryUsage().rss
const t0 = performance.now()
const run = await importK6({ file })
const elapsedMs = performance.now() - t0
const counted = [...run.endpoints.values()].flat().reduce((n, r) => n + r.requests, 0)
process.stdout.write(
  `${JSON.stringify({
    requests,
    counted,
    endpoints: run.endpoints.size,
    rounds: run.rounds.length,
    fileMiB: +(bytes / 2 ** 20).toFixed(1),
    elapsedS: +(elapsedMs / 1000).toFixed(2),
    linesPerS: Math.round((requests * METRICS.length) / (elapsedMs / 1000)),
    rssBeforeImportMiB: +(before / 2 ** 20).toFixed(1),
    peakRssMiB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
  })}\n`,
)
await rm(dir, { recursive: true, force: true })
