import { readFileSync } from 'node:fs'
import { Client } from 'undici'
import { describe, expect, it, onTestFinished } from 'vitest'
import { MAX_KEPT_BODY_BYTES } from '../../src/load/http.js'
import type { ErrorClass } from '../../src/results/types.js'
import { refusedUrl, startServer, startTlsServer } from '../helpers/servers.js'
import { profileFor, run } from './run-helpers.js'

const tls = {
  cert: readFileSync(new URL('./fixtures/self-signed-cert.pem', import.meta.url), 'utf8'),
  key: readFileSync(new URL('./fixtures/self-signed-key.pem', import.meta.url), 'utf8'),
}

/** A closed run of 2 VUs for 250 ms (a generous timeout, so a busy machine cannot turn a fault into a timeout); returns the error counts of the one endpoint and its request count. */
async function faultsOf(url: URL, extra = '', options: Parameters<typeof run>[1] = {}, timeout = '5s') {
  const profile = profileFor(
    url,
    `model: constant-vus\nvus: 2\nduration: 250ms\nrounds: 1\ntimeout: ${timeout}\n${extra}`,
  )
  const result = await run(profile, options)
  const round = result.endpoints[0]?.rounds[0]
  return { errors: round?.errors ?? {}, requests: round?.requests ?? 0, statusCounts: round?.statusCounts ?? {} }
}

const onlyClass = (errors: Partial<Record<ErrorClass, number>>, requests: number, errorClass: ErrorClass) => {
  expect(requests).toBeGreaterThan(0)
  expect(errors).toEqual({ [errorClass]: requests })
}

describe('error classes, each produced by a real fault', () => {
  it('counts a socket the server destroys as connection-reset', async () => {
    const server = await startServer((req) => req.socket.destroy())
    onTestFinished(server.close)

    const { errors, requests } = await faultsOf(server.url, 'requests: [GET /]')

    onlyClass(errors, requests, 'connection-reset')
  })

  it('counts a server that never answers as timeout, after the request timeout', async () => {
    const server = await startServer(() => {})
    onTestFinished(server.close)

    const { errors, requests } = await faultsOf(server.url, 'requests: [GET /]', {}, '150ms')

    onlyClass(errors, requests, 'timeout')
  })

  it('counts a closed port as connection-refused', async () => {
    const url = await refusedUrl()

    const { errors, requests } = await faultsOf(url, 'requests: [GET /]')

    onlyClass(errors, requests, 'connection-refused')
  })

  it.each([
    { status: 503, errorClass: 'http-5xx' as const },
    { status: 500, errorClass: 'http-5xx' as const },
    { status: 404, errorClass: 'http-4xx' as const },
    { status: 429, errorClass: 'http-4xx' as const },
  ])('counts status $status as $errorClass', async ({ status, errorClass }) => {
    const server = await startServer((_req, res) => {
      res.statusCode = status
      res.end('no')
    })
    onTestFinished(server.close)

    const { errors, requests, statusCounts } = await faultsOf(server.url, 'requests: [GET /]')

    onlyClass(errors, requests, errorClass)
    expect(statusCounts).toEqual({ [status]: requests })
  })

  it('does not count a 404 that the step expects', async () => {
    const server = await startServer((_req, res) => {
      res.statusCode = 404
      res.end()
    })
    onTestFinished(server.close)

    const { errors, requests } = await faultsOf(server.url, 'requests: [{ path: /gone, expect: { status: 404 } }]')

    expect(requests).toBeGreaterThan(0)
    expect(errors).toEqual({})
  })

  it('counts a wrong body as check-failed', async () => {
    const server = await startServer((_req, res) => res.end('{"ok": false}'))
    onTestFinished(server.close)

    const { errors, requests } = await faultsOf(
      server.url,
      'requests: [{ path: /, expect: { body-contains: "true" } }]',
    )

    onlyClass(errors, requests, 'check-failed')
  })

  it('fails a check on a body over the 16 MiB it keeps, and drops the body, while unchecked requests pass', async () => {
    const body = Buffer.alloc(MAX_KEPT_BODY_BYTES + 1024, 'x')
    body.write('"ok": true', body.length - 16)
    const server = await startServer((_req, res) => res.end(body))
    onTestFinished(server.close)

    const checked = await faultsOf(server.url, 'requests: [{ path: /, expect: { body-contains: "true" } }]')
    const unchecked = await faultsOf(server.url, 'requests: [GET /]')

    onlyClass(checked.errors, checked.requests, 'check-failed')
    expect(unchecked.requests).toBeGreaterThan(0)
    expect(unchecked.errors).toEqual({})
  })

  it('counts a failing name lookup as dns', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const failingLookup = (_host: string, _options: unknown, callback: (error: Error) => void) =>
      callback(Object.assign(new Error('getaddrinfo ENOTFOUND preview.invalid'), { code: 'ENOTFOUND' }))

    const { errors, requests } = await faultsOf(server.url, 'requests: [GET /]', {
      dispatcherFactory: (origin) => new Client(origin, { connect: { lookup: failingLookup as never } }),
      target: new URL(`http://preview.invalid:${server.url.port}`),
    })

    onlyClass(errors, requests, 'dns')
  })

  it('counts a self-signed certificate as tls, and accepts it with tls.insecure', async () => {
    const server = await startTlsServer((_req, res) => res.end('ok'), tls)
    onTestFinished(server.close)

    const strict = await faultsOf(server.url, 'requests: [GET /]')
    const insecure = await faultsOf(server.url, 'tls: { insecure: true }\nrequests: [GET /]')

    onlyClass(strict.errors, strict.requests, 'tls')
    expect(insecure.requests).toBeGreaterThan(0)
    expect(insecure.errors).toEqual({})
    expect(insecure.statusCounts).toEqual({ 200: insecure.requests })
  })
})
