// rounds: auto in the action against a stored baseline: every look uses the restored history, as the final verdict
// does, so "no change" is judged with the job-to-job variance the history measures (or the allowance without it).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../../src/action/run.js'
import { profileFingerprint } from '../../src/config/fingerprint.js'
import { readProfile } from '../../src/config/load-profile.js'
import type { JsonReport } from '../../src/report/json-schema.js'
import type { RunResult } from '../../src/results/types.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'
import { fakeDeps, found, pullRequestContext } from './fake-deps.js'

let server: Awaited<ReturnType<typeof startServer>>
let profilePath: string
let fingerprint: string
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'))
  profilePath = join(await scratchDir('tailgate-auto-history-'), 'tailgate.yml')
  await writeFile(
    profilePath,
    'name: api\nrate: 10/s\nrequests: [GET /a]\nduration: 3s\nrounds: auto\nmax-rounds: 12\nmax-duration: 30s\n',
  )
  fingerprint = profileFingerprint(readProfile(profilePath, { target: server.url.href }))
})
afterAll(async () => server.close())

/** A run of 6 rounds around `centreMs` (± 0.2 % between rounds), started on `day`. */
const run = (centreMs: number, day: number): RunResult =>
  syntheticRun(
    [{ name: 'GET /a', roundsMs: Array.from({ length: 6 }, (_, i) => spreadMs(300, centreMs * (1 + 0.002 * i))) }],
    {
      profileId: 'api',
      profileFingerprint: fingerprint,
      startedAt: `2026-11-${String(day).padStart(2, '0')}T12:00:00Z`,
    },
  )

async function autoAgainstStored(history: readonly RunResult[]): Promise<JsonReport> {
  const fake = fakeDeps({
    inputs: { profile: profilePath, target: server.url.href, 'wait-timeout': '5s' },
    context: pullRequestContext(9),
    candidate: run(20, 28),
    restore: { ...found(run(20, 27)), history },
  })
  await runAction(fake.deps)
  const report = fake.files.get('tailgate-results/report.json')
  if (report === undefined) throw new Error(`no JSON report; files: ${[...fake.files.keys()].join(', ')}`)
  return JSON.parse(report) as JsonReport
}

describe('rounds: auto against a stored baseline with its history', () => {
  it('decides an unchanged candidate "no change" when 10 quiet history runs bound the job-to-job shift', async () => {
    // given a stored baseline with 10 earlier runs of main within ± 0.5 % of each other, and an unchanged candidate
    const history = Array.from({ length: 10 }, (_, i) => run(20 * (1 + 0.005 * ((i % 3) - 1)), 10 + i))

    const report = await autoAgainstStored(history)

    // then the looks used the history (the final verdict's comparison says so) and no change was shown
    expect(report.endpoints[0]?.comparisons[0]?.jobNoise?.kind).toBe('history')
    expect(report.verdict.outcome).toBe('no-change')
    expect(report.verdict.sequential?.stopped).toBe('decided')
  })

  it('does not claim "no change" without history: the 3 % job-to-job allowance cannot rule out a 5 % shift', async () => {
    const report = await autoAgainstStored([])

    expect(report.endpoints[0]?.comparisons[0]?.jobNoise?.kind).toBe('allowance')
    // and, undecided at the end, it reads as the fixed-length gate would: a pass with its resolution, not ❔
    expect(report.verdict.outcome).toBe('pass')
    expect(report.endpoints[0]?.comparisons[0]?.explanation).toMatch(/not decided by the last look .* → pass$/)
    expect(report.verdict.sequential?.stopped).not.toBe('decided')
  })
})
