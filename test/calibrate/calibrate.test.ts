// The calibration loop with an injected measure: synthetic runs in, one gate decision per run, aggregated out.
import { describe, expect, it } from 'vitest'
import { type CalibrationMeasure, calibrate, estimatedCalibrationMs } from '../../src/calibrate/calibrate.js'
import { renderCalibrationMarkdown, renderCalibrationText } from '../../src/calibrate/render.js'
import { ConfigError } from '../../src/config/errors.js'
import { parseProfile } from '../../src/config/load-profile.js'
import type { RunResult } from '../../src/results/types.js'
import { buildRun, roundsAround } from '../gate/builders.js'

const PROFILE = parseProfile({
  text: 'name: api\ntarget: http://127.0.0.1:9/\nmodel: constant-vus\nvus: 2\nwarmup: 1s\nduration: 6s\nrounds: 6\nrequests: [GET /a]\n',
  file: 'api.yml',
})

const CENTRES_MS = [10, 10.2, 9.9, 10.1, 10, 9.8]
const sameRun = (): RunResult => buildRun([{ name: 'GET /a', roundsMs: roundsAround(CENTRES_MS) }])
const slowerRun = (): RunResult =>
  buildRun([{ name: 'GET /a', roundsMs: roundsAround(CENTRES_MS.map((centre) => centre * 1.5)) }])

/** A measure that records its calls and returns `candidates[i]` (or an identical run) for the i-th call. */
function recordingMeasure(candidates: Record<number, () => RunResult> = {}) {
  const calls: { target: string; baselineTarget: string }[] = []
  const measure: CalibrationMeasure = async (profile, { baselineTarget }) => {
    calls.push({ target: profile.target.href, baselineTarget: baselineTarget.href })
    return { baseline: sameRun(), candidate: (candidates[calls.length - 1] ?? sameRun)() }
  }
  return { measure, calls }
}

describe('calibrate', () => {
  it('measures the target as both sides K times and decides each run with the profile gate', async () => {
    // given a measure whose second run has a 50 % slower candidate
    const { measure, calls } = recordingMeasure({ 1: slowerRun })
    const progress: number[] = []

    // when calibrating 3 runs against another target than the profile's
    const report = await calibrate({
      profile: PROFILE,
      target: new URL('http://127.0.0.1:8080/'),
      runs: 3,
      measure,
      onRun: ({ run, of }) => progress.push(run * 10 + of),
    })

    // then every run measured that target on both sides, and the one slower run is the false regression
    expect(calls).toEqual(Array(3).fill({ target: 'http://127.0.0.1:8080/', baselineTarget: 'http://127.0.0.1:8080/' }))
    expect(progress).toEqual([13, 23, 33])
    expect(report).toMatchObject({
      target: 'http://127.0.0.1:8080/',
      requestedRuns: 3,
      completedRuns: 3,
      roundsPerSide: 6,
    })
    expect(report.overall).toMatchObject({ regressions: 1, comparedRuns: 3 })
    expect(report.endpoints[0]?.outcomes.regression).toBe(1)
    expect(report.gatedMetrics).toEqual(['p50', 'p95'])
    expect(report.recommendations.map((r) => r.metric)).toEqual(['p50', 'p95'])
  })

  it('stops after the run under way when the signal fires, and leaves that run out', async () => {
    // given a signal that fires while the second run is measured
    const controller = new AbortController()
    let calls = 0
    const measure: CalibrationMeasure = async () => {
      calls++
      if (calls === 2) controller.abort()
      return { baseline: sameRun(), candidate: sameRun() }
    }

    // when calibrating 5 runs
    const report = await calibrate({ profile: PROFILE, runs: 5, measure, signal: controller.signal })

    // then only the first run counts and the report says it was interrupted
    expect(calls).toBe(2)
    expect(report.completedRuns).toBe(1)
    expect(report.notes.join('\n')).toMatch(/Interrupted after 1 of 5 runs/)
  })

  it('reports the runs before an interruption that made the measure reject', async () => {
    // given a measure that, on its third call, is stopped before one side measured anything (runLiveAb rejects then)
    const controller = new AbortController()
    let calls = 0
    const measure: CalibrationMeasure = async () => {
      calls++
      if (calls === 3) {
        controller.abort()
        throw new Error('live A/B was stopped before any round ran')
      }
      return { baseline: sameRun(), candidate: sameRun() }
    }

    // when calibrating 4 runs
    const report = await calibrate({ profile: PROFILE, runs: 4, measure, signal: controller.signal })

    // then the two finished runs are reported
    expect(report.completedRuns).toBe(2)
    expect(report.overall.comparedRuns).toBe(2)
  })

  it('passes on a measure failure that is not an interruption', async () => {
    const measure: CalibrationMeasure = async () => {
      throw new Error('boom')
    }

    await expect(calibrate({ profile: PROFILE, runs: 2, measure })).rejects.toThrow('boom')
  })

  it.each([0, -1, 2.5, 201, Number.NaN])('refuses %s runs before measuring anything', async (runs) => {
    const { measure, calls } = recordingMeasure()

    await expect(calibrate({ profile: PROFILE, runs, measure })).rejects.toThrow(ConfigError)
    await expect(calibrate({ profile: PROFILE, runs, measure })).rejects.toThrow(/'runs'.*whole number from 1 to 200/)
    expect(calls).toEqual([])
  })

  it('estimates the time: both sides, first warm-ups and the short re-warm-ups, K times', () => {
    // 2 × 6 s measured + 2 × 1 s warm-up + 10 re-warm-ups of 250 ms = 16.5 s per run
    expect(estimatedCalibrationMs(PROFILE, 4)).toBe(4 * 16_500)
  })

  it('reports the job-to-job noise per endpoint and metric from 3+ stored baselines, which A/A in one job cannot see', async () => {
    // given 5 stored baselines whose whole runs sit at 0.90, 1.10, 0.95, 1.05, 1.00 of the same latencies
    const factors = [0.9, 1.1, 0.95, 1.05, 1]
    const history = factors.map((factor) =>
      buildRun([{ name: 'GET /a', roundsMs: roundsAround(CENTRES_MS.map((centre) => centre * factor)) }]),
    )

    // when calibrating with them
    const report = await calibrate({ profile: PROFILE, runs: 1, measure: recordingMeasure().measure, history })

    // then the job-to-job sd is about the sd of log(factor) (≈ 7.9 %), the rounds' own spread is small
    expect(report.historyRuns).toBe(5)
    const p50 = report.jobNoise.find((row) => row.endpoint === 'GET /a' && row.metric === 'p50')
    const logs = factors.map(Math.log)
    const meanLog = logs.reduce((sum, value) => sum + value, 0) / logs.length
    const sdLog = Math.sqrt(logs.reduce((sum, value) => sum + (value - meanLog) ** 2, 0) / (logs.length - 1))
    expect(p50?.runs).toBe(5)
    expect(p50?.runSd).toBeCloseTo(sdLog, 2)
    expect(p50?.jobSd).toBeGreaterThan(0.07)
    expect(p50?.withinSd).toBeLessThan(0.01)
    expect(renderCalibrationText(report)).toMatch(
      /Between CI jobs \(5 stored baselines\):\nEndpoint +Metric +Runs +Job-to-job sd/,
    )
    expect(renderCalibrationMarkdown(report)).toContain('#### Between CI jobs (5 stored baselines)')
    expect(report.notes.join('\n')).toMatch(
      /Between CI jobs \(5 stored baselines\): GET \/a p(50|95) moves by a job-to-job sd of \d+\.\d %/,
    )
  })

  it('says 3 stored baselines are needed when fewer are given', async () => {
    const report = await calibrate({
      profile: PROFILE,
      runs: 1,
      measure: recordingMeasure().measure,
      history: [sameRun()],
    })

    expect(report.jobNoise).toEqual([])
    expect(report.notes.join('\n')).toMatch(/No job-to-job figure: 1 stored baseline\(s\) given, 3 needed/)
  })
})
