// Cache keys of baselines: `tailgate-v1-<profile fingerprint>-<branch>-<sha>`. A PR restores the exact base SHA
// first, then the newest entry of the base branch by the restore-key prefix `tailgate-v1-<fp>-<branch>-`.
import type { BaselineQuery } from './types.js'

/** Bumped when the bundle's meaning changes incompatibly (old entries then simply miss). */
export const CACHE_KEY_VERSION = 'tailgate-v1'

/** Cache keys cannot contain commas and are at most 512 characters. */
function keyPart(text: string): string {
  return text.replace(/,/g, '_')
}

/** The restore-key prefix of a branch's baselines for one profile. */
export function cacheKeyPrefix(query: Pick<BaselineQuery, 'profileFingerprint' | 'branch'>): string {
  return `${CACHE_KEY_VERSION}-${keyPart(query.profileFingerprint)}-${keyPart(query.branch)}-`
}

/** The key of one baseline. */
export function cacheKey(query: Pick<BaselineQuery, 'profileFingerprint' | 'branch'>, sha: string): string {
  return `${cacheKeyPrefix(query)}${keyPart(sha)}`
}

/**
 * The SHA a matched key names, or null when the key is not `<prefix><sha>` (e.g. a branch `main-2` matching the
 * prefix of `main`; GitHub's branch scopes make that rare, but it must not pass as a baseline of `main`).
 */
export function shaOfKey(key: string, prefix: string): string | null {
  if (!key.startsWith(prefix)) return null
  const rest = key.slice(prefix.length)
  return /^[0-9a-f]{7,64}$/i.test(rest) ? rest : null
}
