// `${NAME}` in a profile's target and header values: taken from the environment when the profile loads, so that
// secrets (tokens, API keys) stay in the workflow's `env:` rather than in the YAML. Nowhere else, on purpose.
import type { IssuePath, ProfileIssue } from './profile-issues.js'

const ENV_PATTERN = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/** Where a lookup reads variables (process.env in production). */
export type Environment = Readonly<Record<string, string | undefined>>

function expand(text: string, env: Environment, path: IssuePath, issues: ProfileIssue[]): string {
  return text.replace(ENV_PATTERN, (whole, name: string) => {
    const value = env[name]
    if (value === undefined) {
      issues.push({
        path,
        problem: `environment variable ${name} is not set`,
        fix: `set ${name} in the step's env: (e.g. ${name}: \${{ secrets.${name} }}), or write the value without \${…}`,
      })
      return whole
    }
    return value
  })
}

function expandHeaders(headers: unknown, env: Environment, path: IssuePath, issues: ProfileIssue[]): void {
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return
  const record = headers as Record<string, unknown>
  for (const [name, value] of Object.entries(record)) {
    if (typeof value === 'string') record[name] = expand(value, env, [...path, name], issues)
  }
}

function expandRequests(requests: unknown, env: Environment, path: IssuePath, issues: ProfileIssue[]): void {
  if (!Array.isArray(requests)) return
  for (const [index, request] of requests.entries()) {
    if (request !== null && typeof request === 'object') {
      expandHeaders((request as Record<string, unknown>).headers, env, [...path, index, 'headers'], issues)
    }
  }
}

/**
 * Replaces `${NAME}` in `target`, the default headers and every step's headers of a raw (parsed YAML) profile,
 * in place. An unset variable is an issue naming it and how to set it.
 * @example expandEnvironment({ headers: { authorization: 'Bearer ${TOKEN}' } }, { TOKEN: 't' }, issues)
 */
export function expandEnvironment(raw: Record<string, unknown>, env: Environment, issues: ProfileIssue[]): void {
  if (typeof raw.target === 'string') raw.target = expand(raw.target, env, ['target'], issues)
  expandHeaders(raw.headers, env, ['headers'], issues)
  expandRequests(raw.requests, env, ['requests'], issues)
  if (!Array.isArray(raw.scenarios)) return
  for (const [index, scenario] of raw.scenarios.entries()) {
    if (scenario !== null && typeof scenario === 'object') {
      expandRequests((scenario as Record<string, unknown>).steps, env, ['scenarios', index, 'steps'], issues)
    }
  }
}
