// `tailgate report RESULT.json [--baseline B.json] [--history H.json …] --out report.html`: the self-contained
// HTML report of one run, with the verdict against a baseline (when given) and the base branch's trend.

import './analysis.js' // esbuild chunking hint (the shared analysis code in one chunk): see src/cli/analysis.ts
import { ConfigError } from '../config/errors.js'
import { DEFAULT_GATE } from '../config/gate-schema.js'
import { readProfile } from '../config/load-profile.js'
import { decide } from '../gate/decide.js'
import { renderHtml } from '../report/html/page.js'
import type { ReportInput } from '../report/types.js'
import { parseRunResult } from '../results/codec.js'
import { sourceOfResult } from '../results/provenance.js'
import type { RunResult } from '../results/types.js'
import { readOrExplain } from './compare.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import type { CliIo } from './io.js'
import { localReport } from './local-report.js'

export const REPORT_HELP = `tailgate report RESULT.json [--baseline B.json] [--history H.json ...] [--out report.html]

Writes one self-contained HTML file (no network needed to view it, no script): the verdict and why, run
health and latency per second, per endpoint the latency distribution, the rounds the gate compared with the
margin and confidence interval, and the base branch's p95 trend (from --history). Numbers are in tables under
every chart.

Options:
  --baseline FILE   the baseline RunResult to compare with (without it: a no-baseline report, budgets only)
  --history FILE    an earlier baseline of the base branch, for the trend (repeat the option for more)
  --profile FILE    take gate settings and budgets from this profile
  --out FILE        where to write the HTML (default: tailgate-report.html)
  -h, --help        this help
`

/** The command's options, for node:util parseArgs. */
export const REPORT_OPTIONS = {
  baseline: { type: 'string' },
  history: { type: 'string', multiple: true },
  profile: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

export interface ReportFlags {
  readonly files: readonly string[]
  readonly baseline?: string
  readonly history?: readonly string[]
  readonly profile?: string
  readonly out?: string
}

export async function reportCommand(flags: ReportFlags, io: CliIo): Promise<ExitCode> {
  if (flags.files.length !== 1) {
    throw new ConfigError(
      'RESULT.json',
      `expected one result file, got ${flags.files.length}`,
      'pass one RunResult file',
    )
  }
  const candidatePath = flags.files[0]!
  const read = async (path: string, what: string): Promise<RunResult> =>
    parseRunResult(await readOrExplain(io, path, what), path)
  const candidate = await read(candidatePath, 'RESULT.json')
  const baseline = flags.baseline === undefined ? null : await read(flags.baseline, '--baseline')
  const history = await Promise.all((flags.history ?? []).map((path) => read(path, '--history')))
  // The profile gives gate settings and budgets only; its target is never used here.
  const profile = flags.profile ? readProfile(flags.profile, { target: 'http://report.invalid' }) : null
  const gate = profile?.gate ?? DEFAULT_GATE
  const budgets = profile?.budgets ?? {}
  let input: ReportInput
  if (baseline !== null) {
    const compared = localReport({
      baseline,
      candidate,
      source: sourceOfResult(baseline, { store: 'file', reference: flags.baseline! }),
      gate,
      budgets,
      baselineLines: [`Baseline: file ${flags.baseline}.`],
      profileId: candidate.profileId,
      mode: 'cli',
    })
    const newestFirst = [...history].sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    input = { ...compared, baseline: { ...compared.baseline!, history: newestFirst } }
  } else {
    const reason = 'no baseline was given (tailgate report --baseline FILE compares with one)'
    input = {
      verdict: decide({ candidate, baseline: { kind: 'missing', reason }, gate, budgets, accepted: null }),
      candidate,
      baseline: null,
      baselineLines: [`No baseline: ${reason}.`],
      profileId: candidate.profileId,
      runUrl: null,
      accepted: null,
      mode: 'cli',
    }
  }
  const html = renderHtml(input)
  const written = await io.writeText(flags.out ?? 'tailgate-report.html', html)
  io.stderr.write(
    `HTML report (${input.verdict.outcome}, ${Math.ceil(html.length / 1024)} KiB) written to ${written}\n`,
  )
  return EXIT.pass
}
