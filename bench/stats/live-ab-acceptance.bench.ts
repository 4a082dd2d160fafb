// Acceptance figures of rounds: auto and of the paired live A/B test, against sample servers on 127.0.0.1
// (run: npx tsx bench/stats/live-ab-acceptance.bench.ts [runs=10] [driftRuns=5]). Prints one line per run and a
// summary table for docs/statistics.md.
//   1. rounds: auto, live A/B: identical servers (should end "no change"), and a 25 % slower search endpoint
//      (should end "regression"), each with the rounds it took and why it stopped.
//   2. Fixed 12 rounds, live A/B of two servers whose latency drifts together by +30 % over the run: identical (should
//      pass) and 25 % slower search (should be a regression); the unpaired test on the same runs for contrast.
import { cpus, loadavg } from 'node:os'
import { startSampleServer } from '../../src/cli/demo/sample-server.js'
import { parseProfile } from '../../src/config/load-profile.js'
import type { Profile } from '../../src/config/profile.js'
import { decide } from '../../src/gate/decide.js'
import type { Verdict } from '../../src/gate/types.js'
import { localEnvironment, localGitContext } from '../../src/load/environment.js'
import { runLiveAb } from '../../src/load/live-ab.js'
import { runLoad } from '../../src/load/run-load.js'
import { runUntilDecided } from '../../src/sequential/run-until-decided.js'

const runs = Number(process.argv[2] ?? 10)
const driftRuns = Number(process.argv[3] ?? 5)
const environment = localEnvironment()
const git = localGitContext()
const SEARCH = 'GET /api/search?q=shoes'

const AUTO_PROFILE = `name: auto-ab
model: constant-vus
vus: 2
warmup: 1s
duration: 6s
rounds: auto
min-rounds: 6
max-duration: 90s
max-event-loop-lag: 5s
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
gate:
  metrics: [p50]
`
const DRIFT_PROFILE = `name: drift-ab
model: constant-vus
vus: 2
warmup: 1s
duration: 6s
rounds: 12
max-event-loop-lag: 5s
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
gate:
  metrics: [p50]
`

const profileOf = (yaml: string, target: URL): Profile =>
  parseProfile({ text: yaml, file: 'bench.yml', overrides: { target: target.href } })

async function autoRun(seed: number, slowdown: number) {
  const a = await startSampleServer({ seed })
  const b = await startSampleServer({ seed: seed + 1, slowdown: { '/api/search': slowdown } })
  try {
    const profile = profileOf(AUTO_PROFILE, b.url)
    const decideLook = (baseline: Parameters<typeof decide>[0]['candidate'], candidate: typeof baseline) =>
      decide({
        candidate,
        baseline: { kind: 'found', result: baseline },
        gate: profile.gate,
        budgets: {},
        pairing: 'abba',
      })
    const started = performance.now()
    const result = await runUntilDecided({
      profile,
      candidateTarget: b.url,
      baseline: { kind: 'live', target: a.url },
      measure: (piece, target, signal) => runLoad({ profile: { ...piece, target }, signal, environment, git }),
      decideLook,
    })
    const verdict = decide({
      candidate: result.candidate,
      baseline: { kind: 'found', result: result.baseline },
      gate: profile.gate,
      budgets: {},
      pairing: 'abba',
      sequential: result.monitor.conclusion(result.summary),
    })
    const seconds = (performance.now() - started) / 1000
    return { verdict, summary: result.summary, seconds, allAlphaSpent: result.monitor.finished }
  } finally {
    await Promise.all([a.close(), b.close()])
  }
}

async function driftRun(seed: number, slowdown: number) {
  const startMs = performance.now()
  const expectedMs = 2 * (1000 + 6000) + 22 * 250
  const drift = () => 1 + 0.3 * Math.min(1, (performance.now() - startMs) / expectedMs)
  const a = await startSampleServer({ seed, drift })
  const b = await startSampleServer({ seed: seed + 1, drift, slowdown: { '/api/search': slowdown } })
  try {
    const profile = profileOf(DRIFT_PROFILE, b.url)
    const measured = await runLiveAb({ profile, baselineTarget: a.url, candidateTarget: b.url, environment, git })
    const decideWith = (pairing: 'abba' | null): Verdict =>
      decide({
        candidate: measured.candidate,
        baseline: { kind: 'found', result: measured.baseline },
        gate: profile.gate,
        budgets: {},
        pairing,
      })
    return { paired: decideWith('abba'), unpaired: decideWith(null), drift: drift() }
  } finally {
    await Promise.all([a.close(), b.close()])
  }
}

const outcomeOf = (verdict: Verdict, endpoint: string) =>
  verdict.endpoints.find((e) => e.endpoint === endpoint)?.outcome.kind ?? 'missing'

async function main() {
  console.log(
    `# live A/B acceptance, ${new Date().toISOString()}, ${cpus()[0]?.model} × ${cpus().length}, Node ${process.version}`,
  )
  const table: string[] = []
  for (const [label, slowdown, want] of [
    ['A/A (identical servers)', 1, 'no-change'],
    ['search 25 % slower', 1.25, 'regression'],
  ] as const) {
    let hits = 0
    const rounds: number[] = []
    for (let run = 0; run < runs; run++) {
      const { verdict, summary, seconds, allAlphaSpent } = await autoRun(100 + 10 * run, slowdown)
      const hit = verdict.outcome === want
      if (hit) hits++
      rounds.push(summary.rounds)
      console.log(
        `auto ${label} run ${run + 1}: ${verdict.outcome} (search ${outcomeOf(verdict, SEARCH)}), ${summary.rounds} pairs, ${summary.looks} looks, stopped ${summary.stopped}${summary.stopped === 'decided' ? '' : allAlphaSpent ? ' (last look made)' : ' (NO last look)'}, ${seconds.toFixed(1)} s, load ${loadavg()[0]?.toFixed(1)}`,
      )
      if (!hit)
        for (const e of verdict.endpoints)
          for (const c of e.comparisons) console.log(`  ${e.endpoint}: ${c.explanation}`)
    }
    table.push(`| rounds: auto, ${label} | ${want} | ${hits} of ${runs} | ${rounds.join(', ')} |`)
  }
  for (const [label, slowdown] of [
    ['drift +30 %, A/A', 1],
    ['drift +30 %, search 25 % slower', 1.25],
  ] as const) {
    const paired: string[] = []
    const unpaired: string[] = []
    for (let run = 0; run < driftRuns; run++) {
      const result = await driftRun(300 + 10 * run, slowdown)
      paired.push(outcomeOf(result.paired, SEARCH))
      unpaired.push(outcomeOf(result.unpaired, SEARCH))
      console.log(
        `fixed 12 rounds, ${label} run ${run + 1}: paired ${result.paired.outcome} (search ${outcomeOf(result.paired, SEARCH)}), unpaired ${result.unpaired.outcome} (search ${outcomeOf(result.unpaired, SEARCH)}), final drift ×${result.drift.toFixed(2)}`,
      )
    }
    table.push(`| 12 rounds, ${label} | paired: ${paired.join(', ')} | unpaired: ${unpaired.join(', ')} | |`)
  }
  console.log('\n| case | expected / paired | result / unpaired | rounds (pairs) per run |\n| --- | --- | --- | --- |')
  for (const line of table) console.log(line)
}

await main()
