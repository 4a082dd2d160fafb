// mode: merge — find and read the shard results named by `result-path`.
import { join } from 'node:path'
import { ConfigError } from '../config/errors.js'
import { parseRunResult } from '../results/codec.js'
import type { RunResult } from '../results/types.js'
import type { ActionDeps } from './ports.js'

/** Every `*.json` in a directory, or the listed files (comma or newline separated), parsed; at least one. */
export async function readShardResults(
  resultPath: string | undefined,
  deps: Pick<ActionDeps, 'files' | 'log'>,
): Promise<RunResult[]> {
  const entries = (resultPath ?? '')
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (entries.length === 0) {
    throw new ConfigError(
      'result-path',
      'mode: merge needs the shard results',
      'download each shard artifact into its own folder under one directory (actions/download-artifact with a pattern, no merge-multiple: every shard writes result.json) and set result-path to that directory',
    )
  }
  const files: string[] = []
  for (const entry of entries) {
    const listed = await deps.files.list(entry)
    if (listed === null) files.push(entry)
    else
      files.push(
        ...listed
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => join(entry, name)),
      )
  }
  if (files.length === 0) {
    throw new ConfigError(
      'result-path',
      `no shard result (*.json) in '${entries.join(', ')}'`,
      'check the download step',
    )
  }
  deps.log.info(`Merging ${files.length} shard results: ${files.join(', ')}`)
  return Promise.all(files.map(async (file) => parseRunResult(await deps.files.readText(file), file)))
}
