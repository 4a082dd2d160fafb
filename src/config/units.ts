// Parsing of human units in profiles and inputs: durations ("500ms", "10s", "2m", "1h30m") and percentages ("5%").

const DURATION_UNITS_MS = { us: 0.001, µs: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const
const DURATION_PART = /(\d+(?:\.\d+)?)\s*(us|µs|ms|s|m|h)/gy

/** The hint shown with every bad duration. */
export const DURATION_HINT = 'write a number with a unit, e.g. 500ms, 10s, 2m or 1h30m'

/**
 * Parses a duration into milliseconds. Accepts a bare number as milliseconds only when `bareNumberUnit` says so.
 * Returns undefined when the text is not a duration (the caller builds the ConfigError with the field name).
 * @example parseDurationMs('1m30s') // => 90000
 */
export function parseDurationMs(text: string | number, bareNumberUnit: 'ms' | 's' | null = null): number | undefined {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0 || bareNumberUnit === null) return undefined
    return bareNumberUnit === 's' ? text * 1000 : text
  }
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    if (bareNumberUnit === null) return undefined
    const n = Number(trimmed)
    return bareNumberUnit === 's' ? n * 1000 : n
  }
  let totalMs = 0
  let consumed = 0
  DURATION_PART.lastIndex = 0
  for (let match = DURATION_PART.exec(trimmed); match !== null; match = DURATION_PART.exec(trimmed)) {
    totalMs += Number(match[1]) * DURATION_UNITS_MS[match[2] as keyof typeof DURATION_UNITS_MS]
    consumed = DURATION_PART.lastIndex
    while (trimmed[consumed] === ' ') consumed++
    DURATION_PART.lastIndex = consumed
  }
  return consumed === trimmed.length && consumed > 0 ? totalMs : undefined
}

/**
 * Parses a percentage ("5%", "0.5 %") into a fraction (0.05). A bare number is read as a fraction only when it is
 * at most 1; otherwise undefined.
 */
export function parsePercentFraction(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 && text <= 1 ? text : undefined
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text)
  if (match) return Number(match[1]) / 100
  const n = Number(text.trim())
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined
}

/** Formats milliseconds for people: 850 µs, 12.3 ms, 1.20 s. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms)
  const abs = Math.abs(ms)
  if (abs < 1) return `${Math.round(ms * 1000)} µs`
  if (abs < 10) return `${ms.toFixed(2)} ms`
  if (abs < 1000) return `${ms.toFixed(1)} ms`
  return `${(ms / 1000).toFixed(2)} s`
}
