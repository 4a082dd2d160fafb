// Parses the protected-preview headers input ("Name: value" lines, ${ENV} references, a basic-auth shorthand) into
// headers plus the list of secret strings to mask. Pure: the environment is passed in. Error messages never quote a
// header value, only names and line numbers, because every value here is a secret.
import { ConfigError, ConfigErrors } from '../../config/errors.js'

/** What the caller passes: the input's text and where `${NAME}` references are looked up. */
export interface SecretHeadersOptions {
  /** One `Name: value` per line; blank lines and lines starting with `#` are skipped. */
  readonly text: string
  /** Environment for `${NAME}` references (the step's `env:`; process.env in the action). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The input name used in error messages. Default `headers`. */
  readonly input?: string
}

/** The parsed headers (lower-case names) and every string that must be masked wherever text leaves the process. */
export interface SecretHeaders {
  readonly headers: Readonly<Record<string, string>>
  /** Header values, the values of referenced environment variables, and both forms of a basic-auth credential. */
  readonly secrets: readonly string[]
}

/** The shorthand name: `basic-auth: user:password` becomes `authorization: Basic base64(user:password)`. */
export const BASIC_AUTH = 'basic-auth'

/** Headers that undici or HTTP framing own; setting them by hand breaks requests. */
const FORBIDDEN_HEADERS = [
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
] as const
/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const ENV_REFERENCE = /\$\{([^}]*)\}/g
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Visible ASCII, tab, space and Latin-1: what undici accepts in a header value. */
const VALUE_CHARS = /^[\t\x20-\x7E\x80-\xFF]*$/

interface Line {
  readonly number: number
  readonly text: string
}

/**
 * Parses protected-preview headers, e.g. Vercel's bypass header from a secret passed through `env:`:
 * ```
 * x-vercel-protection-bypass: ${VERCEL_BYPASS}
 * basic-auth: preview:${PREVIEW_PASSWORD}
 * cookie: session=${SESSION}
 * ```
 * Every value is treated as secret and returned in `secrets` (register each with `core.setSecret` and the
 * redactor). Throws a ConfigError (one problem) or ConfigErrors (several) naming the input and the line number;
 * no message quotes a value.
 * @example parseSecretHeaders({ text: 'x-token: ${T}', env: { T: 'abc' } }) // => { headers: { 'x-token': 'abc' }, secrets: ['abc'] }
 */
export function parseSecretHeaders(options: SecretHeadersOptions): SecretHeaders {
  const input = options.input ?? 'headers'
  const headers: Record<string, string> = {}
  const firstLine = new Map<string, number>()
  const secrets = new Set<string>()
  const errors: ConfigError[] = []
  const fail = (line: Line, problem: string, fix: string) =>
    errors.push(new ConfigError(input, `line ${line.number} ${problem}`, fix))

  for (const line of significantLines(options.text)) {
    const colon = line.text.indexOf(':')
    if (colon <= 0) {
      fail(line, 'is not a header line (no name before a colon)', "write one 'Name: value' per line")
      continue
    }
    const name = line.text.slice(0, colon).trim().toLowerCase()
    if (!HEADER_NAME.test(name)) {
      fail(
        line,
        'has a header name with spaces or symbols',
        `write one 'Name: value' per line, e.g. 'x-api-key: \${API_KEY}'`,
      )
      continue
    }
    if ((FORBIDDEN_HEADERS as readonly string[]).includes(name)) {
      fail(line, `sets '${name}', which the HTTP client manages itself`, 'remove this line')
      continue
    }
    const resolved = resolveReferences(line.text.slice(colon + 1).trim(), options.env)
    if (!resolved.ok) {
      fail(line, resolved.problem, resolved.fix)
      continue
    }
    for (const value of resolved.referenced) secrets.add(value)
    const problem = valueProblem(resolved.value)
    if (problem) {
      fail(line, `has a value for '${name}' that ${problem}`, 'set a non-empty value on one line')
      continue
    }
    const header = name === BASIC_AUTH ? basicAuth(resolved.value) : { name, value: resolved.value, extra: [] }
    if (header === null) {
      fail(line, `has a '${BASIC_AUTH}' value without a colon`, `write '${BASIC_AUTH}: user:password'`)
      continue
    }
    const earlier = firstLine.get(header.name)
    if (earlier !== undefined) {
      fail(line, `sets '${header.name}' again (first set on line ${earlier})`, 'keep one line per header')
      continue
    }
    firstLine.set(header.name, line.number)
    headers[header.name] = header.value
    secrets.add(resolved.value)
    secrets.add(header.value)
    for (const value of header.extra) secrets.add(value)
  }

  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new ConfigErrors(errors)
  return { headers: Object.freeze(headers), secrets: Object.freeze([...secrets].filter((s) => s !== '')) }
}

function significantLines(text: string): Line[] {
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ number: index + 1, text: raw.trim() }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'))
}

type Resolved =
  | { readonly ok: true; readonly value: string; readonly referenced: readonly string[] }
  | { readonly ok: false; readonly problem: string; readonly fix: string }

/** Replaces each `${NAME}` with the environment's value; a missing or empty variable is an error. */
function resolveReferences(value: string, env: SecretHeadersOptions['env']): Resolved {
  const referenced: string[] = []
  for (const match of value.matchAll(ENV_REFERENCE)) {
    const envName = match[1]!.trim()
    if (!ENV_NAME.test(envName)) {
      return { ok: false, problem: 'has a $-reference that is not an environment variable name', fix: `write \${NAME}` }
    }
    const envValue = env[envName]
    if (envValue === undefined || envValue === '') {
      return {
        ok: false,
        problem: `refers to the environment variable ${envName}, which is ${envValue === undefined ? 'not set' : 'empty'}`,
        fix: `pass it to the step, e.g. 'env: { ${envName}: \${{ secrets.${envName} }} }' (secrets are empty in workflows from forks)`,
      }
    }
    referenced.push(envValue)
  }
  const resolved = value.replace(ENV_REFERENCE, (_whole, envName: string) => env[envName.trim()] ?? '')
  return { ok: true, value: resolved, referenced }
}

function valueProblem(value: string): string | null {
  if (value === '') return 'is empty'
  if (!VALUE_CHARS.test(value)) return 'contains a line break, a control character or a non-Latin-1 character'
  return null
}

/** The Authorization header of a `user:password` credential, with the decoded and encoded forms as extra secrets. */
function basicAuth(credential: string): { name: string; value: string; extra: string[] } | null {
  const colon = credential.indexOf(':')
  if (colon < 0) return null
  const encoded = Buffer.from(credential, 'latin1').toString('base64')
  const password = credential.slice(colon + 1)
  return { name: 'authorization', value: `Basic ${encoded}`, extra: [credential, encoded, password] }
}
