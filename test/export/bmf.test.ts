import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BMF_MEASURES, serializeBmf, toBmf } from '../../src/export/bmf.js'
import type { Verdict } from '../../src/gate/types.js'
import { importRun } from '../../src/import/index.js'
import { mergeHistograms } from '../../src/results/histogram.js'
import { syntheticRun } from '../helpers/run-result.js'
import { fixture, testContext } from '../import/helpers.js'
import { validateSubset } from './schema-subset.js'

const SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'bmf.schema.json'), 'utf8'))

describe('toBmf', () => {
  it('writes one benchmark per endpoint: percentiles in ns, throughput in requests/s, error rate, per-round bounds', () => {
    // given two rounds of GET /a: 10, 20, 30 ms then 40, 50, 60 ms (1 s rounds), one 5xx per round
    const run = syntheticRun([
      {
        name: 'GET /a',
        roundsMs: [
          [10, 20, 30],
          [40, 50, 60],
        ],
        errorsPerRound: 1,
      },
    ])
    const [first, second] = run.endpoints[0]!.rounds.map((r) => r.latency)
    const pooled = mergeHistograms([first!, second!])

    // when
    const bmf = toBmf(run)

    // then (HdrHistogram reports a bucket's highest equivalent value: 30 ms → 30.015 ms)
    expect(Object.keys(bmf)).toEqual(['GET /a'])
    expect(bmf['GET /a']![BMF_MEASURES.latency]).toEqual({
      value: pooled.percentileUs(50) * 1000,
      lower_value: first!.percentileUs(50) * 1000,
      upper_value: second!.percentileUs(50) * 1000,
    })
    expect(bmf['GET /a']![BMF_MEASURES.latency]!.value).toBeCloseTo(30_000_000, -5)
    expect(bmf['GET /a']![BMF_MEASURES.p99]!.value).toBe(pooled.percentileUs(99) * 1000)
    expect(bmf['GET /a']![BMF_MEASURES.throughput]).toEqual({ value: 3, lower_value: 3, upper_value: 3 })
    expect(bmf['GET /a']![BMF_MEASURES.errorRate]).toEqual({ value: 1 / 3, lower_value: 1 / 3, upper_value: 1 / 3 })
  })

  it('omits the bounds with one round, and prefixes benchmark names when asked', () => {
    const run = syntheticRun([
      { name: 'GET /a', roundsMs: [[5, 6, 7]] },
      { name: 'POST /b', roundsMs: [[8]] },
    ])

    const bmf = toBmf(run, { prefix: 'api' })

    expect(Object.keys(bmf)).toEqual(['api: GET /a', 'api: POST /b'])
    expect(Object.keys(bmf['api: GET /a']![BMF_MEASURES.latency]!)).toEqual(['value'])
  })

  it("takes the values from the verdict's candidate summaries when a verdict is given", () => {
    const run = syntheticRun([
      {
        name: 'GET /a',
        roundsMs: [
          [10, 20],
          [30, 40],
        ],
      },
    ])
    const summary = { requests: 4, p50Ms: 21.5, p95Ms: 39.9, p99Ms: 40.1, errorRate: 0.25, ratePerSecond: 2 }
    const verdict = { endpoints: [{ endpoint: 'GET /a', candidate: summary }] } as unknown as Verdict

    const bmf = toBmf(run, { verdict })

    expect(bmf['GET /a']![BMF_MEASURES.latency]!.value).toBe(21_500_000)
    expect(bmf['GET /a']![BMF_MEASURES.p95]!.value).toBe(39_900_000)
    expect(bmf['GET /a']![BMF_MEASURES.throughput]!.value).toBe(2)
    expect(bmf['GET /a']![BMF_MEASURES.errorRate]!.value).toBe(0.25)
  })

  it('produces documents valid against the published schema/bmf.schema.json, for native and imported runs', async () => {
    const native = syntheticRun([
      {
        name: 'GET /a',
        roundsMs: [
          [10, 20],
          [30, 40],
        ],
        errorsPerRound: 1,
      },
    ])
    const { result: imported } = await importRun({
      ...testContext,
      source: 'artillery',
      files: [fixture('artillery-report.json')],
    })

    for (const run of [native, imported]) {
      const document = JSON.parse(serializeBmf(toBmf(run)))
      expect(validateSubset(SCHEMA, document)).toEqual([])
    }
    expect(validateSubset(SCHEMA, { 'GET /a': { latency: { value: -1 } } })).not.toEqual([])
  })
})
