// Generates schema/report.schema.json (the JSON report's published schema) from the zod report schema.
// Run: npx tsx scripts/gen-report-schema.ts   (test/report/json.test.ts checks the committed file equals a fresh run).
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { reportJsonSchema } from '../src/report/json-schema.js'

const out = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url))
writeFileSync(out, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`)
console.log(`wrote ${out}`)
