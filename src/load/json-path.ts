// A small JSON path for captures and checks: `$.data.items[0].id`, `data.items.0.id`, `$['odd key']`.

/** Splits a path into keys and indexes. Returns undefined for a path it cannot read. */
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

/**
 * The value at a parsed path, or undefined when any step is missing.
 * @example valueAtJsonPath({ a: [{ b: 1 }] }, ['a', 0, 'b']) // => 1
 */
export function valueAtJsonPath(root: unknown, segments: readonly (string | number)[]): unknown {
  let node = root
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[segment]
  }
  return node
}

/** Deep equality of JSON values (objects by keys, arrays by order). */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every((key) => jsonEquals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}
