// The action on a capacity run: the capacity gate decides, fails the step on a drop, and sets `sustained-rate`.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../../src/action/run.js'
import { fakeDeps, found, pullRequestContext } from '../action/fake-deps.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'
import { capacityRun } from './builders.js'

let server: Awaited<ReturnType<typeof startServer>>
let profilePath: string
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'))
  const dir = await scratchDir('tailgate-capacity-action-')
  profilePath = join(dir, 'capacity.yml')
  await writeFile(
    profilePath,
    'name: capacity\nmodel: capacity\nstart-rate: 60/s\nmax-rate: 2000/s\nstep-duration: 2s\nslo: ["p95 < 50ms"]\nrequests: [GET /work]\n',
  )
})
afterAll(async () => server.close())

describe('the action with model: capacity', () => {
  it('fails on a capacity drop, comments with the reason and sets sustained-rate', async () => {
    const fake = fakeDeps({
      inputs: { profile: profilePath, target: server.url.href, 'wait-timeout': '5s' },
      context: pullRequestContext(9),
      candidate: capacityRun(298, 311.2),
      restore: found(capacityRun(386.5, 403.6)),
    })
    await runAction(fake.deps)
    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(fake.outputs.get('regressions')).toBe('1')
    expect(fake.outputs.get('sustained-rate')).toBe('298.0')
    expect(fake.failure()).toMatch(/regression/)
    expect(fake.comments[0]?.body).toContain('capacity dropped: sustained 386.5 req/s → 298.0 req/s')
    expect(fake.comments[0]?.body).toContain('xychart-beta')
  })
})
