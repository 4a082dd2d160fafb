// The gate across CI jobs on the noise model, with more trials than the test (run:
// npx tsx bench/stats/across-jobs.ts [trial-scale]; figures in docs/statistics.md). Every row is seeded: the same
// command prints the same counts. Each trial simulates 10 earlier baselines, the baseline and the PR's candidate as
// RunResults with real HDR histograms and calls decide() with the history, exactly as the action does.
import { cpus } from 'node:os'
import { clopperPearson } from '../../src/calibrate/binomial-interval.js'
import { decideSimulatedPr, normalSource, seededRandom } from '../../test/gate/simulation.js'

const scale = Number(process.argv[2] ?? 1)

interface Row {
  readonly label: string
  readonly rounds: number
  readonly requests: number
  readonly slowdown: number
  readonly historyRuns: number
  readonly trials: number
  readonly seed: number
}

const ROWS: Row[] = [
  { label: 'A/A', rounds: 6, requests: 500, slowdown: 1, historyRuns: 10, trials: 400, seed: 101 },
  { label: 'A/A', rounds: 20, requests: 600, slowdown: 1, historyRuns: 10, trials: 200, seed: 102 },
  { label: 'A/A', rounds: 30, requests: 2000, slowdown: 1, historyRuns: 10, trials: 80, seed: 103 },
  { label: '5 % slower', rounds: 6, requests: 500, slowdown: 1.05, historyRuns: 10, trials: 200, seed: 104 },
  { label: '10 % slower', rounds: 6, requests: 500, slowdown: 1.1, historyRuns: 10, trials: 200, seed: 105 },
  { label: '20 % slower', rounds: 6, requests: 500, slowdown: 1.2, historyRuns: 10, trials: 200, seed: 106 },
  { label: '20 % slower', rounds: 20, requests: 600, slowdown: 1.2, historyRuns: 10, trials: 100, seed: 107 },
  { label: 'A/A, no history', rounds: 6, requests: 500, slowdown: 1, historyRuns: 0, trials: 400, seed: 108 },
  { label: 'A/A, no history', rounds: 20, requests: 600, slowdown: 1, historyRuns: 0, trials: 150, seed: 109 },
  { label: '20 % slower, no history', rounds: 6, requests: 500, slowdown: 1.2, historyRuns: 0, trials: 200, seed: 110 },
]

function rate(count: number, trials: number): string {
  const interval = clopperPearson(count, trials)
  const pct = (x: number): string => (x * 100).toFixed(1)
  return `${pct(count / trials)} % [${pct(interval.lower)}, ${pct(interval.upper)}]`
}

console.log(
  `# ${new Date().toISOString()} · ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} · Node ${process.version}`,
)
console.log(`# npx tsx bench/stats/across-jobs.ts ${scale}`)
console.log(
  '| setting | rounds × requests | history | trials | regression (GET /search) | false regression (GET /items) | headline ✅ | median resolution |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const row of ROWS) {
  const trials = Math.max(1, Math.round(row.trials * scale))
  const uniform = seededRandom(row.seed)
  const normal = normalSource(seededRandom(row.seed + 1000))
  let searchRegression = 0
  let itemsRegression = 0
  let pass = 0
  const resolutions: number[] = []
  const started = Date.now()
  for (let trial = 0; trial < trials; trial++) {
    const verdict = decideSimulatedPr(row, uniform, normal)
    const kind = (name: string) => verdict.endpoints.find((e) => e.endpoint === name)?.outcome.kind
    if (kind('GET /search') === 'regression') searchRegression++
    if (kind('GET /items') === 'regression') itemsRegression++
    if (verdict.headline.startsWith('✅')) pass++
    const relative = verdict.endpoints
      .flatMap((e) => e.comparisons)
      .map((c) => (c.detectableShift ?? Number.POSITIVE_INFINITY) / c.baselineMedian)
    resolutions.push(Math.max(...relative))
  }
  resolutions.sort((a, b) => a - b)
  const median = resolutions[Math.floor(resolutions.length / 2)] as number
  console.log(
    `| ${row.label} | ${row.rounds} × ${row.requests} | ${row.historyRuns} | ${trials} | ${rate(searchRegression, trials)} | ` +
      `${rate(itemsRegression, trials)} | ${rate(pass, trials)} | +${(median * 100).toFixed(1)} % |` +
      ` <!-- ${((Date.now() - started) / trials).toFixed(0)} ms/trial -->`,
  )
}
