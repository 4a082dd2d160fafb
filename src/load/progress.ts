// Progress output: log lines for the Actions log (via the Log port) and a one-line bar for a terminal, both fed
// by the engine's ProgressSnapshots. The shells choose which one to wire.
import { formatMs } from '../config/units.js'
import type { Log } from '../log.js'
import type { ProgressSnapshot } from './types.js'

const PHASE_LABELS = { warmup: 'warm-up', measure: 'measuring', drain: 'finishing' } as const

function percentDone(snapshot: ProgressSnapshot): number {
  return snapshot.plannedMs > 0 ? Math.min(100, Math.floor((snapshot.elapsedMs / snapshot.plannedMs) * 100)) : 100
}

/**
 * One progress line: phase, time, rate, p95, errors, in flight.
 * @example progressText(snapshot) // => 'measuring 12/30 s (40 %): 498 req/s, p95 12.4 ms, 0 errors (0 total), 3 in flight'
 */
export function progressText(snapshot: ProgressSnapshot): string {
  const elapsedS = Math.floor(snapshot.elapsedMs / 1000)
  const plannedS = Math.round(snapshot.plannedMs / 1000)
  const p95 = snapshot.p95Us > 0 ? formatMs(snapshot.p95Us / 1000) : '-'
  return (
    `${PHASE_LABELS[snapshot.phase]} ${elapsedS}/${plannedS} s (${percentDone(snapshot)} %): ` +
    `${Math.round(snapshot.ratePerSecond)} req/s, p95 ${p95}, ${snapshot.errors} errors (${snapshot.totalErrors} total), ` +
    `${snapshot.inFlight} in flight`
  )
}

/** A progress sink that writes one info line per snapshot (the engine sends one every few seconds). */
export function logProgress(log: Log): (snapshot: ProgressSnapshot) => void {
  return (snapshot) => log.info(progressText(snapshot))
}

/** The writable side of a terminal: `write` and, when known, its width. */
export interface ProgressStream {
  write(text: string): unknown
  readonly columns?: number
}

/**
 * A live progress bar on one terminal line, redrawn in place (carriage return + erase to end of line).
 * Call `done()` once at the end to move to a new line.
 */
export function ttyProgressBar(stream: ProgressStream): { update(snapshot: ProgressSnapshot): void; done(): void } {
  let drawn = false
  return {
    update(snapshot) {
      const text = progressText(snapshot)
      const columns = stream.columns ?? 80
      const barWidth = Math.max(10, Math.min(30, columns - text.length - 4))
      const filled = Math.round((percentDone(snapshot) / 100) * barWidth)
      const line = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${text}`
      stream.write(`\r${line.slice(0, Math.max(0, columns - 1))}\u001b[K`)
      drawn = true
    },
    done() {
      if (drawn) stream.write('\n')
      drawn = false
    },
  }
}
