import { once } from 'node:events'
import { createServer as createHttpServer } from 'node:http'
import { type AddressInfo, createServer, type Socket } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import { memoryLog } from '../../src/log.js'
import { startServer } from '../helpers/servers.js'
import { profileFor, run, total } from './run-helpers.js'

describe('runLoad, closed model (constant-vus)', () => {
  it('sends requests on several connections and records one histogram per endpoint per round', async () => {
    // given
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'model: constant-vus\nvus: 4\nduration: 600ms\nrounds: 3\nrequests: [GET /a, GET /b]',
    )

    // when
    const result = await run(profile)

    // then
    expect(result).toMatchObject({
      model: 'closed',
      gatedLatency: 'actual',
      completion: { status: 'complete' },
      source: 'tailgate',
    })
    expect(result.generatorLateness).toBeUndefined() // no schedule to be late for
    expect(result.rounds.map((r) => r.index)).toEqual([0, 1, 2])
    expect(result.endpoints.map((e) => e.name)).toEqual(['GET /a', 'GET /b'])
    for (const endpoint of result.endpoints) {
      expect(endpoint.rounds).toHaveLength(3)
      for (const round of endpoint.rounds) {
        expect(round.requests).toBeGreaterThan(0)
        expect(round.latency.count).toBe(round.requests)
        expect(round.actualLatency.count).toBe(round.requests)
        expect(round.statusCounts).toEqual({ 200: round.requests })
        expect(round.bytesReceived).toBe(2 * round.requests)
      }
    }
    expect(result.health.intendedRatePerSecond).toBeNull()
    expect(result.health.achievedRatePerSecond).toBeCloseTo(total(result, (r) => r.requests) / 0.6, 5)
  })

  it('counts 5xx responses as errors and still records their latency', async () => {
    const server = await startServer((_req, res) => {
      res.statusCode = 503
      res.end()
    })
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'model: constant-vus\nvus: 2\nduration: 300ms\nrounds: 1\nrequests: [GET /]')

    const result = await run(profile)

    const round = result.endpoints[0]?.rounds[0]
    expect(round?.requests).toBeGreaterThan(0)
    expect(round?.errors).toEqual({ 'http-5xx': round?.requests })
    expect(round?.statusCounts).toEqual({ 503: round?.requests })
    expect(round?.latency.count).toBe(round?.requests)
  })

  it('excludes warm-up requests from every round but reports their count', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'model: constant-vus\nvus: 2\nwarmup: 300ms\nduration: 300ms\nrounds: 2\nrequests: [GET /]',
    )

    const result = await run(profile)

    const endpoint = result.endpoints[0]
    expect(endpoint?.warmupRequests).toBeGreaterThan(0)
    expect(result.warmupMs).toBe(300)
    expect(result.durationMs).toBe(300)
    const measured = total(result, (r) => r.requests)
    expect(result.timeline.reduce((sum, p) => sum + p.requests, 0)).toBe(measured + (endpoint?.warmupRequests ?? 0))
  })

  it('fills environment, git, profile id and fingerprint from the options and the profile', async () => {
    const server = await startServer((_req, res) => res.end('ok'))
    onTestFinished(server.close)
    const profile = profileFor(
      server.url,
      'name: smoke\nmodel: constant-vus\nvus: 1\nduration: 100ms\nrequests: [GET /]',
    )
    const git = {
      repository: 'o/r',
      ref: 'refs/pull/1/merge',
      branch: 'feature',
      sha: 'abc',
      runId: '7',
      workflow: 'perf',
    }

    const result = await run(profile, { git, now: () => new Date('2026-01-02T03:04:05.000Z') })

    expect(result.profileId).toBe('smoke')
    expect(result.profileFingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(result.git).toEqual(git)
    expect(result.environment.tailgateVersion).toBe('0.0.0-test')
    expect(result.startedAt).toBe('2026-01-02T03:04:05.000Z')
  })

  it('gives every virtual user its own keep-alive connection, one request at a time on each', async () => {
    // given: a raw HTTP/1.1 server that sees each connection's bytes and answers each request 2 ms later
    const server = await startRawServer()
    onTestFinished(server.close)
    const profile = profileFor(server.url, 'model: constant-vus\nvus: 5\nduration: 400ms\nrounds: 1\nrequests: [GET /]')

    // when
    const result = await run(profile)

    // then: 5 connections, each reused for many requests, and never a request before the previous answer
    expect(server.connections).toHaveLength(5)
    for (const connection of server.connections) {
      expect(connection.requests).toBeGreaterThan(1)
      expect(connection.requestsWhileBusy).toBe(0)
    }
    const served = server.connections.reduce((sum, c) => sum + c.requests, 0)
    expect(total(result, (r) => r.requests)).toBeLessThanOrEqual(served)
    expect(result.endpoints[0]?.rounds[0]?.statusCounts).toEqual({ 200: total(result, (r) => r.requests) })
  })

  it('backs off from a refused port (a few attempts, not thousands a second) and measures the target again when it is back', async () => {
    // given: a loopback port nothing listens on (a server's, closed), and a server on that port again 200 ms later
    const gone = await startServer((_req, res) => res.end('ok'))
    await gone.close()
    const port = Number(gone.url.port)
    const back = createHttpServer((_req, res) => res.end('ok'))
    onTestFinished(() => new Promise<void>((resolve) => back.close(() => resolve())))
    const comeback = setTimeout(() => back.listen(port, '127.0.0.1'), 200)
    onTestFinished(() => clearTimeout(comeback))
    const profile = profileFor(gone.url, 'model: constant-vus\nvus: 1\nduration: 2s\nrounds: 1\nrequests: [GET /]')

    // when
    const log = memoryLog()
    const result = await run(profile, { log })

    // then: without the back-off one VU made ~8,600 attempts/s on a refused port; with it, 7 in the first second
    // (0, 10, 30, ... 630 ms): a slower machine only makes fewer. Once the server is back, its answers reset the
    // back-off: the VU measures back to back again (hundreds of answers; at 1 s apart it could make at most 2).
    const round = result.endpoints[0]?.rounds[0]
    expect(round?.errors['connection-refused'] ?? 0).toBeGreaterThan(0)
    expect(round?.errors['connection-refused']).toBeLessThan(100)
    expect(Object.keys(round?.errors ?? {})).toEqual(['connection-refused'])
    expect(round?.statusCounts['200']).toBeGreaterThan(5)
    expect(round?.requests).toBe((round?.statusCounts['200'] ?? 0) + (round?.errors['connection-refused'] ?? 0))
    // the waits are no requests, and the run's log says how many there were and how much VU time they took
    expect(log.lines.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^Back-off after connection failures: \d+ waits, \d+\.\d s of VU time \(not requests;/),
    )
  })
})

interface RawConnection {
  requests: number
  /** Requests whose head arrived while the connection's previous request was still unanswered (pipelining). */
  requestsWhileBusy: number
}

/** A minimal HTTP/1.1 server on 127.0.0.1 (bodiless requests only) that records what each connection carried. */
async function startRawServer() {
  const connections: RawConnection[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    const connection: RawConnection = { requests: 0, requestsWhileBusy: 0 }
    connections.push(connection)
    sockets.add(socket)
    let busy = false
    let buffered = ''
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1')
      let end = buffered.indexOf('\r\n\r\n')
      while (end >= 0) {
        buffered = buffered.slice(end + 4)
        connection.requests++
        if (busy) connection.requestsWhileBusy++
        busy = true
        setTimeout(() => {
          busy = false
          if (!socket.destroyed) socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok')
        }, 2)
        end = buffered.indexOf('\r\n\r\n')
      }
    })
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    connections,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      server.close()
      await once(server, 'close')
    },
  }
}
