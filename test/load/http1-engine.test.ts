// The engine on its default dispatcher (the HTTP/1.1 client): one connection per closed-model virtual user, at most
// `max-connections` for the open model, every request answered and counted.
import { describe, expect, it, onTestFinished } from 'vitest'
import { startRawServer } from './http1-raw-server.js'
import { profileFor, run, total } from './run-helpers.js'

async function server() {
  const raw = await startRawServer(async (socket) => {
    await new Promise((r) => setTimeout(r, 3))
    if (!socket.destroyed) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')
  })
  onTestFinished(raw.close)
  return raw
}

describe('the engine on its HTTP/1.1 client', () => {
  it('closed model: one kept-alive connection per virtual user', async () => {
    const raw = await server()
    const profile = profileFor(raw.url, 'model: constant-vus\nvus: 3\nduration: 400ms\nrounds: 1\nrequests: [GET /]')
    const result = await run(profile)
    expect(raw.connections()).toBe(3)
    const requests = total(result, (r) => r.requests)
    expect(requests).toBeGreaterThan(3)
    expect(result.endpoints[0]?.rounds[0]?.statusCounts).toEqual({ 200: requests })
  })

  it('open model: never more than max-connections connections, every request answered', async () => {
    const raw = await server()
    const profile = profileFor(
      raw.url,
      'model: constant-arrival-rate\nrate: 400/s\nmax-connections: 2\nduration: 500ms\nrounds: 1\nrequests: [GET /]',
    )
    const result = await run(profile)
    expect(raw.connections()).toBeGreaterThanOrEqual(1)
    expect(raw.connections()).toBeLessThanOrEqual(2)
    const requests = total(result, (r) => r.requests)
    expect(requests).toBeGreaterThan(0)
    expect(result.endpoints[0]?.rounds[0]?.statusCounts).toEqual({ 200: requests })
  })
})
