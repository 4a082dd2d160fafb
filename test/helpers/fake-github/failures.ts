// Failure injection for the fake GitHub: per route family, a status, a rate limit, a hang or a delay, for the next
// N requests or for every request.
import type { RouteFamily } from './state.js'

/** What a failing request does. */
export type Failure =
  /** Answer with this status (REST bodies carry `message`; Twirp bodies carry `msg`). */
  | { readonly kind: 'status'; readonly status: number; readonly message?: string }
  /** A secondary rate limit: 403 (REST) or 429 (Twirp, blob) with `retry-after`. */
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  /** Never answer (the socket stays open until the client gives up or the fake closes). */
  | { readonly kind: 'hang' }
  /** Answer normally after a delay. */
  | { readonly kind: 'slow'; readonly delayMs: number }

interface Rule {
  readonly family: RouteFamily
  readonly failure: Failure
  /** Requests left to fail; Infinity for always. */
  remaining: number
  readonly method: string | undefined
  hits: number
}

/** A handle on one injected failure. */
export interface InjectedFailure {
  /** How many requests this failure has hit so far. */
  readonly hits: number
  /** Stops injecting it. */
  remove(): void
}

/** The message GitHub answers a fork PR's read-only token with. */
export const NOT_ACCESSIBLE_BY_INTEGRATION = 'Resource not accessible by integration'
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

/** Failure injection, per route family. Later rules are checked first. */
export class FailureInjection {
  private rules: Rule[] = []

  /**
   * Makes requests of `family` fail.
   * @param options.times how many requests fail (default: all); options.method only this HTTP method
   */
  on(family: RouteFamily, failure: Failure, options: { times?: number; method?: string } = {}): InjectedFailure {
    const rule: Rule = {
      family,
      failure,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
      method: options.method,
      hits: 0,
    }
    this.rules.unshift(rule)
    return {
      get hits() {
        return rule.hits
      },
      remove: () => {
        this.rules = this.rules.filter((r) => r !== rule)
      },
    }
  }

  /** Answer `status` (500 by default). */
  status(family: RouteFamily, status = 500, options: { times?: number; method?: string; message?: string } = {}) {
    return this.on(family, { kind: 'status', status, message: options.message ?? `fake failure ${status}` }, options)
  }

  /** 403 "Resource not accessible by integration", as a fork PR's token gets. */
  forbidden(family: RouteFamily, options: { times?: number; method?: string } = {}) {
    return this.on(family, { kind: 'status', status: 403, message: NOT_ACCESSIBLE_BY_INTEGRATION }, options)
  }

  rateLimit(family: RouteFamily, retryAfterSeconds: number, options: { times?: number; method?: string } = {}) {
    return this.on(family, { kind: 'rate-limit', retryAfterSeconds }, options)
  }

  hang(family: RouteFamily, options: { times?: number; method?: string } = {}) {
    return this.on(family, { kind: 'hang' }, options)
  }

  slow(family: RouteFamily, delayMs: number, options: { times?: number; method?: string } = {}) {
    return this.on(family, { kind: 'slow', delayMs }, options)
  }

  /** Removes every rule (of one family, when given). */
  clear(family?: RouteFamily): void {
    this.rules = family === undefined ? [] : this.rules.filter((r) => r.family !== family)
  }

  /** The failure for this request, consuming one use of its rule; undefined when it should succeed. */
  take(family: RouteFamily, method: string): Failure | undefined {
    const rule = this.rules.find((r) => r.family === family && r.remaining > 0 && (!r.method || r.method === method))
    if (!rule) return undefined
    rule.remaining--
    rule.hits++
    return rule.failure
  }
}
