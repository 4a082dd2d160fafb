// The JSON path syntax of captures and checks: `$.data.items[0].id`, `data.items.0.id`, `$['odd key']`.
// Parsed when the profile loads (so a bad path is a ConfigError); evaluated in src/load/json-path.ts.

/**
 * Splits a path into keys and indexes. Returns undefined for a path it cannot read.
 * @example parseJsonPath('$.items[0].id') // => ['items', 0, 'id']
 */
export function parseJsonPath(path: string): (string | number)[] | undefined {
  const text = path.trim().replace(/^\$/, '')
  const segments: (string | number)[] = []
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]|^([^.[\]]+)/y
  let at = 0
  while (at < text.length) {
    pattern.lastIndex = at
    const match = pattern.exec(text)
    if (!match) return undefined
    if (match[2] !== undefined) segments.push(Number(match[2]))
    else {
      const key = (match[1] ?? match[3] ?? match[4] ?? match[5]) as string
      segments.push(/^\d+$/.test(key) ? Number(key) : key)
    }
    at = pattern.lastIndex
  }
  return segments
}
