// `tailgate demo`: two sample servers (main, and a PR that makes one endpoint ~30 % slower), measured side by side
// with interleaved rounds (ABBA, as the action's live A/B does), the verdict table and the comment markdown.

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

/** The demo's profile: an open model at 150 requests/s over three endpoints, 2 s warm-up, 6 rounds of 2 s a side. */
export const DEMO_PROFILE_YAML = `name: demo
model: constant-arrival-rate
rate: 150/s
warmup: 2s
duration: 12s
rounds: 6
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
  - method: POST
    path: /api/orders
    json: { sku: "A-1", quantity: 1 }
budgets:
  "*": ["p95 < 250ms", "error-rate < 1%"]
`

/** Which endpoint the candidate slows, and by how much. */
export const DEMO_SLOWDOWN: SampleServerOptions['slowdown'] = { '/api/search': 1.3 }

export interface DemoOptions {
  readonly io: CliIo
  /** Where the comment markdown is written; the HTML report goes beside it (same name, `.html`). */
  readonly outPath: string
  /** Override of the profile YAML (tests use a shorter one). */
  readonly profileYaml?: string
}

export async function runDemo({ io, outPath, profileYaml = DEMO_PROFILE_YAML }: DemoOptions): Promise<ExitCode> {
  const log = (line: string) => io.stderr.write(`${line}\n`)
  const main = await startSampleServer({ seed: 1 })
  const pr = await startSampleServer({ seed: 2, slowdown: DEMO_SLOWDOWN })
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
