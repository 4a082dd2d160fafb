import { describe, expect, it } from 'vitest'
import { aggregateCalibration } from '../../src/calibrate/aggregate.js'
import {
  formatRate,
  marginAdvice,
  marginYaml,
  renderCalibrationJson,
  renderCalibrationMarkdown,
  renderCalibrationText,
} from '../../src/calibrate/render.js'
import { DEFAULT_GATE } from '../../src/config/gate-schema.js'
import { parseProfile } from '../../src/config/load-profile.js'
import type { Verdict } from '../../src/gate/types.js'
import { comparison, endpoint, verdict } from './builders.js'

const HOSTILE = 'GET /a|b <script>@team\u001b[2J'

function report(verdicts: readonly Verdict[]) {
  return aggregateCalibration({
    profileId: 'api',
    target: 'http://127.0.0.1:3000/',
    requestedRuns: verdicts.length,
    roundsPerSide: 6,
    gate: DEFAULT_GATE,
    verdicts,
  })
}

const run = (): Verdict =>
  verdict([
    endpoint('GET /users', 'no-change', [
      comparison({ metric: 'p50', detectable: 0.4, baselineMedian: 6 }),
      comparison({ metric: 'p95', detectable: 0.9, baselineMedian: 9 }),
    ]),
    endpoint(HOSTILE, 'inconclusive', [
      comparison({ metric: 'p50', detectable: 1.2, baselineMedian: 18 }),
      comparison({ metric: 'p95', detectable: 2, baselineMedian: 22 }),
    ]),
  ])

const TWENTY = report(Array.from({ length: 20 }, run))

describe('calibration renderers', () => {
  it('formats a rate with its interval', () => {
    // scipy: binomtest(0, 20).proportion_ci() -> (0, 0.168)
    expect(formatRate(TWENTY.overall)).toBe('0/20 (0 %; 95 % CI 0 %–17 %)')
  })

  it('prints an aligned text table with a row per endpoint and metric, the margin and its profile line', () => {
    const text = renderCalibrationText(TWENTY)
    const lines = text.split('\n')

    expect(lines[0]).toBe("Tailgate A/A calibration: profile 'api', http://127.0.0.1:3000/ as both sides")
    expect(text).toContain('False regressions (the step would have failed): 0/20 (0 %; 95 % CI 0 %–17 %)')
    const header = lines.find((line) => line.startsWith('Endpoint')) ?? ''
    const users = lines.find((line) => line.startsWith('GET /users')) ?? ''
    expect(users.indexOf('p50')).toBe(header.indexOf('Metric'))
    expect(users).toContain('0.40 ms (6.7 %)')
    expect(text).toContain('GET /a|b <script>@team')
    expect(text).toContain(`Set \`${marginYaml(TWENTY.suggestedMargin!)}\` in the profile (now 5% and 1ms)`)
    expect(text).not.toContain('\u001b')
  })

  it('renders markdown tables whose rows keep their cell count, with hostile names escaped', () => {
    const markdown = renderCalibrationMarkdown(TWENTY)
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '))
    const cells = (line: string) => line.split('|').length - 2

    expect(markdown).toMatch(/^### Tailgate A\/A calibration: api\n/)
    // the detail table (header, separator, 4 endpoint × metric rows) and the margin table (header, separator, 2)
    expect(rows.map(cells)).toEqual([8, 8, 8, 8, 8, 8, 5, 5, 5, 5])
    expect(markdown).not.toContain('<script>')
    expect(markdown).toContain('&lt;script&gt;')
    expect(markdown).toContain('a&#124;b')
    expect(markdown).toContain('@\u200Dteam')
    expect(markdown).not.toContain('\u001b')
  })

  it('gives a margin line the profile parser accepts, with the same values', () => {
    const yaml = marginYaml({
      relative: 0.07,
      absoluteMs: 1.3,
      leftOut: [],
      currentRelative: 0.05,
      currentAbsoluteMs: 1,
    })

    const profile = parseProfile({
      text: `target: http://127.0.0.1:9/\nrate: 10/s\nduration: 1s\nrequests: [GET /]\n${yaml}\n`,
      file: 'p.yml',
    })

    expect(profile.gate.marginRelative).toBeCloseTo(0.07, 12)
    expect(profile.gate.marginAbsoluteMs).toBe(1.3)
  })

  it('says which metrics the suggested margin leaves out as too noisy', () => {
    const advice = marginAdvice({
      relative: 0.05,
      absoluteMs: 0.52,
      leftOut: ['p95'],
      currentRelative: 0.05,
      currentAbsoluteMs: 1,
    })

    expect(advice).toMatch(
      /^Set `gate: \{ margin: \{ relative: 5%, absolute: 0\.52ms \} \}` in the profile \(now 5% and 1ms; p95 left out as too noisy\): /,
    )
  })

  it('writes versioned JSON, with no-rate as null', () => {
    const empty = report([])

    const json = JSON.parse(renderCalibrationJson(empty))

    expect(json).toMatchObject({ kind: 'tailgate-calibration', version: 1, completedRuns: 0 })
    expect(json.overall).toEqual({ regressions: 0, comparedRuns: 0, rate: null, interval: null })
  })
})
