import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { serializeRunResult } from '../../src/results/codec.js'
import { memoryIo } from '../helpers/memory-io.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'

let dir: string
let requestsSeen = 0
let server: Awaited<ReturnType<typeof startServer>>

beforeAll(async () => {
  dir = await scratchDir('tailgate-cli-')
  server = await startServer((_req, res) => {
    requestsSeen++
    res.end('ok')
  })
})
afterAll(async () => server.close())

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

describe('tailgate CLI', () => {
  it.each([
    { argv: ['--help'], code: EXIT.pass, out: /Exit codes:/ },
    { argv: ['run', '--help'], code: EXIT.pass, out: /--target URL/ },
    { argv: ['compare', '--help'], code: EXIT.pass, out: /--no-continuity/ },
    { argv: ['demo', '--help'], code: EXIT.pass, out: /30% slower/ },
  ])('prints help for $argv', async ({ argv, code, out }) => {
    const io = memoryIo()

    expect(await main(argv, io)).toBe(code)
    expect(io.out()).toMatch(out)
  })

  it.each([
    { argv: ['frobnicate'], err: /unknown command 'frobnicate'/ },
    { argv: ['run', 'p.yml', '--tagret', 'x'], err: /Unknown option '--tagret'/ },
    { argv: ['compare', '--candidate', 'b.json'], err: /'--baseline': is missing; pass --baseline FILE/ },
    { argv: ['compare', '--baseline', '/nonexistent/a', '--candidate', '/nonexistent/b'], err: /cannot read/ },
  ])('exits 2 with one clear line for $argv', async ({ argv, err }) => {
    const io = memoryIo()

    expect(await main(argv, io)).toBe(EXIT.usage)
    expect(io.err()).toMatch(err)
    expect(io.err()).not.toMatch(/\n\s+at /) // no stack trace
  })

  it.each([
    { what: 'a missing target', yaml: 'requests: [GET /]\nduration: 1s\n', err: /'target'.*--target/ },
    {
      what: 'a typo in a key',
      yaml: 'target: http://127.0.0.1:1\nrequests: [GET /]\nduraton: 1s\n',
      err: /p\.yml:3.*'duraton'.*did you mean 'duration'/,
    },
    {
      what: 'a bad duration',
      yaml: 'target: http://127.0.0.1:1\nrequests: [GET /]\nduration: 10 parsecs\n',
      err: /p\.yml:3.*'duration'.*'10 parsecs' is not a duration.*e\.g\. 500ms, 10s/,
    },
  ])('stops before any request on $what, naming the field, the line and the fix', async ({ yaml, err }) => {
    const profile = await file('p.yml', yaml)
    const io = memoryIo()
    const before = requestsSeen

    const code = await main(['run', profile, '--out', join(dir, 'never.json')], io)

    expect(code).toBe(EXIT.usage)
    expect(io.err()).toMatch(err)
    expect(io.err()).not.toMatch(/\n\s+at /)
    expect(requestsSeen).toBe(before)
  })

  it('runs a profile against a loopback server and writes a RunResult', async () => {
    const profile = await file(
      'ok.yml',
      `target: ${server.url.href}\nmodel: constant-vus\nvus: 2\nwarmup: 0s\nduration: 600ms\nrounds: 3\nmax-event-loop-lag: 10s\nrequests: [GET /ping]\n`,
    )
    const out = join(dir, 'ok-result.json')
    const io = memoryIo()

    expect(await main(['run', profile, '--out', out, '--quiet'], io)).toBe(EXIT.pass)
    expect(io.err()).toMatch(/result written to .*ok-result\.json/)
    const result = JSON.parse(await (await import('node:fs/promises')).readFile(out, 'utf8'))
    expect(result.formatVersion).toBe('1.2')
    expect(result.endpoints[0].name).toBe('GET /ping')
    expect(result.endpoints[0].rounds).toHaveLength(3)
  })

  it('compares sample files and prints the Mann-Whitney and Hodges-Lehmann JSON', async () => {
    const a = await file('a.txt', '12\n14\n15\n18\n21\n')
    const b = await file('b.json', '[8, 9, 11, 13, 16]')
    const io = memoryIo()

    // scipy 1.10.1: mannwhitneyu([12,14,15,18,21],[8,9,11,13,16]) -> U=21.0, exact two-sided p=0.09523809523809523
    expect(await main(['compare', '--baseline', a, '--candidate', b, '--format', 'json'], io)).toBe(EXIT.pass)
    const json = JSON.parse(io.out())
    expect(json.mannWhitney.u).toBe(21)
    expect(json.mannWhitney.method).toBe('exact')
    expect(json.mannWhitney.z).toBeNull()
    expect(json.mannWhitney.pValue).toBeCloseTo(0.0952381, 6)
    expect(json.n).toEqual({ baseline: 5, candidate: 5 })
  })

  it('refuses sample files whose differences overflow a double with a clear error (exit 2), never a null shift', async () => {
    const a = await file('huge-a.txt', '-1.7e308\n1\n2\n')
    const b = await file('huge-b.txt', '1.7e308\n3\n4\n')
    const io = memoryIo()

    expect(await main(['compare', '--baseline', a, '--candidate', b, '--format', 'json'], io)).toBe(EXIT.usage)
    expect(io.err()).toMatch(/^tailgate: the samples' differences overflow a double: .*rescale both samples/)
    expect(io.out()).toBe('')
  })

  it('imports a real autocannon result and exports it as Bencher BMF through the main command table', async () => {
    const fixture = new URL('../fixtures/import/', import.meta.url)
    const autocannon = (await import('node:fs'))
      .readdirSync(fixture)
      .find((f) => f.startsWith('autocannon') && f.endsWith('.json'))!
    const out = join(dir, 'imported.json')
    const imported = memoryIo()

    expect(
      await main(['import', '--source', 'autocannon', join(fixture.pathname, autocannon), '--out', out], imported),
    ).toBe(EXIT.pass)
    expect(imported.err()).toMatch(/Imported \d+ requests/)

    const exported = memoryIo()
    expect(await main(['export', '--format', 'bmf', out], exported)).toBe(EXIT.pass)
    expect(Object.keys(JSON.parse(exported.out())).length).toBeGreaterThan(0)
  })

  it('compares RunResult files and exits 1 on a regression', async () => {
    const rounds = (centreMs: number) => Array.from({ length: 6 }, (_, i) => spreadMs(200, centreMs * (1 + i * 0.002)))
    const baseline = await file(
      'base.json',
      serializeRunResult(syntheticRun([{ name: 'GET /a', roundsMs: rounds(20) }])),
    )
    const slower = await file('cand.json', serializeRunResult(syntheticRun([{ name: 'GET /a', roundsMs: rounds(26) }])))
    const same = await file('same.json', serializeRunResult(syntheticRun([{ name: 'GET /a', roundsMs: rounds(20) }])))

    const regressed = memoryIo()
    expect(await main(['compare', '--baseline', baseline, '--candidate', slower, '--format', 'text'], regressed)).toBe(
      EXIT.gateFailed,
    )
    expect(regressed.out()).toMatch(/GET \/a.*regression/)

    const unchanged = memoryIo()
    expect(await main(['compare', '--baseline', baseline, '--candidate', same, '--format', 'json'], unchanged)).toBe(
      EXIT.pass,
    )
    expect(JSON.parse(unchanged.out()).verdict.outcome).not.toBe('regression')
  })
})
