// `tailgate calibrate` in-process: one real short calibration against a sample server on 127.0.0.1, and the user
// mistakes that exit 2 before any load.
import { once } from 'node:events'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { CALIBRATE_HELP, calibrateCommand } from '../../src/cli/calibrate.js'
import { startSampleServer } from '../../src/cli/demo/sample-server.js'
import { shortProfileYaml } from '../ab/helpers.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'

/** A valid profile aimed at the discard port (nothing listens; these tests never send load to it). */
const VALID_PROFILE = 'target: http://127.0.0.1:9/\nrate: 10/s\nduration: 1s\nrequests: [GET /]\n'

async function profileFile(text: string): Promise<string> {
  const dir = await scratchDir('tailgate-calibrate-')
  const path = join(dir, 'tailgate.yml')
  await writeFile(path, text)
  return path
}

describe('tailgate calibrate', () => {
  it('runs 3 A/A runs against a sample server and reports the rate, the detectable changes and the margin', async () => {
    // given a sample server and a short profile (4 rounds of 0.2 s a side) aimed at it
    const server = await startSampleServer({ seed: 5 })
    onTestFinished(server.close)
    const yaml = shortProfileYaml({ rounds: 4, roundMs: 200, metrics: ['p50', 'p95'] })
    const path = await profileFile(`target: ${server.url.href}\n${yaml}`)
    const io = memoryIo()

    // when calibrating 3 runs as JSON
    const code = await calibrateCommand({ files: [path], runs: '3', format: 'json' }, io)

    // then it exits 0, with a line per run and a report covering 3 compared runs of both endpoints
    expect(io.err()).toMatch(
      /Calibrating 'live-ab-test': 3 A\/A run\(s\) with http:\/\/127\.0\.0\.1:\d+\/ as both sides/,
    )
    expect(io.err()).toMatch(/A\/A run 3\/3: /)
    expect(code).toBe(0)
    const report = JSON.parse(io.out())
    expect(report).toMatchObject({ kind: 'tailgate-calibration', version: 1, requestedRuns: 3, completedRuns: 3 })
    expect(report.invalidRuns).toBe(0)
    // (p95 of such short rounds can cry wolf now and then: the rate must match the per-run lines, whatever it is)
    const failedLines = io.err().match(/^A\/A run \d\/3: regression \(would fail\)$/gm) ?? []
    expect(report.overall).toMatchObject({ regressions: failedLines.length, comparedRuns: 3 })
    expect(report.endpoints.map((e: { endpoint: string }) => e.endpoint).sort()).toEqual([
      'GET /api/search?q=shoes',
      'GET /api/users/{{iteration}}',
    ])
    for (const endpoint of report.endpoints) {
      for (const metric of endpoint.metrics) {
        expect(metric.measuredRuns).toBe(3)
        expect(metric.detectableMedian).toBeGreaterThan(0)
        expect(metric.detectableMax).toBeGreaterThanOrEqual(metric.detectableMedian)
      }
    }
    expect(report.recommendations.map((r: { metric: string }) => r.metric)).toEqual(['p50', 'p95'])
    expect(report.suggestedMargin.relative + report.suggestedMargin.absoluteMs).toBeGreaterThan(0)
  }, 45_000)

  it('exits 130 when interrupted mid-run and reports the runs finished before', async () => {
    // given a sample server, and a signal that fires 300 ms into the second A/A run
    const server = await startSampleServer({ seed: 6 })
    onTestFinished(server.close)
    const path = await profileFile(`target: ${server.url.href}\n${shortProfileYaml({ rounds: 4, roundMs: 200 })}`)
    const controller = new AbortController()
    const io = memoryIo(controller.signal)
    const write = io.stderr.write
    io.stderr.write = (text: string) => {
      write(text)
      if (text.startsWith('A/A run 1/3')) setTimeout(() => controller.abort(), 300)
    }

    // when calibrating 3 runs
    const code = await calibrateCommand({ files: [path], runs: '3', format: 'json' }, io)

    // then the first run is reported, the cut run is left out, and the exit code says interrupted
    expect(code).toBe(130)
    const report = JSON.parse(io.out())
    expect(report).toMatchObject({ requestedRuns: 3, completedRuns: 1 })
    expect(report.notes.join('\n')).toMatch(/Interrupted after 1 of 3 runs/)
  }, 30_000)

  it.each([
    { what: 'no profile', args: { files: [] }, error: /'profile': is missing; pass the profile file/ },
    { what: 'two profiles', args: { files: ['a.yml', 'b.yml'] }, error: /'profile': takes one profile file, got 2/ },
    {
      what: 'zero runs',
      args: { runs: '0' },
      error: /'--runs': '0' is not a run count; write a whole number from 1 to 200/,
    },
    { what: 'runs that are not a number', args: { runs: 'ten' }, error: /'--runs': 'ten' is not a run count/ },
    { what: 'too many runs', args: { runs: '500' }, error: /'--runs': '500' is not a run count/ },
    {
      what: 'an unknown format',
      args: { format: 'xml' },
      error: /'--format': 'xml' is not a calibration format; use one of text, json, markdown/,
    },
    {
      what: 'a missing profile file',
      args: { files: ['/nonexistent/tailgate.yml'] },
      error: /profile file '\/nonexistent\/tailgate.yml' not found/,
    },
    { what: 'a bad target', args: { target: 'not a url' }, error: /'not a url' is not a URL/ },
  ])('exits 2 with one line for $what', async ({ args, error }) => {
    const path = await profileFile(VALID_PROFILE)
    const io = memoryIo()

    const code = await calibrateCommand({ files: [path], ...args }, io)

    expect(code).toBe(2)
    expect(io.err()).toMatch(error)
    expect(io.err()).not.toMatch(/\n\s+at /)
    expect(io.out()).toBe('')
  })

  it('exits 2 for a ramping model without sending a request', async () => {
    // given a server that counts requests and a ramping profile aimed at it
    let requests = 0
    const server = createServer((_request, response) => {
      requests++
      response.end('ok')
    }).listen(0, '127.0.0.1')
    await once(server, 'listening')
    onTestFinished(async () => {
      server.close()
      await once(server, 'close')
    })
    const port = (server.address() as AddressInfo).port
    const path = await profileFile(
      `target: http://127.0.0.1:${port}/\nmodel: ramping-vus\nstages: [{ duration: 1s, target: 2 }]\nrequests: [GET /]\n`,
    )
    const io = memoryIo()

    // when calibrating
    const code = await calibrateCommand({ files: [path], runs: '2' }, io)

    // then the model is refused and nothing was sent
    expect(code).toBe(2)
    expect(io.err()).toMatch(/'model': live A\/B cannot interleave a ramp \('ramping-vus'\)/)
    expect(requests).toBe(0)
  })

  it('documents every flag in its help', () => {
    for (const flag of ['--target', '--runs', '--format', '--out', '--quiet', '--help'])
      expect(CALIBRATE_HELP).toContain(flag)
  })

  it('writes the report to --out instead of stdout', async () => {
    // given a calibration that is interrupted before its first run (a signal already aborted)
    const controller = new AbortController()
    controller.abort()
    const path = await profileFile(VALID_PROFILE)
    const out = join(await scratchDir('tailgate-calibrate-out-'), 'calibration.md')
    const io = memoryIo(controller.signal)

    // when asked for markdown in a file
    const code = await calibrateCommand({ files: [path], runs: '2', format: 'markdown', out }, io)

    // then the file holds the markdown, stdout is empty, and the exit code says interrupted
    expect(code).toBe(130)
    expect(io.out()).toBe('')
    expect(io.err()).toContain(`Calibration written to ${out}`)
    const markdown = await readFile(out, 'utf8')
    expect(markdown).toMatch(/^### Tailgate A\/A calibration: tailgate/)
    expect(markdown).toMatch(/Interrupted after 0 of 2 runs/)
  })
})
