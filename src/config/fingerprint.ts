// The profile fingerprint: a hash of everything that changes the load, so that a baseline is only compared with a
// run of the same load. Excludes the target URL, header values that may be secrets, the gate and the budgets.
import { createHash } from 'node:crypto'
import type { Profile, Step } from './profile.js'

/** Header names whose values are secrets: only the name enters the fingerprint. */
const SECRET_HEADER = /auth|token|key|secret|cookie|session|password|credential|signature/i

/** Header names sorted, with values only for headers that cannot be secrets. */
function headersForFingerprint(headers: Readonly<Record<string, string>>): unknown {
  return Object.entries(headers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (SECRET_HEADER.test(name) ? [name] : [name, value]))
}

function stepLoad(step: Step): unknown {
  return {
    name: step.name,
    method: step.method,
    path: step.path,
    query: step.query,
    headers: headersForFingerprint(step.headers),
    body: step.body,
    timeoutMs: step.timeoutMs,
    think: step.think,
    captures: step.captures,
    expect: step.expect,
  }
}

/** JSON with object keys sorted at every level, so that key order in the YAML does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * sha256 (first 16 hex digits) of a canonical JSON of the load: model and rates/VUs/stages, rounds, warm-up,
 * durations, timeouts, scenarios and steps, and the content hash of data files. Stable across key order.
 * @example profileFingerprint(profile) // => '3f2a9c0e4b1d7a65'
 */
export function profileFingerprint(profile: Profile): string {
  const load = {
    v: 1,
    load: profile.load,
    warmupMs: profile.warmupMs,
    durationMs: profile.durationMs,
    rounds: profile.rounds,
    requestTimeoutMs: profile.requestTimeoutMs,
    // Only capacity profiles carry it (undefined is left out, so other profiles keep their fingerprints).
    capacity: profile.capacity ?? undefined,
    defaultHeaders: headersForFingerprint(profile.headers),
    scenarios: profile.scenarios.map((scenario) => ({
      name: scenario.name,
      weight: scenario.weight,
      steps: scenario.steps.map(stepLoad),
      data: scenario.data && {
        file: scenario.data.file,
        order: scenario.data.order,
        sha256: scenario.data.contentSha256,
      },
    })),
  }
  return createHash('sha256').update(canonicalJson(load)).digest('hex').slice(0, 16)
}

/**
 * The fingerprint a run of `profile` carries: the profile's own, or for a shard the whole profile's (set by
 * applyShard), so that merged shards compare with unsharded baselines.
 */
export function runFingerprint(profile: Profile): string {
  return profile.wholeProfileFingerprint ?? profileFingerprint(profile)
}

/** The reason the gate and the baseline stores give when a baseline was measured with another load profile. */
export const PROFILE_CHANGED = 'profile changed in this PR'
