// Getting the target ready before any load: which URL and commit, protected-preview headers, a server started in the
// job, readiness and the served commit. Nothing is sent to the target until this resolves.
import { Agent } from 'undici'
import type { ActionSettings } from '../config/inputs.js'
import { readProfile } from '../config/load-profile.js'
import type { Profile } from '../config/profile.js'
import type { Log } from '../log.js'
import type { ActionDeps, RunContext } from './ports.js'
import { type LocalServer, startLocalServer } from './preview/local-server.js'
import { waitForReady } from './preview/readiness.js'
import type { Redactor } from './preview/redact.js'
import { parseTargetUrl, resolveTarget, type TargetSource } from './preview/resolve.js'
import type { ExpectSha } from './preview/served-sha.js'
import { withSecretHeaders } from './redaction.js'

export type PreparedTarget =
  | {
      readonly kind: 'measure'
      /** The profile with the target URL and the protected-preview headers applied. */
      readonly profile: Profile
      /** Live A/B: the base version's URL (`baseline-target`), ready too. */
      readonly baselineTarget: URL | null
      /** The commit the preview was checked to serve, when `expect-sha-*` was set. */
      readonly servedSha: string | null
      readonly from: TargetSource
      /** Stops a server started with `start-command` (no-op otherwise); never rejects. */
      stop(): Promise<void>
    }
  | { readonly kind: 'skip'; readonly reason: string }

export interface PrepareTargetArgs {
  readonly settings: ActionSettings
  readonly context: RunContext
  readonly log: Log
  readonly redact: Redactor
  /** Parsed `headers` input (secret values). */
  readonly headers: Readonly<Record<string, string>>
  readonly workspace: string
  readonly signal: AbortSignal
  /** Where `${NAME}` in the profile's target and header values is looked up (the injected environment). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Called with the started server, so a signal handler can stop it at once. */
  readonly onServerStarted?: (server: LocalServer) => void
}

/**
 * Secrets first (every channel below is redacted, and the runner masks the values in its log), then the target.
 * Returns the redacting deps every later step must use.
 */
export async function prepareSecureTarget(
  settings: ActionSettings,
  rawDeps: ActionDeps,
): Promise<{ readonly deps: ActionDeps; readonly target: PreparedTarget }> {
  const { deps, redact, headers } = withSecretHeaders(settings.headers, rawDeps)
  const target = await prepareTarget({
    settings,
    context: deps.context,
    log: deps.log,
    redact,
    headers,
    workspace: deps.workspace,
    signal: deps.signal,
    env: deps.env,
  })
  return { deps, target }
}

export async function prepareTarget(args: PrepareTargetArgs): Promise<PreparedTarget> {
  const { settings } = args
  const resolved = resolveProfileTarget(args)
  if (resolved.kind === 'skip') return resolved
  const { profile, resolution, baselineTarget } = resolved
  const headers = { ...profile.headers, ...lowerCaseKeys(args.headers) }
  // A self-signed preview (tls.insecure) must pass the readiness probe too, not only the load.
  const dispatcher = profile.tls.insecure ? new Agent({ connect: { rejectUnauthorized: false } }) : undefined
  const probe = {
    ...(dispatcher ? { dispatcher } : {}),
    healthPath: settings.healthPath,
    acceptStatus: settings.readyStatus,
    timeoutMs: settings.waitTimeoutMs,
    headers,
  }
  const sha = resolution.sha ?? args.context.pullRequest?.headSha ?? args.context.sha
  const expectSha = expectShaOf(settings)
  const { server, servedSha } = await startOrAwait(args, {
    ...probe,
    url: resolution.url,
    sha,
    ...(expectSha ? { expectSha } : {}),
  })
  try {
    if (baselineTarget) {
      await waitForReady({ ...probe, url: baselineTarget, log: args.log, signal: args.signal, redact: args.redact })
    }
  } catch (error) {
    await server?.stop()
    throw error
  } finally {
    await dispatcher?.close()
  }
  return {
    kind: 'measure',
    profile: { ...profile, target: resolution.url, headers },
    baselineTarget,
    servedSha,
    from: resolution.from,
    async stop() {
      await server?.stop()
    },
  }
}

/** The profile with its target resolved from the input, the deployment event or the profile; or why to skip. */
function resolveProfileTarget(args: PrepareTargetArgs) {
  const { settings, context } = args
  const deployment = context.deployment
    ? { state: context.deployment.state, environmentUrl: context.deployment.url, sha: context.deployment.sha }
    : null
  if (deployment) {
    const early = resolveTarget({ input: settings.target ?? null, deployment })
    if (early.kind === 'skip') return early
  }
  const override =
    settings.target ?? (deployment?.state === 'success' ? (deployment.environmentUrl ?? undefined) : undefined)
  const targetName = settings.target ? 'target' : "the deployment_status event's environment_url"
  const profile = readProfile(settings.profilePath, override ? { target: override, targetName } : {}, args.env)
  const resolution = resolveTarget({ input: settings.target ?? null, profileTarget: profile.target, deployment })
  if (resolution.kind === 'skip') return resolution
  const baselineTarget = settings.baselineTarget
    ? parseTargetUrl(settings.baselineTarget, 'the baseline-target input')
    : null
  return { kind: 'measure' as const, profile, resolution, baselineTarget }
}

/** Starts the target with `start-command` and waits for it, or waits for the already running preview. */
async function startOrAwait(
  args: PrepareTargetArgs,
  readiness: Parameters<typeof startLocalServer>[0]['readiness'],
): Promise<{ readonly server: LocalServer | null; readonly servedSha: string | null }> {
  const { settings } = args
  if (!settings.startCommand) {
    const ready = await waitForReady({ ...readiness, log: args.log, signal: args.signal, redact: args.redact })
    return { server: null, servedSha: ready.servedSha }
  }
  args.log.info(
    `Starting the target with start-command, then waiting for ${readiness.url.origin}${settings.healthPath}`,
  )
  const server = await startLocalServer({
    command: settings.startCommand,
    cwd: settings.startCwd ?? args.workspace,
    log: args.log,
    readiness,
    redact: args.redact,
    signal: args.signal,
  })
  args.onServerStarted?.(server)
  return { server, servedSha: server.ready.servedSha }
}

function expectShaOf(settings: ActionSettings): ExpectSha | undefined {
  if (settings.expectShaHeader) return { header: settings.expectShaHeader }
  if (settings.expectShaPath) return { path: settings.expectShaPath }
  return undefined
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}
