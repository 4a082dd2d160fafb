// The two files of one live A/B run say that they are its halves (RunResult.liveAb), so `tailgate compare` pairs their
// rounds by itself and decides as the action does on the same files; without the mark the rounds are unpaired.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../../src/action/run.js'
import { main } from '../../src/cli/main.js'
import { abbaOrder, markHalves } from '../../src/load/live-ab.js'
import type { JsonReport } from '../../src/report/json-schema.js'
import { serializeRunResult } from '../../src/results/codec.js'
import type { RunResult } from '../../src/results/types.js'
import { buildRun, roundsAround } from '../gate/builders.js'
import { seededRandom } from '../gate/simulation.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { fakeDeps, pullRequestContext } from './fake-deps.js'

const ROUNDS = 12
let dir: string
beforeAll(async () => {
  dir = await scratchDir('tailgate-live-ab-parity-')
})

/**
 * The halves of a live A/B run of 12 rounds a side, interleaved A B B A, while both servers slow down together by
 * 30 % over the run; the candidate's GET /search is `slowdown` × the baseline's. Each pair's rounds share the drift.
 */
function liveRun(seed: number, slowdown: number): { baseline: RunResult; candidate: RunResult } {
  const random = seededRandom(seed)
  const order = abbaOrder(ROUNDS)
  const centres = { A: [] as number[], B: [] as number[] }
  order.forEach((side, slot) => {
    const drift = 1 + (0.3 * slot) / (order.length - 1)
    centres[side].push(20 * drift * (side === 'B' ? slowdown : 1) * (1 + 0.01 * (random() - 0.5)))
  })
  const run = (side: 'A' | 'B', startedAt: string) =>
    buildRun([{ name: 'GET /search', roundsMs: roundsAround(centres[side], 60, 0.05) }], { startedAt })
  return markHalves(run('A', '2026-12-06T08:00:00.000Z'), run('B', '2026-12-06T08:00:01.000Z'), order)
}

async function viaAction(baseline: RunResult, candidate: RunResult): Promise<JsonReport> {
  const fake = fakeDeps({
    inputs: { mode: 'report', 'result-path': 'result.json', 'baseline-path': 'baseline-live.json' },
    context: pullRequestContext(5),
    candidate,
  })
  await fake.deps.files.writeText('result.json', serializeRunResult(candidate))
  await fake.deps.files.writeText('baseline-live.json', serializeRunResult(baseline))
  await runAction(fake.deps)
  const report = fake.files.get('tailgate-results/report.json')
  if (report === undefined) throw new Error(`no JSON report; files: ${[...fake.files.keys()].join(', ')}`)
  return JSON.parse(report) as JsonReport
}

async function viaCli(name: string, baseline: RunResult, candidate: RunResult): Promise<JsonReport> {
  const base = join(dir, `${name}-baseline-live.json`)
  const cand = join(dir, `${name}-result.json`)
  await writeFile(base, serializeRunResult(baseline))
  await writeFile(cand, serializeRunResult(candidate))
  const io = memoryIo()
  await main(['compare', '--baseline', base, '--candidate', cand, '--format', 'json'], io)
  return JSON.parse(io.out()) as JsonReport
}

const decision = (report: JsonReport) => ({
  outcome: report.verdict.outcome,
  endpoints: report.endpoints.map((endpoint) => ({
    outcome: endpoint.outcome,
    comparisons: endpoint.comparisons.map((c) => ({
      outcome: c.outcome,
      pValue: c.pValue,
      shift: c.shift,
      shiftInterval: c.shiftInterval,
      jobNoise: c.jobNoise,
      explanation: c.explanation,
    })),
  })),
})

describe('the halves of one live A/B run, compared from their files', () => {
  it.each([
    { what: 'identical servers drifting together by 30 %', seed: 1, slowdown: 1, outcome: /^(pass|no-change)$/ },
    { what: 'a 25 % slower candidate under the same drift', seed: 2, slowdown: 1.25, outcome: /^regression$/ },
  ])('the action (mode: report) and tailgate compare pair the rounds and decide the same: $what', async (row) => {
    // given the two files one live A/B run writes (baseline-live.json and result.json)
    const { baseline, candidate } = liveRun(row.seed, row.slowdown)

    // when the action (mode: report) and the CLI decide on them
    const action = await viaAction(baseline, candidate)
    const cli = await viaCli(`s${row.seed}`, baseline, candidate)

    // then both use the paired signed-rank test on the 12 A/B pairs, as the same-job design, and agree in every figure
    expect(decision(cli)).toEqual(decision(action))
    const comparison = cli.endpoints[0]?.comparisons[0]
    expect(comparison?.explanation).toMatch(/12 A\/B pairs \(signed-rank\)/)
    expect(comparison?.jobNoise?.kind).toBe('same-job')
    expect(cli.verdict.outcome).toMatch(row.outcome)
  })

  it('without the live A/B mark the same rounds are compared unpaired, across jobs, and the drift blurs them', async () => {
    const { baseline, candidate } = liveRun(1, 1)
    const { liveAb: _a, ...bareBaseline } = baseline
    const { liveAb: _b, ...bareCandidate } = candidate

    const paired = await viaCli('marked', baseline, candidate)
    const unpaired = await viaCli('bare', bareBaseline, bareCandidate)

    expect(unpaired.endpoints[0]?.comparisons[0]?.explanation).not.toMatch(/signed-rank/)
    expect(unpaired.endpoints[0]?.comparisons[0]?.jobNoise?.kind).toBe('allowance')
    expect(paired.verdict.outcome).not.toBe(unpaired.verdict.outcome)
  })

  it('refuses a file whose live A/B order does not hold its rounds, naming the field', async () => {
    // given a result file of 12 rounds whose liveAb order has only 2 of its side's letters
    const { baseline, candidate } = liveRun(3, 1)
    const broken = join(dir, 'broken.json')
    const file = JSON.parse(serializeRunResult(candidate)) as { liveAb: { order: string } }
    file.liveAb.order = 'ABBA'
    await writeFile(broken, JSON.stringify(file))
    const base = join(dir, 'broken-baseline.json')
    await writeFile(base, serializeRunResult(baseline))

    const io = memoryIo()
    const code = await main(['compare', '--baseline', base, '--candidate', broken, '--format', 'json'], io)

    expect(code).toBe(2)
    expect(io.err()).toMatch(/broken\.json: has 2 rounds of its side in 'liveAb\.order'; the run has 12/)
  })
})
