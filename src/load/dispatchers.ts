// The dispatchers the engine sends measured requests through. The default is the engine's own HTTP/1.1 client
// (src/load/http1/): one connection per closed-model virtual user, a pool of `max-connections` for the open models;
// it costs about half of undici's CPU per request and removes most of the generator's own tail (docs/benchmarks.md,
// issue 16). undici's Client/Pool stay available as the reference the new client is tested and benchmarked against.
import { Client, type Dispatcher, Pool } from 'undici'
import { Http1Pool } from './http1/pool.js'
import type { DispatcherFactory } from './types.js'

/** Keep-alive far beyond any run, and no pipelining: one request per connection at a time, like a browser. */
const COMMON = {
  keepAliveTimeout: 600_000,
  keepAliveMaxTimeout: 600_000,
  pipelining: 1,
  headersTimeout: 0,
  bodyTimeout: 0,
} as const

/** The production factory: the engine's HTTP/1.1 client, with `connections` keep-alive connections. */
export const defaultDispatcherFactory: DispatcherFactory = (origin, request): Dispatcher =>
  new Http1Pool(origin, { connections: request.connections, insecureTls: request.insecureTls })

/** undici's Client for one connection, a Pool for several: the reference for tests and A/B benchmarks. */
export const undiciDispatcherFactory: DispatcherFactory = (origin, request): Dispatcher => {
  const connect = request.insecureTls ? { rejectUnauthorized: false } : undefined
  if (request.connections <= 1) return new Client(origin, { ...COMMON, connect })
  return new Pool(origin, { ...COMMON, connections: request.connections, connect })
}
