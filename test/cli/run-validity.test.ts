// `tailgate run` against real loopback faults: a run that is no evidence exits 1 at once and names each error class
// with its fix; what can be checked before the load (output path, --target, rounds) is, before any request.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { roundsNeeded } from '../../src/gate/validity.js'
import {
  type FaultServer,
  startAlways503,
  startRefusedPort,
  startTlsFault,
  UNRESOLVABLE_URL,
} from '../helpers/fault-servers.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer, type TestServer } from '../helpers/servers.js'

let dir: string
beforeAll(async () => {
  dir = await scratchDir('tailgate-run-validity-')
})

/** Tests that expect exit 0 use a closed model: an open model on a busy runner may fall behind its schedule. */
const CLOSED = 'vus: 2'

/**
 * A short profile. The event-loop limit is generous: these tests are about the target's faults, and a busy runner's
 * lag must not add a second reason (the generator's own health is tested below with max-in-flight).
 */
async function profile(
  name: string,
  target: URL | string,
  extra = '',
  requests = 'requests: [GET /a, GET /b]',
  load = 'rate: 20',
): Promise<string> {
  const path = join(dir, name)
  const text = [
    `target: ${String(target)}`,
    load,
    'warmup: 0s',
    'duration: 500ms',
    'timeout: 300ms',
    'grace-period: 300ms',
    'max-event-loop-lag: 10s',
    requests,
    extra,
  ].join('\n')
  await writeFile(path, text)
  return path
}

async function runProfile(path: string, args: string[] = []) {
  const io = memoryIo()
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`)
  const code = await main(['run', path, '--out', out, '--quiet', ...args], io)
  return { code, err: io.err(), out }
}

const never = (): Promise<TestServer> => startServer(() => undefined) // accepts, reads the request, never answers
const wrongBody = (): Promise<TestServer> => startServer((_req, res) => res.end('nope'))

describe('tailgate run: a dead target is an error, said at once', () => {
  it.each([
    {
      fault: 'a refused port',
      start: startRefusedPort as () => Promise<Pick<FaultServer, 'url' | 'close'>>,
      errorClass: 'connection-refused',
      fix: 'is the server up, and listening on this port?',
      requests: undefined,
    },
    {
      fault: 'a self-signed certificate',
      start: startTlsFault,
      errorClass: 'tls',
      fix: 'tls: { insecure: true }',
      requests: undefined,
    },
    {
      fault: '5xx on everything',
      start: startAlways503,
      errorClass: 'http-5xx',
      fix: "look at the server's logs",
      requests: undefined,
    },
    {
      fault: 'a server that never answers',
      start: never,
      errorClass: 'timeout',
      fix: 'no answer within the request timeout (300',
      requests: undefined,
    },
    {
      fault: 'failing checks',
      start: wrongBody,
      errorClass: 'check-failed',
      fix: 'responses failed the `expect:` checks',
      requests: 'scenarios: [{ name: s, steps: [{ path: /a, expect: { body-contains: yes } }] }]',
    },
  ])('$fault: exit 1, the class $errorClass and its fix', async ({ start, errorClass, fix, requests }) => {
    const server = await start()
    onTestFinished(() => server.close())
    const path = await profile(`${errorClass}.yml`, server.url, '', requests)

    const { code, err, out } = await runProfile(path)

    expect(code).toBe(EXIT.gateFailed)
    expect(err).toContain('the run is invalid')
    expect(err).toMatch(/every request failed \(\d+ of \d+\)/)
    expect(err).toContain(`${errorClass} (`)
    expect(err).toContain(fix)
    expect(JSON.parse(await readFile(out, 'utf8')).endpoints.length).toBeGreaterThan(0) // the result is still written
  })

  it('DNS: an unresolvable .invalid name (resolution fails locally, nothing leaves the machine)', async () => {
    const { code, err } = await runProfile(await profile('dns.yml', UNRESOLVABLE_URL))

    expect(code).toBe(EXIT.gateFailed)
    expect(err).toContain('dns (')
    expect(err).toContain(`the host name ${UNRESOLVABLE_URL.hostname} does not resolve`)
  })

  it('a self-signed preview with tls: { insecure: true } passes', async () => {
    const server = await startTlsFault()
    onTestFinished(() => server.close())
    const { code, err } = await runProfile(
      await profile('insecure.yml', server.url, 'tls: { insecure: true }', undefined, CLOSED),
    )

    if (server.kind === 'self-signed') {
      expect(err).not.toContain('invalid')
      expect(code).toBe(EXIT.pass)
    } else expect(code).toBe(EXIT.gateFailed) // no openssl: a plain server spoken to as https stays a TLS failure
  })

  it('a generator that fell behind (max-in-flight reached) exits 1 and says so, though no request failed', async () => {
    const slow = await startServer((_req, res) => setTimeout(() => res.end('ok'), 150))
    onTestFinished(() => slow.close())
    const { code, err } = await runProfile(await profile('behind.yml', slow.url, 'max-in-flight: 1'))

    expect(code).toBe(EXIT.gateFailed)
    expect(err).toContain('the run is invalid')
    expect(err).toMatch(/max-in-flight/)
    expect(err).not.toContain('every request failed')
  })

  it('a healthy target exits 0 and says "1 endpoint" in the singular', async () => {
    const ok = await startServer((_req, res) => res.end('ok'))
    onTestFinished(() => ok.close())
    const { code, err } = await runProfile(await profile('one.yml', ok.url, '', 'requests: [GET /a]', CLOSED))

    expect(err).toMatch(/on 1 endpoint;/)
    expect(code).toBe(EXIT.pass)
  })
})

describe('tailgate run: checked before any load is sent', () => {
  let server: TestServer
  let seen = 0
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      seen++
      res.end('ok')
    })
  })
  afterAll(() => server.close())

  it.each([
    { what: 'a path below a regular file', out: () => join(dir, 'a-file.txt', 'out.json'), code: /ENOTDIR|EEXIST/ },
    { what: 'a directory', out: () => dir, code: /EISDIR/ },
  ])('an unwritable --out ($what): exit 2 naming --out, no request sent', async ({ out, code }) => {
    await writeFile(join(dir, 'a-file.txt'), 'x')
    const io = memoryIo()
    const before = seen

    const exit = await main(['run', await profile('out.yml', server.url), '--out', out(), '--quiet'], io)

    expect(exit).toBe(EXIT.usage)
    expect(io.err()).toMatch(/'--out': cannot write/)
    expect(io.err()).toMatch(code)
    expect(seen).toBe(before)
  })

  it('a bad --target is reported as the --target flag, not as line 1 of the profile', async () => {
    const path = await profile('ok.yml', server.url)
    const io = memoryIo()

    expect(await main(['run', path, '--target', 'ftp://example', '--quiet'], io)).toBe(EXIT.usage)
    expect(io.err()).toContain("'--target': 'ftp://example' is not an http(s) URL")
    expect(io.err()).not.toContain('ok.yml:1:1')
  })

  it('rounds too few to ever reach significance: a warning naming the smallest rounds that can, then the run', async () => {
    const needed = roundsNeeded(0.05, 2 * 2) // two endpoints x the default metrics p50 and p95

    const { code, err } = await runProfile(await profile('rounds.yml', server.url, 'rounds: 3', undefined, CLOSED))

    expect(err).toContain('warning: rounds: 3 is too few')
    expect(err).toContain(`Use at least ${needed} rounds per side`)
    expect(err.indexOf('warning: rounds')).toBeLessThan(err.indexOf('Measured'))
    expect(code).toBe(EXIT.pass)
  })

  it('no warning when the rounds can reach significance', async () => {
    const { err } = await runProfile(await profile('rounds-ok.yml', server.url, 'rounds: 8', undefined, CLOSED))

    expect(err).not.toContain('warning: rounds')
  })
})
