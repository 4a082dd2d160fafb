// An overall deadline for one baseline operation. The toolkit retries 5xx for ~30 s and its HTTP client has no
// socket timeout, so without this a slow or hung service could hold the gate. The abandoned call keeps running in
// the background; its result is ignored.

export type DeadlineResult<T> = { readonly kind: 'done'; readonly value: T } | { readonly kind: 'timeout' }

/**
 * Settles with the operation's value, or `timeout` after `timeoutMs` (rejections propagate).
 * @example const r = await withDeadline(restoreCache(paths, key), 60_000)
 */
export async function withDeadline<T>(operation: Promise<T>, timeoutMs: number): Promise<DeadlineResult<T>> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<DeadlineResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), Math.max(0, timeoutMs))
  })
  // Settle the operation into a value either way, so a rejection after the deadline is never unhandled.
  const settled = operation.then(
    (value) => ({ kind: 'done', value }) as const,
    (error: unknown) => ({ kind: 'error', error }) as const,
  )
  try {
    const result = await Promise.race([settled, timeout])
    if (result.kind === 'error') throw result.error
    return result
  } finally {
    clearTimeout(timer)
  }
}

/** "2 s", "1.5 s", "250 ms": a timeout for a report line. */
export function formatTimeout(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}
