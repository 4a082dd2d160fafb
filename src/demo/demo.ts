// `tailgate demo`: a sample server, a baseline run, a ~30 %-slower candidate, the verdict table and the comment.

import { localEnvironment } from '../cli/environment.js'
import { EXIT, type ExitCode } from '../cli/exit-codes.js'
import type { CliIo } from '../cli/io.js'
import { parseProfile } from '../config/load-profile.js'
import type { Profile } from '../config/profile.js'
import { decide } from '../gate/decide.js'
import { runLoad } from '../load/run-load.js'
import { renderMarkdown } from '../report/markdown.js'
import { renderTerminal } from '../report/terminal.js'
import type { ReportInput } from '../report/types.js'
import type { GitContext, RunResult } from '../results/types.js'
import { type SampleServerOptions, startSampleServer } from './sample-server.js'

/** The demo's profile: an open model at 150 requests/s over three endpoints, 2 s warm-up, 6 rounds of 2 s. */
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
  /** Where the comment markdown is written. */
  readonly outPath: string
  /** Override of the profile YAML (tests use a shorter one). */
  readonly profileYaml?: string
}

export async function runDemo({ io, outPath, profileYaml = DEMO_PROFILE_YAML }: DemoOptions): Promise<ExitCode> {
  const log = (line: string) => io.stderr.write(`${line}\n`)
  log('Tailgate demo: a sample server on 127.0.0.1; the candidate makes GET /api/search about 30% slower.')
  const baseline = await measure({ io, profileYaml, serverOptions: {}, label: 'baseline', branch: 'main', log })
  if (io.signal.aborted) return EXIT.interrupted
  const candidate = await measure({
    io,
    profileYaml,
    serverOptions: { slowdown: DEMO_SLOWDOWN, seed: 7 },
    label: 'candidate',
    branch: 'feature/slow-search',
    log,
  })
  if (io.signal.aborted) return EXIT.interrupted

  const profile = parseProfile({
    text: profileYaml,
    file: 'demo-profile.yml',
    overrides: { target: 'http://127.0.0.1' },
  })
  const verdict = decide({
    candidate,
    baseline: { kind: 'found', result: baseline },
    gate: profile.gate,
    budgets: profile.budgets,
    accepted: null,
  })
  const input: ReportInput = {
    verdict,
    candidate,
    baseline: {
      result: baseline,
      history: [],
      source: {
        store: 'file',
        reference: 'demo baseline (measured just now)',
        branch: 'main',
        sha: baseline.git.sha,
        exactSha: true,
        measuredAt: baseline.startedAt,
        commitsBehind: 0,
        runId: null,
      },
    },
    baselineLines: ['Baseline: measured just now against the unmodified sample server.'],
    profileId: profile.id,
    runUrl: null,
    accepted: null,
    mode: 'demo',
  }
  io.stdout.write(`\n${renderTerminal(input)}\n`)
  const written = await io.writeText(outPath, renderMarkdown(input))
  log(`\nThe PR comment markdown is in ${written}.`)
  log(
    verdict.failed
      ? 'In CI this step would fail (exit 1) and block the merge.'
      : 'In CI this step would pass (exit 0).',
  )
  return EXIT.pass
}

interface MeasureArgs {
  readonly io: CliIo
  readonly profileYaml: string
  readonly serverOptions: SampleServerOptions
  readonly label: string
  readonly branch: string
  readonly log: (line: string) => void
}

async function measure({ io, profileYaml, serverOptions, label, branch, log }: MeasureArgs): Promise<RunResult> {
  const server = await startSampleServer(serverOptions)
  try {
    const profile: Profile = parseProfile({
      text: profileYaml,
      file: 'demo-profile.yml',
      overrides: { target: server.url.href },
    })
    log(`Measuring the ${label} (${(profile.warmupMs + profile.durationMs) / 1000} s) against ${server.url.href} ...`)
    return await runLoad({ profile, signal: io.signal, environment: localEnvironment(), git: demoGit(branch) })
  } finally {
    await server.close()
  }
}

function demoGit(branch: string): GitContext {
  return { repository: 'demo/app', ref: `refs/heads/${branch}`, branch, sha: null, runId: null, workflow: 'demo' }
}
