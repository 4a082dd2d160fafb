// The A/A soak of the suite's live A/B profile: how often two identical sample servers on 127.0.0.1, measured side by
// side with the short profile the tests use (test/ab/helpers.ts: 6 rounds of 0.25 s a side, 2 VUs, gated on p50), come
// out without a regression. `npm test` runs one such pair (test/ab/live-ab.test.ts); this runs the repetitions, a few
// pairs at once as the suite's files do, and prints one line per run and the N-of-N figure.
// Usage: npx tsx bench/stats/live-ab-aa.bench.ts [runs=20] [atOnce=5]
import { cpus, loadavg } from 'node:os'
import { measurePair, verdictOfPair } from '../../test/ab/helpers.js'

const runs = Number(process.argv[2] ?? 20)
const atOnce = Number(process.argv[3] ?? 5)

console.log(
  `# live A/B A/A soak (the suite's short profile), ${new Date().toISOString()}, ${cpus()[0]?.model} × ${cpus().length}, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`,
)
const startedMs = performance.now()
const outcomes: string[] = []
for (let first = 0; first < runs; first += atOnce) {
  const seeds = Array.from({ length: Math.min(atOnce, runs - first) }, (_, i) => 1000 + 10 * (first + i))
  const verdicts = await Promise.all(seeds.map(async (seed) => verdictOfPair(await measurePair(seed))))
  for (const [i, verdict] of verdicts.entries()) {
    outcomes.push(verdict.outcome)
    console.log(`run ${first + i + 1}: ${verdict.outcome} — ${verdict.headline} (load ${loadavg()[0]?.toFixed(1)})`)
  }
}
const regressions = outcomes.filter((outcome) => outcome === 'regression').length
const invalid = outcomes.filter((outcome) => outcome === 'invalid').length
console.log(
  `\n${runs - regressions - invalid} of ${runs} A/A runs compared without a regression (${regressions} regression, ${invalid} invalid), ${atOnce} at once, ${((performance.now() - startedMs) / 1000).toFixed(0)} s, load ${loadavg()[0]?.toFixed(1)}`,
)
process.exitCode = regressions + invalid === 0 ? 0 : 1
