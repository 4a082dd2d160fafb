// Several imported files of one tool become one run: each file's rounds are appended, endpoint by endpoint, so
// three autocannon runs of one URL are three rounds, and one run each of two URLs is two endpoints of one round.
import { ImportError } from './errors.js'
import type { ImportedRun, MutableRound } from './imported-run.js'

/** One parsed file and its name (for messages). */
export interface ImportedFile {
  readonly file: string
  readonly run: ImportedRun
}

/**
 * Appends the files' rounds per endpoint, in the order the files were given. Every endpoint must end up with the
 * same number of rounds (a RunResult has one round list); otherwise throws ImportError naming the endpoint, the
 * counts and the fix. Round windows are taken from the first endpoint's files, shifted to the earliest start.
 * Warnings are merged without duplicates.
 */
export function combineAsRounds(files: readonly ImportedFile[]): ImportedRun {
  const [first] = files
  if (!first) throw new RangeError('combineAsRounds needs at least one file')
  if (files.length === 1) return first.run
  const originMs = Math.min(...files.map((f) => Date.parse(f.run.startedAt)))
  const endpoints = new Map<string, MutableRound[]>()
  const windows = new Map<string, { startMs: number; durationMs: number }[]>()
  const firstFileOf = new Map<string, string>()
  for (const { file, run } of files) {
    const offsetMs = Date.parse(run.startedAt) - originMs
    for (const [name, rounds] of run.endpoints) {
      if (!endpoints.has(name)) {
        endpoints.set(name, [])
        windows.set(name, [])
        firstFileOf.set(name, file)
      }
      endpoints.get(name)!.push(...rounds)
      windows.get(name)!.push(...run.rounds.map((w) => ({ startMs: offsetMs + w.startMs, durationMs: w.durationMs })))
    }
  }
  const names = [...endpoints.keys()]
  const roundCount = endpoints.get(names[0]!)!.length
  for (const name of names) {
    const n = endpoints.get(name)!.length
    if (n !== roundCount) {
      throw new ImportError(
        { file: firstFileOf.get(name)!, line: 1 },
        `endpoint '${name}' has ${n} round(s) across the files but '${names[0]}' has ${roundCount}`,
        'give every endpoint the same number of runs: one file per round for each URL',
      )
    }
  }
  return {
    source: first.run.source,
    startedAt: new Date(originMs).toISOString(),
    rounds: windows.get(names[0]!)!.map((w, index) => ({ index, ...w })),
    endpoints,
    model: first.run.model,
    warnings: [...new Set(files.flatMap((f) => f.run.warnings))],
  }
}
