// Who the token is: the author of every comment Tailgate writes, so that it only ever edits its own. GITHUB_TOKEN
// writes as `github-actions[bot]`, a personal access token as its user (`GET /user`), a GitHub App's installation
// token as the app's bot (`<slug>[bot]`, from GraphQL `viewer`: installation tokens may not call `GET /user`).
import { describeApiError } from './errors.js'
import type { RestClient } from './rest.js'

/** The login GITHUB_TOKEN writes comments as. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]'

export interface TokenIdentity {
  /** The login comments created with this token carry, e.g. `github-actions[bot]`, `octocat`, `my-app[bot]`. */
  readonly login: string
  /** How it was found, for the log. */
  readonly source: 'GET /user' | 'GraphQL viewer' | 'assumed'
  /** Set when the lookup failed and `github-actions[bot]` is assumed. */
  readonly warning: string | null
}

/** Installation tokens (GITHUB_TOKEN and GitHub App tokens) start with `ghs_`; user tokens with ghp_/github_pat_/gho_/ghu_. */
const INSTALLATION_TOKEN = /^ghs_/

/**
 * The identity of `token`. Never throws: when GitHub cannot say, GITHUB_TOKEN's `github-actions[bot]` is assumed and
 * `warning` says why (Tailgate then never edits a comment of anyone else, at worst it writes a new one).
 * @example await tokenIdentity({ rest, token: 'ghp_…' }) // => { login: 'octocat', source: 'GET /user', warning: null }
 */
export async function tokenIdentity(options: {
  readonly rest: RestClient
  readonly token: string
}): Promise<TokenIdentity> {
  const { rest, token } = options
  const problems: string[] = []
  if (!INSTALLATION_TOKEN.test(token)) {
    try {
      const { data } = await rest.rest.users.getAuthenticated()
      if (data.login) return { login: data.login, source: 'GET /user', warning: null }
    } catch (error) {
      problems.push(`GET /user: ${describeApiError(error)}`)
    }
  }
  try {
    const data = await rest.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }')
    const login = data.viewer?.login
    if (login) return { login: normalizeBotLogin(login, token), source: 'GraphQL viewer', warning: null }
    problems.push('GraphQL viewer: no login in the answer')
  } catch (error) {
    problems.push(`GraphQL viewer: ${describeApiError(error)}`)
  }
  return {
    login: GITHUB_ACTIONS_BOT,
    source: 'assumed',
    warning:
      `could not tell which account the github-token belongs to (${problems.join('; ')}); only comments by ` +
      `${GITHUB_ACTIONS_BOT} are updated`,
  }
}

/** GraphQL names an app's bot by its slug (`my-app`); its comments carry `my-app[bot]`. */
function normalizeBotLogin(login: string, token: string): string {
  return INSTALLATION_TOKEN.test(token) && !login.endsWith('[bot]') ? `${login}[bot]` : login
}

/**
 * The identity, looked up once on first use and shared by every later caller.
 * @example const author = memoizedIdentity(() => tokenIdentity({ rest, token })); (await author()).login
 */
export function memoizedIdentity(lookup: () => Promise<TokenIdentity>): () => Promise<TokenIdentity> {
  let pending: Promise<TokenIdentity> | null = null
  return () => {
    pending ??= lookup()
    return pending
  }
}
