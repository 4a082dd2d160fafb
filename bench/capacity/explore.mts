import { stepLine } from '../../src/capacity/measure.js'
import { runCapacity } from '../../src/capacity/run-capacity.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { workerPool } from '../../test/helpers/capacity-servers.js'
import { startServer } from '../../test/helpers/servers.js'
import { testEnvironment, testGit } from '../../test/load/run-helpers.js'

const serviceMs = Number(process.argv[2] ?? 10)
const pool = workerPool({ workers: 4, serviceMs })
const server = await startServer(pool.handler)
const profile = parseProfile({
  file: 'cap.yml',
  overrides: { target: server.url.href },
  text: `
name: capacity
model: capacity
start-rate: 60/s
max-rate: 2000/s
step-duration: ${process.argv[3] ?? '2s'}
warmup: 500ms
slo: ["p95 < ${process.argv[4] ?? '50ms'}", "error-rate < 1%"]
requests:
  - GET /work
`,
})
const t0 = performance.now()
const result = await runCapacity({
  profile,
  environment: testEnvironment,
  git: testGit,
  onStep: (s) => console.log(stepLine(s)),
})
console.log(JSON.stringify({ ...result.capacity, steps: undefined }))
console.log('wall', ((performance.now() - t0) / 1000).toFixed(1), 's')
await server.close()
