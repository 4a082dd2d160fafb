// The accept label: is it on the PR, and who applied it (the actor of the latest `labeled` event). API failures
// degrade: to the event payload's labels for "is it on", and to "unknown" for "who".
import type { RepositoryRef } from './context.js'
import { describeApiError } from './errors.js'
import type { RestClient } from './rest.js'

export type AppliedBy =
  | { readonly kind: 'user'; readonly login: string }
  | { readonly kind: 'unknown'; readonly reason: string }

export type AcceptLabelStatus =
  | { readonly applied: false; readonly warnings: readonly string[] }
  | { readonly applied: true; readonly appliedBy: AppliedBy; readonly warnings: readonly string[] }

export interface AcceptLabelQuery {
  readonly rest: RestClient
  readonly repository: RepositoryRef
  readonly pullRequest: number
  readonly label: string
  /** Labels from the event payload, used when the API cannot be asked; null when the event carries none. */
  readonly payloadLabels: readonly string[] | null
}

/**
 * Whether `label` is on the PR now (API first, the payload's labels as a fallback) and who applied it.
 * Never throws.
 * @example await acceptLabelStatus({ rest, repository, pullRequest: 7, label: 'tailgate:accept', payloadLabels: [] })
 */
export async function acceptLabelStatus(query: AcceptLabelQuery): Promise<AcceptLabelStatus> {
  const { owner, repo } = query.repository
  const warnings: string[] = []
  let applied: boolean
  try {
    const labels = await query.rest.paginate(query.rest.rest.issues.listLabelsOnIssue, {
      owner,
      repo,
      issue_number: query.pullRequest,
      per_page: 100,
    })
    applied = labels.some((l) => l.name === query.label)
  } catch (error) {
    const fallback = query.payloadLabels ? "the event's labels are used" : `'${query.label}' is taken as not applied`
    warnings.push(`Could not read the labels of PR #${query.pullRequest} (${describeApiError(error)}); ${fallback}`)
    applied = query.payloadLabels?.includes(query.label) ?? false
  }
  if (!applied) return { applied: false, warnings }
  return { applied: true, appliedBy: await whoApplied(query), warnings }
}

async function whoApplied(query: AcceptLabelQuery): Promise<AppliedBy> {
  try {
    const events = await query.rest.paginate(query.rest.rest.issues.listEvents, {
      owner: query.repository.owner,
      repo: query.repository.repo,
      issue_number: query.pullRequest,
      per_page: 100,
    })
    const labeled = events.filter(
      (e) => e.event === 'labeled' && (e as { label?: { name?: string } }).label?.name === query.label,
    )
    const latest = labeled.at(-1)
    if (latest?.actor?.login) return { kind: 'user', login: latest.actor.login }
    return { kind: 'unknown', reason: `no 'labeled' event for '${query.label}' on PR #${query.pullRequest}` }
  } catch (error) {
    return {
      kind: 'unknown',
      reason: `could not read the events of PR #${query.pullRequest} (${describeApiError(error)})`,
    }
  }
}

/** "@login", or "unknown" when the actor could not be found. */
export function appliedByText(appliedBy: AppliedBy): string {
  return appliedBy.kind === 'user' ? `@${appliedBy.login}` : 'unknown'
}
