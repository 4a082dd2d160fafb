// The action and `tailgate compare --history` decide the same on the same runs: both hand the baseline and its
// history to decide(), which sorts the history by startedAt, so file order and entry point do not matter.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../../src/action/run.js'
import { serializeBundle } from '../../src/baseline/bundle.js'
import { main } from '../../src/cli/main.js'
import type { JsonReport } from '../../src/report/json-schema.js'
import { serializeRunResult } from '../../src/results/codec.js'
import type { RunResult } from '../../src/results/types.js'
import { normalSource, seededRandom, simulateJobs } from '../gate/simulation.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { fakeDeps, pullRequestContext } from './fake-deps.js'

const MODEL = {
  mediansMs: { 'GET /search': 120, 'GET /items': 40 },
  sigma: 0.3,
  phi: 0.9,
  roundOffsetSd: 0,
  rounds: 6,
  requestsPerRound: 300,
}

let dir: string
beforeAll(async () => {
  dir = await scratchDir('tailgate-history-')
})

function scenario(seed: number, historyRuns: number, slowdown: number) {
  const jobs = { jobHalfWidth: 0.03, driftBetweenJobs: 0.02, historyRuns }
  return simulateJobs(MODEL, jobs, seededRandom(seed), normalSource(seededRandom(seed + 1)), {
    'GET /search': slowdown,
  })
}

/** mode: report with a baseline bundle (the baseline and its history, as the stores save them). */
async function viaAction(
  baseline: RunResult,
  history: readonly RunResult[],
  candidate: RunResult,
): Promise<JsonReport> {
  const fake = fakeDeps({
    inputs: { mode: 'report', 'result-path': 'cand.json', 'baseline-path': 'bundle.json' },
    context: pullRequestContext(3),
    candidate,
  })
  await fake.deps.files.writeText('cand.json', serializeRunResult(candidate))
  await fake.deps.files.writeText('bundle.json', serializeBundle({ current: baseline, history }))
  await runAction(fake.deps)
  const report = fake.files.get('tailgate-results/report.json')
  if (report === undefined) throw new Error(`no JSON report; files: ${[...fake.files.keys()].join(', ')}`)
  const parsed = JSON.parse(report) as JsonReport
  expect(fake.outputs.get('verdict')).toBe(parsed.verdict.outcome)
  return parsed
}

/** tailgate compare --baseline B --history H… --candidate C --format json, history files in the given order. */
async function viaCli(
  name: string,
  baseline: RunResult,
  history: readonly RunResult[],
  candidate: RunResult,
): Promise<JsonReport> {
  const write = async (file: string, run: RunResult): Promise<string> => {
    const path = join(dir, `${name}-${file}`)
    await writeFile(path, serializeRunResult(run))
    return path
  }
  const historyArgs: string[] = []
  for (const [index, run] of history.entries()) historyArgs.push('--history', await write(`h${index}.json`, run))
  const io = memoryIo()
  const argv = [
    'compare',
    '--baseline',
    await write('base.json', baseline),
    ...historyArgs,
    '--candidate',
    await write('cand.json', candidate),
    '--format',
    'json',
  ]
  await main(argv, io)
  return JSON.parse(io.out()) as JsonReport
}

/** What must agree: the outcome per endpoint and every figure of the test. */
function decision(report: JsonReport) {
  return {
    outcome: report.verdict.outcome,
    headline: report.verdict.headline,
    endpoints: report.endpoints.map((endpoint) => ({
      name: endpoint.name,
      outcome: endpoint.outcome,
      comparisons: endpoint.comparisons.map((c) => ({
        metric: c.metric,
        outcome: c.outcome,
        pValue: c.pValue,
        pValueAdjusted: c.pValueAdjusted,
        shift: c.shift,
        detectableShift: c.detectableShift,
        jobNoise: c.jobNoise,
      })),
    })),
  }
}

describe('history on the command line', () => {
  it.each([
    { what: 'an unchanged PR with 5 earlier baselines', seed: 11, historyRuns: 5, slowdown: 1 },
    { what: 'a 30 % slower PR with 4 earlier baselines', seed: 12, historyRuns: 4, slowdown: 1.3 },
    { what: 'an unchanged PR with 2 earlier baselines (allowance)', seed: 13, historyRuns: 2, slowdown: 1 },
  ])('the action (mode: report, bundle) and the CLI (--history, shuffled) decide the same: $what', async (row) => {
    const { baseline, history, candidate } = scenario(row.seed, row.historyRuns, row.slowdown)
    const shuffled = [...history.slice(1), ...history.slice(0, 1)].reverse()

    const action = await viaAction(baseline, history, candidate)
    const cli = await viaCli(`s${row.seed}`, baseline, shuffled, candidate)

    expect(decision(cli)).toEqual(decision(action))
    expect(cli.baseline.historyRuns).toBe(row.historyRuns)
    expect(action.baseline.historyRuns).toBe(row.historyRuns)
    const noise = cli.endpoints[0]?.comparisons[0]?.jobNoise
    expect(noise?.kind).toBe(row.historyRuns >= 3 ? 'history' : 'allowance')
    if (row.slowdown > 1.2) expect(cli.verdict.outcome).toBe('regression')
    else expect(['pass', 'no-change', 'inconclusive']).toContain(cli.verdict.outcome)
  })

  it('uses the history to decide: the same baseline and candidate without it fall back on the allowance', async () => {
    const { baseline, history, candidate } = scenario(21, 6, 1)

    const withHistory = await viaCli('with', baseline, history, candidate)
    const without = await viaCli('without', baseline, [], candidate)

    expect(withHistory.endpoints[0]?.comparisons[0]?.jobNoise).toMatchObject({ kind: 'history', historyRuns: 6 })
    expect(without.endpoints[0]?.comparisons[0]?.jobNoise).toMatchObject({
      kind: 'allowance',
      historyRuns: 0,
      jobSd: 0.03,
    })
    expect(without.warnings.join('\n')).toMatch(/would sharpen it/)
  })
})
