// The generator's own send lateness per round: carried through the RunResult file and merges, optional for older
// files, and reported as one line.
import { describe, expect, it } from 'vitest'
import { generatorLatenessText } from '../../src/report/generator-lateness.js'
import { renderJsonReport } from '../../src/report/json.js'
import { ReportSchema } from '../../src/report/json-schema.js'
import { encodeRunResult, parseRunResult, serializeRunResult } from '../../src/results/codec.js'
import { createHistogram, type LatencyHistogram } from '../../src/results/histogram.js'
import { mergeRunResults } from '../../src/results/merge.js'
import type { RunResult } from '../../src/results/types.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { reportInput } from '../report/builders.js'

/** A histogram holding `count` copies of each value (µs). */
function lateness(valuesUs: readonly number[], count = 1): LatencyHistogram {
  const histogram = createHistogram()
  for (const value of valuesUs) histogram.recordMany(value, count)
  return histogram
}

const twoRounds = (extra: Partial<RunResult> = {}) =>
  syntheticRun([{ name: 'GET /', roundsMs: [spreadMs(100, 20), spreadMs(100, 21)] }], extra)

describe('RunResult.generatorLateness', () => {
  it('round-trips one histogram per round through the file', () => {
    const run = twoRounds({ generatorLateness: [lateness([20, 40], 50), lateness([30, 2_000], 50)] })

    const back = parseRunResult(serializeRunResult(run), 'result.json')

    expect(back.generatorLateness?.map((h) => h.count)).toEqual([100, 100])
    expect(back.generatorLateness?.[1]?.maxUs()).toBe(run.generatorLateness?.[1]?.maxUs())
    expect(back.generatorLateness?.[0]?.entries()).toEqual(run.generatorLateness?.[0]?.entries())
  })

  it('is optional: a file without it (closed model, import, an older Tailgate) reads as before', () => {
    const run = twoRounds()

    const file = encodeRunResult(run)
    const back = parseRunResult(serializeRunResult(run), 'old.json')

    expect('generatorLateness' in file).toBe(false)
    expect(back.generatorLateness).toBeUndefined()
    expect(generatorLatenessText(back)).toBeNull()
  })

  it.each([
    {
      what: 'a count that differs from the rounds',
      lateness: ['HISTFAAAAB'],
      error: /1 'generatorLateness' histograms; the run has 2 rounds/,
    },
    { what: 'a broken histogram', lateness: ['xx', 'yy'], error: /broken histogram at 'generatorLateness\[0\]'/ },
  ])('refuses $what, naming the file', ({ lateness: encoded, error }) => {
    const text = JSON.stringify({ ...encodeRunResult(twoRounds()), generatorLateness: encoded })

    expect(() => parseRunResult(text, 'bad.json')).toThrow(/^bad\.json: /)
    expect(() => parseRunResult(text, 'bad.json')).toThrow(error)
  })

  it('adds per round when shards are merged, and is dropped when a shard lacks it', () => {
    const a = twoRounds({ generatorLateness: [lateness([10], 30), lateness([10], 40)] })
    const b = twoRounds({ generatorLateness: [lateness([20], 5), lateness([900], 6)] })

    const merged = mergeRunResults([a, b])
    const withoutB = mergeRunResults([a, twoRounds()])

    expect(merged.generatorLateness?.map((h) => h.count)).toEqual([35, 46])
    expect(merged.generatorLateness?.[1]?.maxUs()).toBeGreaterThanOrEqual(900)
    expect(withoutB.generatorLateness).toBeUndefined()
  })

  it('reads as one report line with p50, p99 and max over the measured rounds', () => {
    // 98 sends 20 µs late, 2 sends 1.5 ms late: p50 0.02 ms, p99 1.50 ms
    const run = twoRounds({ generatorLateness: [lateness([20], 49), lateness([20], 49)] })
    run.generatorLateness?.[1]?.recordMany(1_500, 2)

    expect(generatorLatenessText(run)).toMatch(/^generator lateness p50 0\.02 ms, p99 1\.50 ms, max 1\.50 ms \(/)
  })

  it("is in the JSON report's run health: the summary line, p50/p99/max overall and per round; null without it", () => {
    const candidate = twoRounds({ generatorLateness: [lateness([20], 99), lateness([20], 98)] })
    candidate.generatorLateness?.[1]?.recordMany(400, 2)
    const input = reportInput([], { candidate })

    const report = renderJsonReport(input)
    const found = report.candidate.health.generatorLateness

    expect(ReportSchema.safeParse(report).success).toBe(true)
    expect(found?.summary).toMatch(/^generator lateness p50 0\.02 ms, p99 [\d.]+ ms, max 0\.40 ms/)
    expect(found?.perRound.map((r) => [r.p50Ms, r.maxMs])).toEqual([
      [0.02, 0.02],
      [0.02, 0.4],
    ])
    expect(found?.maxMs).toBe(0.4)
    expect(report.baseline.run?.health.generatorLateness).toBeNull()
  })
})
