// The normalized load profile: what a YAML profile means once parsed (durations in ms, defaults filled, frozen).
// Parsing lives in load-profile.ts; this module owns only the types the load engine and the shells code against.
import type { Budgets, GateSettings } from './gate-schema.js'

/**
 * Load models, named as k6 executors. Arrival-rate models are open (the default); VU models are closed. `capacity`
 * is a search: a series of constant-arrival-rate steps looking for the highest rate at which the SLO holds.
 */
export const LOAD_MODELS = [
  'constant-arrival-rate',
  'ramping-arrival-rate',
  'constant-vus',
  'ramping-vus',
  'capacity',
] as const
export type LoadModel = (typeof LOAD_MODELS)[number]

/** True for the open (arrival-rate) models, where latency is measured from the intended start. */
export function isOpenModel(model: LoadModel): boolean {
  return model === 'constant-arrival-rate' || model === 'ramping-arrival-rate' || model === 'capacity'
}

/** The capacity search (`model: capacity`): rates, step length, the SLO each step is judged by. */
export interface CapacitySettings {
  /** The first step's rate, requests (iterations) per second. */
  readonly startRatePerSecond: number
  /** Hard cap: no step runs above this rate. */
  readonly maxRatePerSecond: number
  /** Each passing step multiplies the rate by this factor until a step fails (default 2). */
  readonly growthFactor: number
  /** Bisection stops when the first failing rate is within this fraction above the sustained one (0.05 = 5 %). */
  readonly resolution: number
  /** Measured length of each step, ms (split into `rounds`); each step also has its own warm-up (`warmupMs`). */
  readonly stepDurationMs: number
  /** The objective per endpoint name or `*`, written like budgets: `p95 < 50ms`, `error-rate < 1%`. */
  readonly slo: Budgets
}

/** One stage of a ramp: move linearly from the previous level to `target` over `durationMs`. */
export interface Stage {
  readonly durationMs: number
  /** Iterations/s in arrival-rate models, virtual users in VU models. */
  readonly target: number
}

/** How much load, and how it changes over the measured window. Warm-up runs at the level the window starts with. */
export type LoadShape =
  | {
      readonly model: 'constant-arrival-rate'
      /** Iterations started per second (for one-step scenarios: requests/s). */
      readonly ratePerSecond: number
      /** Connections to the target; requests beyond them queue in the pool (and that wait counts as latency). */
      readonly maxConnections: number
      /** Iterations under way at most; later ones wait in the generator, which makes the run invalid. */
      readonly maxInFlight: number
    }
  | {
      readonly model: 'ramping-arrival-rate'
      readonly startRatePerSecond: number
      readonly stages: readonly Stage[]
      readonly maxConnections: number
      readonly maxInFlight: number
    }
  | { readonly model: 'constant-vus'; readonly vus: number; readonly maxConnections: number }
  | {
      readonly model: 'ramping-vus'
      readonly startVus: number
      readonly stages: readonly Stage[]
      readonly maxConnections: number
    }

/** Pause after a step: fixed when min equals max, otherwise uniform in [minMs, maxMs]. */
export interface ThinkTime {
  readonly minMs: number
  readonly maxMs: number
}

/** A value taken from a response for later steps. */
export type Capture =
  | { readonly variable: string; readonly from: 'json'; readonly path: string }
  | { readonly variable: string; readonly from: 'header'; readonly header: string }

/** Checks on a response; a failed check counts the request as `check-failed`. */
export interface Expectation {
  /** Accepted status codes; empty means "any status below 400". */
  readonly status: readonly number[]
  /** Header name (lower case) -> text the header value must contain. */
  readonly headers: Readonly<Record<string, string>>
  readonly bodyContains: readonly string[]
  /** JSON path -> value the response JSON must hold there (deep equality). */
  readonly json: Readonly<Record<string, unknown>>
}

export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly text: string }

/** One request of a journey. Strings may hold `{{var}}` templates, expanded per iteration. */
export interface Step {
  /** The endpoint name statistics are grouped by: the step's `name`, or `METHOD /path` with templates unexpanded. */
  readonly name: string
  readonly method: string
  /** Path template, starting with '/'. */
  readonly path: string
  readonly query: readonly (readonly [string, string])[]
  /** Header name (lower case) -> value template; merged over the profile's default headers. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: RequestBody
  readonly timeoutMs: number
  readonly think: ThinkTime | null
  readonly captures: readonly Capture[]
  readonly expect: Expectation
}

export const DATA_ORDERS = ['sequential', 'random', 'unique'] as const
/** `sequential` cycles through the rows, `random` picks one per iteration, `unique` gives each iteration its own row. */
export type DataOrder = (typeof DATA_ORDERS)[number]

/** Test data for a scenario, read when the profile is loaded; each row's fields become template variables. */
export interface DataSource {
  /** The path as written in the profile (relative to the profile file). */
  readonly file: string
  readonly order: DataOrder
  readonly rows: readonly Readonly<Record<string, string>>[]
  /** sha256 of the file's bytes (hex), for the profile fingerprint. */
  readonly contentSha256: string
}

/** A user journey: steps run in order within one iteration; scenarios are picked by weight. */
export interface Scenario {
  readonly name: string
  readonly weight: number
  readonly steps: readonly Step[]
  readonly data: DataSource | null
}

/** The limits of `rounds: auto`. */
export interface AutoRounds {
  readonly minRounds: number
  readonly maxRounds: number
}

export interface Profile {
  /** The profile's `name`, or the file's base name without extension. */
  readonly id: string
  /** The profile file, when read from one. */
  readonly file: string | null
  readonly target: URL
  readonly model: LoadModel
  readonly load: LoadShape
  readonly warmupMs: number
  /** Measured window (after warm-up), ms; for ramps, the sum of the stages. */
  readonly durationMs: number
  /** Rounds the measured window is split into (equal length); with `rounds: auto`, the rounds of the first look. */
  readonly rounds: number
  /**
   * `rounds: auto`: after the first `rounds` (min-rounds) rounds, rounds of the same length are added one at a time
   * until every gated comparison is decided, `maxRounds` is reached or `maxDurationMs` (then required) would be
   * passed. Null: a fixed number of rounds.
   */
  readonly autoRounds: AutoRounds | null
  /** Default per-request timeout, ms. */
  readonly requestTimeoutMs: number
  /** Hard cap on the whole run (warm-up included); the result is marked partial when it hits. Null: no cap. */
  readonly maxDurationMs: number | null
  /** How long in-flight requests may finish after a stop (signal or max-duration), ms. */
  readonly gracePeriodMs: number
  /** Event-loop lag (p99) above which the run is marked invalid, ms. */
  readonly maxEventLoopLagMs: number
  /** Default headers (lower-case names), sent with every request. */
  readonly headers: Readonly<Record<string, string>>
  readonly tls: { readonly insecure: boolean }
  readonly scenarios: readonly Scenario[]
  readonly gate: GateSettings
  readonly budgets: Budgets
  /** The capacity search's settings when `model` is `capacity` (then `load` is the first step's shape); else null. */
  readonly capacity: CapacitySettings | null
  /**
   * Set by applyShard on a shard's profile: the whole profile's fingerprint, which the shard's RunResult carries so
   * that merged shards compare with unsharded baselines (see runFingerprint).
   */
  readonly wholeProfileFingerprint?: string
}
