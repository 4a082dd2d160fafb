import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { serializeRunResult } from '../../src/results/codec.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { syntheticReportRun } from '../report/html-cases.js'

let dir: string
const names = ['GET /a', 'GET /b']
const run = (startedAt: string, sha: string, factor = 1) =>
  syntheticReportRun({ names, rounds: 6, startedAt, sha, factor: (i) => (i === 1 ? factor : 1) })

beforeAll(async () => {
  dir = await scratchDir('tailgate-report-cli-')
  await writeFile(join(dir, 'older.json'), serializeRunResult(run('2026-11-18T12:00:00.000Z', '1'.repeat(40))))
  await writeFile(join(dir, 'baseline.json'), serializeRunResult(run('2026-11-20T12:00:00.000Z', 'b'.repeat(40))))
  await writeFile(join(dir, 'candidate.json'), serializeRunResult(run('2026-11-23T12:00:00.000Z', 'c'.repeat(40), 1.4)))
  await writeFile(join(dir, 'not-a-result.json'), '{"hello": 1}')
})

const chartCount = (html: string, kind: string): number => html.split(`data-chart="${kind}"`).length - 1

describe('tailgate report', () => {
  it("writes the README's example: candidate against baseline, with history for the trend", async () => {
    const io = memoryIo()
    const at = (file: string) => join(dir, file)

    // npx tailgate report candidate.json --baseline baseline.json --history older.json --out report.html
    const code = await main(
      [
        'report',
        at('candidate.json'),
        '--baseline',
        at('baseline.json'),
        '--history',
        at('older.json'),
        '--out',
        at('report.html'),
      ],
      io,
    )

    expect(code).toBe(EXIT.pass)
    expect(io.err()).toMatch(/HTML report \(regression, \d+ KiB\) written to .*report\.html/)
    const html = await readFile(at('report.html'), 'utf8')
    expect(html).toContain('<h1 id="verdict" class="verdict v-regression">❌ Tailgate: regression</h1>')
    expect(chartCount(html, 'trend')).toBe(2)
    expect(chartCount(html, 'distribution')).toBe(2)
    expect(html).toContain(`Baseline: file ${at('baseline.json')}.`)
  })

  it('without --baseline: a no-baseline report that says so', async () => {
    const io = memoryIo()

    expect(await main(['report', join(dir, 'candidate.json'), '--out', join(dir, 'alone.html')], io)).toBe(EXIT.pass)

    const html = await readFile(join(dir, 'alone.html'), 'utf8')
    expect(html).toContain('Tailgate: no baseline')
    expect(html).toContain('no baseline was given (tailgate report --baseline FILE compares with one)')
  })

  it.each([
    { argv: ['report'], err: /'RESULT\.json': expected one result file, got 0/ },
    {
      argv: ['report', '/nonexistent/r.json'],
      err: /'RESULT\.json'.*cannot read '\/nonexistent\/r\.json' \(ENOENT\)/,
    },
    { argv: ['report', 'NOT_A_RESULT'], err: /not-a-result\.json/ },
    { argv: ['report', 'a.json', '--colour'], err: /Unknown option '--colour'/ },
  ])('refuses $argv with exit 2 and one line naming the problem', async ({ argv, err }) => {
    const io = memoryIo()
    const args = argv.map((arg) => (arg === 'NOT_A_RESULT' ? join(dir, 'not-a-result.json') : arg))

    expect(await main(args, io)).toBe(EXIT.usage)

    expect(io.err()).toMatch(err)
    expect(io.err()).not.toMatch(/\n\s+at /)
  })

  it('prints its help', async () => {
    const io = memoryIo()

    expect(await main(['report', '--help'], io)).toBe(EXIT.pass)

    expect(io.out()).toMatch(/--history FILE/)
  })
})
