// The fake's route table type: a method, a path pattern, the failure family it belongs to, and a handler.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FakeGitHubState, RouteFamily } from './state.js'

export interface RouteContext {
  readonly state: FakeGitHubState
  readonly request: IncomingMessage
  readonly response: ServerResponse
  /** The full request URL (resolved against the fake's base). */
  readonly url: URL
  /** The fake's base URL, no trailing slash. */
  readonly baseUrl: string
  readonly body: Buffer
  /** Capture groups of the route's pattern. */
  readonly params: readonly string[]
}

export interface Route {
  /** HTTP method, or '*' for any. */
  readonly method: string
  readonly pattern: RegExp
  readonly family: RouteFamily
  handle(context: RouteContext): void | Promise<void>
}
