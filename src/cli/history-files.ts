// Stored baselines given on the command line (`--history FILE`, repeatable): RunResult files or baseline bundles
// (a bundle's baseline and its history all count), for `tailgate compare` and `tailgate calibrate`.
import { parseBundle } from '../baseline/bundle.js'
import { ConfigError } from '../config/errors.js'
import type { RunResult } from '../results/types.js'
import type { CliIo } from './io.js'

/** The paths of a repeatable --history flag as parseArgs gives them (one string, or several). */
export function historyPaths(given: string | readonly string[] | undefined): readonly string[] {
  if (given === undefined) return []
  return typeof given === 'string' ? [given] : given
}

/** Reads every --history file; a file that cannot be read is a ConfigError naming it; bundle warnings go to stderr. */
export async function readHistoryFiles(io: CliIo, paths: readonly string[]): Promise<RunResult[]> {
  const runs: RunResult[] = []
  for (const path of paths) {
    let text: string
    try {
      text = await io.readText(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      throw new ConfigError('--history', `cannot read '${path}' (${code})`, 'check the path')
    }
    const bundle = parseBundle(text, path)
    for (const warning of bundle.warnings) io.stderr.write(`warning: ${warning}\n`)
    runs.push(bundle.current, ...bundle.history)
  }
  return runs
}
