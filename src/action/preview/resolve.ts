// Decides what to measure: the `target` input, a deployment_status event's environment URL, or the profile's
// `target`, and which commit that URL is expected to serve. Pure: the caller maps the event into `deployment`.
import { ConfigError } from '../../config/errors.js'

/** A deployment_status event, as the shell maps it from the payload. */
export interface DeploymentStatus {
  /** `success`, `pending`, `in_progress`, `queued`, `failure`, `error` or `inactive`. */
  readonly state: string
  /** `deployment_status.environment_url` (the preview's URL), null when the provider sets none. */
  readonly environmentUrl: string | null
  /** `deployment.sha`: the commit that was deployed. */
  readonly sha: string | null
}

/** Where the URL came from, for the log and the report. */
export const TARGET_SOURCES = ['input', 'deployment_status', 'profile'] as const
export type TargetSource = (typeof TARGET_SOURCES)[number]

/**
 * What to do. `measure`: the URL, and the commit it must serve (null when the event names none; the caller may use
 * the PR's head SHA instead). `skip`: a deployment_status that is not a success; the step should report "nothing to
 * measure" and pass.
 */
export type TargetResolution =
  | { readonly kind: 'measure'; readonly url: URL; readonly sha: string | null; readonly from: TargetSource }
  | { readonly kind: 'skip'; readonly reason: string }

/** Inputs of resolveTarget. Empty strings count as not given. */
export interface ResolveTargetOptions {
  /** The `target` input (after the runner expanded any `${{ }}`). */
  readonly input?: string | null
  /** The profile's `target:` value. */
  readonly profileTarget?: string | URL | null
  /** The deployment_status event, or null for any other event. */
  readonly deployment?: DeploymentStatus | null
}

const FIELD = 'target'
const URL_EXAMPLE = 'write an absolute http(s) URL, e.g. https://pr-42.preview.example.com'
const SHA = /^[0-9a-f]{7,64}$/i

/**
 * Resolves the target. Precedence: the `target` input, then a successful deployment_status's `environment_url`,
 * then the profile's `target`. The SHA comes from the deployment whenever the event is a successful
 * deployment_status, whichever URL wins. A deployment_status in any other state gives `skip`, whatever the inputs
 * say: the event is about a deployment that is not serving yet.
 *
 * Throws a ConfigError naming `target` when no URL is given, when it is not an absolute http(s) URL, when it still
 * holds an unexpanded `${{ }}` expression, or when it carries credentials (which would be logged; use the
 * `headers` input's `basic-auth:` instead).
 * @example resolveTarget({ input: '', deployment: { state: 'success', environmentUrl: 'https://pr-1.example', sha: 'abc1234' } })
 * // => { kind: 'measure', url: new URL('https://pr-1.example'), sha: 'abc1234', from: 'deployment_status' }
 */
export function resolveTarget(options: ResolveTargetOptions): TargetResolution {
  const deployment = options.deployment ?? null
  if (deployment !== null && deployment.state.toLowerCase() !== 'success') {
    return {
      kind: 'skip',
      reason: `deployment_status is '${deployment.state}', not 'success': nothing to measure until the deployment succeeds`,
    }
  }
  const sha = deploymentSha(deployment)
  const input = nonEmpty(options.input)
  if (input !== null) return { kind: 'measure', url: parseTargetUrl(input, 'the target input'), sha, from: 'input' }
  if (deployment !== null) {
    const environmentUrl = nonEmpty(deployment.environmentUrl)
    if (environmentUrl === null) {
      throw new ConfigError(
        FIELD,
        'the deployment_status event has no environment_url',
        "set the deployment's environment URL in your deploy step, or pass the 'target' input",
      )
    }
    return {
      kind: 'measure',
      url: parseTargetUrl(environmentUrl, "the deployment's environment_url"),
      sha,
      from: 'deployment_status',
    }
  }
  const profileTarget =
    options.profileTarget instanceof URL ? options.profileTarget.href : nonEmpty(options.profileTarget)
  if (profileTarget !== null) {
    return { kind: 'measure', url: parseTargetUrl(profileTarget, "the profile's target"), sha, from: 'profile' }
  }
  throw new ConfigError(
    FIELD,
    'no target URL',
    `pass the 'target' input (e.g. target: \${{ steps.deploy.outputs.url }}), set 'target:' in the profile, or run on deployment_status`,
  )
}

/**
 * Parses a target URL: absolute, http or https, no credentials, no unexpanded expression.
 * `what` says where it came from, for the message.
 */
export function parseTargetUrl(text: string, what: string): URL {
  const trimmed = text.trim()
  if (trimmed.includes('${{')) {
    throw new ConfigError(
      FIELD,
      `${what} still holds an unexpanded expression '${trimmed}'`,
      `pass it through a step output the workflow expands, e.g. target: \${{ steps.deploy.outputs.url }}`,
    )
  }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new ConfigError(FIELD, `${what} '${trimmed}' is not a URL`, URL_EXAMPLE)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(FIELD, `${what} uses '${url.protocol}'`, URL_EXAMPLE)
  }
  if (url.username !== '' || url.password !== '') {
    // Do not quote it: the credentials would reach the log.
    throw new ConfigError(
      FIELD,
      `${what} carries a user name or password`,
      `remove them from the URL and pass 'basic-auth: user:\${PASSWORD}' in the 'headers' input`,
    )
  }
  return url
}

function deploymentSha(deployment: DeploymentStatus | null): string | null {
  const sha = nonEmpty(deployment?.sha)
  return sha !== null && SHA.test(sha) ? sha.toLowerCase() : null
}

function nonEmpty(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}
