// Prints one JSON line of a RunResult file's gated latency over every endpoint and round (ms), the achieved rate and
// the generator's own send lateness: what bench/load/precision.sh compares with the server's own figures.
//   npx tsx bench/load/result-percentiles.ts result.json
import { readFileSync } from 'node:fs'
import { parseRunResult } from '../../src/results/codec.js'
import { mergeHistograms } from '../../src/results/histogram.js'

const file = process.argv[2]
if (!file) throw new Error('usage: result-percentiles.ts RESULT.json')
const result = parseRunResult(readFileSync(file, 'utf8'), file)
const latency = mergeHistograms(result.endpoints.flatMap((e) => e.rounds.map((r) => r.latency)))
const lateness = mergeHistograms(result.generatorLateness ?? [])
const ms = (us: number) => Number((us / 1000).toFixed(3))
console.log(
  JSON.stringify({
    count: latency.count,
    rps: Number(result.health.achievedRatePerSecond.toFixed(1)),
    p50: ms(latency.percentileUs(50)),
    p90: ms(latency.percentileUs(90)),
    p99: ms(latency.percentileUs(99)),
    p999: ms(latency.percentileUs(99.9)),
    latenessP50: ms(lateness.percentileUs(50)),
    latenessP99: ms(lateness.percentileUs(99)),
    invalid: result.health.invalidReasons,
  }),
)
