// Every channel the Action writes to, passed through the redactor: logs, outputs, annotations, the summary, the
// report files and the comment. Secrets (protected-preview header values) never leave in clear.

import { readFile } from 'node:fs/promises'
import type { ActionDeps } from './ports.js'
import { createRedactor, noRedaction, type Redactor } from './preview/redact.js'
import { parseSecretHeaders } from './preview/secret-headers.js'

export function redactedDeps(deps: ActionDeps, redact: Redactor): ActionDeps {
  return {
    ...deps,
    log: {
      info: (message) => deps.log.info(redact(message)),
      warning: (message) => deps.log.warning(redact(message)),
      error: (message) => deps.log.error(redact(message)),
      debug: (message) => deps.log.debug(redact(message)),
    },
    outputs: { set: (name, value) => deps.outputs.set(name, redact(value)) },
    writeSummary: (markdown) => deps.writeSummary(redact(markdown)),
    annotate: (annotation) =>
      deps.annotate({ ...annotation, title: redact(annotation.title), message: redact(annotation.message) }),
    fail: (message) => deps.fail(redact(message)),
    files: { ...deps.files, writeText: (path, text) => deps.files.writeText(path, redact(text)) },
    comments: {
      exists: deps.comments.exists,
      upsert: (pullRequest, marker, body) => deps.comments.upsert(pullRequest, marker, redact(body)),
    },
  }
}

/** `${NAME}` references, as the profile loader expands them (config/env-vars.ts). */
const PROFILE_VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/**
 * The values the environment gives the profile's `${NAME}` references (its target and headers): they are secrets
 * like the headers input's, whatever they hold. An unreadable profile gives none (loading it reports the problem).
 * @example await profileVariableSecrets('tailgate.yml', deps) // => ['s3cr3t-path-key']
 */
export async function profileVariableSecrets(profilePath: string, deps: ActionDeps): Promise<string[]> {
  let text: string
  try {
    // Read as the profile loader reads it (relative to the working directory, the workspace on a runner).
    text = await readFile(profilePath, 'utf8')
  } catch {
    return []
  }
  const names = new Set([...text.matchAll(PROFILE_VARIABLE)].map((m) => m[1]!))
  return [...names].map((name) => deps.env[name] ?? '').filter((value) => value.trim() !== '')
}

/**
 * Parses the protected-preview `headers` input, registers every value (and every `extraSecrets` value, e.g. from
 * profileVariableSecrets) as a secret (the runner masks it in its log) and returns the deps with every channel
 * redacted, the redactor and the headers to send. Call it before anything is logged.
 */
export function withSecretHeaders(
  headersInput: string,
  deps: ActionDeps,
  extraSecrets: readonly string[] = [],
): { readonly deps: ActionDeps; readonly redact: Redactor; readonly headers: Readonly<Record<string, string>> } {
  const secret = parseSecretHeaders({ text: headersInput, env: deps.env })
  const secrets = [...new Set([...secret.secrets, ...extraSecrets])]
  for (const value of secrets) deps.registerSecret(value)
  if (secrets.length === 0) return { deps, redact: noRedaction, headers: secret.headers }
  const redact = createRedactor(secrets)
  return { deps: redactedDeps(deps, redact), redact, headers: secret.headers }
}
