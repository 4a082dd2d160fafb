// Scale-out over GitHub Actions matrix jobs: `shard: i/N` runs the i-th of N equal slices of the load. Each shard
// sends 1/N of the arrival rate (or of the VUs); a final job merges the shards' histograms (they add exactly).
import { ConfigError } from './errors.js'
import { runFingerprint } from './fingerprint.js'
import type { Profile } from './profile.js'

export interface Shard {
  /** 1-based. */
  readonly index: number
  readonly count: number
}

/** Parses `i/N` (1 ≤ i ≤ N ≤ 256); empty text means no sharding. */
export function parseShard(text: string, field = 'shard'): Shard | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || index < 1 || count < 1 || index > count || count > 256) {
    throw new ConfigError(field, `'${trimmed}' is not a shard`, 'write i/N with 1 ≤ i ≤ N, e.g. 2/4 (from a matrix)')
  }
  return { index, count }
}

/**
 * The profile one shard runs: arrival rates divided by N (open models); VUs divided by N, the remainder going to
 * the first shards (closed models), so the shards together make the unsharded load. A closed-model shard left with
 * no VU is refused, and so is a capacity search (its steps must see the whole load).
 */
export function applyShard(profile: Profile, shard: Shard | null): Profile {
  if (shard === null || shard.count === 1) return profile
  if (profile.capacity !== null) {
    throw new ConfigError('shard', 'a capacity search cannot be sharded', 'run it in one job (drop shard)')
  }
  const { index, count } = shard
  const share = (total: number) => Math.floor(total / count) + (index <= total % count ? 1 : 0)
  const load = profile.load
  const whole = { ...profile, wholeProfileFingerprint: runFingerprint(profile) }
  switch (load.model) {
    case 'constant-arrival-rate':
      return { ...whole, load: { ...load, ratePerSecond: load.ratePerSecond / count } }
    case 'ramping-arrival-rate':
      return {
        ...whole,
        load: {
          ...load,
          startRatePerSecond: load.startRatePerSecond / count,
          stages: load.stages.map((s) => ({ ...s, target: s.target / count })),
        },
      }
    case 'constant-vus': {
      const vus = share(load.vus)
      if (vus === 0) throw tooFewVus(load.vus, count)
      return { ...whole, load: { ...load, vus } }
    }
    case 'ramping-vus': {
      const peak = Math.max(load.startVus, ...load.stages.map((s) => s.target))
      if (share(peak) === 0) throw tooFewVus(peak, count)
      return {
        ...whole,
        load: {
          ...load,
          startVus: share(load.startVus),
          stages: load.stages.map((s) => ({ ...s, target: share(s.target) })),
        },
      }
    }
  }
}

function tooFewVus(vus: number, count: number): ConfigError {
  return new ConfigError('shard', `${vus} VUs cannot be split into ${count} shards`, `use at most ${vus} shards`)
}
