// A loopback server that slows down while overloaded and recovers some seconds later, with its own record of what
// it served: for spike-recovery tests and benchmarks.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

export interface OverloadServerOptions {
  /** Answer time when healthy, ms (default 5). */
  readonly normalMs?: number
  /** Answer time while degraded, ms (default 150). */
  readonly degradedMs?: number
  /** More arrivals than this within `windowMs` is overload (default 30 in 100 ms: 300 req/s). */
  readonly overloadArrivals?: number
  readonly windowMs?: number
  /** The server stays degraded this long after the last overloaded arrival, ms. */
  readonly recoversAfterMs: number
}

export interface OverloadServer {
  readonly handler: RequestListener
  /** Every arrival (wall-clock ms, Date.now()) and whether it was served degraded. */
  readonly served: readonly { readonly arrivalMs: number; readonly degraded: boolean }[]
}

/** Answers in `normalMs`; once overloaded, in `degradedMs` until `recoversAfterMs` after the last overloaded arrival. */
export function overloadServer(options: OverloadServerOptions): OverloadServer {
  const { normalMs = 5, degradedMs = 150, overloadArrivals = 30, windowMs = 100, recoversAfterMs } = options
  const recent: number[] = []
  let degradedUntilMs = 0
  const served: { arrivalMs: number; degraded: boolean }[] = []
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    req.resume()
    const arrivalMs = Date.now()
    recent.push(arrivalMs)
    while ((recent[0] as number) < arrivalMs - windowMs) recent.shift()
    if (recent.length > overloadArrivals) degradedUntilMs = arrivalMs + recoversAfterMs
    const degraded = arrivalMs < degradedUntilMs
    served.push({ arrivalMs, degraded })
    setTimeout(() => res.end('ok'), degraded ? degradedMs : normalMs)
  }
  return { handler, served }
}

/**
 * The server's own recovery after a spike that ended at `spikeEndMs` (wall clock): from then until the first
 * arrival served normally after the last degraded one; null when it never degraded.
 */
export function ownRecoveryMs(server: OverloadServer, spikeEndMs: number): number | null {
  const lastSlow = server.served.filter((s) => s.degraded).at(-1)
  if (lastSlow === undefined) return null
  const firstNormal = server.served.find((s) => !s.degraded && s.arrivalMs > lastSlow.arrivalMs)
  return firstNormal === undefined ? null : firstNormal.arrivalMs - spikeEndMs
}

/**
 * A spike profile for the overload server: 3 s at 60/s, a 1 s ramp to 1000/s and 1 s back (overload above 300/s),
 * then `afterS` seconds at 60/s; the margin wide enough that the healthy p95 is the level to recover to.
 */
export function spikeProfileText(afterS: number, budgets: readonly string[] = []): string {
  const budgetLines = budgets.length === 0 ? '' : `budgets:\n  "*": [${budgets.map((b) => `"${b}"`).join(', ')}]\n`
  return `model: ramping-arrival-rate
warmup: 1s
start-rate: 60
stages:
  - { duration: 3s, target: 60 }
  - { duration: 1s, target: 1000 }
  - { duration: 1s, target: 60 }
  - { duration: ${afterS}s, target: 60 }
gate:
  margin: { relative: 50%, absolute: 80ms }
${budgetLines}requests:
  - GET /
`
}
