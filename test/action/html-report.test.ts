// The action's HTML report: written beside report.json and junit.xml, uploaded as an artifact through its port,
// linked from the comment and the job summary; a failed upload is a warning and a line, never a lost verdict.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportUploadResult } from '../../src/action/ports.js'
import { artifactReportUpload, reportArtifactName } from '../../src/action/report-upload.js'
import { runAction } from '../../src/action/run.js'
import type { RunResult } from '../../src/results/types.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'
import { fakeDeps, found, pullRequestContext } from './fake-deps.js'

let server: Awaited<ReturnType<typeof startServer>>
let profilePath: string

beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'))
  const dir = await scratchDir('tailgate-html-action-')
  profilePath = join(dir, 'tailgate.yml')
  await writeFile(profilePath, `name: api\nrate: 10/s\nrequests: [GET /a]\nduration: 3s\nrounds: 6\n`)
})
afterAll(async () => server.close())

const run = (centreMs: number): RunResult =>
  syntheticRun(
    [{ name: 'GET /a', roundsMs: Array.from({ length: 6 }, (_, i) => spreadMs(300, centreMs * (1 + 0.002 * i))) }],
    { profileId: 'api' },
  )

function regressedPr(upload: ((name: string, path: string) => Promise<ReportUploadResult>) | null) {
  const fake = fakeDeps({
    inputs: { profile: profilePath, target: server.url.href, 'wait-timeout': '5s' },
    context: pullRequestContext(7),
    candidate: run(26),
    restore: found(run(20)),
  })
  const uploads: { name: string; path: string }[] = []
  const deps =
    upload === null
      ? fake.deps
      : {
          ...fake.deps,
          reportUpload: {
            upload: async (name: string, path: string) => {
              uploads.push({ name, path })
              return upload(name, path)
            },
          },
        }
  return { ...fake, deps, uploads }
}

describe('the HTML report in the action', () => {
  it('is written beside the JSON and JUnit reports, uploaded, and linked from the comment and the summary', async () => {
    const url = 'https://github.com/octo/app/actions/runs/42/artifacts/9'
    const fake = regressedPr(async (name) => ({ kind: 'uploaded', name, url }))

    await runAction(fake.deps)

    const html = fake.files.get('tailgate-results/tailgate-report.html') ?? ''
    expect(html).toContain('<h1 id="verdict" class="verdict v-regression">❌ Tailgate: regression</h1>')
    expect([...fake.files.keys()]).toEqual(
      expect.arrayContaining(['tailgate-results/report.json', 'tailgate-results/junit.xml']),
    )
    expect(fake.uploads).toEqual([
      { name: 'tailgate-report-api', path: '/workspace/tailgate-results/tailgate-report.html' },
    ])
    expect(fake.outputs.get('html-path')).toBe('/workspace/tailgate-results/tailgate-report.html')
    expect(fake.outputs.get('html-url')).toBe(url)
    const line = `📊 [Open the full report](${url})`
    expect(fake.comments[0]!.body).toContain(line)
    expect(fake.summary()).toContain(line)
    expect(fake.failure()).toMatch(/regression/)
  })

  it('when the upload fails: a warning, the file named in the comment, and the verdict still published', async () => {
    const fake = regressedPr(async () => ({
      kind: 'not-uploaded',
      reason: 'the upload failed: 503 Service Unavailable',
    }))

    await runAction(fake.deps)

    expect(fake.log.lines).toContainEqual({
      level: 'warning',
      message:
        'The HTML report was not uploaded as an artifact: the upload failed: 503 Service Unavailable. ' +
        'It is at /workspace/tailgate-results/tailgate-report.html',
    })
    expect(fake.comments[0]!.body).toContain(
      '📊 Full report: tailgate-report.html (charts and tables of every endpoint, one HTML file): not uploaded ' +
        '(the upload failed: 503 Service Unavailable); in the output directory (tailgate-results, output html-path).',
    )
    expect(fake.outputs.has('html-url')).toBe(false)
    expect(fake.outputs.get('verdict')).toBe('regression')
    expect(fake.failure()).toMatch(/regression/)
  })

  it('without an upload port: written, and the comment says where', async () => {
    const fake = regressedPr(null)

    await runAction(fake.deps)

    expect(fake.files.has('tailgate-results/tailgate-report.html')).toBe(true)
    expect(fake.comments[0]!.body).toContain('in the output directory (tailgate-results, output html-path).')
  })
})

describe('artifactReportUpload', () => {
  const runUrl = 'https://github.com/octo/app/actions/runs/42'
  const env = { ACTIONS_RUNTIME_TOKEN: 'jwt' }

  it.each([
    {
      case: 'uploads the file from its own directory and links the artifact',
      upload: async () => ({ id: 5 }),
      env,
      result: { kind: 'uploaded', name: 'tailgate-report-api', url: `${runUrl}/artifacts/5` },
    },
    {
      case: 'has no link when the service gives no id',
      upload: async () => ({}),
      env,
      result: { kind: 'uploaded', name: 'tailgate-report-api', url: null },
    },
    {
      case: 'reports the first line of a failure',
      upload: async () => Promise.reject(new Error('Create Artifact Container failed: 409\nConflict')),
      env,
      result: { kind: 'not-uploaded', reason: 'the upload failed: Create Artifact Container failed: 409' },
    },
    {
      case: 'gives up at its deadline',
      upload: () => new Promise<{ id?: number }>(() => undefined),
      env,
      result: { kind: 'not-uploaded', reason: 'the upload did not finish within 20 ms' },
    },
    {
      case: 'says there is no artifact service outside a job',
      upload: async () => ({ id: 1 }),
      env: {},
      result: { kind: 'not-uploaded', reason: 'no artifact service in this job (ACTIONS_RUNTIME_TOKEN is unset)' },
    },
  ])('$case', async ({ upload, env: environment, result }) => {
    const calls: unknown[][] = []
    const port = artifactReportUpload({
      runUrl,
      timeoutMs: 20,
      env: environment,
      uploadArtifact: (...args) => {
        calls.push(args)
        return upload()
      },
    })

    expect(await port.upload('tailgate-report-api', '/w/tailgate-results/tailgate-report.html')).toEqual(result)
    if (environment === env)
      expect(calls[0]).toEqual([
        'tailgate-report-api',
        ['/w/tailgate-results/tailgate-report.html'],
        '/w/tailgate-results',
      ])
  })

  it('names the artifact after the profile, with only the characters artifact names allow', () => {
    expect(reportArtifactName('api smoke/v2: "x"')).toBe('tailgate-report-api-smoke-v2-x-')
  })
})
