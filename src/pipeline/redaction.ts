// Every channel the pipeline writes to, passed through the redactor: logs, outputs, annotations, the summary, the
// report files and the comment. Secrets (protected-preview header values) never leave in clear.
import type { Redactor } from '../target/redact.js'
import type { ActionDeps } from './ports.js'

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
    files: { readText: deps.files.readText, writeText: (path, text) => deps.files.writeText(path, redact(text)) },
    comments: {
      exists: deps.comments.exists,
      upsert: (pullRequest, marker, body) => deps.comments.upsert(pullRequest, marker, redact(body)),
    },
  }
}
