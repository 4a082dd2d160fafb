// `tailgate demo`: two sample servers (main, and a PR that makes one endpoint ~30 % slower), measured side by side
// with interleaved rounds (ABBA, as the action's live A/B does), the verdict table and the comment markdown.

import '../analysis.js' // esbuild chunking hint (the shared analysis code in one chunk): see src/cli/analysis.ts
import { parseProfile } from '../../config/load-profile.js'
import { localEnvironment } from '../../load/environment.js'
import { runLiveAb } from '../../load/live-ab.js'
import { renderHtml } from '../../report/html/page.js'
import { renderMarkdown } from '../../report/markdown.js'
import { renderTerminal } from '../../report/terminal.js'
import { sourceOfResult } from '../../results/provenance.js'
import type { GitContext, RunResult } from '../../results/types.js'
import { EXIT, type ExitCode } from '../exit-codes.js'
import type { CliIo } from '../io.js'
import { localReport } from '../local-report.js'
import { type SampleServerOptions, startSampleServer } from './sample-server.js'

/**
 * The demo's profile: 8 virtual users over three endpoints, 2 s warm-up, 16 rounds of 1 s a side, gated on p50.
 * The demo runs where its user runs it, often a busy laptop or a shared CI runner, with both sample servers in the
 * generator's own process, so it is built to give its answer there too (10 of 10 demos found the regression with
 * both cores kept busy by `scripts/cpu-hog.sh` on a machine shared with other jobs):
 * - a closed model (virtual users): a starved process sends later instead of falling behind a schedule, which
 *   would make the run invalid evidence;
 * - event-loop lag accepted up to 1 s at p99 (still measured and reported): the rounds are interleaved
 *   (A B B A), so a busy machine slows both sides alike. A profile's default stays 50 ms, where a lagging
 *   generator is invalid evidence for a real service on another machine;
 * - the p50 of 16 rounds a side: the median is what scheduler stalls move least, and 16 A/B pairs let the rank
 *   test tolerate a few pairs that a burst of load disturbed (with 12, 1 demo of 3 under the hog read the +33 %
 *   search as "no regression": signed-rank p 0.017, 0.051 after Holm over the 3 endpoints);
 * - service times 3× those of `serve-sample` (DEMO_LATENCY_SCALE): the 30 % slowdown is then about +16 ms, well
 *   above the 10–20 ms a busy core adds.
 */
export const DEMO_PROFILE_YAML = `name: demo
model: constant-vus
vus: 8
warmup: 2s
duration: 16s
rounds: 16
max-event-loop-lag: 1s
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
  - method: POST
    path: /api/orders
    json: { sku: "A-1", quantity: 1 }
budgets:
  "*": ["p95 < 250ms", "error-rate < 1%"]
gate:
  metrics: [p50]
`

/** Which endpoint the candidate slows, and by how much. */
export const DEMO_SLOWDOWN: SampleServerOptions['slowdown'] = { '/api/search': 1.3 }

/** The demo's sample servers answer 3× slower than `serve-sample` (search: 54 ms), so +30 % stands above a busy core. */
export const DEMO_LATENCY_SCALE = 3

export interface DemoOptions {
  readonly io: CliIo
  /** Where the comment markdown is written; the HTML report goes beside it (same name, `.html`). */
  readonly outPath: string
  /** Override of the profile YAML (tests use a shorter one). */
  readonly profileYaml?: string
}

export async function runDemo({ io, outPath, profileYaml = DEMO_PROFILE_YAML }: DemoOptions): Promise<ExitCode> {
  const log = (line: string) => io.stderr.write(`${line}\n`)
  const main = await startSampleServer({ seed: 1, latencyScale: DEMO_LATENCY_SCALE })
  const pr = await startSampleServer({ seed: 2, latencyScale: DEMO_LATENCY_SCALE, slowdown: DEMO_SLOWDOWN })
  let baseline: RunResult
  let candidate: RunResult
  const profile = parseProfile({ text: profileYaml, file: 'demo-profile.yml', overrides: { target: main.url.href } })
  try {
    log('Tailgate demo: two sample servers on 127.0.0.1 — main, and a PR that makes GET /api/search ~30% slower.')
    log(
      `Measuring both side by side: ${profile.rounds} rounds each, interleaved A B B A …, ` +
        `about ${Math.round((2 * (profile.durationMs + profile.warmupMs)) / 1000 + profile.rounds * 0.5)} s ...`,
    )
    const measured = await runLiveAb({
      profile,
      baselineTarget: main.url,
      candidateTarget: pr.url,
      signal: io.signal,
      environment: localEnvironment(),
      git: demoGit('main'),
    })
    baseline = { ...measured.baseline, git: demoGit('main') }
    candidate = { ...measured.candidate, git: demoGit('feature/slow-search') }
  } finally {
    await Promise.all([main.close(), pr.close()])
  }
  if (io.signal.aborted) return EXIT.interrupted

  const input = localReport({
    baseline,
    candidate,
    design: 'live-ab',
    source: sourceOfResult(baseline, {
      store: 'live-ab',
      reference: `${main.url.href} (main) vs ${pr.url.href} (PR), rounds interleaved ABBA`,
    }),
    gate: profile.gate,
    budgets: profile.budgets,
    baselineLines: ['Baseline: measured live, side by side with the candidate (rounds interleaved A B B A).'],
    profileId: profile.id,
    mode: 'demo (live A/B)',
    pairing: 'abba',
  })
  const { verdict } = input
  io.stdout.write(`\n${renderTerminal(input)}\n`)
  const written = await io.writeText(outPath, renderMarkdown(input))
  const html = await io.writeText(htmlPathFor(outPath), renderHtml(input))
  log(`\nThe PR comment markdown is in ${written}.`)
  log(`Open the full report (one self-contained HTML file): ${html}`)
  log(
    verdict.failed
      ? 'In CI this step would fail (exit 1) and block the merge.'
      : 'In CI this step would pass (exit 0).',
  )
  return EXIT.pass
}

/** The HTML report's path beside the markdown: `report.md` → `report.html`. */
export function htmlPathFor(markdownPath: string): string {
  return markdownPath.endsWith('.md') ? `${markdownPath.slice(0, -3)}.html` : `${markdownPath}.html`
}

function demoGit(branch: string): GitContext {
  return { repository: 'demo/app', ref: `refs/heads/${branch}`, branch, sha: null, runId: null, workflow: 'demo' }
}
