// CLI progress: a live bar on a terminal, a line every few seconds otherwise.
import type { ProgressSnapshot } from '../load/types.js'
import type { CliIo } from './io.js'

const BAR_WIDTH = 24

/** One progress line: phase, elapsed/planned, rate, p95, errors. */
export function progressLine(snapshot: ProgressSnapshot): string {
  const elapsedS = (snapshot.elapsedMs / 1000).toFixed(0)
  const plannedS = (snapshot.plannedMs / 1000).toFixed(0)
  const p95 = snapshot.p95Us > 0 ? `${(snapshot.p95Us / 1000).toFixed(1)} ms` : '-'
  return `${snapshot.phase.padEnd(7)} ${elapsedS}/${plannedS} s  ${snapshot.ratePerSecond.toFixed(0)} req/s  p95 ${p95}  errors ${snapshot.totalErrors}`
}

/** A progress sink for `tailgate run`: redraws one line on a TTY, prints lines otherwise. */
export function cliProgress(io: CliIo): { update(snapshot: ProgressSnapshot): void; done(): void } {
  const tty = io.stderr.isTTY === true
  let drawn = false
  return {
    update(snapshot) {
      if (!tty) {
        io.stderr.write(`${progressLine(snapshot)}\n`)
        return
      }
      const fraction = snapshot.plannedMs > 0 ? Math.min(1, snapshot.elapsedMs / snapshot.plannedMs) : 0
      const filled = Math.round(fraction * BAR_WIDTH)
      io.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${progressLine(snapshot)}\u001b[K`)
      drawn = true
    },
    done() {
      if (drawn) io.stderr.write('\n')
    },
  }
}
