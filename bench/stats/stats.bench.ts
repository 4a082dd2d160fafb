// Benchmarks of the statistics (run: npx tsx bench/stats/stats.bench.ts [repetitions]). Prints the median of several
// repetitions of each figure the issue sets a target for, plus the machine it ran on.
import { cpus } from 'node:os'
import { createHistogram, type LatencyHistogram } from '../../src/results/histogram.js'
import { hodgesLehmann, hodgesLehmannFromHistograms } from '../../src/stats/hodges-lehmann.js'
import { mannWhitneyU, mannWhitneyUFromHistograms } from '../../src/stats/mann-whitney.js'
import { compareSamples } from '../../src/stats/sample-comparison.js'
import type { WeightedValue } from '../../src/stats/types.js'

const repetitions = Number(process.argv[2] ?? 7)

/** Seeded lognormal latencies in ms (median 120, sigma 0.35), scaled by `factor`. */
function lognormalMs(n: number, seed: number, factor = 1): Float64Array {
  let state = seed >>> 0
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296
  }
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
    out[i] = 120 * factor * Math.exp(0.35 * z)
  }
  return out
}

function histogramOf(valuesMs: Float64Array): LatencyHistogram {
  const histogram = createHistogram()
  for (const ms of valuesMs) histogram.record(ms * 1000)
  return histogram
}

const entriesMs = (histogram: LatencyHistogram): WeightedValue[] =>
  histogram.entries().map((entry) => ({ value: entry.valueUs / 1000, count: entry.count }))

function medianMs(run: () => unknown): { medianMs: number; minMs: number; maxMs: number } {
  run() // warm-up
  const times: number[] = []
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return {
    medianMs: times[Math.floor(times.length / 2)] as number,
    minMs: times[0] as number,
    maxMs: times.at(-1) as number,
  }
}

const million = 1_000_000
const baseline = lognormalMs(million, 1)
const candidate = lognormalMs(million, 2, 1.02)
const baselineHistogram = histogramOf(baseline)
const candidateHistogram = histogramOf(candidate)
const baselineEntries = entriesMs(baselineHistogram)
const candidateEntries = entriesMs(candidateHistogram)
const small = lognormalMs(20_000, 3)
const smallShifted = lognormalMs(20_000, 4, 1.02)

const figures = [
  {
    what: `Histogram Mann-Whitney, 1,000,000 v 1,000,000 recorded samples (${baselineEntries.length} + ${candidateEntries.length} buckets), from entries`,
    target: '< 50 ms',
    ...medianMs(() => mannWhitneyUFromHistograms(baselineEntries, candidateEntries)),
  },
  {
    what: 'the same, including reading the entries out of both HDR histograms',
    target: '(context)',
    ...medianMs(() => mannWhitneyUFromHistograms(entriesMs(baselineHistogram), entriesMs(candidateHistogram))),
  },
  {
    what: 'Raw-sample Mann-Whitney, 1,000,000 v 1,000,000 values (sort + merge, asymptotic)',
    target: '< 2 s',
    ...medianMs(() => mannWhitneyU(baseline, candidate)),
  },
  {
    what: 'Hodges-Lehmann estimate + 95 % interval, 20,000 v 20,000 values',
    target: '< 1 s',
    ...medianMs(() => hodgesLehmann(small, smallShifted)),
  },
  {
    what: 'Hodges-Lehmann estimate + 95 % interval from the 1,000,000 v 1,000,000 histograms',
    target: '(context)',
    ...medianMs(() => hodgesLehmannFromHistograms(baselineEntries, candidateEntries)),
  },
  {
    what: 'compareSamples (the CLI on sample files), 1,000,000 v 1,000,000 values',
    target: '(context)',
    ...medianMs(() => compareSamples(Array.from(baseline), Array.from(candidate))),
  },
]

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores; node ${process.version}`)
console.log(`median of ${repetitions} repetitions after one warm-up\n`)
console.log('| figure | target | median | min | max |')
console.log('|---|---|---|---|---|')
for (const f of figures) {
  console.log(
    `| ${f.what} | ${f.target} | ${f.medianMs.toFixed(1)} ms | ${f.minMs.toFixed(1)} ms | ${f.maxMs.toFixed(1)} ms |`,
  )
}
