// Which commit a preview serves: read from a response header or a JSON endpoint, and compared with the commit this
// run measures. Pure.

/**
 * How the preview tells which commit it serves: a header on the health response (`expect-sha-header`, e.g.
 * `x-commit-sha`), or a JSON endpoint (`expect-sha-path`, e.g. `/api/version`) with the SHA in `jsonField`.
 */
export type ExpectSha =
  | { readonly header: string }
  | {
      readonly path: string
      /** A field name or a dotted path (`build.commit`). Default: the first of sha, commit, version holding a SHA. */
      readonly jsonField?: string
    }

/** The fields tried, in order, when no `jsonField` is given. */
export const DEFAULT_SHA_FIELDS = ['sha', 'commit', 'version'] as const

/** The shortest SHA prefix that counts as a match (git's default abbreviation). */
export const MIN_SHA_LENGTH = 7

const HEX_SHA = /^[0-9a-f]{7,64}$/i

/** True for 7 to 64 hexadecimal characters (an abbreviated or full SHA-1 or SHA-256). */
export const looksLikeSha = (text: string): boolean => HEX_SHA.test(text)

/**
 * Whether a served SHA names the expected commit: one is a prefix of the other (either may be abbreviated), both
 * have at least 7 characters, case ignored.
 * @example shaMatches('1a2b3c4', '1a2b3c4d5e6f') // => true
 * @example shaMatches('1a2b3c', '1a2b3c4d5e6f') // => false (too short to trust)
 */
export function shaMatches(served: string, expected: string): boolean {
  const a = served.trim().toLowerCase()
  const b = expected.trim().toLowerCase()
  if (a.length < MIN_SHA_LENGTH || b.length < MIN_SHA_LENGTH) return false
  return a.startsWith(b) || b.startsWith(a)
}

/** The first 7 characters of a SHA, for messages; other text is returned as is (shortened to 40 characters). */
export function shortSha(text: string): string {
  if (looksLikeSha(text)) return text.slice(0, MIN_SHA_LENGTH).toLowerCase()
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** A header's value (first one when repeated), trimmed; null when absent or empty. */
export function shaFromHeader(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | null {
  const raw = headers[name.toLowerCase()]
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? ''
  return value === '' ? null : value
}

/**
 * The SHA in a version endpoint's body. With `jsonField`, that field's value (a string or number), whatever it
 * looks like. Without, the first of `sha`, `commit`, `version` that holds a SHA. A body that is not JSON but is a
 * bare SHA (`git rev-parse HEAD > public/version.txt`) is read as one. Null when nothing is found.
 * @example shaFromBody('{"build":{"commit":"1a2b3c4"}}', 'build.commit') // => '1a2b3c4'
 */
export function shaFromBody(body: string, jsonField?: string): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    const text = body.trim()
    return looksLikeSha(text) ? text : null
  }
  if (typeof parsed === 'string') return looksLikeSha(parsed.trim()) ? parsed.trim() : null
  if (jsonField !== undefined) return scalarText(fieldAt(parsed, jsonField))
  for (const field of DEFAULT_SHA_FIELDS) {
    const value = scalarText(fieldAt(parsed, field))
    if (value !== null && looksLikeSha(value)) return value
  }
  return null
}

function fieldAt(value: unknown, path: string): unknown {
  let current = value
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}
