// Reads values at JSON paths (parsed by config/json-path.ts) for captures and checks, and compares JSON values.
export { parseJsonPath } from '../config/json-path.js'

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
