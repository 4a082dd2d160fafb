// `tailgate check`: validates without sending a request and prints what `run` would do.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { expectedLoad } from '../../src/load/expected-load.js'
import { profileBlocks } from '../docs/doc-blocks.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer, type TestServer } from '../helpers/servers.js'

let dir: string
let server: TestServer
let seen = 0
beforeAll(async () => {
  dir = await scratchDir('tailgate-check-')
  server = await startServer((_req, res) => {
    seen++
    res.end('ok')
  })
})
afterAll(() => server.close())

async function check(text: string, args: string[] = []) {
  const path = join(dir, 'tailgate.yml')
  await writeFile(path, text)
  const io = memoryIo()
  const before = seen
  const code = await main(['check', path, ...args], io)
  return { code, out: io.out(), err: io.err(), sent: seen - before }
}

const readmeProfile = profileBlocks().find((block) => block.file === 'README.md')?.text as string

describe('tailgate check', () => {
  it("prints the README profile's plan: endpoints, schedule, total requests, rounds and what the gate can detect", async () => {
    const { code, out, err, sent } = await check(readmeProfile, ['--target', server.url.href])

    expect(code).toBe(EXIT.pass)
    expect(sent).toBe(0)
    expect(err).toBe('')
    expect(out).toContain('valid; nothing was sent')
    expect(out).toMatch(/Endpoints +GET \/api\/users\/\{\{iteration\}\} +\(50 % of requests, 1,500 measured\)/)
    expect(out).toContain('GET /api/search?q=shoes')
    expect(out).toContain('5 s warm-up (excluded from every statistic), then 60 s measured in 6 rounds of 10 s')
    expect(out).toContain('3,250 in all: 250 in the warm-up, 3,000 measured (500 per round)')
    expect(out).toContain('4 comparisons at alpha 0.05 (Holm: the first needs p < 0.0125)')
    expect(out).toContain('6 rounds per side: the smallest possible p-value is 0.0011, below 0.0125')
    expect(out).toContain('max(5 %, 1.00 ms)')
    expect(out).toContain('p95 < 300ms, error-rate < 1%')
  })

  it('says when the rounds can never show a regression, and the smallest rounds that can', async () => {
    const { code, out, err } = await check(
      `target: ${server.url.href}\nrate: 10\nduration: 3s\nrounds: 3\nrequests: [GET /]\n`,
    )

    expect(code).toBe(EXIT.pass)
    expect(out).toContain('the gate can never report a regression; use rounds: 4 or more')
    expect(err).toContain('warning: rounds: 3 is too few')
  })

  it('says that a closed model has no request count before the run', async () => {
    const { out } = await check(`target: ${server.url.href}\nvus: 4\nduration: 10s\nrequests: [GET /]\n`)

    expect(out).toContain('4 virtual users')
    expect(out).toContain("not known before the run: a closed model's rate follows the server's latency")
  })

  it('refuses an invalid profile with file:line and the fix, exit 2, nothing sent', async () => {
    const { code, err, sent } = await check(`target: ${server.url.href}\nrate: 0\nduration: 3s\nrequests: [GET /]\n`)

    expect(code).toBe(EXIT.usage)
    expect(err).toMatch(/tailgate\.yml:2:7: 'rate': a rate of 0 sends nothing/)
    expect(sent).toBe(0)
  })

  it('has its own help and is listed in the main help', async () => {
    const io = memoryIo()

    expect(await main(['check', '--help'], io)).toBe(EXIT.pass)
    expect(io.out()).toContain('without sending')
    const mainHelp = memoryIo()
    await main(['--help'], mainHelp)
    expect(mainHelp.out()).toContain('tailgate check <profile.yml>')
  })
})

describe('expectedLoad', () => {
  it.each([
    {
      what: 'a constant rate',
      yaml: 'rate: 50\nwarmup: 2s\nduration: 10s\nrequests: [GET /a, GET /b]',
      warmup: 100,
      measured: 500,
    },
    {
      what: 'a ramp from 0 to 10/s over 10 s, then 10 s at 10/s (the warm-up runs at the first non-zero level)',
      yaml: 'start-rate: 0\nwarmup: 1s\nstages: [{ duration: 10s, target: 10 }, { duration: 10s, target: 10 }]\nrequests: [GET /]',
      warmup: 10,
      measured: 150,
    },
  ])('counts the iterations of $what', ({ yaml, warmup, measured }) => {
    const load = expectedLoad(parseProfile({ text: `target: http://127.0.0.1:1\n${yaml}`, file: 't.yml' }))

    expect(load.warmupIterations).toBeCloseTo(warmup, 9)
    expect(load.measuredIterations).toBeCloseTo(measured, 9)
  })

  it('weights requests per iteration and endpoint shares by scenario weight and steps', () => {
    const profile = parseProfile({
      text: [
        'target: http://127.0.0.1:1',
        'rate: 10',
        'duration: 10s',
        'scenarios:',
        '  - { name: buyer, weight: 1, steps: [GET /login, GET /cart, GET /pay] }',
        '  - { name: browser, weight: 3, steps: [GET /search] }',
      ].join('\n'),
      file: 't.yml',
    })

    const load = expectedLoad(profile)

    expect(load.requestsPerIteration).toBeCloseTo(0.25 * 3 + 0.75 * 1, 9)
    expect(load.endpoints.map((e) => [e.name, Math.round(e.share * 1000) / 1000])).toEqual([
      ['GET /login', 0.167],
      ['GET /cart', 0.167],
      ['GET /pay', 0.167],
      ['GET /search', 0.5],
    ])
  })
})
