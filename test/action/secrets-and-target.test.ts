// `${VAR}` values in the profile are secrets: registered with the runner before anything is logged, and redacted from
// every channel. The report names the measured target by its origin only.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runAction } from '../../src/action/run.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'
import { fakeDeps, pullRequestContext } from './fake-deps.js'

const KEY = 'k3y-9f2c7e1d'
let server: Awaited<ReturnType<typeof startServer>>
let profilePath: string
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'))
  const dir = await scratchDir('tailgate-secret-path-')
  profilePath = join(dir, 'tailgate.yml')
  await writeFile(
    profilePath,
    `name: api\ntarget: ${server.url.origin}/s/\${PREVIEW_KEY}\nrate: 10/s\nduration: 3s\nrequests: [GET /a]\nrounds: 6\n`,
  )
})
afterAll(async () => server.close())

const run = (centreMs: number) =>
  syntheticRun(
    [{ name: 'GET /a', roundsMs: Array.from({ length: 6 }, (_, i) => spreadMs(300, centreMs * (1 + 0.002 * i))) }],
    { profileId: 'api' },
  )

describe('a variable reference in the profile', () => {
  it('is masked before anything is logged, and the comment names the measured origin only', async () => {
    vi.stubEnv('PREVIEW_KEY', KEY)
    const fake = fakeDeps({
      inputs: { profile: profilePath, 'health-path': '/health', 'wait-timeout': '5s', comment: 'always' },
      context: pullRequestContext(7),
      candidate: run(20),
      env: { PREVIEW_KEY: KEY },
    })

    await runAction(fake.deps)
    vi.unstubAllEnvs()

    expect(fake.failure()).toBeNull()
    expect(fake.secrets).toContain(KEY)
    const everything = [
      ...fake.log.lines.map((l) => l.message),
      ...fake.outputs.values(),
      ...fake.files.values(),
      fake.summary(),
      ...fake.comments.map((c) => c.body),
    ].join('\n')
    expect(everything).not.toContain(KEY)
    expect(fake.log.lines.map((l) => l.message).join('\n')).toContain('/s/***/health')
    // (the report escapes URLs with a zero-width joiner so that GitHub does not turn them into links)
    expect(fake.comments[0]!.body.replaceAll('\u200d', '')).toContain(`Measured: ${server.url.origin}`)
    expect(fake.comments[0]!.body).not.toContain('/s/')
  })
})
