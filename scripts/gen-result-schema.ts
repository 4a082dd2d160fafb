// Generates schema/result.schema.json (the published JSON Schema of the RunResult file, format v1) from its zod
// schema. Run: npx tsx scripts/gen-result-schema.ts   (test/results/schema.test.ts checks the committed file).
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { resultJsonSchema } from '../src/results/json-schema.js'

const out = fileURLToPath(new URL('../schema/result.schema.json', import.meta.url))
writeFileSync(out, `${JSON.stringify(resultJsonSchema(), null, 2)}\n`)
console.log(`wrote ${out}`)
