// Why and when a run stops: the schedule ends (complete), the caller's AbortSignal fires, or max-duration passes
// (both partial). `check()` is called by the engine's housekeeping timer.
import type { Clock } from './clock.js'

export type StopReason = { readonly kind: 'complete' } | { readonly kind: 'partial'; readonly reason: string }

/** The error in-flight requests are failed with when the grace period after a stop runs out; never recorded. */
export class RunStoppedError extends Error {
  readonly code = 'TAILGATE_STOPPED'
  constructor() {
    super('the run stopped before this request finished')
    this.name = 'RunStoppedError'
  }
}

export interface StopWatch {
  /** Resolves once, with the first reason to stop. */
  readonly stopped: Promise<StopReason>
  /** Resolves `stopped` when the schedule or max-duration has ended. */
  check(): void
}

export function waitForStop(options: {
  signal?: AbortSignal
  maxDurationMs: number | null
  endMs: number
  clock: Clock
}): StopWatch {
  const { clock, signal } = options
  const startMs = clock.now()
  let resolve: (reason: StopReason) => void = () => {}
  let settled = false
  const stopped = new Promise<StopReason>((r) => {
    resolve = r
  })
  const finish = (reason: StopReason) => {
    if (settled) return
    settled = true
    signal?.removeEventListener('abort', onAbort)
    resolve(reason)
  }
  const onAbort = () => {
    const why =
      signal?.reason instanceof Error
        ? signal.reason.message
        : typeof signal?.reason === 'string'
          ? signal.reason
          : 'stopped'
    finish({ kind: 'partial', reason: `stopped early: ${why}` })
  }
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  return {
    stopped,
    check() {
      const now = clock.now()
      if (options.maxDurationMs !== null && now - startMs >= options.maxDurationMs) {
        finish({ kind: 'partial', reason: `max-duration (${options.maxDurationMs} ms) reached` })
      } else if (now >= options.endMs) finish({ kind: 'complete' })
    },
  }
}
