// `tailgate import` (a k6, autocannon or Artillery output → a RunResult file) and `tailgate export --format bmf`
// (a RunResult file → Bencher Metric Format JSON). The lead wires both into main.ts.
import './analysis.js' // esbuild chunking hint (the shared analysis code in one chunk): see src/cli/analysis.ts
import { stat } from 'node:fs/promises'
import { ConfigError } from '../config/errors.js'
import { serializeBmf, toBmf } from '../export/bmf.js'
import { IMPORT_SOURCES, ImportError, type ImportSource, importRun } from '../import/index.js'
import { localEnvironment, localGitContext } from '../load/environment.js'
import { messageOf } from '../log.js'
import { parseRunResult, serializeRunResult } from '../results/codec.js'
import { ResultFormatError } from '../results/errors.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import type { CliIo } from './io.js'

/** `tailgate import --help`. */
export const IMPORT_HELP = `tailgate import --source k6|autocannon|artillery FILE... [--out result.json] [--rounds N]

Turns another load tool's output into a Tailgate RunResult file, for tailgate compare and the gate.

  k6          k6 run --out json=k6.json script.js  (NDJSON, .gz too; each request is a sample)
  autocannon  autocannon -j URL > run.json          (one summary per file: each file is one round)
  artillery   artillery run --output report.json script.yml  (one round per 10 s period)

Several files are several rounds (per endpoint, in the order given). autocannon and Artillery
report percentiles, not samples: their histograms are rebuilt from those percentiles.

Options:
  --source TOOL   k6 | autocannon | artillery (required)
  --out FILE      where to write the result (default: tailgate-result.json)
  --rounds N      k6 only: equal time windows per file (default 6)
  -h, --help      this help
`

/** `tailgate export --help`. */
export const EXPORT_HELP = `tailgate export --format bmf RESULT [--out FILE] [--prefix NAME]

Writes a RunResult file (from tailgate run or tailgate import) in another format.

  bmf   Bencher Metric Format JSON: one benchmark per endpoint with latency (p50), p95-latency and
        p99-latency in nanoseconds, throughput (requests/s) and error-rate; bounds are the
        smallest and largest per-round values. Schema: schema/bmf.schema.json.
        Use with: bencher run --adapter json --file FILE

Options:
  --format FORMAT   bmf (required)
  --out FILE        write here instead of stdout
  --prefix NAME     put 'NAME: ' before every benchmark name
  -h, --help        this help
`

/** Flags of `tailgate import` as parseArgs gives them (strings), plus the positional files. */
export interface ImportArgs {
  readonly source?: string
  readonly files: readonly string[]
  readonly out?: string
  readonly rounds?: string | number
}

/** Most k6 rounds accepted: more would leave too few requests per round to summarize. */
const MAX_ROUNDS = 100

/**
 * `tailgate import`: checks the flags and files (exit 2 with one message for any user mistake, before reading a
 * byte), imports, prints the import's warnings, writes the RunResult file and says where.
 */
export async function importCommand(args: ImportArgs, io: CliIo): Promise<ExitCode> {
  try {
    const source = importSource(args.source)
    if (args.files.length === 0) {
      throw new ConfigError(
        'FILE',
        'is missing',
        `pass the ${source} output file(s): tailgate import --source ${source} FILE`,
      )
    }
    const rounds = roundsFlag(args.rounds, source)
    for (const file of args.files) await ensureReadable(file)
    const { result, warnings } = await importRun({
      source,
      files: args.files,
      ...(rounds === undefined ? {} : { rounds }),
      readText: (path) => io.readText(path),
      environment: localEnvironment(),
      git: localGitContext(),
    })
    for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`)
    const outPath = await io.writeText(args.out ?? 'tailgate-result.json', serializeRunResult(result))
    const requests = result.endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0)
    io.stderr.write(
      `Imported ${requests} requests on ${result.endpoints.length} endpoint(s) in ${result.rounds.length} round(s) ` +
        `from ${args.files.length} ${source} file(s); result written to ${outPath}\n`,
    )
    return EXIT.pass
  } catch (error) {
    return userError(error, io)
  }
}

/** Flags of `tailgate export`. */
export interface ExportArgs {
  readonly format?: string
  readonly files: readonly string[]
  readonly out?: string
  readonly prefix?: string
}

/** `tailgate export --format bmf RESULT`: Bencher Metric Format JSON of a RunResult file, to stdout or --out. */
export async function exportCommand(args: ExportArgs, io: CliIo): Promise<ExitCode> {
  try {
    if (args.format !== 'bmf') {
      throw new ConfigError(
        '--format',
        args.format === undefined ? 'is missing' : `'${args.format}' is not an export format`,
        'use --format bmf (the verdict as JSON is tailgate compare --format json)',
      )
    }
    if (args.files.length !== 1) {
      throw new ConfigError(
        'RESULT',
        `takes one result file, got ${args.files.length}`,
        'tailgate export --format bmf result.json',
      )
    }
    const path = args.files[0]!
    await ensureReadable(path)
    const result = parseRunResult(await io.readText(path), path)
    const text = serializeBmf(toBmf(result, args.prefix ? { prefix: args.prefix } : {}))
    if (args.out) io.stderr.write(`BMF written to ${await io.writeText(args.out, text)}\n`)
    else io.stdout.write(text)
    return EXIT.pass
  } catch (error) {
    return userError(error, io)
  }
}

function importSource(value: string | undefined): ImportSource {
  if (value === undefined) {
    throw new ConfigError(
      '--source',
      'is missing',
      `pass the tool that wrote the files: --source ${IMPORT_SOURCES.join('|')}`,
    )
  }
  if (!(IMPORT_SOURCES as readonly string[]).includes(value)) {
    throw new ConfigError(
      '--source',
      `'${value}' is not a tool Tailgate imports`,
      `use one of ${IMPORT_SOURCES.join(', ')}`,
    )
  }
  return value as ImportSource
}

function roundsFlag(value: string | number | undefined, source: ImportSource): number | undefined {
  if (value === undefined) return undefined
  if (source !== 'k6') {
    throw new ConfigError(
      '--rounds',
      `applies to k6 only`,
      source === 'autocannon'
        ? 'each autocannon file is one round: pass several files'
        : 'Artillery rounds are its 10 s periods',
    )
  }
  const rounds = Number(value)
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
    throw new ConfigError('--rounds', `'${value}' is not a round count`, `write a whole number from 1 to ${MAX_ROUNDS}`)
  }
  return rounds
}

async function ensureReadable(path: string): Promise<void> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' })
  } catch (error) {
    throw new ConfigError(
      'FILE',
      `cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'check the path',
    )
  }
}

/** User mistakes (flags, files that are not the tool's output) exit 2 with one line; anything else rethrows. */
function userError(error: unknown, io: CliIo): ExitCode {
  if (error instanceof ConfigError || error instanceof ImportError || error instanceof ResultFormatError) {
    io.stderr.write(`tailgate: ${messageOf(error)}\n`)
    return EXIT.usage
  }
  throw error
}
