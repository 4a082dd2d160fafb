// GitHub's own example webhook payloads (@octokit/webhooks-examples), so that event handling is tested on what GitHub
// sends rather than on hand-written payloads. `example()` picks one and returns a deep copy that a scenario may adjust
// (ids, SHAs, repository) without changing what GitHub's shape is.
import { createRequire } from 'node:module'

interface WebhookDefinition {
  readonly name: string
  readonly examples: readonly Record<string, unknown>[]
}

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as readonly WebhookDefinition[]

/** Every example of an event (e.g. `deployment_status`), deep copies, in the package's order. */
export function examplesOf(event: string): Record<string, unknown>[] {
  const definition = definitions.find((d) => d.name === event)
  if (!definition) throw new Error(`@octokit/webhooks-examples has no '${event}' event`)
  return definition.examples.map((e) => structuredClone(e))
}

/**
 * The first example of `event` that `matches` (e.g. `(p) => p.action === 'labeled'`), a deep copy.
 * @example example('workflow_run', (p) => p.action === 'completed')
 */
export function example(
  event: string,
  matches: (payload: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const found = examplesOf(event).find(matches)
  if (!found) throw new Error(`no '${event}' example matches`)
  return found
}
