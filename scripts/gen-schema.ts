// Generates schema/profile.schema.json (JSON Schema for editor autocompletion of tailgate.yml) from the zod
// profile schema. Run: npx tsx scripts/gen-schema.ts   (a test checks the committed file equals a fresh run).
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { profileJsonSchema } from '../src/config/profile-json-schema.js'

const out = fileURLToPath(new URL('../schema/profile.schema.json', import.meta.url))
writeFileSync(out, `${JSON.stringify(profileJsonSchema(), null, 2)}\n`)
console.log(`wrote ${out}`)
