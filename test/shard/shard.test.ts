// Scale-out: shards made by real runs, merged, equal a single run within histogram precision (and run-to-run noise).
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { applyShard, parseShard } from '../../src/config/shard.js'
import { parseRunResult } from '../../src/results/codec.js'
import { mergeHistograms } from '../../src/results/histogram.js'
import type { RunResult } from '../../src/results/types.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'

const PROFILE = (target: string) => `name: shards
target: ${target}
model: constant-arrival-rate
rate: 120/s
warmup: 300ms
duration: 1.8s
rounds: 3
max-event-loop-lag: 10s # a busy runner's lag must not make \`tailgate run\` exit 1 here: these tests are about merging
requests: [GET /fixed]
`

describe('shard: i/N', () => {
  const profile = parseProfile({ text: PROFILE('http://127.0.0.1:1'), file: 'shards.yml' })

  it.each([
    { text: '1/2', shard: { index: 1, count: 2 } },
    { text: ' 3 / 4 ', shard: { index: 3, count: 4 } },
    { text: '', shard: null },
  ])('parses "$text"', ({ text, shard }) => {
    expect(parseShard(text)).toEqual(shard)
  })

  it.each(['0/2', '3/2', 'a/b', '1/0', '1/300'])('refuses "%s" naming the field and the form', (text) => {
    expect(() => parseShard(text)).toThrow(/'shard': .* is not a shard; write i\/N/)
  })

  it('divides an arrival rate by N', () => {
    const sharded = applyShard(profile, { index: 2, count: 3 })

    expect(sharded.load).toMatchObject({ model: 'constant-arrival-rate', ratePerSecond: 40 })
  })

  it('splits VUs so the shards add up to the whole', () => {
    const closed = parseProfile({
      text: 'target: http://127.0.0.1:1\nmodel: constant-vus\nvus: 7\nduration: 1s\nrequests: [GET /]\n',
      file: 'vus.yml',
    })
    const vus = [1, 2, 3].map((index) => {
      const load = applyShard(closed, { index, count: 3 }).load
      return load.model === 'constant-vus' ? load.vus : -1
    })

    expect(vus).toEqual([3, 2, 2])
    expect(() => applyShard(closed, { index: 8, count: 8 })).toThrow(/7 VUs cannot be split into 8 shards/)
  })
})

describe('merging shards made by real runs', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  let dir: string
  beforeAll(async () => {
    // A fixed 20 ms service time, so one run and two shards see the same latency distribution.
    server = await startServer((_req, res) => {
      setTimeout(() => res.end('ok'), 20)
    })
    dir = await scratchDir('tailgate-shards-')
    await writeFile(join(dir, 'shards.yml'), PROFILE(server.url.href))
  })
  afterAll(async () => server.close())

  /**
   * One `tailgate run`: exit 0, or exit 1 for a run that says why it is invalid (a busy runner can make an open model
   * fall behind its schedule; the result is written either way, and merging it is what this file tests).
   */
  const run = async (args: string[]): Promise<RunResult> => {
    const out = join(dir, `${args.join('-').replaceAll('/', '_')}.json`)
    const code = await main(['run', join(dir, 'shards.yml'), '--quiet', '--out', out, ...args], memoryIo())
    const result = parseRunResult(await readFile(out, 'utf8'), out)
    expect(code).toBe(result.health.invalidReasons.length === 0 ? EXIT.pass : EXIT.gateFailed)
    return result
  }

  it("gives the counts of a single run and exactly the sum of the shards' histograms", async () => {
    // The single run and the two shards run at the same time, so they meet the same server and machine conditions.
    const [single, first, second] = await Promise.all([run([]), run(['--shard', '1/2']), run(['--shard', '2/2'])])
    const mergedPath = join(dir, 'merged.json')
    const io = memoryIo()

    expect(
      await main(['merge', join(dir, '--shard-1_2.json'), join(dir, '--shard-2_2.json'), '--out', mergedPath], io),
    ).toBe(EXIT.pass)
    const merged = parseRunResult(await readFile(mergedPath, 'utf8'), mergedPath)

    // Same profile identity as the unsharded run, so merged shards compare with unsharded baselines.
    expect(first.profileFingerprint).toBe(single.profileFingerprint)
    expect(merged.profileFingerprint).toBe(single.profileFingerprint)
    // Counts add exactly; the open model's schedule makes them equal up to one tick per shard.
    const requests = (r: RunResult) => r.endpoints[0]!.rounds.reduce((n, round) => n + round.requests, 0)
    expect(requests(merged)).toBe(requests(first) + requests(second))
    // (unless a run fell behind its schedule on a busy runner and says so: then it sent fewer than it scheduled)
    const fellBehind = [single, first, second].some((r) =>
      r.health.invalidReasons.some((why) => /fell behind/.test(why)),
    )
    expect(Math.abs(requests(merged) - requests(single)) <= 4 || fellBehind).toBe(true)
    // The merge's intended rate is the shards' together, exactly; the single run's within a few requests per second
    // (each run's rate is its count over its measured time, which a busy runner's stalls stretch: 118.9 v 120).
    expect(merged.health.intendedRatePerSecond).toBeCloseTo(
      first.health.intendedRatePerSecond! + second.health.intendedRatePerSecond!,
      6,
    )
    expect(merged.health.intendedRatePerSecond).toBeCloseTo(single.health.intendedRatePerSecond!, -1)
    // Percentiles: the merged histogram is exactly the sum of the shards' (HDR histograms add), so each percentile of
    // the merge lies between the shards' own (a mixture's quantile is bracketed by its components'). How close the
    // shards come to the single run is the machine's business (a loaded 2-core runner stalled one run's timers to
    // 4.7× another's p50 while they ran side by side), so it is not asserted here.
    const pooled = (r: RunResult) => mergeHistograms(r.endpoints[0]!.rounds.map((round) => round.latency))
    const shardsSum = mergeHistograms([pooled(first), pooled(second)])
    expect(pooled(merged).entries()).toEqual(shardsSum.entries())
    for (const percentile of [50, 75, 99]) {
      const shardsUs = [pooled(first).percentileUs(percentile), pooled(second).percentileUs(percentile)]
      expect(pooled(merged).percentileUs(percentile)).toBeGreaterThanOrEqual(Math.min(...shardsUs))
      expect(pooled(merged).percentileUs(percentile)).toBeLessThanOrEqual(Math.max(...shardsUs))
    }
  }, 30_000)
})
