// `tailgate merge`: add the shards of one run (RunResult files) into one result; HDR histograms add exactly.
import './analysis.js' // esbuild chunking hint (the shared analysis code in one chunk): see src/cli/analysis.ts
import { ConfigError } from '../config/errors.js'
import { parseRunResult, serializeRunResult } from '../results/codec.js'
import { mergeRunResults } from '../results/merge.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import type { CliIo } from './io.js'

export const MERGE_HELP = `tailgate merge SHARD.json... [--out merged.json]

Adds the RunResult files of the shards of one run (tailgate run --shard i/N, or the action's shard input)
into one result: histograms, counts and rates add. Shards of different profiles are refused.
`

export async function mergeCommand(args: { files: readonly string[]; out?: string }, io: CliIo): Promise<ExitCode> {
  if (args.files.length === 0) throw new ConfigError('SHARD.json', 'is missing', 'pass the shard result files')
  const results = await Promise.all(
    args.files.map(async (file) => {
      let text: string
      try {
        text = await io.readText(file)
      } catch (error) {
        throw new ConfigError(
          'SHARD.json',
          `cannot read '${file}' (${(error as NodeJS.ErrnoException).code})`,
          'check the path',
        )
      }
      return parseRunResult(text, file)
    }),
  )
  const merged = mergeRunResults(results)
  const out = await io.writeText(args.out ?? 'tailgate-result.json', serializeRunResult(merged))
  const requests = merged.endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0)
  io.stderr.write(`Merged ${results.length} shards: ${requests} requests; result written to ${out}\n`)
  return EXIT.pass
}
