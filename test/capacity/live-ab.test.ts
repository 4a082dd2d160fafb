// Live A/B capacity: both targets searched in one job, steps interleaved, gated by the capacity gate; the action's
// verdict is the one `tailgate compare` gives on the two result files it wrote. Two loopback pools of known capacity
// far apart (100 req/s and 25 req/s), so the verdict holds on a busy runner; assertions are about behaviour only.
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runAction } from '../../src/action/run.js'
import { runLiveAbCapacity } from '../../src/capacity/live-ab-capacity.js'
import { measureLiveAbProfile } from '../../src/capacity/measure.js'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { parseProfile } from '../../src/config/load-profile.js'
import type { LiveAbResult } from '../../src/load/live-ab.js'
import { parseRunResult } from '../../src/results/codec.js'
import { fakeDeps, pullRequestContext } from '../action/fake-deps.js'
import { workerPool } from '../helpers/capacity-servers.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer, type TestServer } from '../helpers/servers.js'
import { testEnvironment, testGit } from '../load/run-helpers.js'
import { capacityRun } from './builders.js'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function pool(workers: number, serviceMs: number): Promise<URL> {
  const server = await startServer(workerPool({ workers, serviceMs }).handler)
  servers.push(server)
  return server.url
}

async function profileFile(keys: string): Promise<{ dir: string; path: string }> {
  const dir = await scratchDir('tailgate-capacity-ab-')
  const path = join(dir, 'capacity.yml')
  await writeFile(
    path,
    `name: capacity\nmodel: capacity\nstep-duration: 1s\nwarmup: 300ms\n${keys}requests:\n  - GET /work\n`,
  )
  return { dir, path }
}

describe('live A/B capacity (baseline-target with model: capacity)', () => {
  it('interleaves both searches step by step, and the action fails on the drop exactly as compare does', async () => {
    const baselineUrl = await pool(2, 20) // 100 req/s
    const candidateUrl = await pool(2, 80) // 25 req/s
    const { dir, path } = await profileFile(
      // Coarse (50 %): about 12 steps in all instead of 16, and the two brackets still lie far apart.
      'start-rate: 20/s\nmax-rate: 400/s\nresolution: 50%\nslo: ["p95 < 200ms", "error-rate < 1%"]\n',
    )
    let measured: LiveAbResult | null = null
    const fake = fakeDeps({
      inputs: { profile: path, target: candidateUrl.href, 'baseline-target': baselineUrl.href, 'wait-timeout': '5s' },
      context: pullRequestContext(7),
      candidate: capacityRun(1, 2), // unused: measureLiveAb is the real one below
    })
    const deps = {
      ...fake.deps,
      measureLiveAb: async (
        profile: Parameters<typeof fake.deps.measureLiveAb>[0],
        options: { baselineTarget: URL; signal: AbortSignal },
      ) => {
        measured = await measureLiveAbProfile({
          profile,
          ...options,
          candidateTarget: profile.target,
          environment: testEnvironment,
          git: testGit,
        })
        return measured
      },
    }
    await runAction(deps)
    const both = measured as LiveAbResult | null
    if (both === null) throw new Error('the action did not measure live A/B')
    // Step by step: A B, then B A, ... while both searches run; each side ran its own steps.
    expect(both.order.slice(0, 4)).toEqual(['A', 'B', 'B', 'A'])
    expect(both.order.filter((side) => side === 'A')).toHaveLength(both.baseline.capacity?.steps.length as number)
    expect(both.order.filter((side) => side === 'B')).toHaveLength(both.candidate.capacity?.steps.length as number)
    expect(both.baseline.capacity?.sustainedRatePerSecond).toBeLessThanOrEqual(100)
    expect(both.candidate.capacity?.sustainedRatePerSecond ?? 0).toBeLessThanOrEqual(25)

    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(fake.failure()).toMatch(/regression/)
    expect(fake.summary()).toContain('capacity dropped')
    expect(fake.summary()).toMatch(/measured live in this job/)

    // The two files the action wrote, gated by `tailgate compare`: the same verdict.
    const written = (suffix: string) => [...fake.files.entries()].find(([name]) => name.endsWith(suffix))?.[1]
    const baselineFile = join(dir, 'baseline-live.json')
    const candidateFile = join(dir, 'candidate.json')
    await writeFile(baselineFile, written('baseline-live.json') as string)
    await writeFile(candidateFile, written('/result.json') as string)
    const io = memoryIo()
    const code = await main(
      ['compare', '--baseline', baselineFile, '--candidate', candidateFile, '--format', 'text'],
      io,
    )
    expect(code).toBe(EXIT.gateFailed)
    expect(io.out()).toContain('capacity dropped')
  }, 120_000)

  it('runs the commands of docs/capacity.md: run --baseline-target writes both results, compare gates them', async () => {
    const baselineUrl = await pool(8, 1)
    const candidateUrl = await pool(8, 1)
    const { dir, path } = await profileFile('start-rate: 20/s\nmax-rate: 40/s\nslo: ["p95 < 200ms"]\n')
    const files: Record<string, string> = {
      'capacity.yml': path,
      'http://127.0.0.1:8080': baselineUrl.href,
      'http://127.0.0.1:8081': candidateUrl.href,
      'pr.json': join(dir, 'pr.json'),
      'base.json': join(dir, 'base.json'),
    }
    const [run, compare] = docCommands().map((args) => args.map((arg) => files[arg] ?? arg))
    expect(run?.slice(0, 1)).toEqual(['run'])
    expect(compare?.slice(0, 1)).toEqual(['compare'])
    const io = memoryIo()
    expect(await main(run as string[], io)).toBe(EXIT.pass)
    expect(io.err()).toMatch(/Live A\/B: baseline http:\/\/127\.0\.0\.1:\d+, candidate/)
    expect(io.err()).toMatch(/capacity step 1: 20\.0\/s pass/)
    expect(io.err()).toContain(`Gate them with: tailgate compare --baseline ${files['base.json']}`)
    for (const file of [files['pr.json'], files['base.json']] as string[]) {
      expect(parseRunResult(await readFile(file, 'utf8'), file).capacity?.status).toBe('at-max-rate')
    }
    const compared = memoryIo()
    expect(await main([...(compare as string[]), '--format', 'text'], compared)).toBe(EXIT.pass)
    expect(compared.out()).toContain('capacity unchanged')

    const bad = memoryIo()
    expect(await main(['run', path, '--target', candidateUrl.href, '--baseline-target', 'not a url'], bad)).toBe(
      EXIT.usage,
    )
    expect(bad.err()).toContain('--baseline-target')
  }, 60_000)
})

describe('live A/B edges', () => {
  it('caps both searches together at max-duration: both results partial, cut short', async () => {
    const baselineUrl = await pool(8, 1)
    const candidateUrl = await pool(8, 1)
    const profile = parseProfile({
      file: 'capacity.yml',
      overrides: { target: candidateUrl.href },
      text:
        'name: capacity\nmodel: capacity\nstart-rate: 20/s\nmax-rate: 2000/s\nstep-duration: 1s\nwarmup: 200ms\n' +
        'max-duration: 3s\nslo: ["p95 < 200ms"]\nrequests:\n  - GET /work\n',
    })
    const both = await runLiveAbCapacity({
      profile,
      baselineTarget: baselineUrl,
      candidateTarget: candidateUrl,
      environment: testEnvironment,
      git: testGit,
    })
    for (const side of [both.baseline, both.candidate]) {
      expect(side.capacity?.status).toBe('stopped')
      expect(side.completion.status).toBe('partial')
    }
    expect(both.order.slice(0, 2)).toEqual(['A', 'B'])
  }, 60_000)

  it('tailgate run --baseline-target on a constant-rate profile interleaves rounds and writes both results', async () => {
    const url = await pool(8, 1)
    const { dir } = await profileFile('')
    const path = join(dir, 'constant.yml')
    await writeFile(path, 'name: ab\nrate: 20/s\nduration: 2s\nrounds: 2\nwarmup: 200ms\nrequests:\n  - GET /work\n')
    const [out, baselineOut] = [join(dir, 'pr.json'), join(dir, 'base.json')]
    const io = memoryIo()
    const args = ['run', path, '--target', url.href, '--baseline-target', url.href, '--out', out, '--quiet']
    const code = await main([...args, '--baseline-out', baselineOut], io)
    // A busy runner may make a side's run invalid (the generator fell behind): exit 1 saying so, both files written.
    if (code === EXIT.pass) expect(io.err()).not.toContain('the run is invalid')
    else expect([code, io.err()]).toEqual([EXIT.gateFailed, expect.stringContaining('the run is invalid')])
    for (const file of [out, baselineOut]) {
      expect(parseRunResult(await readFile(file, 'utf8'), file).rounds).toHaveLength(2)
    }
    const sharded = memoryIo()
    expect(await main([...args, '--shard', '1/2'], sharded)).toBe(EXIT.usage)
    expect(sharded.err()).toContain('--shard')
  }, 60_000)
})

/** The `tailgate …` commands of docs/capacity.md's shell block, as argument lists (line continuations joined). */
function docCommands(): string[][] {
  const text = readFileSync(new URL('../../docs/capacity.md', import.meta.url), 'utf8')
  const block = /```sh\n([\s\S]*?)```/.exec(text)?.[1] ?? ''
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.startsWith('tailgate '))
    .map((line) => line.split(/\s+/).slice(1))
}
