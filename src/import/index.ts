// Entry of the importers: files of one tool → one RunResult (several files are several rounds), with warnings.
import { readFile } from 'node:fs/promises'
import { importArtillery } from './artillery.js'
import { importAutocannon } from './autocannon.js'
import { combineAsRounds, type ImportedFile } from './combine.js'
import {
  type ImportContext,
  type ImportedRun,
  type ImportOutcome,
  type ImportSource,
  toRunResult,
} from './imported-run.js'
import { importK6 } from './k6.js'
import type { OpenStream } from './lines.js'

export { ImportError } from './errors.js'
export { IMPORT_SOURCES, type ImportOutcome, type ImportSource } from './imported-run.js'

/** What to import and how: the tool, its files, k6's round count, and the file readers (real files by default). */
export interface ImportOptions extends ImportContext {
  readonly source: ImportSource
  /** One or more output files of that tool, in round order. */
  readonly files: readonly string[]
  /** k6 only: equal time windows per file (default 6). */
  readonly rounds?: number
  /** Reads a whole file (autocannon, Artillery); defaults to fs.readFile as UTF-8. */
  readonly readText?: (path: string) => Promise<string>
  /** Opens a file as a byte stream (k6); defaults to fs.createReadStream. */
  readonly openStream?: (path: string) => ReturnType<OpenStream>
}

/**
 * Imports the files and returns a RunResult with the import's warnings. Several files become several rounds (per
 * endpoint, in file order; see combineAsRounds). Throws ImportError for a file that is not the tool's output.
 */
export async function importRun(options: ImportOptions): Promise<ImportOutcome> {
  const readText = options.readText ?? ((path: string) => readFile(path, 'utf8'))
  const files: ImportedFile[] = []
  for (const file of options.files) files.push({ file, run: await importOne(options, file, readText) })
  const run = combineAsRounds(files)
  return toRunResult({ ...run, warnings: [...run.warnings, ...sourceWarnings(run)] }, options)
}

async function importOne(
  options: ImportOptions,
  file: string,
  readText: (path: string) => Promise<string>,
): Promise<ImportedRun> {
  switch (options.source) {
    case 'k6': {
      const open = options.openStream
      return importK6({
        file,
        ...(options.rounds === undefined ? {} : { rounds: options.rounds }),
        ...(open ? { open: () => open(file) } : {}),
      })
    }
    case 'autocannon':
      return importAutocannon(await readText(file), file)
    case 'artillery':
      return importArtillery(await readText(file), file)
  }
}

/**
 * Rounds per side below which the gate can never call a regression: the exact one-sided Mann-Whitney p on k rounds
 * per side is at least 1/C(2k, k), i.e. 1/20 = 0.05 for k = 3, which never beats alpha = 0.05 (1/70 for k = 4).
 */
export const ROUNDS_FOR_REGRESSIONS = 4

/** What the reader of an imported result must know, by tool. */
function sourceWarnings(run: ImportedRun): string[] {
  const rounds = run.rounds.length
  const few = (how: string) =>
    rounds < ROUNDS_FOR_REGRESSIONS
      ? [
          `only ${rounds} round(s): the gate compares rounds, and fewer than ${ROUNDS_FOR_REGRESSIONS} per side ` +
            `can never show a regression (the exact test's smallest p is 1/C(2k, k)): verdicts will be inconclusive, ` +
            `budgets still apply; ${how}`,
        ]
      : []
  switch (run.source) {
    case 'k6':
      return []
    case 'autocannon':
      return [
        'autocannon writes no per-request samples: each latency histogram is rebuilt from the 15 percentiles it ' +
          'reports (exact at those percentiles, linear in between), and each file is one round',
        ...few('import several autocannon runs of the same URL, one file per round'),
      ]
    case 'artillery':
      return [
        'Artillery writes no per-request samples: each latency histogram is rebuilt from the percentiles it reports ' +
          '(min, p50-p999, max), one round per 10 s reporting period (the first and last are usually partial)',
        ...few(`run Artillery for at least ${ROUNDS_FOR_REGRESSIONS * 10 + 10} s, or import several reports`),
      ]
  }
}
