// Every SciPy/R reference case of test/fixtures/mann-whitney/ through the command a user types: the samples written
// to files, `tailgate compare --baseline x.txt --candidate y.txt --format json` with each alternative and method, the
// printed JSON checked at the README's tolerances (test/stats/fixtures.test.ts checks the library and compareSamples).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { ALTERNATIVES } from '../../src/stats/types.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { type FixtureCase, loadFixtureFiles, pValueMatches, relativeMatches } from '../stats/fixture-files.js'

const cases = loadFixtureFiles().flatMap((file) => file.cases.map((fixture) => ({ ...fixture, file: file.file })))
let dir: string
beforeAll(async () => {
  dir = await scratchDir('tailgate-compare-fixtures-')
})

interface PrintedComparison {
  readonly n: { readonly baseline: number; readonly candidate: number }
  readonly mannWhitney: { readonly u: number; readonly pValue: number | null; readonly z: number | null }
  readonly hodgesLehmann: {
    readonly estimate: number
    readonly ci95: { readonly lower: number | null; readonly upper: number | null }
  }
}

/** Writes the samples one number a line (String() round-trips a double) and runs the CLI with `flags`. */
async function viaCli(fixture: FixtureCase, flags: readonly string[]): Promise<PrintedComparison> {
  const x = join(dir, `${fixture.id}-x.txt`)
  const y = join(dir, `${fixture.id}-y.txt`)
  await writeFile(x, `# baseline\n${fixture.x.map(String).join('\n')}\n`)
  await writeFile(y, `# candidate\n${fixture.y.map(String).join('\n')}\n`)
  const io = memoryIo()
  const code = await main(['compare', '--baseline', x, '--candidate', y, '--format', 'json', ...flags], io)
  expect(code, io.err()).toBe(0)
  return JSON.parse(io.out()) as PrintedComparison
}

const METHODS = [
  { flags: [], reference: 'p_auto', z: null },
  { flags: ['--method', 'exact'], reference: 'p_exact', z: null },
  { flags: ['--method', 'asymptotic'], reference: 'p_asymptotic_cc', z: 'z_cc' },
  { flags: ['--method', 'asymptotic', '--no-continuity'], reference: 'p_asymptotic_nocc', z: 'z_nocc' },
] as const

describe(`tailgate compare on the ${cases.length} SciPy/R reference cases`, () => {
  it('has the shared cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(48)
  })

  it.each(cases.map((fixture) => [`${fixture.file} ${fixture.id}`, fixture] as const))(
    '%s: U, every p-value and z, and the Hodges-Lehmann shift and interval',
    async (_, fixture) => {
      for (const alternative of ALTERNATIVES) {
        const reference = fixture.alternatives[alternative]
        for (const method of METHODS) {
          // SciPy gives no exact p with ties (the library then uses the normal approximation): nothing to compare
          if (method.reference === 'p_exact' && reference.p_exact === null) continue
          // the 20,000-sample cases go through the file parser once per alternative (auto); the methods are the library's
          if (fixture.n_x + fixture.n_y > 10_000 && method.flags.length > 0) continue
          const printed = await viaCli(fixture, ['--alternative', alternative, ...method.flags])
          const where = `${alternative} ${method.flags.join(' ') || 'auto'}`
          expect(printed.n).toEqual({ baseline: fixture.n_x, candidate: fixture.n_y })
          expect(printed.mannWhitney.u, where).toBe(fixture.U_x)
          const p = printed.mannWhitney.pValue
          expect(
            pValueMatches(p, reference[method.reference]),
            `${where}: p ${p}, reference ${reference[method.reference]}`,
          ).toBe(true)
          if (method.z !== null)
            expect(relativeMatches(printed.mannWhitney.z, reference[method.z]), `${where}: z`).toBe(true)
        }
      }
      const { hodgesLehmann } = await viaCli(fixture, [])
      expect(Math.abs(hodgesLehmann.estimate - fixture.hodges_lehmann.estimate)).toBeLessThanOrEqual(1e-9)
      const ci = fixture.hodges_lehmann.ci95
      if (ci === null) expect(hodgesLehmann.ci95.lower).toBeNull()
      else {
        expect(Math.abs((hodgesLehmann.ci95.lower as number) - ci.lower)).toBeLessThanOrEqual(1e-9)
        expect(Math.abs((hodgesLehmann.ci95.upper as number) - ci.upper)).toBeLessThanOrEqual(1e-9)
      }
    },
  )
})
