// The CLI's command dispatch: argv in, exit code out. Usage errors and config errors exit 2 with one message.
// Each command's module is imported when that command runs (a dynamic import(): its own chunk of dist/cli.js), so
// `--version`, `--help` and a small command like `compare` do not load the whole bundle first.
import { parseArgs } from 'node:util'
import { isUserError } from '../config/errors.js'
import { messageOf } from '../log.js'
import { ResultFormatError } from '../results/errors.js'
import { SampleFileError } from '../stats/sample-text.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import { COMPARE_HELP, DEMO_HELP, MAIN_HELP, RUN_HELP, SERVE_SAMPLE_HELP } from './help.js'
import type { CliIo } from './io.js'

// The flags of each command (node:util parseArgs options).
const RUN_FLAGS = {
  target: { type: 'string' },
  out: { type: 'string' },
  quiet: { type: 'boolean' },
  shard: { type: 'string' },
  'baseline-target': { type: 'string' },
  'baseline-out': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec

const CHECK_FLAGS = {
  target: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec

const COMPARE_FLAGS = {
  baseline: { type: 'string' },
  candidate: { type: 'string' },
  history: { type: 'string', multiple: true },
  format: { type: 'string' },
  profile: { type: 'string' },
  alpha: { type: 'string' },
  margin: { type: 'string' },
  'margin-ms': { type: 'string' },
  'fail-on': { type: 'string' },
  out: { type: 'string' },
  junit: { type: 'string' },
  alternative: { type: 'string' },
  method: { type: 'string' },
  'no-continuity': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec

const IMPORT_FLAGS = {
  source: { type: 'string' },
  out: { type: 'string' },
  rounds: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec

const EXPORT_FLAGS = {
  format: { type: 'string' },
  out: { type: 'string' },
  prefix: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec

const CALIBRATE_FLAGS = {
  target: { type: 'string' },
  runs: { type: 'string' },
  history: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec

const MERGE_FLAGS = { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } satisfies OptionSpec

/** Runs one CLI invocation; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(MAIN_HELP)
        return command === undefined ? EXIT.usage : EXIT.pass
      case '-v':
      case '--version':
        io.stdout.write(`${(await import('../version.js')).TAILGATE_VERSION}\n`)
        return EXIT.pass
      case 'run':
        return await runWithFlags(rest, io)
      case 'check':
        return await checkWithFlags(rest, io)
      case 'compare': {
        const { values, positionals } = parse(rest, COMPARE_FLAGS)
        if (values.help) return help(io, COMPARE_HELP)
        if (positionals.length > 0) return usage(io, `unexpected argument '${positionals[0]}'`, COMPARE_HELP)
        const { compareCommand } = await import('./compare.js')
        return await compareCommand(values, io)
      }
      case 'demo': {
        const { values } = parse(rest, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } })
        if (values.help) return help(io, DEMO_HELP)
        const { runDemo } = await import('./demo/demo.js')
        return await runDemo({ io, outPath: values.out ?? 'tailgate-report.md' })
      }
      case 'import': {
        const { IMPORT_HELP, importCommand } = await import('./import.js')
        return await filesCommand(rest, io, IMPORT_FLAGS, IMPORT_HELP, (options) => importCommand(options, io))
      }
      case 'export': {
        const { EXPORT_HELP, exportCommand } = await import('./import.js')
        return await filesCommand(rest, io, EXPORT_FLAGS, EXPORT_HELP, (options) => exportCommand(options, io))
      }
      case 'calibrate': {
        const { CALIBRATE_HELP, calibrateCommand } = await import('./calibrate.js')
        return await filesCommand(rest, io, CALIBRATE_FLAGS, CALIBRATE_HELP, (options) => calibrateCommand(options, io))
      }
      case 'merge': {
        const { MERGE_HELP, mergeCommand } = await import('./merge.js')
        return await filesCommand(rest, io, MERGE_FLAGS, MERGE_HELP, (options) => mergeCommand(options, io))
      }
      case 'report': {
        const { REPORT_HELP, REPORT_OPTIONS, reportCommand } = await import('./report.js')
        return await filesCommand(rest, io, REPORT_OPTIONS, REPORT_HELP, (options) => reportCommand(options, io))
      }
      case 'serve-sample':
        return await serveSample(rest, io)
      default:
        return usage(io, `unknown command '${command}'`, MAIN_HELP)
    }
  } catch (error) {
    return await failed(error, io)
  }
}

/** A command whose positionals are files (import, export, calibrate, merge, report): its flags, --help, then the run. */
async function filesCommand<T extends OptionSpec>(
  rest: readonly string[],
  io: CliIo,
  flags: T,
  helpText: string,
  run: (options: ReturnType<typeof parse<T>>['values'] & { files: string[] }) => Promise<ExitCode>,
): Promise<ExitCode> {
  const { values, positionals } = parse(rest, flags)
  if ((values as { help?: boolean }).help) return help(io, helpText)
  return await run({ ...values, files: positionals })
}

/** `tailgate run`: its flags and at most one profile. */
async function runWithFlags(rest: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(rest, RUN_FLAGS)
  if (values.help) return help(io, RUN_HELP)
  if (positionals.length > 1) return usage(io, `run takes one profile, got ${positionals.length}`, RUN_HELP)
  const { runCommand } = await import('./run.js')
  return await runCommand(positionals[0], values, io)
}

/** `tailgate check`: its flags and at most one profile. */
async function checkWithFlags(rest: readonly string[], io: CliIo): Promise<ExitCode> {
  const { CHECK_HELP, checkCommand } = await import('./check.js')
  const { values, positionals } = parse(rest, CHECK_FLAGS)
  if (values.help) return help(io, CHECK_HELP)
  if (positionals.length > 1) return usage(io, `check takes one profile, got ${positionals.length}`, CHECK_HELP)
  return await checkCommand(positionals[0], values, io)
}

/** A usage or user error: one line and exit 2; anything else is an internal error (stack with TAILGATE_DEBUG). */
async function failed(error: unknown, io: CliIo): Promise<ExitCode> {
  if (error instanceof UsageError) return usage(io, error.message, null)
  const userMistake =
    [ResultFormatError, SampleFileError].some((type) => error instanceof type) || (await isDifferenceOverflow(error))
  if (isUserError(error) || userMistake) {
    io.stderr.write(`tailgate: ${messageOf(error)}\n`)
    return EXIT.usage
  }
  io.stderr.write(`tailgate: internal error: ${messageOf(error)}\n`)
  if (process.env.TAILGATE_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`)
  return EXIT.internal
}

class UsageError extends Error {}

/** The statistics module (not small) is loaded for this check only when an error of that name got here. */
async function isDifferenceOverflow(error: unknown): Promise<boolean> {
  if (!(error instanceof RangeError) || error.name !== 'DifferenceOverflowError') return false
  return error instanceof (await import('../stats/hodges-lehmann.js')).DifferenceOverflowError
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>

function parse<T extends OptionSpec>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    // node's messages: "Unknown option '--tagret'", "Option '--out <value>' argument missing"
    throw new UsageError(messageOf(error).replace(/\. To specify a positional argument.*$/, ''))
  }
}

function help(io: CliIo, text: string): ExitCode {
  io.stdout.write(text)
  return EXIT.pass
}

function usage(io: CliIo, message: string, text: string | null): ExitCode {
  io.stderr.write(`tailgate: ${message}\n${text ? `\n${text}` : "Run 'tailgate --help' for usage.\n"}`)
  return EXIT.usage
}

/** `tailgate serve-sample [--port N] [--slow PREFIX=FACTOR]`: the demo's sample server, for workflows and manual tries. */
async function serveSample(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values } = parse(args, {
    port: { type: 'string' },
    slow: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help) return help(io, SERVE_SAMPLE_HELP)
  const slowdown: Record<string, number> = {}
  if (values.slow) {
    const [prefix, factor] = values.slow.split('=')
    if (!prefix || !(Number(factor) > 0)) throw new UsageError(`--slow takes PREFIX=FACTOR, e.g. /api/search=1.3`)
    slowdown[prefix] = Number(factor)
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number`)
  const { startSampleServer } = await import('./demo/sample-server.js')
  const server = await startSampleServer({ slowdown, port })
  io.stdout.write(`sample server listening on ${server.url.href}\n`)
  await new Promise<void>((resolve) => io.signal.addEventListener('abort', () => resolve(), { once: true }))
  await server.close()
  return EXIT.pass
}
