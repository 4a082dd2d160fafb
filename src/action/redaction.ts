// Every channel the Action writes to, passed through the redactor: logs, outputs, annotations, the summary, the
// report files and the comment. Secrets (protected-preview header values) never leave in clear.

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

/**
 * Parses the protected-preview `headers` input, registers every value as a secret (the runner masks it in its log)
 * and returns the deps with every channel redacted, the redactor and the headers to send.
 */
export function withSecretHeaders(
  headersInput: string,
  deps: ActionDeps,
): { readonly deps: ActionDeps; readonly redact: Redactor; readonly headers: Readonly<Record<string, string>> } {
  const secret = parseSecretHeaders({ text: headersInput, env: deps.env })
  for (const value of secret.secrets) deps.registerSecret(value)
  if (secret.secrets.length === 0) return { deps, redact: noRedaction, headers: secret.headers }
  const redact = createRedactor(secret.secrets)
  return { deps: redactedDeps(deps, redact), redact, headers: secret.headers }
}
