// The capacity gate: brackets of two searches compared with the margin, and the same through `tailgate compare`
// (markdown with the latency-vs-rate chart, JSON, exit code).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { compareCapacity } from '../../src/gate/capacity.js'
import { decide } from '../../src/gate/decide.js'
import { renderJunit } from '../../src/report/junit.js'
import { serializeRunResult } from '../../src/results/codec.js'
import type { CapacityResult, RunResult } from '../../src/results/types.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { capacityRun } from './builders.js'

const capacityOf = (run: RunResult) => run.capacity as CapacityResult

describe('compareCapacity', () => {
  it.each([
    { name: '400 → 308 req/s pool', base: [386.5, 403.6], cand: [298.0, 311.2], outcome: 'regression' },
    { name: 'unchanged, brackets overlap', base: [386.5, 403.6], cand: [370.1, 386.5], outcome: 'no-change' },
    { name: 'unchanged, a resolution step apart', base: [386.5, 403.6], cand: [354.0, 370.1], outcome: 'no-change' },
    // Both within 10 % below a 400 req/s limit (the search's acceptance band): never a regression.
    { name: 'unchanged, 10 % apart', base: [400.0, 417.7], cand: [360.0, 375.9], outcome: 'no-change' },
    {
      name: 'a 308 req/s pool against a low 400 search',
      base: [354.4, 370.1],
      cand: [298.0, 311.2],
      outcome: 'regression',
    },
    {
      name: 'a drop within one bracket and the margin',
      base: [386.5, 403.6],
      cand: [339.4, 354.4],
      outcome: 'no-change',
    },
    { name: 'a rise beyond the margin', base: [298.0, 311.2], cand: [386.5, 403.6], outcome: 'improvement' },
    { name: 'candidate below start-rate', base: [386.5, 403.6], cand: [null, 60], outcome: 'regression' },
    { name: 'candidate held up to max-rate', base: [386.5, 403.6], cand: [2000, null], outcome: 'improvement' },
  ] as const)('$name: $outcome', ({ base, cand, outcome }) => {
    const comparison = compareCapacity(
      capacityOf(capacityRun(cand[0], cand[1])),
      capacityOf(capacityRun(base[0], base[1])),
      0.05,
    )
    expect(comparison.outcome).toBe(outcome)
  })

  it("names the drop and both searches' uncertainty in the reason", () => {
    const comparison = compareCapacity(capacityOf(capacityRun(298, 311.2)), capacityOf(capacityRun(386.5, 403.6)), 0.05)
    expect(comparison.explanation).toBe(
      'capacity dropped: sustained 386.5 req/s → 298.0 req/s (−22.9 %); this run broke at 311.2 req/s (GET /work: p95 < 50ms), ' +
        "below the baseline's sustained 386.5 req/s less its 4.4 % bracket (370.1 req/s): a drop of at least 15.9 % " +
        "given both searches' uncertainty (baseline 386.5 req/s held, 403.6 req/s broke; this run 298.0 req/s held, " +
        '311.2 req/s broke), beyond the 5.0 % margin',
    )
  })

  it('does not compare an invalid or cut-short search', () => {
    const invalid = capacityRun(120, null, { status: 'invalid' })
    expect(compareCapacity(capacityOf(invalid), capacityOf(capacityRun(386.5, 403.6)), 0.05).outcome).toBe('invalid')
  })

  it('JUnit: the capacity gate is one test case that fails on a regression', () => {
    const candidate = capacityRun(298, 311.2)
    const verdict = decide({
      candidate,
      baseline: { kind: 'found', result: capacityRun(386.5, 403.6) },
      gate: DEFAULT_GATE,
      budgets: {},
    })
    const xml = renderJunit({
      verdict,
      candidate,
      baseline: null,
      baselineLines: [],
      profileId: 'capacity',
      runUrl: null,
      accepted: null,
      mode: 'cli',
    })
    expect(xml).toContain('tests="1" failures="1"')
    expect(xml).toMatch(
      /<testcase classname="capacity" name="sustained rate" time="0.000">\n\s+<failure message="capacity dropped/,
    )
  })

  it('decide(): regression fails the step; no baseline or another profile is no-baseline', () => {
    const regressed = decide({
      candidate: capacityRun(298, 311.2),
      baseline: { kind: 'found', result: capacityRun(386.5, 403.6) },
      gate: DEFAULT_GATE,
      budgets: {},
    })
    expect(regressed.outcome).toBe('regression')
    expect(regressed.failed).toBe(true)
    expect(regressed.headline).toMatch(/^❌ 1 regression: capacity dropped/)
    const other = decide({
      candidate: capacityRun(298, 311.2),
      baseline: { kind: 'found', result: { ...capacityRun(386.5, 403.6), profileFingerprint: 'other' } },
      gate: DEFAULT_GATE,
      budgets: {},
    })
    expect(other.outcome).toBe('no-baseline')
    expect(other.capacity?.explanation).toMatch(/profile changed/)
  })
})

describe('tailgate compare with capacity results', () => {
  it('says regression naming the capacity drop, exits with the gate-failed code, and draws latency by rate', async () => {
    const dir = await scratchDir('tailgate-capacity-')
    const baseline = join(dir, 'base.json')
    const candidate = join(dir, 'pr.json')
    await writeFile(baseline, serializeRunResult(capacityRun(386.5, 403.6)))
    await writeFile(candidate, serializeRunResult(capacityRun(298, 311.2)))
    const io = memoryIo()
    const code = await main(['compare', '--baseline', baseline, '--candidate', candidate, '--format', 'markdown'], io)
    expect(code).toBe(EXIT.gateFailed)
    const markdown = io.out()
    expect(markdown).toContain('Tailgate: regression')
    expect(markdown).toContain('capacity dropped: sustained 386.5 req/s → 298.0 req/s')
    expect(markdown).toMatch(
      /xychart-beta\n {2}title "GET \/work p95 ms by rate \(line: p95, flat line: SLO, bar: knee 298\/s\)"/,
    )
    expect(markdown).toContain('line [50, 50, 50, 50, 50]')
    expect(markdown).toContain('| 5 | 311.2 | ❌ fail |')

    const json = memoryIo()
    await main(['compare', '--baseline', baseline, '--candidate', candidate, '--format', 'json'], json)
    const report = JSON.parse(json.out())
    expect(report.verdict).toMatchObject({ outcome: 'regression', failed: true, regressions: 1 })
    expect(report.capacity.outcome).toBe('regression')
    expect(report.capacity.candidate.sustainedRatePerSecond).toBe(298)

    const same = memoryIo()
    expect(await main(['compare', '--baseline', baseline, '--candidate', baseline, '--format', 'text'], same)).toBe(
      EXIT.pass,
    )
    expect(same.out()).toContain('capacity unchanged')
  })
})
