// Every exported function of src/stats names its method and source: its JSDoc has a `@see` (the brief's rule for the
// statistics folder), checked by reading the source files.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const STATS = join(import.meta.dirname, '../../src/stats')

/** [file, function name, its JSDoc (or '')] for every `export function` of the folder. */
function exportedFunctions(): [string, string, string][] {
  return readdirSync(STATS)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const text = readFileSync(join(STATS, file), 'utf8')
      return [...text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export function (\w+)/g)].map(
        (match): [string, string, string] => [file, match[2] as string, match[1] ?? ''],
      )
    })
}

describe('src/stats documentation', () => {
  it('finds the exported functions', () => {
    expect(exportedFunctions().length).toBeGreaterThanOrEqual(31)
  })

  it.each(exportedFunctions())('%s › %s names its source (@see) in its JSDoc', (_file, _name, doc) => {
    expect(doc).toMatch(/@see \S/)
  })
})
