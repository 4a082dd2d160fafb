// biome-ignore-all lint/suspicious/noTemplateCurlyInString: header inputs under test hold literal ${NAME} references
// waitForReady against real loopback servers: slow starts, dead targets, old commits, protected previews.
import { once } from 'node:events'
import { createServer, type RequestListener } from 'node:http'
import { describe, expect, it, type TestContext } from 'vitest'
import { TargetNotReadyError, waitForReady } from '../../../src/action/preview/readiness.js'
import { createRedactor } from '../../../src/action/preview/redact.js'
import { parseSecretHeaders } from '../../../src/action/preview/secret-headers.js'
import { memoryLog } from '../../../src/log.js'
import { refusedUrl, startServer } from '../../helpers/servers.js'
import { SECRET, secretLeaks } from './secret.js'

const OLD_SHA = 'aaaaaaa111111111111111111111111111111111'
const NEW_SHA = 'bbbbbbb222222222222222222222222222222222'

type Teardown = TestContext['onTestFinished']

/** A server that records every request path; closed when the test finishes. */
async function recordingServer(onTestFinished: Teardown, handler: RequestListener) {
  const paths: string[] = []
  const server = await startServer((req, res) => {
    paths.push(`${req.method} ${req.url}`)
    handler(req, res)
  })
  onTestFinished(server.close)
  return { url: server.url, paths }
}

/** Listens on a given loopback port (one that refused connections a moment ago). */
async function listenOn(onTestFinished: Teardown, url: URL, handler: RequestListener) {
  const server = createServer(handler).listen(Number(url.port), '127.0.0.1')
  await once(server, 'listening')
  onTestFinished(async () => {
    server.closeAllConnections()
    server.close()
    await once(server, 'close')
  })
}

const afterMs = (delayMs: number) => {
  const at = Date.now() + delayMs
  return () => Date.now() >= at
}

async function rejection(promise: Promise<unknown>): Promise<TargetNotReadyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TargetNotReadyError)
  return error as TargetNotReadyError
}

describe.concurrent('waitForReady: a preview that comes up late', () => {
  it('waits through 3 s of refused connections until the server starts listening, then resolves', async ({
    onTestFinished,
  }) => {
    // Given a port where nothing listens yet, and a server that starts there in 3 s
    const url = await refusedUrl()
    const starting = new Promise<void>((resolve) =>
      setTimeout(() => listenOn(onTestFinished, url, (_req, res) => res.end('ok')).then(resolve), 3000),
    )
    const log = memoryLog()

    // When we wait for it
    const ready = await waitForReady({ url, healthPath: '/health', timeoutMs: 20_000, log })
    await starting

    // Then it resolved after several attempts, having logged the refusals
    expect(ready.attempts).toBeGreaterThan(1)
    expect(ready.waitedMs).toBeGreaterThanOrEqual(2900)
    expect(ready.url.href).toBe(new URL('/health', url).href)
    expect(log.lines.some((l) => l.message.includes('connection refused'))).toBe(true)
    expect(log.lines.at(-1)?.message).toMatch(/is ready after \d+ attempts/)
  })

  it('waits through 3 s of 503 answers, then resolves on the first 200', async ({ onTestFinished }) => {
    const up = afterMs(3000)
    const server = await recordingServer(onTestFinished, (_req, res) => {
      res.statusCode = up() ? 200 : 503
      res.end()
    })

    const ready = await waitForReady({ url: server.url, timeoutMs: 20_000, log: memoryLog() })

    expect(ready.waitedMs).toBeGreaterThanOrEqual(2900)
    expect(server.paths.length).toBe(ready.attempts)
    expect(new Set(server.paths)).toEqual(new Set(['GET /']))
  })

  it('accepts a configured status set and keeps the target URL path as a prefix', async ({ onTestFinished }) => {
    const server = await recordingServer(onTestFinished, (_req, res) => {
      res.statusCode = 401
      res.end()
    })

    const ready = await waitForReady({
      url: new URL('/app/', server.url),
      healthPath: '/healthz',
      acceptStatus: '200-299,401',
      log: memoryLog(),
    })

    expect(ready.attempts).toBe(1)
    expect(server.paths).toEqual(['GET /app/healthz'])
  })
})

describe.concurrent('waitForReady: a preview that never comes up', () => {
  it('fails after the wait timeout with the URL, the last status and the fix, having sent nothing but health checks', async ({
    onTestFinished,
  }) => {
    const server = await recordingServer(onTestFinished, (_req, res) => {
      res.statusCode = 503
      res.end('deploying')
    })

    const error = await rejection(
      waitForReady({ url: server.url, healthPath: '/health', timeoutMs: 1500, log: memoryLog() }),
    )

    const healthUrl = new URL('/health', server.url).href
    expect(error.message).toContain(`target ${healthUrl} was not ready after`)
    expect(error.message).toContain('last answer: HTTP 503')
    expect(error.message).toContain('no load was sent')
    expect(error.message).toContain("'health-path' (/health) answers 200-299")
    expect(error.message).toMatch(/increase 'wait-timeout' \(now 1\.50 s\)/)
    expect(error.details).toMatchObject({ url: healthUrl, lastProblem: 'HTTP 503' })
    expect(server.paths.length).toBeGreaterThan(1)
    expect(new Set(server.paths)).toEqual(new Set(['GET /health']))
  })

  it('names a refused connection', async () => {
    const url = await refusedUrl()

    const error = await rejection(waitForReady({ url, timeoutMs: 600, log: memoryLog() }))

    expect(error.message).toContain(`last error: connection refused (${url.host})`)
  })

  it('names a server that never answers in time', async ({ onTestFinished }) => {
    const server = await recordingServer(onTestFinished, () => {}) // holds every request

    const error = await rejection(
      waitForReady({ url: server.url, timeoutMs: 0, attemptTimeoutMs: 1000, log: memoryLog() }),
    )

    expect(error.message).toContain('last error: no answer within 1.00 s')
    expect(error.details.attempts).toBe(1)
  })

  it('names a redirect and where it points', async ({ onTestFinished }) => {
    const server = await recordingServer(onTestFinished, (_req, res) => {
      res.writeHead(302, { location: '/login' }).end()
    })

    const error = await rejection(waitForReady({ url: server.url, timeoutMs: 0, log: memoryLog() }))

    expect(error.message).toContain('last answer: HTTP 302 to /login')
  })
})

describe.concurrent('waitForReady: a preview that serves an old commit for 2 s', () => {
  it.for([
    {
      variant: 'header',
      expectSha: { header: 'x-commit-sha' },
      handler:
        (fresh: () => boolean): RequestListener =>
        (_req, res) => {
          res.setHeader('x-commit-sha', fresh() ? NEW_SHA : OLD_SHA)
          res.end('ok')
        },
    },
    {
      variant: 'JSON path',
      expectSha: { path: '/api/version' },
      handler:
        (fresh: () => boolean): RequestListener =>
        (req, res) => {
          if (req.url === '/api/version') res.end(JSON.stringify({ commit: fresh() ? NEW_SHA.slice(0, 7) : OLD_SHA }))
          else res.end('ok')
        },
    },
  ])(
    'waits while the $variant names the old commit, then passes on the new one',
    async ({ expectSha, handler }, { onTestFinished }) => {
      // Given a preview that serves the old commit for 2 s
      const server = await recordingServer(onTestFinished, handler(afterMs(2000)))
      const log = memoryLog()

      // When we wait for the PR's head commit
      const ready = await waitForReady({ url: server.url, expectSha, sha: NEW_SHA, timeoutMs: 20_000, log })

      // Then it waited, said why, and reports the served commit
      expect(ready.waitedMs).toBeGreaterThanOrEqual(1900)
      expect(ready.servedSha?.slice(0, 7)).toBe('bbbbbbb')
      expect(
        log.lines.some((l) => l.message.includes('serves commit aaaaaaa') && l.message.includes('measures bbbbbbb')),
      ).toBe(true)
    },
  )

  it('fails with the served and expected commits when the new one never arrives', async ({ onTestFinished }) => {
    const server = await recordingServer(onTestFinished, (_req, res) => {
      res.setHeader('x-commit-sha', OLD_SHA)
      res.end()
    })

    const error = await rejection(
      waitForReady({
        url: server.url,
        expectSha: { header: 'x-commit-sha' },
        sha: NEW_SHA,
        timeoutMs: 800,
        log: memoryLog(),
      }),
    )

    expect(error.message).toContain(
      'last answer: serves commit aaaaaaa (header x-commit-sha), this run measures bbbbbbb',
    )
    expect(error.message).toContain('wait for the deployment of bbbbbbb to finish')
    expect(error.details).toMatchObject({ servedSha: OLD_SHA, expectedSha: NEW_SHA })
  })

  it('fails naming the header when the preview never sends it', async ({ onTestFinished }) => {
    const server = await recordingServer(onTestFinished, (_req, res) => res.end())

    const error = await rejection(
      waitForReady({
        url: server.url,
        expectSha: { header: 'x-commit-sha' },
        sha: NEW_SHA,
        timeoutMs: 0,
        log: memoryLog(),
      }),
    )

    expect(error.message).toContain('no commit in header x-commit-sha')
  })

  it('warns and does not check the commit when this run has none', async ({ onTestFinished }) => {
    const server = await recordingServer(onTestFinished, (_req, res) => {
      res.setHeader('x-commit-sha', OLD_SHA)
      res.end()
    })
    const log = memoryLog()

    const ready = await waitForReady({ url: server.url, expectSha: { header: 'x-commit-sha' }, sha: null, log })

    expect(ready.servedSha).toBe(OLD_SHA)
    expect(log.lines).toContainEqual({
      level: 'warning',
      message: expect.stringContaining('the served commit is not checked'),
    })
  })
})

describe.concurrent('waitForReady: a protected preview', () => {
  const protectedHandler: RequestListener = (req, res) => {
    res.statusCode = req.headers['x-vercel-protection-bypass'] === SECRET ? 200 : 403
    res.end()
  }

  it('becomes ready with the bypass header, and nothing it logs holds the secret', async ({ onTestFinished }) => {
    // Given a preview that answers 403 without the bypass header, and the header from the input
    const server = await recordingServer(onTestFinished, protectedHandler)
    const { headers, secrets } = parseSecretHeaders({
      text: 'x-vercel-protection-bypass: ${VERCEL_BYPASS}',
      env: { VERCEL_BYPASS: SECRET },
    })
    const redact = createRedactor(secrets)
    const log = memoryLog()

    // When we wait with the header
    const ready = await waitForReady({ url: server.url, headers, timeoutMs: 5000, log, redact })

    // Then it is ready at once, and no log line or report text holds the secret
    expect(ready.attempts).toBe(1)
    const logText = log.lines.map((l) => l.message).join('\n')
    const reportText = redact(`Target ready; headers sent: ${JSON.stringify(headers)}`)
    expect(secretLeaks({ log: logText, report: reportText })).toEqual([])
  })

  it('without the header fails with HTTP 403 and the hint to pass the headers input', async ({ onTestFinished }) => {
    const server = await recordingServer(onTestFinished, protectedHandler)

    const error = await rejection(waitForReady({ url: server.url, timeoutMs: 0, log: memoryLog() }))

    expect(error.message).toContain('last answer: HTTP 403')
    expect(error.message).toContain("pass its bypass header or basic-auth in the 'headers' input")
  })

  it('redacts a secret carried in the target URL from the error and the log', async ({ onTestFinished }) => {
    const server = await recordingServer(onTestFinished, (_req, res) => {
      res.statusCode = 403
      res.end()
    })
    const url = new URL(`/?x-vercel-protection-bypass=${SECRET}`, server.url)
    const log = memoryLog()

    const error = await rejection(
      waitForReady({ url: new URL(`/${SECRET}/`, url), timeoutMs: 0, log, redact: createRedactor([SECRET]) }),
    )

    expect(error.message).toContain('/***/')
    const texts = { error: error.message, details: JSON.stringify(error.details), log: JSON.stringify(log.lines) }
    expect(secretLeaks(texts)).toEqual([])
  })
})
