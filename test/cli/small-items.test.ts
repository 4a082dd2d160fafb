// The CLI's smaller promises (issue 13): serve-sample has a help, compare's text names the baseline file and can
// write JUnit, and compare --profile reads only the gate settings (no environment variable of the target or headers).
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { serializeRunResult } from '../../src/results/codec.js'
import { memoryIo } from '../helpers/memory-io.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { parseXml } from '../report/xml-parser.js'

let dir: string
let baseline: string
let candidate: string
beforeAll(async () => {
  dir = await scratchDir('tailgate-cli-small-')
  const rounds = (centreMs: number) => Array.from({ length: 6 }, (_, i) => spreadMs(200, centreMs * (1 + i * 0.002)))
  baseline = join(dir, 'main-baseline.json')
  candidate = join(dir, 'pr-candidate.json')
  await writeFile(baseline, serializeRunResult(syntheticRun([{ name: 'GET /a', roundsMs: rounds(20) }])))
  await writeFile(candidate, serializeRunResult(syntheticRun([{ name: 'GET /a', roundsMs: rounds(26) }])))
})

describe('tailgate CLI, smaller items', () => {
  it('serve-sample --help prints its help and exits 0 (it used to be refused)', async () => {
    const io = memoryIo()

    expect(await main(['serve-sample', '--help'], io)).toBe(EXIT.pass)
    expect(io.out()).toContain('tailgate serve-sample [--port N] [--slow PREFIX=FACTOR]')
    expect(io.err()).toBe('')
  })

  it("compare's text output names the baseline file", async () => {
    const io = memoryIo()

    await main(['compare', '--baseline', baseline, '--candidate', candidate, '--format', 'text'], io)

    expect(io.out()).toContain(`Baseline: file ${baseline}.`)
  })

  it('compare --junit writes the verdict as JUnit XML: a failing test case for the regression', async () => {
    const junit = join(dir, 'junit.xml')

    const code = await main(
      ['compare', '--baseline', baseline, '--candidate', candidate, '--format', 'json', '--junit', junit],
      memoryIo(),
    )

    expect(code).toBe(EXIT.gateFailed)
    const xml = await readFile(junit, 'utf8')
    expect(() => parseXml(xml)).not.toThrow()
    expect(xml).toMatch(/<testcase [^>]*name="[^"]*GET \/a[^"]*"/)
    expect(xml).toMatch(/<failure /)
  })

  it('compare --profile takes the gate settings without demanding the environment variables of the target and headers', async () => {
    const profile = join(dir, 'env.yml')
    await writeFile(
      profile,
      [
        `target: \${TAILGATE_TEST_UNSET_URL}`,
        `headers: { authorization: "Bearer \${TAILGATE_TEST_UNSET_TOKEN}" }`,
        'rate: 5',
        'duration: 10s',
        'requests: [GET /a]',
        'gate: { margin: { relative: 50% } }', // a margin above the 30 % slowdown: no regression
      ].join('\n'),
    )
    const io = memoryIo()

    const code = await main(['compare', '--baseline', baseline, '--candidate', candidate, '--profile', profile], io)

    expect(io.err()).not.toMatch(/TAILGATE_TEST_UNSET/)
    expect(code).toBe(EXIT.pass)
  })
})
