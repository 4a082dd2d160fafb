// `tailgate compare`: two RunResult files (per-endpoint verdict) or two plain sample files (the test itself).
import './analysis.js' // esbuild chunking hint (the shared analysis code in one chunk): see src/cli/analysis.ts
import { parseBundle } from '../baseline/bundle.js'
import { ConfigError } from '../config/errors.js'
import { DEFAULT_GATE, FAIL_ON, type FailOn, type GateSettings } from '../config/gate-schema.js'
import { parseDurationMs, parsePercentFraction } from '../config/units.js'
import { renderJsonReport } from '../report/json.js'
import { renderJunit } from '../report/junit.js'
import { renderMarkdown } from '../report/markdown.js'
import { renderTerminal } from '../report/terminal.js'
import { parseRunResult } from '../results/codec.js'
import { sourceOfResult } from '../results/provenance.js'
import type { RunResult } from '../results/types.js'
import { compareSamples, parseSampleText } from '../stats/sample-comparison.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { historyPaths, readHistoryFiles } from './history-files.js'
import type { CliIo } from './io.js'
import { localReport } from './local-report.js'

export interface CompareFlags {
  readonly baseline?: string
  readonly candidate?: string
  /** Repeatable: one path per --history. */
  readonly history?: string | readonly string[]
  readonly format?: string
  readonly profile?: string
  readonly alpha?: string
  readonly margin?: string
  readonly 'margin-ms'?: string
  readonly 'fail-on'?: string
  readonly out?: string
  /** Also write the verdict as JUnit XML here (one test case per endpoint and gated metric). */
  readonly junit?: string
  readonly alternative?: string
  readonly method?: string
  readonly 'no-continuity'?: boolean
}

const FORMATS = ['markdown', 'json', 'text'] as const
const ALTERNATIVES = ['two-sided', 'less', 'greater'] as const
const METHODS = ['auto', 'exact', 'asymptotic'] as const

export async function compareCommand(flags: CompareFlags, io: CliIo): Promise<ExitCode> {
  const baselinePath = required(flags.baseline, 'baseline')
  const candidatePath = required(flags.candidate, 'candidate')
  const format = oneOf(flags.format ?? (io.stdout.isTTY ? 'text' : 'markdown'), 'format', FORMATS)
  const [baselineText, candidateText] = await Promise.all([
    readOrExplain(io, baselinePath, '--baseline'),
    readOrExplain(io, candidatePath, '--candidate'),
  ])
  if (looksLikeRunResult(baselineText) || looksLikeRunResult(candidateText)) {
    // A baseline bundle (as the stores save it) carries its history; a bare RunResult file has none.
    const bundle = parseBundle(baselineText, baselinePath)
    for (const warning of bundle.warnings) io.stderr.write(`warning: ${warning}\n`)
    const candidate = parseRunResult(candidateText, candidatePath)
    const history = [...bundle.history, ...(await readHistoryFiles(io, historyPaths(flags.history)))]
    return compareRuns({ baseline: bundle.current, history, candidate, baselinePath, flags, format, io })
  }
  if (historyPaths(flags.history).length > 0) {
    throw new ConfigError('--history', 'applies to RunResult files only', 'drop --history when comparing sample files')
  }
  const result = compareSamples(
    parseSampleText(baselineText, baselinePath),
    parseSampleText(candidateText, candidatePath),
    {
      alternative: oneOf(flags.alternative ?? 'two-sided', 'alternative', ALTERNATIVES),
      method: oneOf(flags.method ?? 'auto', 'method', METHODS),
      continuity: !flags['no-continuity'],
    },
  )
  io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  return EXIT.pass
}

interface CompareRunsArgs {
  readonly baseline: RunResult
  readonly history: readonly RunResult[]
  readonly candidate: RunResult
  readonly baselinePath: string
  readonly flags: CompareFlags
  readonly format: (typeof FORMATS)[number]
  readonly io: CliIo
}

async function compareRuns({
  baseline,
  history,
  candidate,
  baselinePath,
  flags,
  format,
  io,
}: CompareRunsArgs): Promise<ExitCode> {
  // The profile gives gate settings and budgets only; its target is never used here. The profile parser (and
  // the YAML library) loads only when a profile is given.
  const profile = flags.profile
    ? (await import('../config/load-profile.js')).readProfile(flags.profile, { gateOnly: true })
    : null
  const input = localReport({
    baseline,
    history,
    candidate,
    source: sourceOfResult(baseline, { store: 'file', reference: baselinePath }),
    gate: gateFromFlags(profile?.gate ?? DEFAULT_GATE, flags),
    budgets: profile?.budgets ?? {},
    baselineLines: [`Baseline: file ${baselinePath}.`],
    profileId: candidate.profileId,
    mode: 'cli',
  })
  const { verdict } = input
  const markdown = renderMarkdown(input)
  if (flags.out) await io.writeText(flags.out, markdown)
  if (flags.junit) await io.writeText(flags.junit, renderJunit(input))
  switch (format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(renderJsonReport(input), null, 2)}\n`)
      break
    case 'markdown':
      io.stdout.write(`${markdown}\n`)
      break
    case 'text':
      io.stdout.write(`${renderTerminal(input)}\n`)
      break
  }
  return verdict.failed ? EXIT.gateFailed : EXIT.pass
}

function gateFromFlags(base: GateSettings, flags: CompareFlags): GateSettings {
  const alpha = flags.alpha === undefined ? base.alpha : Number(flags.alpha)
  if (!(alpha > 0 && alpha < 1))
    throw new ConfigError('--alpha', `'${flags.alpha}' is not a probability`, 'write e.g. 0.05')
  const marginRelative = flags.margin === undefined ? base.marginRelative : parsePercentFraction(flags.margin)
  if (marginRelative === undefined)
    throw new ConfigError('--margin', `'${flags.margin}' is not a percentage`, 'write e.g. 5%')
  const marginAbsoluteMs =
    flags['margin-ms'] === undefined ? base.marginAbsoluteMs : parseDurationMs(flags['margin-ms'], 'ms')
  if (marginAbsoluteMs === undefined) {
    throw new ConfigError('--margin-ms', `'${flags['margin-ms']}' is not a duration`, 'write e.g. 1ms')
  }
  const failOn =
    flags['fail-on'] === undefined
      ? base.failOn
      : flags['fail-on']
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((item) => oneOf(item, 'fail-on', FAIL_ON) as FailOn)
  return { ...base, alpha, marginRelative, marginAbsoluteMs, failOn }
}

function looksLikeRunResult(text: string): boolean {
  return /^\s*\{/.test(text)
}

/** Reads a file named by `field` (`--baseline`, `RESULT.json`); a read error becomes a ConfigError naming both. */
export async function readOrExplain(io: CliIo, path: string, field: string): Promise<string> {
  try {
    return await io.readText(path)
  } catch (error) {
    throw new ConfigError(
      field,
      `cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'check the path',
    )
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new ConfigError(`--${flag}`, 'is missing', `pass --${flag} FILE (see tailgate compare --help)`)
  return value
}

function oneOf<T extends string>(value: string, flag: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`--${flag}`, `'${value}' is not valid`, `use one of ${allowed.join(', ')}`)
  }
  return value as T
}
