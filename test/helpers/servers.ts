// Real HTTP servers on 127.0.0.1 for network tests: port 0, closed in teardown (closeAllConnections, then close).
import { once } from 'node:events'
import { createServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'

/** A listening loopback server and how to stop it. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` (no trailing path). */
  readonly url: URL
  /** Drops every open connection (keep-alive included), then closes the listener. Safe to call twice. */
  close(): Promise<void>
}

/**
 * Starts an HTTP server on 127.0.0.1, port 0 (the OS picks a free port).
 * @example
 * const server = await startServer((_req, res) => res.end('ok'))
 * onTestFinished(server.close)
 */
export async function startServer(handler: RequestListener): Promise<TestServer> {
  return listen(createServer({ keepAliveTimeout: 30_000 }, handler), 'http')
}

/** Starts an HTTPS server on 127.0.0.1, port 0, with the given certificate and key (PEM). */
export async function startTlsServer(
  handler: RequestListener,
  tls: { cert: string; key: string },
): Promise<TestServer> {
  return listen(createHttpsServer({ ...tls, keepAliveTimeout: 30_000 }, handler), 'https')
}

async function listen(server: Server, protocol: 'http' | 'https'): Promise<TestServer> {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  let closed: Promise<void> | undefined
  return {
    url: new URL(`${protocol}://127.0.0.1:${port}`),
    close: () => {
      closed ??= (async () => {
        const done = once(server, 'close')
        server.closeAllConnections()
        server.close()
        await done
      })()
      return closed
    },
  }
}

/**
 * A loopback port that refuses connections: a server is started on port 0 and closed, so the port was free a
 * moment ago and nothing listens on it now.
 */
export async function refusedUrl(): Promise<URL> {
  const server = await startServer((_req, res) => res.end())
  const { url } = server
  await server.close()
  return url
}
