// Removes secret values (protected-preview headers, basic-auth credentials) from any text before it reaches a log,
// a report, a RunResult or a PR comment. Pure: owns no I/O and imports nothing from the toolkit.

/** What every secret occurrence is replaced with (the same mask as `core.setSecret`). */
export const REDACTED = '***'

/** Turns text that may contain secrets into text that does not. */
export type Redactor = (text: string) => string

/** A redactor that changes nothing, for runs without secrets. */
export const noRedaction: Redactor = (text) => text

/**
 * The spellings under which a secret can leak: as is, URL-encoded (percent with upper- and lower-case hex, and the
 * form encoding with `+` for spaces), base64 and base64url (a header value echoed by a server, a Basic credential),
 * and escaped inside a JSON string (a RunResult or report.json).
 * @example secretForms('a b') // => ['a b', 'a%20b', 'a+b', 'YSBi', ...]
 */
export function secretForms(secret: string): string[] {
  if (secret === '') return []
  const percent = encodeURIComponent(secret)
  const forms = [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    percent.replace(/%20/g, '+'),
    encodeURI(secret),
    Buffer.from(secret, 'utf8').toString('base64'),
    Buffer.from(secret, 'utf8').toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
  ]
  return [...new Set(forms)].filter((form) => form !== '')
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Builds a redactor for a list of secrets: every occurrence of a secret, or of one of its `secretForms`, becomes
 * `***`. Longer forms are matched first, so a secret that contains another is masked whole. Empty strings are
 * ignored. Apply it to every text that leaves the process (logs, summary, comment, report files, RunResult).
 *
 * Runs in O(n) per text for a text of n characters (one precompiled alternation).
 * @example createRedactor(['hunter2'])('token=hunter2') // => 'token=***'
 */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const forms = [...new Set([...secrets].flatMap(secretForms))].sort((a, b) => b.length - a.length)
  if (forms.length === 0) return noRedaction
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g')
  return (text) => text.replace(pattern, REDACTED)
}
