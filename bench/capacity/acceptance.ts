// Capacity acceptance benchmark (not CI): capacity searches against loopback pools of known capacity (4 workers ×
// 10 ms = 400 req/s, 4 × 13 ms = 308 req/s), then the capacity gate on the results: every 308 search against a 400
// baseline must read as a regression, and pairs of 400 searches as no regression. Prints a Markdown table and one
// JSON line per search, and the total time and requests of all searches. Usage:
// npx tsx bench/capacity/acceptance.ts [--fast 6] [--slow 3] [--step 2s] [--slo 100ms]
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { stepLine } from '../../src/capacity/measure.js'
import { runCapacity } from '../../src/capacity/run-capacity.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { compareCapacity } from '../../src/gate/capacity.js'
import { localEnvironment, localGitContext } from '../../src/load/environment.js'
import type { CapacityResult } from '../../src/results/types.js'
import { workerPool } from '../../test/helpers/capacity-servers.js'
import { startServer } from '../../test/helpers/servers.js'

const { values } = parseArgs({
  options: {
    fast: { type: 'string', default: '6' },
    slow: { type: 'string', default: '3' },
    step: { type: 'string', default: '2s' },
    slo: { type: 'string', default: '100ms' },
  },
})

async function search(serviceMs: number): Promise<CapacityResult> {
  const pool = workerPool({ workers: 4, serviceMs })
  const server = await startServer(pool.handler)
  try {
    const profile = parseProfile({
      file: 'capacity.yml',
      overrides: { target: server.url.href },
      text: `name: capacity
model: capacity
start-rate: 60/s
max-rate: 2000/s
step-duration: ${values.step}
warmup: 500ms
slo: ["p95 < ${values.slo}", "error-rate < 1%"]
requests:
  - GET /work
`,
    })
    const result = await runCapacity({
      profile,
      environment: localEnvironment(),
      git: localGitContext(),
      onStep: (step) => console.error(`  ${stepLine(step).slice(0, 200)}`),
    })
    return result.capacity as CapacityResult
  } finally {
    await server.close()
  }
}

const rows: string[] = []
const benchStartMs = performance.now()
const loadAtStart = loadavg()[0]
const results: { serviceMs: number; trueRate: number; capacity: CapacityResult }[] = []
for (const [serviceMs, count] of [
  [10, Number(values.fast)],
  [13, Number(values.slow)],
] as const) {
  for (let i = 0; i < count; i++) {
    const started = new Date().toISOString().slice(11, 19)
    const capacity = await search(serviceMs)
    const trueRate = (4 * 1000) / serviceMs
    results.push({ serviceMs, trueRate, capacity })
    const sustained = capacity.sustainedRatePerSecond ?? 0
    const below = (1 - sustained / trueRate) * 100
    rows.push(
      `| ${started} | ${serviceMs} ms (${trueRate.toFixed(1)}/s) | ${sustained.toFixed(1)} | ${capacity.firstFailingRatePerSecond?.toFixed(1) ?? '–'} | ${below.toFixed(1)} % | ${capacity.steps.length} | ${capacity.totalRequests} | ${(capacity.totalDurationMs / 1000).toFixed(1)} s | ${loadavg()[0]?.toFixed(1)} |`,
    )
    console.log(JSON.stringify({ serviceMs, trueRate, ...capacity, steps: capacity.steps.length }))
  }
}
console.log('\n| UTC | Server | Sustained req/s | First failing | Below true | Steps | Requests | Time | Load avg |')
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) console.log(row)

const totalRequests = results.reduce((n, r) => n + r.capacity.totalRequests, 0)
const totalSteps = results.reduce((n, r) => n + r.capacity.steps.length, 0)
console.log(
  `\nTotal: ${results.length} searches, ${totalSteps} steps, ${totalRequests} requests, ` +
    `${((performance.now() - benchStartMs) / 1000).toFixed(1)} s (load average ${loadAtStart?.toFixed(1)} at the start, ` +
    `${loadavg()[0]?.toFixed(1)} at the end; Node ${process.version})`,
)

const fast = results.filter((r) => r.serviceMs === 10)
const slow = results.filter((r) => r.serviceMs === 13)
const base = fast[0]?.capacity
if (base) {
  const drops = slow.map((r) => compareCapacity(r.capacity, base, 0.05).outcome)
  const same = fast.slice(1).map((r) => compareCapacity(r.capacity, base, 0.05).outcome)
  const pairs = fast.slice(1).map((r, i) => compareCapacity(r.capacity, fast[i]?.capacity ?? base, 0.05).outcome)
  const within = fast.filter((r) => {
    const sustained = r.capacity.sustainedRatePerSecond ?? 0
    return sustained <= r.trueRate && sustained >= 0.9 * r.trueRate
  }).length
  const above = results.filter((r) => (r.capacity.sustainedRatePerSecond ?? 0) > r.trueRate).length
  console.log(
    `\n400 req/s within 10 % below: ${within} of ${fast.length}; above the true capacity: ${above} of ${results.length}`,
  )
  console.log(`308 vs 400 baseline: ${drops.join(', ')}`)
  console.log(`400 vs 400 (first as baseline): ${same.join(', ')}`)
  console.log(`400 vs 400 (consecutive pairs): ${pairs.join(', ')}`)
}
