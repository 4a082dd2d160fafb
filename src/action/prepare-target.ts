// Getting the target ready before any load: which URL and commit, protected-preview headers, a server started in the
// job, readiness and the served commit. Nothing is sent to the target until this resolves.
import { Agent } from 'undici'
import type { ActionSettings } from '../config/inputs.js'
import { readProfile } from '../config/load-profile.js'
import type { Profile } from '../config/profile.js'
import type { Log } from '../log.js'
import type { RunContext } from './ports.js'
import { type LocalServer, startLocalServer } from './preview/local-server.js'
import { waitForReady } from './preview/readiness.js'
import type { Redactor } from './preview/redact.js'
import { parseTargetUrl, resolveTarget, type TargetSource } from './preview/resolve.js'
import type { ExpectSha } from './preview/served-sha.js'

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
      /** A deployment_status without environment_url fell back to another URL (which one, and the fix). */
      readonly notice: string | null
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
  /** Called with the started server, so a signal handler can stop it at once. */
  readonly onServerStarted?: (server: LocalServer) => void
}

export async function prepareTarget(args: PrepareTargetArgs): Promise<PreparedTarget> {
  const { settings, context } = args
  const deployment = context.deployment
    ? {
        state: context.deployment.state,
        environmentUrl: context.deployment.url,
        targetUrl: context.deployment.targetUrl ?? null,
        sha: context.deployment.sha,
      }
    : null
  // A deployment that is not serving yet: nothing to measure, decided before the profile is read.
  if (deployment && deployment.state.toLowerCase() !== 'success') {
    const early = resolveTarget({ deployment })
    if (early.kind === 'skip') return early
  }
  const deployed = deployment?.state === 'success' ? (deployment.environmentUrl ?? deployment.targetUrl) : null
  const override = settings.target ?? deployed ?? undefined
  const profile = readProfile(settings.profilePath, override ? { target: override } : {})
  const resolution = resolveTarget({ input: settings.target ?? null, profileTarget: profile.target, deployment })
  if (resolution.kind === 'skip') return resolution
  const baselineTarget = settings.baselineTarget
    ? parseTargetUrl(settings.baselineTarget, 'the baseline-target input')
    : null

  const headers = { ...profile.headers, ...lowerCaseKeys(args.headers) }
  const sha = resolution.sha ?? context.pullRequest?.headSha ?? context.sha
  // A self-signed preview (tls.insecure) must pass the readiness probe too, not only the load.
  const dispatcher = profile.tls.insecure ? new Agent({ connect: { rejectUnauthorized: false } }) : undefined
  const readiness = {
    ...(dispatcher ? { dispatcher } : {}),
    url: resolution.url,
    healthPath: settings.healthPath,
    acceptStatus: settings.readyStatus,
    timeoutMs: settings.waitTimeoutMs,
    headers,
    sha,
    ...(expectShaOf(settings) ? { expectSha: expectShaOf(settings) } : {}),
  }
  let server: LocalServer | null = null
  let servedSha: string | null
  if (settings.startCommand) {
    args.log.info(
      `Starting the target with start-command, then waiting for ${resolution.url.origin}${settings.healthPath}`,
    )
    server = await startLocalServer({
      command: settings.startCommand,
      cwd: settings.startCwd ?? args.workspace,
      log: args.log,
      readiness,
      redact: args.redact,
      signal: args.signal,
    })
    args.onServerStarted?.(server)
    servedSha = server.ready.servedSha
  } else {
    const ready = await waitForReady({ ...readiness, log: args.log, signal: args.signal, redact: args.redact })
    servedSha = ready.servedSha
  }
  try {
    if (baselineTarget) {
      await waitForReady({
        ...(dispatcher ? { dispatcher } : {}),
        url: baselineTarget,
        healthPath: settings.healthPath,
        acceptStatus: settings.readyStatus,
        timeoutMs: settings.waitTimeoutMs,
        headers,
        log: args.log,
        signal: args.signal,
        redact: args.redact,
      })
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
    notice: resolution.notice ?? null,
    async stop() {
      await server?.stop()
    },
  }
}

function expectShaOf(settings: ActionSettings): ExpectSha | undefined {
  if (settings.expectShaHeader) return { header: settings.expectShaHeader }
  if (settings.expectShaPath) return { path: settings.expectShaPath }
  return undefined
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}
