// The closed model's back-off after a connection-level failure: a VU whose request could not reach the server
// (refused, reset, DNS, TLS) waits before its next iteration instead of retrying at once, so a dead port gets a few
// attempts a second per VU instead of thousands. Pure: the driver owns the timer.
import type { ErrorClass } from '../results/types.js'

/** Error classes that say the server was not reached (or dropped the connection): a VU backs off after them. */
export const CONNECTION_FAILURES: ReadonlySet<ErrorClass> = new Set<ErrorClass>([
  'connection-refused',
  'connection-reset',
  'dns',
  'tls',
])

/** First wait after a connection-level failure, ms. */
export const BACKOFF_FIRST_MS = 10
/** Longest wait, ms: a target that comes back is measured again within this. */
export const BACKOFF_MAX_MS = 1000

/**
 * Exponential back-off, one per VU: 10 ms after the first connection-level failure, doubling after each further one
 * up to 1 s; `reset()` (the next iteration that reached the server) starts over.
 * @example const b = new ConnectionBackoff(); b.nextDelayMs() // => 10; b.nextDelayMs() // => 20
 */
export class ConnectionBackoff {
  private delayMs = BACKOFF_FIRST_MS

  /** The wait before the next iteration after one more connection-level failure. */
  nextDelayMs(): number {
    const delayMs = this.delayMs
    this.delayMs = Math.min(BACKOFF_MAX_MS, this.delayMs * 2)
    return delayMs
  }

  reset(): void {
    this.delayMs = BACKOFF_FIRST_MS
  }
}
