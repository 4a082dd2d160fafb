// The last lines a child process wrote (stdout and stderr interleaved), redacted and bounded, for error messages.
import { noRedaction, type Redactor } from './redact.js'

/** Longest line kept, in characters; the rest of a longer line is cut. */
export const MAX_LINE_CHARS = 1000

/** A bounded buffer of the last `capacity` complete lines, per-stream partial lines kept until their newline. */
export interface OutputRing {
  /** Appends a chunk written by `stream` (any name, e.g. stdout or stderr). */
  push(stream: string, chunk: Buffer | string): void
  /** The kept lines, oldest first, each redacted; any unterminated partial lines are included at the end. */
  lines(): string[]
}

/**
 * Creates a ring of the last `capacity` lines. Memory is bounded by capacity × MAX_LINE_CHARS plus one partial
 * line per stream (also cut at MAX_LINE_CHARS).
 * @example const ring = createOutputRing(100); ring.push('stdout', 'listening\n'); ring.lines() // => ['listening']
 */
export function createOutputRing(capacity: number, redact: Redactor = noRedaction): OutputRing {
  const kept: string[] = []
  const partial = new Map<string, string>()
  const keep = (line: string) => {
    kept.push(redact(line.slice(0, MAX_LINE_CHARS).replace(/\r$/, '')))
    if (kept.length > capacity) kept.splice(0, kept.length - capacity)
  }
  return {
    push(stream, chunk) {
      const text = (partial.get(stream) ?? '') + chunk.toString()
      const parts = text.split('\n')
      const rest = parts.pop() ?? ''
      for (const line of parts) keep(line)
      partial.set(stream, rest.slice(0, MAX_LINE_CHARS))
    },
    lines() {
      const pending = [...partial.values()].filter((line) => line !== '').map((line) => redact(line))
      return [...kept, ...pending].slice(-capacity)
    },
  }
}
