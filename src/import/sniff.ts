// Guesses which tool wrote a file from its first bytes, so that a file given with the wrong --source gets a message
// that names the right one.
import type { ImportSource } from './imported-run.js'

/** The tool whose output `head` (the first few KB of a file) looks like, or null when none fits. */
export function sniffSource(head: string): ImportSource | 'tailgate' | null {
  const firstLine = head.split('\n', 1)[0]?.trim() ?? ''
  if (/^\{"(type|metric)":"(Metric|Point|[a-z_]+)"/.test(firstLine) && /"type":"(Metric|Point)"/.test(firstLine)) {
    return 'k6'
  }
  if (head.includes('"formatVersion"')) return 'tailgate'
  if (head.includes('"aggregate"') || head.includes('"intermediate"')) return 'artillery'
  if (head.includes('"statusCodeStats"') || (head.includes('"latency"') && head.includes('"2xx"'))) return 'autocannon'
  return null
}

/** The fix line for a file that is not `expected`'s output: names the tool it looks like, when one fits. */
export function wrongToolFix(head: string, expected: ImportSource, howToMake: string): string {
  const guess = sniffSource(head)
  if (guess === 'tailgate') return 'this is a Tailgate result already: use it directly with tailgate compare'
  if (guess !== null && guess !== expected) return `this looks like ${guess} output: use --source ${guess}`
  return howToMake
}
