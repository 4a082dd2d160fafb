// Cancellation (SIGINT/SIGTERM) outside the load: a baseline restore, a comment post or a label lookup that is
// under way when the signal comes is abandoned at once, so the step ends within its bound whatever the service does.
import type { ActionDeps } from './ports.js'

/** The run was cancelled by a signal; the message says during what. */
export class CancelledError extends Error {
  constructor(
    readonly during: string,
    reason: unknown,
  ) {
    super(`cancelled during ${during}${reason instanceof Error ? ` (${reason.message})` : ''}`)
    this.name = 'CancelledError'
  }
}

/** Resolves like `operation`, or rejects with CancelledError as soon as `signal` aborts. */
export function untilCancelled<T>(operation: Promise<T>, signal: AbortSignal, during: string): Promise<T> {
  if (signal.aborted) return Promise.reject(new CancelledError(during, signal.reason))
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError(during, signal.reason))
    signal.addEventListener('abort', onAbort, { once: true })
    operation.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** The deps with every service call (baselines, comments, labels) abandoned on cancellation. */
export function cancellableDeps(deps: ActionDeps): ActionDeps {
  const { signal } = deps
  return {
    ...deps,
    baselines: (settings) => {
      const port = deps.baselines(settings)
      return {
        restore: (query) => untilCancelled(port.restore(query), signal, 'the baseline restore'),
        save: (result, history, query) =>
          untilCancelled(port.save(result, history, query), signal, 'the baseline save'),
      }
    },
    comments: {
      exists: (pullRequest, marker) =>
        untilCancelled(deps.comments.exists(pullRequest, marker), signal, 'the comment lookup'),
      upsert: (pullRequest, marker, body) =>
        untilCancelled(deps.comments.upsert(pullRequest, marker, body), signal, 'the comment post'),
    },
    labels: {
      acceptedBy: (pullRequest, label) =>
        untilCancelled(deps.labels.acceptedBy(pullRequest, label), signal, 'the label lookup'),
    },
  }
}
