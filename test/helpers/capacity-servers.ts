// Loopback servers with a known capacity, for the capacity search's tests and benchmarks.
import type { RequestListener } from 'node:http'
import { performance } from 'node:perf_hooks'

export interface WorkerPoolOptions {
  /** Requests served at once; the rest wait in one FIFO queue. */
  readonly workers: number
  /** How long each request holds a worker, ms of timer time. The pool serves workers × 1000 / serviceMs req/s. */
  readonly serviceMs: number | ((nowMs: number) => number)
}

export interface WorkerPool {
  readonly handler: RequestListener
  /** Requests answered so far. */
  readonly served: () => number
  /** (end time ms, own latency ms) of every answered request, in the order they ended: the server's own view. */
  readonly completions: () => readonly { readonly endMs: number; readonly latencyMs: number }[]
}

/**
 * A fixed pool of workers with a FIFO queue, in scheduled time: each request takes the worker that frees first,
 * starts when it is free (or on arrival) and holds it for `serviceMs`; the answer is sent when its time comes. A late
 * timer delays that one answer but not the pool's schedule, so the capacity is exactly workers × 1000 / serviceMs
 * requests per second, whatever the machine is doing.
 */
export function workerPool(options: WorkerPoolOptions): WorkerPool {
  const freeAtMs = new Array<number>(options.workers).fill(0)
  const ended: { endMs: number; latencyMs: number }[] = []
  let served = 0
  const handler: RequestListener = (req, res) => {
    req.resume()
    const nowMs = performance.now()
    let worker = 0
    for (let i = 1; i < freeAtMs.length; i++) if ((freeAtMs[i] as number) < (freeAtMs[worker] as number)) worker = i
    const startMs = Math.max(nowMs, freeAtMs[worker] as number)
    const serviceMs = typeof options.serviceMs === 'number' ? options.serviceMs : options.serviceMs(startMs)
    const endMs = startMs + serviceMs
    freeAtMs[worker] = endMs
    setTimeout(() => {
      served++
      ended.push({ endMs, latencyMs: endMs - nowMs })
      res.end('ok')
    }, endMs - nowMs)
  }
  return { handler, served: () => served, completions: () => ended }
}
