// `tailgate run` on a capacity profile prints a line per step and the finding, and writes a result that
// `tailgate compare` gates on (the commands of docs/capacity.md).
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { parseRunResult } from '../../src/results/codec.js'
import { workerPool } from '../helpers/capacity-servers.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer, type TestServer } from '../helpers/servers.js'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

describe('tailgate run with model: capacity', () => {
  it('searches, reports each step, writes the result, and compares it', async () => {
    const server = await startServer(workerPool({ workers: 8, serviceMs: 1 }).handler)
    servers.push(server)
    const dir = await scratchDir('tailgate-capacity-cli-')
    const profile = join(dir, 'capacity.yml')
    await writeFile(
      profile,
      'name: capacity\nmodel: capacity\nstart-rate: 40/s\nmax-rate: 80/s\nstep-duration: 1s\nwarmup: 200ms\n' +
        'slo: ["p95 < 200ms"]\nrequests:\n  - GET /work\n',
    )
    const out = join(dir, 'base.json')
    const io = memoryIo()
    const code = await main(['run', profile, '--target', server.url.href, '--out', out, '--quiet'], io)
    expect(code).toBe(EXIT.pass)
    expect(io.err()).toMatch(
      /Capacity: held up to max-rate 80\.0\/s: the capacity is at least that .*2 steps, \d+ requests/,
    )
    const result = parseRunResult(await readFile(out, 'utf8'), out)
    expect(result.capacity?.status).toBe('at-max-rate')

    const loud = memoryIo()
    await main(['run', profile, '--target', server.url.href, '--out', join(dir, 'pr.json')], loud)
    expect(loud.err()).toMatch(/capacity step 1: 40\.0\/s pass: every objective held/)

    const compare = memoryIo()
    const compared = await main(
      ['compare', '--baseline', out, '--candidate', join(dir, 'pr.json'), '--format', 'text'],
      compare,
    )
    expect(compared).toBe(EXIT.pass)
    expect(compare.out()).toContain('capacity unchanged')

    const sharded = memoryIo()
    expect(await main(['run', profile, '--target', server.url.href, '--shard', '1/2'], sharded)).toBe(EXIT.usage)
    expect(sharded.err()).toContain('a capacity search cannot be sharded')
  }, 60_000)
})
