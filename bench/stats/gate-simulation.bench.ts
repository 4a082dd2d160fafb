// The gate's long-run error rates on synthetic runs (run: npx tsx bench/stats/gate-simulation.bench.ts [trials]).
// The same model as test/gate/simulation.test.ts (AR(1) phi 0.9 lognormal latencies, 2 % run-to-run drift per round,
// 6 v 6 rounds, 800 requests per endpoint and round, default gate), with many more trials than the suite can
// afford: the false-regression rate of A/A comparisons and the power against a 20 % slowdown of one endpoint, each
// with a 95 % Wilson interval. Seeded: the same trials give the same counts.
import { cpus } from 'node:os'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { decide } from '../../src/gate/decide.js'
import type { Verdict } from '../../src/gate/types.js'
import { GATE_SIMULATION_MODEL, normalSource, seededRandom, simulateRun } from '../../test/gate/simulation.js'

const trials = Number(process.argv[2] ?? 1000)

function compare(normal: () => number, slowdown: Record<string, number>): Verdict {
  const baseline = simulateRun(GATE_SIMULATION_MODEL, normal)
  const candidate = simulateRun(GATE_SIMULATION_MODEL, normal, slowdown)
  return decide({
    candidate,
    baseline: { kind: 'found', result: baseline },
    gate: DEFAULT_GATE,
    budgets: {},
    accepted: null,
  })
}

/** The 95 % Wilson score interval of k successes in n trials, in percent. */
function wilson(k: number, n: number): string {
  const z = 1.959964
  const p = k / n
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)) * 100
  return `${(p * 100).toFixed(1)} % (95 % CI ${Math.max(0, centre * 100 - half).toFixed(1)}–${Math.min(100, centre * 100 + half).toFixed(1)} %)`
}

const regression = (verdict: Verdict, endpoint: string): boolean =>
  verdict.endpoints.find((e) => e.endpoint === endpoint)?.outcome.kind === 'regression'

const startedMs = performance.now()
const aa = normalSource(seededRandom(20261123))
let falseRegressions = 0
for (let trial = 0; trial < trials; trial++) {
  if (compare(aa, {}).endpoints.some((e) => e.outcome.kind === 'regression')) falseRegressions++
}
const slowed = normalSource(seededRandom(7))
let caught = 0
let otherFlagged = 0
for (let trial = 0; trial < trials; trial++) {
  const verdict = compare(slowed, { 'GET /search': 1.2 })
  if (regression(verdict, 'GET /search')) caught++
  if (regression(verdict, 'GET /items')) otherFlagged++
}

console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${trials} trials each`)
console.log(`A/A: a false regression in ${falseRegressions} of ${trials} = ${wilson(falseRegressions, trials)}`)
console.log(`+20 % on GET /search: caught in ${caught} of ${trials} = ${wilson(caught, trials)}`)
console.log(`  the untouched GET /items flagged in ${otherFlagged} of ${trials} = ${wilson(otherFlagged, trials)}`)
console.log(`${((performance.now() - startedMs) / 1000).toFixed(1)} s`)
