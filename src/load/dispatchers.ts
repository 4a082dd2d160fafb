// The default dispatchers: one undici Client per connection for closed models (the fastest path), one Pool for
// the open models' shared connections.
import { Client, type Dispatcher, Pool } from 'undici'
import type { DispatcherFactory } from './types.js'

/** Keep-alive far beyond any run, and no pipelining: one request per connection at a time, like a browser. */
const COMMON = {
  keepAliveTimeout: 600_000,
  keepAliveMaxTimeout: 600_000,
  pipelining: 1,
  headersTimeout: 0,
  bodyTimeout: 0,
} as const

/** The production factory: a Client for one connection, a Pool for several. */
export const defaultDispatcherFactory: DispatcherFactory = (origin, request): Dispatcher => {
  const connect = request.insecureTls ? { rejectUnauthorized: false } : undefined
  if (request.connections <= 1) return new Client(origin, { ...COMMON, connect })
  return new Pool(origin, { ...COMMON, connections: request.connections, connect })
}
