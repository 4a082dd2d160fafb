// The RunResult file every measuring mode writes (`<output-dir>/result.json`) and announces in the outputs.
import { join } from 'node:path'
import { serializeRunResult } from '../results/codec.js'
import type { RunResult } from '../results/types.js'
import type { ActionDeps } from './ports.js'

/** Writes `result` to `<outputDir>/result.json`, sets the `result-path` output and returns the absolute path. */
export async function writeResult(
  result: RunResult,
  outputDir: string,
  deps: Pick<ActionDeps, 'files' | 'outputs'>,
): Promise<string> {
  const path = await deps.files.writeText(join(outputDir, 'result.json'), serializeRunResult(result))
  deps.outputs.set('result-path', path)
  return path
}
