// CLI progress: the engine's live bar on a terminal (src/load/progress.ts), one line every few seconds otherwise.
import { progressText, ttyProgressBar } from '../load/progress.js'
import type { ProgressSnapshot } from '../load/types.js'
import type { CliIo } from './io.js'

/** A progress sink for `tailgate run`: redraws one line on a TTY, prints lines otherwise. */
export function cliProgress(io: CliIo): { update(snapshot: ProgressSnapshot): void; done(): void } {
  if (io.stderr.isTTY === true) return ttyProgressBar(io.stderr)
  return {
    update: (snapshot) => io.stderr.write(`${progressText(snapshot)}\n`),
    done: () => {},
  }
}
