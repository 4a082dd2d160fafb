// The fake GitHub itself, driven by the real toolkit libraries: @actions/cache save/restore (restore keys, scopes),
// @actions/artifact upload and cross-run download through REST, and Octokit pagination and failure injection.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  applyEnv,
  backendRunId,
  inputVariable,
  pullRequestEvent,
  pushEvent,
  runAction,
  runnerEnv,
  runtimeToken,
  startFakeGitHub,
} from '../helpers/fake-github/index.js'

// @actions/github reads GITHUB_API_URL when it is first imported, so the env is set before the toolkit is loaded.
const fake = await startFakeGitHub()
const scenarioDir = await mkdtemp(join(tmpdir(), 'tailgate-fake-'))
const base = await runnerEnv({
  fakeUrl: fake.url,
  scenarioDir,
  event: pushEvent({ branch: 'main', sha: 'a'.repeat(40) }),
})
applyEnv(base.env)
const cache = await import('@actions/cache')
const { DefaultArtifactClient } = await import('@actions/artifact')
const { getOctokit } = await import('@actions/github')

afterAll(async () => {
  await fake.close()
  await rm(scenarioDir, { recursive: true, force: true })
})

async function writeBundle(text: string): Promise<string> {
  const file = join(base.runnerTemp, 'fake-test', 'baseline.json')
  await mkdir(join(base.runnerTemp, 'fake-test'), { recursive: true })
  await writeFile(file, text)
  return file
}

describe('fake GitHub with the real @actions/cache', () => {
  it('saves an entry, then restores the newest one by restore-key prefix', async () => {
    const file = await writeBundle('first')
    expect(await cache.saveCache([file], 'fake-v1-main-1')).toBeGreaterThan(0)
    await writeFile(file, 'second')
    expect(await cache.saveCache([file], 'fake-v1-main-2')).toBeGreaterThan(0)
    await rm(file)

    const matched = await cache.restoreCache([file], 'fake-v1-main-nomatch', ['fake-v1-main-'])

    expect(matched).toBe('fake-v1-main-2')
    expect(await readFile(file, 'utf8')).toBe('second')
    expect(fake.state.cacheEntries.filter((e) => e.finalized).map((e) => e.scope)).toEqual([
      'refs/heads/main',
      'refs/heads/main',
    ])
  })

  it('lets a PR read its base branch entries but not a sibling branch', async () => {
    const file = await writeBundle('sibling')
    const restore = applyEnv({
      ACTIONS_RUNTIME_TOKEN: runtimeToken({
        runBackendId: 'run-7',
        cacheScopes: [{ scope: 'refs/heads/other', permission: 'read-write' }],
      }),
    })
    expect(await cache.saveCache([file], 'fake-v1-other-1')).toBeGreaterThan(0)
    restore()
    const pr = pullRequestEvent({ number: 7, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) })
    const restorePr = applyEnv({
      ACTIONS_RUNTIME_TOKEN: runtimeToken({ runBackendId: 'run-8', cacheScopes: pr.cacheScopes }),
    })

    const fromMain = await cache.restoreCache([file], 'fake-v1-main-x', ['fake-v1-main-'])
    const fromSibling = await cache.restoreCache([file], 'fake-v1-other-x', ['fake-v1-other-'])
    restorePr()

    expect(fromMain).toBe('fake-v1-main-2')
    expect(fromSibling).toBeUndefined()
  })
})

describe('fake GitHub with the real @actions/artifact', () => {
  it('uploads in one run and downloads from another run through REST and a 302 redirect', async () => {
    const file = await writeBundle('artifact body')
    const uploaded = await new DefaultArtifactClient().uploadArtifact('fake-artifact', [file], join(file, '..'))
    fake.state.addWorkflowRun({ id: 1001, headBranch: 'main', headSha: 'a'.repeat(40) })
    const target = join(scenarioDir, 'download')
    const restore = applyEnv({ ACTIONS_RUNTIME_TOKEN: runtimeToken({ runBackendId: backendRunId(2002) }) })
    const client = new DefaultArtifactClient()
    const findBy = { token: 't', workflowRunId: 1001, repositoryOwner: 'octo', repositoryName: 'repo' }

    const { artifact } = await client.getArtifact('fake-artifact', { findBy })
    await client.downloadArtifact(artifact.id, { path: target, findBy })
    restore()

    expect(artifact.id).toBe(uploaded.id)
    expect(await readFile(join(target, 'baseline.json'), 'utf8')).toBe('artifact body')
    expect(fake.state.requestsTo('artifact-zip').map((r) => r.path)).toEqual([
      `/repos/octo/repo/actions/artifacts/${uploaded.id}/zip`,
    ])
  })
})

describe('fake GitHub REST', () => {
  it('paginates comments with Link headers and answers injected failures', async () => {
    const octokit = getOctokit('test-token', { baseUrl: fake.url })
    for (let i = 0; i < 120; i++) fake.state.addComment(5, `comment ${i}`)

    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'octo',
      repo: 'repo',
      issue_number: 5,
      per_page: 100,
    })
    fake.fail.forbidden('comments', { times: 1 })
    const denied = await octokit.rest.issues
      .createComment({ owner: 'octo', repo: 'repo', issue_number: 5, body: 'x' })
      .catch((error: { status: number; message: string }) => error)

    expect(all).toHaveLength(120)
    expect(fake.state.requestsTo('comments').filter((r) => r.method === 'GET')).toHaveLength(2)
    expect(fake.state.requests.at(-1)?.authorization).toBe('token test-token')
    expect(denied).toMatchObject({ status: 403, message: expect.stringContaining('Resource not accessible') })
  })
})

describe('runner environment and runAction', () => {
  it('spawns an action with the runner env and reads its exit code, outputs, summary and annotations', async () => {
    const runner = await runnerEnv({
      fakeUrl: fake.url,
      scenarioDir: join(scenarioDir, 'spawned'),
      event: pullRequestEvent({ number: 7, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }),
      inputs: { 'github-token': 'tok', 'baseline store': 'auto' },
    })
    const entry = join(runner.workspace, 'action.mjs')
    await writeFile(
      entry,
      [
        "import { appendFileSync, readFileSync } from 'node:fs'",
        'const env = process.env',
        "const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))",
        'appendFileSync(env.GITHUB_OUTPUT, "verdict<<EOF_1\\nregression\\nEOF_1\\npr=" + event.pull_request.number + "\\n")',
        "appendFileSync(env.GITHUB_STEP_SUMMARY, ['#', env['INPUT_GITHUB-TOKEN'], env.INPUT_BASELINE_STORE, process.cwd() === env.GITHUB_WORKSPACE].join(' '))",
        "console.log('::error title=perf regression,file=perf.yml,line=3::p95 +12%25%0Asecond line')",
        'process.exitCode = 1',
      ].join('\n'),
    )

    const run = await runAction({ entry, runner, timeoutMs: 20_000 })

    expect(run.exitCode).toBe(1)
    expect(run.outputs).toEqual({ verdict: 'regression', pr: '7' })
    expect(run.summary).toBe('# tok auto true')
    expect(run.annotations).toEqual([
      {
        level: 'error',
        properties: { title: 'perf regression', file: 'perf.yml', line: '3' },
        message: 'p95 +12%\nsecond line',
      },
    ])
    expect(inputVariable('github-token')).toBe('INPUT_GITHUB-TOKEN')
    expect(runner.env).toMatchObject({
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: fake.url,
      ACTIONS_RESULTS_URL: `${fake.url}/`,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_BASE_REF: 'main',
    })
  })
})
