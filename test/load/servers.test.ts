import { request } from 'undici'
import { describe, expect, it, onTestFinished } from 'vitest'
import { refusedUrl, startServer } from '../helpers/servers.js'

describe('startServer', () => {
  it('serves the handler on 127.0.0.1 and stops accepting after close', async () => {
    // given
    const server = await startServer((_req, res) => res.end('hello'))
    onTestFinished(server.close)

    // when
    const response = await request(server.url)
    const body = await response.body.text()
    await server.close()

    // then
    expect(server.url.hostname).toBe('127.0.0.1')
    expect(body).toBe('hello')
    await expect(request(server.url)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('closes even while a keep-alive connection is open', async () => {
    // given
    const server = await startServer((_req, res) => res.end('ok'))
    const response = await request(server.url)
    await response.body.text()

    // when
    await server.close()

    // then: close resolved without waiting for the keep-alive timeout, and a second close is harmless
    await expect(server.close()).resolves.toBeUndefined()
    await expect(request(server.url)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('gives a refused URL for connection-refused tests', async () => {
    const url = await refusedUrl()

    await expect(request(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})
