// The sticky PR comment: one comment per profile, found by its hidden marker AND its author (the token's own identity,
// see identity.ts) and updated in place. A comment by anyone else is never edited, even one that quotes the marker.
// Never throws: a read-only token (fork PRs), a rate limit or an API failure becomes `not-posted` with the reason and
// the fix.
import { messageOf } from '../log.js'
import type { RepositoryRef } from './context.js'
import { describeApiError, httpStatusOf, isRateLimitError } from './errors.js'
import type { RestClient } from './rest.js'

/**
 * The hidden marker that identifies this profile's sticky comment: `<!-- tailgate:<encoded profile id> -->`.
 * The id is URI-encoded, so it cannot close the HTML comment.
 * @example commentMarker('api smoke') // => '<!-- tailgate:api%20smoke -->'
 */
export function commentMarker(profileId: string): string {
  return `<!-- tailgate:${encodeURIComponent(profileId.toWellFormed())} -->`
}

/** Appends the sticky-comment marker to a body (once: a body that already carries it is returned as is). */
export function withMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${body.trimEnd()}\n\n${marker}`
}

export type CommentOutcome =
  | { readonly kind: 'created' | 'updated'; readonly url: string; readonly id: number }
  | { readonly kind: 'not-posted'; readonly reason: string; readonly fix: string }

export type FindOutcome =
  | { readonly kind: 'found'; readonly id: number; readonly url: string; readonly body: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string; readonly error: unknown }

export interface CommentTarget {
  readonly rest: RestClient
  readonly repository: RepositoryRef
  readonly pullRequest: number
  readonly marker: string
  /** The login of the token in use (tokenIdentity): only its comments are Tailgate's. */
  readonly author: string
}

/** The fix for a read-only token: the fork-safe two-workflow pattern. */
export const READ_ONLY_TOKEN_FIX =
  'for pull requests from forks, use the two-workflow pattern: the pull_request workflow measures and uploads the ' +
  "result as an artifact, and a workflow_run workflow runs Tailgate with 'mode: report' to comment (it never checks " +
  "out PR code); for same-repository PRs, grant 'permissions: pull-requests: write' to the job"

/**
 * Finds the comment carrying `marker` written by `author` (all pages of the PR's comments; the oldest when there are
 * several). A comment by anyone else is never Tailgate's, whatever it quotes.
 * @example await findComment({ rest, repository, pullRequest: 7, marker: commentMarker('checkout'), author: 'github-actions[bot]' })
 */
export async function findComment(target: CommentTarget): Promise<FindOutcome> {
  try {
    const comments = await target.rest.paginate(target.rest.rest.issues.listComments, {
      owner: target.repository.owner,
      repo: target.repository.repo,
      issue_number: target.pullRequest,
      per_page: 100,
    })
    const author = target.author.toLowerCase()
    const chosen = comments.find((c) => c.user?.login?.toLowerCase() === author && c.body?.includes(target.marker))
    return chosen ? { kind: 'found', id: chosen.id, url: chosen.html_url, body: chosen.body ?? '' } : { kind: 'absent' }
  } catch (error) {
    return {
      kind: 'unknown',
      reason: `could not list the comments of PR #${target.pullRequest}: ${describeApiError(error)}`,
      error,
    }
  }
}

/**
 * Updates the comment carrying `marker` written by `author`, or creates it. `body` gets the marker appended when it
 * lacks it.
 * @example await upsertComment({ rest, repository, pullRequest: 7, marker, author: 'github-actions[bot]', body: report })
 */
export async function upsertComment(target: CommentTarget & { readonly body: string }): Promise<CommentOutcome> {
  const body = withMarker(target.body, target.marker)
  const { owner, repo } = target.repository
  const existing = await findComment(target)
  // Creating a comment without knowing whether one exists would risk a duplicate: report instead.
  if (existing.kind === 'unknown') return notPosted(existing.error, target.pullRequest)
  try {
    if (existing.kind === 'found') {
      const { data } = await target.rest.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
      return { kind: 'updated', url: data.html_url, id: data.id }
    }
    const { data } = await target.rest.rest.issues.createComment({
      owner,
      repo,
      issue_number: target.pullRequest,
      body,
    })
    return { kind: 'created', url: data.html_url, id: data.id }
  } catch (error) {
    return notPosted(error, target.pullRequest)
  }
}

function notPosted(error: unknown, pullRequest: number): CommentOutcome {
  const status = httpStatusOf(error)
  if (status === 403 && /not accessible by integration/i.test(messageOf(error))) {
    return {
      kind: 'not-posted',
      reason: `the PR comment was not posted: this run's token is read-only (403 Resource not accessible by integration), as it always is for pull requests from forks; the report is in the job summary`,
      fix: READ_ONLY_TOKEN_FIX,
    }
  }
  const reason = `the comment on PR #${pullRequest} was not posted: ${describeApiError(error)}; the report is in the job summary`
  if (isRateLimitError(error)) {
    return {
      kind: 'not-posted',
      reason,
      fix:
        "GitHub's API rate limit was hit (the token's permissions are fine): re-run the job once the limit resets, " +
        'and spread out workflows that share this token',
    }
  }
  return {
    kind: 'not-posted',
    reason,
    fix:
      status === 403 || status === 404
        ? "give the token 'pull-requests: write' (or 'issues: write') permission"
        : 're-run the job once the GitHub API answers again',
  }
}
