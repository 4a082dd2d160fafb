// A secret for tests that must prove a protected-preview credential never leaks (logs, outputs, summary, comment,
// report files, RunResult). Made only of letters and digits so that no escaping (Markdown, HTML, JSON, URL) changes
// it: a raw grep for SECRET finds every leak. The base64 forms catch a leak of an encoded Authorization header.

/** The bypass-header value to send; grep every channel for it. */
export const SECRET = 'tgSecret7Qv2Lk9Xw4Zr8Nb3'

/** The basic-auth user and password whose Authorization header must not leak either. */
export const SECRET_BASIC_AUTH = { user: 'preview', password: SECRET } as const

/** What a leak can look like: the value, and the base64 of the value and of the basic-auth credential. */
export const SECRET_LEAK_PATTERN = new RegExp(
  [
    SECRET,
    Buffer.from(SECRET).toString('base64').replace(/=+$/, ''),
    Buffer.from(`${SECRET_BASIC_AUTH.user}:${SECRET_BASIC_AUTH.password}`).toString('base64').replace(/=+$/, ''),
  ].join('|'),
)

/** The leaks in `texts` (name -> text), e.g. `{ summary, comment, 'result.json': ... }`; empty when there is none. */
export function secretLeaks(texts: Readonly<Record<string, string>>): string[] {
  return Object.entries(texts)
    .filter(([, text]) => SECRET_LEAK_PATTERN.test(text))
    .map(([name]) => name)
}
