// The published JSON Schema of the RunResult file (format v1), generated from the zod schema that decodes it.
import * as z from 'zod'
import { FORMAT_VERSION, RunResultFileSchema } from './schema.js'

/** JSON Schema (draft 2020-12) of a RunResult file, for other tools that read Tailgate's results. */
export function resultJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:tailgate:result:1',
    title: `Tailgate RunResult (format ${FORMAT_VERSION})`,
    description:
      'One load run: per endpoint and round, HDR histograms of latency in microseconds (HdrHistogram V2 compressed, base64), status and error counts, run health, environment and git context.',
    ...z.toJSONSchema(RunResultFileSchema, { target: 'draft-2020-12', io: 'input' }),
  }
}
