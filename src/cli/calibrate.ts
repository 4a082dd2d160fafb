// `tailgate calibrate`: A/A calibration from the command line. The same target is measured as both sides of a live
// A/B K times; prints the false-regression rate, the smallest detectable change and the recommended margin.
// The lead wires calibrateCommand into main.ts (and `mode: calibrate` in the action).
import './analysis.js' // esbuild chunking hint (the shared analysis code in one chunk): see src/cli/analysis.ts
import {
  calibrate,
  DEFAULT_CALIBRATION_RUNS,
  estimatedCalibrationMs,
  liveAbMeasure,
  MAX_CALIBRATION_RUNS,
} from '../calibrate/calibrate.js'
import { renderCalibrationJson, renderCalibrationMarkdown, renderCalibrationText } from '../calibrate/render.js'
import { ConfigError, isUserError } from '../config/errors.js'
import { readProfile } from '../config/load-profile.js'
import { formatMs } from '../config/units.js'
import { localEnvironment, localGitContext } from '../load/environment.js'
import { messageOf } from '../log.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { historyPaths, readHistoryFiles } from './history-files.js'
import type { CliIo } from './io.js'

/** `tailgate calibrate --help`. */
export const CALIBRATE_HELP = `tailgate calibrate <profile.yml> [--target URL] [--runs K] [--history FILE]... [--format text|json|markdown] [--out FILE]

A/A calibration: measures the same target as both sides of a live A/B (rounds interleaved
A B B A, as with baseline-target), K times, and decides each run with the profile's gate.
Reports, for this profile on this machine:
  - the false-regression rate: runs the gate would have failed though nothing changed
    (per endpoint and overall, with a 95 % Clopper-Pearson interval; expected at most alpha)
  - the smallest detectable change per endpoint and gated metric (half the width of the
    shift's 95 % interval; median and max over the runs)
  - a recommended gate.margin: the smallest that covers 90 % of those detectable changes
  - with 3+ stored baselines (--history), the job-to-job noise per endpoint and metric: the
    shift between CI jobs that A/A runs in one job cannot see

Run it where the gate runs (a CI runner), against a target that does not change meanwhile.
It takes about K x (2 x (duration + warm-up) + re-warm-ups): the profile's own run, twice, K times.

Options:
  --target URL      the target to measure (overrides the profile's target)
  --history FILE    a stored baseline of the base branch (RunResult or bundle; repeat)
  --runs K          A/A runs, 1 to ${MAX_CALIBRATION_RUNS} (default ${DEFAULT_CALIBRATION_RUNS}; 0 of 10 still allows a 31 % rate: use 30+ for a tight figure)
  --format FORMAT   text | json | markdown (default text)
  --out FILE        write the report there instead of stdout
  --quiet           no line per run
  -h, --help        this help

Exit codes: 0 done, 2 usage or configuration error (nothing measured), 130 interrupted
(the runs completed so far are reported).
`

/** Flags of `tailgate calibrate` as parseArgs gives them, plus the positional profile file. */
export interface CalibrateArgs {
  /** Positionals: exactly one profile file. */
  readonly files: readonly string[]
  readonly target?: string
  readonly runs?: string | number
  readonly format?: string
  readonly out?: string
  readonly quiet?: boolean
  /** Repeatable: stored baselines for the job-to-job noise. */
  readonly history?: string | readonly string[]
}

const FORMATS = ['text', 'json', 'markdown'] as const
type Format = (typeof FORMATS)[number]

const RENDERERS = {
  text: renderCalibrationText,
  json: renderCalibrationJson,
  markdown: renderCalibrationMarkdown,
} as const satisfies Record<Format, unknown>

/**
 * `tailgate calibrate`: checks the flags and the profile (exit 2 with one message for any user mistake, before any
 * load), runs the calibration with a line per run on stderr, and prints (or writes) the report.
 */
export async function calibrateCommand(args: CalibrateArgs, io: CliIo): Promise<ExitCode> {
  try {
    const path = profilePath(args.files)
    const runs = runsFlag(args.runs)
    const format = formatFlag(args.format)
    const profile = readProfile(path, args.target === undefined ? {} : { target: args.target })
    io.stderr.write(
      `Calibrating '${profile.id}': ${runs} A/A run(s) with ${profile.target.href} as both sides, ` +
        `${profile.rounds} rounds per side, about ${formatMs(estimatedCalibrationMs(profile, runs))} ...\n`,
    )
    const history = await readHistoryFiles(io, historyPaths(args.history))
    const report = await calibrate({
      profile,
      runs,
      history,
      measure: liveAbMeasure({ environment: localEnvironment(), git: localGitContext() }),
      signal: io.signal,
      ...(args.quiet
        ? {}
        : {
            onRun: ({ run, of, verdict }) =>
              io.stderr.write(`A/A run ${run}/${of}: ${verdict.outcome}${verdict.failed ? ' (would fail)' : ''}\n`),
          }),
    })
    const text = RENDERERS[format](report)
    if (args.out) io.stderr.write(`Calibration written to ${await io.writeText(args.out, text)}\n`)
    else io.stdout.write(text)
    return report.completedRuns < report.requestedRuns ? EXIT.interrupted : EXIT.pass
  } catch (error) {
    if (isUserError(error)) {
      io.stderr.write(`tailgate: ${messageOf(error)}\n`)
      return EXIT.usage
    }
    throw error
  }
}

function profilePath(files: readonly string[]): string {
  if (files.length === 0) {
    throw new ConfigError('profile', 'is missing', 'pass the profile file: tailgate calibrate tailgate.yml')
  }
  if (files.length > 1) {
    throw new ConfigError('profile', `takes one profile file, got ${files.length}`, 'tailgate calibrate tailgate.yml')
  }
  return files[0] as string
}

function runsFlag(value: string | number | undefined): number {
  if (value === undefined) return DEFAULT_CALIBRATION_RUNS
  const runs = Number(value)
  if (String(value).trim() === '' || !Number.isInteger(runs) || runs < 1 || runs > MAX_CALIBRATION_RUNS) {
    throw new ConfigError(
      '--runs',
      `'${value}' is not a run count`,
      `write a whole number from 1 to ${MAX_CALIBRATION_RUNS}`,
    )
  }
  return runs
}

function formatFlag(value: string | undefined): Format {
  if (value === undefined) return 'text'
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new ConfigError('--format', `'${value}' is not a calibration format`, `use one of ${FORMATS.join(', ')}`)
  }
  return value as Format
}
