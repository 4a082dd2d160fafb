// The set of HTTP statuses that mean "ready": parsed from text like "200-299,401" or "2xx".
import { ConfigError } from '../../config/errors.js'
import { TARGET_INPUTS } from './input-names.js'

/** A set of HTTP statuses, as inclusive ranges. */
export interface StatusSet {
  readonly ranges: readonly (readonly [number, number])[]
  has(status: number): boolean
  /** Canonical text, e.g. "200-299,401", for messages. */
  readonly text: string
}

/** Any 2xx. */
export const DEFAULT_READY_STATUS = '200-299'

const PART = /^(?:([1-5])xx|(\d{3})(?:\s*-\s*(\d{3}))?)$/i

/**
 * Parses a status set: comma-separated codes (`401`), ranges (`200-299`) and classes (`2xx`), all within 100-599.
 * Throws a ConfigError naming `field` and quoting the bad part.
 * @example parseStatusSet('2xx, 401').has(401) // => true
 */
export function parseStatusSet(text: string, field: string = TARGET_INPUTS.readyStatus): StatusSet {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  if (parts.length === 0)
    throw new ConfigError(field, 'no status given', `write e.g. ${DEFAULT_READY_STATUS} or 200,401`)
  const ranges = parts.map((part): readonly [number, number] => {
    const match = PART.exec(part)
    if (match === null) {
      throw new ConfigError(field, `'${part}' is not a status, a range or a class`, 'write e.g. 200-299,401 or 2xx')
    }
    if (match[1] !== undefined) return [Number(match[1]) * 100, Number(match[1]) * 100 + 99]
    const low = Number(match[2])
    const high = match[3] === undefined ? low : Number(match[3])
    if (low < 100 || high > 599 || high < low) {
      throw new ConfigError(field, `'${part}' is not within 100-599 (low to high)`, 'write e.g. 200-299,401')
    }
    return [low, high]
  })
  return statusSet(ranges)
}

/** A StatusSet from ranges or single codes, e.g. `statusSet([[200, 299], 401])`. */
export function statusSet(items: readonly (number | readonly [number, number])[]): StatusSet {
  const ranges = items.map((item): readonly [number, number] => (typeof item === 'number' ? [item, item] : item))
  return {
    ranges,
    has: (status) => ranges.some(([low, high]) => status >= low && status <= high),
    text: ranges.map(([low, high]) => (low === high ? String(low) : `${low}-${high}`)).join(','),
  }
}
