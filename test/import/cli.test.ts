import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { exportCommand, importCommand } from '../../src/cli/import.js'
import { parseRunResult } from '../../src/results/codec.js'
import { memoryIo } from '../helpers/memory-io.js'
import { fixture, fixtureText, tempFile } from './helpers.js'

describe('tailgate import', () => {
  it('writes a RunResult file from three autocannon runs (three rounds) and prints the warnings', async () => {
    // given
    const io = memoryIo()
    const out = join(await tempDir(), 'result.json')
    const files = ['slow-1', 'slow-2', 'slow-3'].map((n) => fixture(`autocannon-${n}.json`))

    // when
    const code = await importCommand({ source: 'autocannon', files, out }, io)

    // then
    expect(code).toBe(EXIT.pass)
    const result = parseRunResult(await readFile(out, 'utf8'), out)
    expect(result).toMatchObject({ source: 'autocannon', gatedLatency: 'actual', model: 'closed' })
    expect(result.rounds).toHaveLength(3)
    expect(io.err()).toMatch(/^warning: autocannon writes no per-request samples/m)
    expect(io.err()).toMatch(
      /Imported \d+ requests on 1 endpoint\(s\) in 3 round\(s\) from 3 autocannon file\(s\); result written to .*result\.json/,
    )
  })

  it('imports k6 output in the number of rounds asked for', async () => {
    const io = memoryIo()
    const out = join(await tempDir(), 'k6-result.json')

    const code = await importCommand({ source: 'k6', files: [fixture('k6-output.json')], out, rounds: '4' }, io)

    expect(code).toBe(EXIT.pass)
    expect(parseRunResult(await readFile(out, 'utf8'), out).rounds).toHaveLength(4)
  })

  it.each([
    {
      what: 'no --source',
      args: { files: ['x'] },
      error:
        /^tailgate: '--source': is missing; pass the tool that wrote the files: --source k6\|autocannon\|artillery\n$/,
    },
    {
      what: 'an unknown tool',
      args: { source: 'jmeter', files: ['x'] },
      error: /'--source': 'jmeter' is not a tool Tailgate imports; use one of k6, autocannon, artillery/,
    },
    { what: 'no file', args: { source: 'k6', files: [] }, error: /'FILE': is missing; pass the k6 output file\(s\)/ },
    {
      what: '--rounds with autocannon',
      args: { source: 'autocannon', files: ['x'], rounds: '3' },
      error: /'--rounds': applies to k6 only; each autocannon file is one round: pass several files/,
    },
    {
      what: 'zero rounds',
      args: { source: 'k6', files: ['x'], rounds: '0' },
      error: /'--rounds': '0' is not a round count; write a whole number from 1 to 100/,
    },
    {
      what: 'a missing file',
      args: { source: 'k6', files: ['/nonexistent/k6.json'] },
      error: /'FILE': cannot read '\/nonexistent\/k6\.json' \(ENOENT\); check the path/,
    },
  ])('exits 2 with one line for $what', async ({ args, error }) => {
    const io = memoryIo()

    const code = await importCommand(args, io)

    expect(code).toBe(EXIT.usage)
    expect(io.err()).toMatch(error)
    expect(io.err()).not.toMatch(/\n\s+at /)
  })

  it('exits 2 naming the file and line of a truncated file, and writes nothing', async () => {
    const io = memoryIo()
    const dir = await tempDir()
    const cut = await tempFile('cut.json', (await fixtureText('k6-output.json')).slice(0, 5000))

    const code = await importCommand({ source: 'k6', files: [cut], out: join(dir, 'never.json') }, io)

    expect(code).toBe(EXIT.usage)
    expect(io.err()).toMatch(
      /^tailgate: .*cut\.json:\d+: the file ends in the middle of line \d+ \(truncated k6 output\)/,
    )
    await expect(readFile(join(dir, 'never.json'))).rejects.toThrow(/ENOENT/)
  })
})

describe('tailgate export --format bmf', () => {
  it('prints Bencher Metric Format JSON of an imported result', async () => {
    const dir = await tempDir()
    const result = join(dir, 'result.json')
    await importCommand({ source: 'artillery', files: [fixture('artillery-report.json')], out: result }, memoryIo())
    const io = memoryIo()

    const code = await exportCommand({ format: 'bmf', files: [result], prefix: 'shop' }, io)

    expect(code).toBe(EXIT.pass)
    const bmf = JSON.parse(io.out())
    expect(Object.keys(bmf).sort()).toEqual(['shop: GET /fast', 'shop: GET /slow', 'shop: GET /teapot'])
    expect(bmf['shop: GET /slow'].latency.value).toBeGreaterThan(5_000_000)
  })

  it.each([
    { what: 'no --format', args: { files: ['r.json'] }, error: /'--format': is missing; use --format bmf/ },
    {
      what: 'an unknown format',
      args: { format: 'csv', files: ['r.json'] },
      error: /'--format': 'csv' is not an export format/,
    },
    { what: 'two files', args: { format: 'bmf', files: ['a', 'b'] }, error: /'RESULT': takes one result file, got 2/ },
  ])('exits 2 for $what', async ({ args, error }) => {
    const io = memoryIo()

    expect(await exportCommand(args, io)).toBe(EXIT.usage)
    expect(io.err()).toMatch(error)
  })

  it('exits 2 when the file is not a RunResult', async () => {
    const io = memoryIo()

    const code = await exportCommand({ format: 'bmf', files: [fixture('autocannon-fast.json')] }, io)

    expect(code).toBe(EXIT.usage)
    expect(io.err()).toMatch(/autocannon-fast\.json: is not a Tailgate result \(no 'formatVersion'\)/)
  })
})

async function tempDir(): Promise<string> {
  const path = await tempFile('placeholder', '')
  return join(path, '..')
}
