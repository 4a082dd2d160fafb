// Security, end to end on the bundled action: planted secrets appear on no output channel; no user or PR string
// reaches a shell; hostile result files (what a fork PR controls in the two-workflow pattern) cannot inject markup,
// mentions or workflow commands through the comment, the summary or the log; `mode: report` executes nothing and
// sends no load.
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, type TestContext } from 'vitest'
import { secretForms } from '../../src/action/preview/redact.js'
import { serializeRunResult } from '../../src/results/codec.js'
import type { RunResult } from '../../src/results/types.js'
import { type FakeGitHub, pullRequestEvent, pushEvent, startFakeGitHub } from '../helpers/fake-github/index.js'
import { type FaultServer, HEALTH_PATH, startHealthy } from '../helpers/fault-servers.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer } from '../helpers/servers.js'
import { BASE_SHA, CLI_ENTRY, HEAD_SHA, runStep, STACK_FRAME, startProcess } from './harness.js'

type Teardown = TestContext['onTestFinished']
const PR = 7

async function startFake(onTestFinished: Teardown): Promise<FakeGitHub> {
  const fake = await startFakeGitHub()
  onTestFinished(() => fake.close())
  fake.state.addPullRequest({
    number: PR,
    headSha: HEAD_SHA,
    headRef: 'feature-7',
    headRepository: 'octo/repo',
    baseRef: 'main',
    baseSha: BASE_SHA,
  })
  return fake
}

/** Every file under `dir` (recursively), as text. */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const found: { path: string; text: string }[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    found.push({ path, text: await readFile(path, 'utf8') })
  }
  return found
}

/** Which channels hold any spelling of any secret (raw, URL-encoded, base64, JSON-escaped). */
function leaks(channels: Record<string, string>, secrets: readonly string[]): string[] {
  const forms = secrets.flatMap(secretForms)
  return Object.entries(channels)
    .filter(([, text]) => forms.some((form) => text.includes(form)))
    .map(([name]) => name)
}

/** stdout without the runner's `::add-mask::` commands (the runner consumes them: that is how masking works). */
const withoutMaskCommands = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')

describe('planted secrets', () => {
  // Two runs of the bundled action (push, then PR): over 30 s on a 2-core runner under a CPU hog.
  it('appear on no output channel of a push and a PR run (logs, outputs, summary, files, comment, baseline)', async ({
    onTestFinished,
  }) => {
    // Given secrets in a profile header, in the protected-preview `headers` input and in github-token,
    const tag = randomBytes(6).toString('hex')
    const profileSecret = `SECRET-PROFILE-${tag}`
    const inputSecret = `SECRET-INPUT-${tag}`
    const token = `ghs_SECRETTOKEN${tag}`
    // and a target that echoes every secret header back (body and a response header) and fails a body check,
    const server = await startEchoServer()
    onTestFinished(() => server.close())
    const fake = await startFake(onTestFinished)
    const scenarioDir = await scratchDir('tailgate-secrets-')
    const baselineFile = join(scenarioDir, 'store', 'baseline.json')
    const profile = `name: secrets
model: constant-arrival-rate
rate: 30/s
warmup: 0s
duration: 1s
rounds: 2
max-event-loop-lag: 2s
headers:
  authorization: "Bearer ${profileSecret}"
requests:
  - { name: echo, path: /echo, expect: { body-contains: "never-in-the-body" } }
  - GET /ok
budgets:
  "*": "p99 < 10s"
`
    const inputs = {
      target: server.url.href,
      'health-path': HEALTH_PATH,
      headers: `x-preview-token: ${inputSecret}`,
      'github-token': token,
      'baseline-store': 'file',
      'baseline-path': baselineFile,
      comment: 'always',
    }

    // when a push to main saves a baseline and a PR compares with it,
    const push = await runStep({
      fakeUrl: fake.url,
      profile,
      scenarioDir,
      runId: 3001,
      event: pushEvent({ branch: 'main', sha: BASE_SHA }),
      inputs,
    })
    const pr = await runStep({ fakeUrl: fake.url, profile, scenarioDir, runId: 3002, inputs })

    // then the load carried the header secrets (and never the token: it goes to the GitHub API only),
    expect(server.seen().some((h) => h.includes(profileSecret))).toBe(true)
    expect(server.seen().some((h) => h.includes(inputSecret))).toBe(true)
    expect(server.seen().some((h) => h.includes(token))).toBe(false)
    expect(pr.outputs.verdict).toBeDefined()
    expect(fake.state.commentsOn(PR)).toHaveLength(1)
    // and no channel shows any of them.
    const channels: Record<string, string> = {}
    for (const [name, step] of [
      ['push', push],
      ['pr', pr],
    ] as const) {
      channels[`${name} stdout`] = withoutMaskCommands(step.stdout)
      channels[`${name} stderr`] = step.stderr
      channels[`${name} GITHUB_OUTPUT + GITHUB_STEP_SUMMARY`] = JSON.stringify(step.outputs) + step.summary
      for (const file of await filesUnder(step.runner.runnerTemp)) {
        channels[`${name} ${relative(scenarioDir, file.path)}`] = file.text
      }
    }
    for (const file of await filesUnder(join(scenarioDir, 'workspace', 'tailgate-results'))) {
      channels[relative(scenarioDir, file.path)] = file.text
    }
    channels['baseline file'] = await readFile(baselineFile, 'utf8')
    channels['PR comment'] = fake.state
      .commentsOn(PR)
      .map((c) => c.body)
      .join('\n')
    expect(Object.keys(channels)).toEqual(
      expect.arrayContaining(['workspace/tailgate-results/result.json', 'workspace/tailgate-results/report.md']),
    )
    expect(leaks(channels, [profileSecret, inputSecret, token])).toEqual([])
  }, 90_000)

  it('appear nowhere in the output of tailgate run (CLI)', async ({ onTestFinished }) => {
    const secret = `SECRET-CLI-${randomBytes(6).toString('hex')}`
    const server = await startEchoServer()
    onTestFinished(() => server.close())
    const dir = await scratchDir('tailgate-secrets-cli-')
    await writeFile(
      join(dir, 'tailgate.yml'),
      `rate: 30/s\nwarmup: 0s\nduration: 1s\nrounds: 2\nheaders: { authorization: "Bearer ${secret}" }\nrequests: [{ path: /echo, expect: { body-contains: nope } }]\n`,
    )

    const cli = startProcess({
      args: [CLI_ENTRY, 'run', 'tailgate.yml', '--target', server.url.href, '--out', 'result.json'],
      cwd: dir,
      env: {},
    })
    const { code } = await cli.exited

    expect(code).toBe(1) // every check fails (body-contains: nope): an invalid run, whose message names the class
    expect(server.seen().some((h) => h.includes(secret))).toBe(true)
    const result = await readFile(join(dir, 'result.json'), 'utf8')
    expect(leaks({ stdout: cli.stdout(), stderr: cli.stderr(), 'result.json': result }, [secret])).toEqual([])
  })
})

describe('credentials in the target URL', () => {
  it('are refused before any request, without being echoed', async ({ onTestFinished }) => {
    const secret = `SECRETURL${randomBytes(6).toString('hex')}`
    const fake = await startFake(onTestFinished)
    const server = await startHealthy()
    onTestFinished(() => server.close())

    const step = await runStep({
      fakeUrl: fake.url,
      profile: 'rate: 20/s\nduration: 1s\nrequests: [GET /]\n',
      inputs: { target: `http://user:${secret}@${server.url.host}/`, 'health-path': HEALTH_PATH, comment: 'never' },
    })

    expect(step.exitCode).toBe(1)
    expect(step.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /'target'.*user name or password.*headers/,
    )
    expect(leaks({ stdout: step.stdout, stderr: step.stderr, summary: step.summary }, [secret])).toEqual([])
    expect(server.requests()).toBe(0)
  })
})

/** A target that answers the health path, and echoes the request's headers in its body and in `x-echo`. */
async function startEchoServer(): Promise<FaultServer & { seen(): string[] }> {
  const seen: string[] = []
  const server = await startServer((req, res) => {
    if (req.url === HEALTH_PATH) return void res.end('ok')
    const headers = JSON.stringify(req.headers)
    seen.push(headers)
    res.writeHead(200, { 'content-type': 'application/json', 'x-echo': Buffer.from(headers).toString('base64') })
    res.end(headers)
  })
  return { url: server.url, requests: () => seen.length, close: () => server.close(), seen: () => seen }
}

describe('no user or PR string reaches a shell', () => {
  const SRC = fileURLToPath(new URL('../../src/', import.meta.url))
  const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => ({ path, text: readFileSync(join(SRC, path), 'utf8') }))

  it("spawns processes in two places only: start-command (the workflow author's input) and git with fixed arguments", () => {
    const spawning = sources.filter((s) => /from 'node:child_process'/.test(s.text)).map((s) => s.path)

    expect(spawning.sort()).toEqual(['action/preview/local-server.ts', 'load/environment.ts'])
    for (const { path, text } of sources) {
      // child_process exec/execSync run a shell; RegExp's .exec( is fine.
      expect(text, path).not.toMatch(/(?<![.\w])exec(Sync)?\(|shell:\s*true|(?<![.\w])eval\(|new Function\(/)
    }
    const environment = sources.find((s) => s.path === 'load/environment.ts')!.text
    expect(environment).toMatch(/execFileSync\('git', args,/)
    expect(environment).not.toMatch(/process\.env|getInput|argv/)
  })

  it('runs a PR whose branch, labels, title and profile hold shell syntax without executing any of it', async ({
    onTestFinished,
  }) => {
    // Given shell payloads that would create a canary file if any reached a shell,
    const canaryDir = await scratchDir('tailgate-canary-')
    const canary = join(canaryDir, 'pwned')
    const payloads = [`$(touch ${canary})`, `\`touch ${canary}\``, `;touch ${canary};`, `|touch ${canary}`]
    const fake = await startFake(onTestFinished)
    const server = await startHealthy()
    onTestFinished(() => server.close())
    const event = pullRequestEvent({ number: PR, baseSha: BASE_SHA, headSha: HEAD_SHA, headRef: payloads[0] })
    const pullRequest = event.payload.pull_request as Record<string, unknown>
    pullRequest.title = payloads[1]
    pullRequest.labels = payloads.map((name) => ({ name }))

    // when the action measures a profile whose names and paths hold them too,
    const step = await runStep({
      fakeUrl: fake.url,
      event,
      profile: `name: shell
model: constant-arrival-rate
rate: 20/s
warmup: 0s
duration: 1s
rounds: 2
max-event-loop-lag: 2s
requests:
${payloads.map((p, i) => `  - { name: ${JSON.stringify(`${p} ${i}`)}, path: ${JSON.stringify(`/x?q=${encodeURIComponent(p)}`)} }`).join('\n')}
`,
      inputs: {
        target: server.url.href,
        'health-path': HEALTH_PATH,
        'baseline-store': 'file',
        'accept-label': payloads[2]!,
        'github-token': 'fake-token',
        comment: 'always',
      },
    })

    // then it ran to a verdict, and no canary exists.
    expect(step.timedOut).toBe(false)
    expect(step.stderr).not.toMatch(STACK_FRAME)
    expect(step.outputs.verdict).toBeDefined()
    expect(server.requests()).toBeGreaterThan(0)
    expect(existsSync(canary)).toBe(false)
  })
})

/** Markup, mentions, links, fake markers and workflow commands: what a fork PR could write into its result file. */
const HOSTILE = {
  html: '</details></table><img src=x onerror=alert(1)><script>alert(2)</script>',
  mention: '@everyone @octo/admins #1',
  link: '[click me](javascript:alert(3)) ![img](https://evil.example/x.png)',
  marker: '<!-- tailgate:e2e -->',
  fence: '```\n| a | b |\n```',
  command: 'x\n::error title=pwned::injected\n::add-mask::Tailgate\n::stop-commands::halt',
} as const

function hostileResult(factor: number): RunResult {
  const centres = [20, 20.2, 19.8, 20.1, 19.9, 20.05]
  const names = Object.values(HOSTILE)
  const run = syntheticRun(
    // The markup and the workflow-command endpoints regress: they reach the headline, annotations and log lines.
    names.map((name) => {
      const slower = name === HOSTILE.html || name === HOSTILE.command
      return { name, roundsMs: centres.map((c) => spreadMs(40, c * (slower ? factor : 1))) }
    }),
  )
  return {
    ...run,
    profileId: 'e2e',
    git: { ...run.git, branch: `${HOSTILE.html}${HOSTILE.command}`, workflow: HOSTILE.mention },
    environment: { ...run.environment, cpuModel: HOSTILE.link, runner: HOSTILE.command },
  }
}

describe('a hostile result file in mode: report (the fork-safe workflow)', () => {
  it('cannot inject markup, mentions, links, a second marker or workflow commands', async ({ onTestFinished }) => {
    // Given a fork's result (and a baseline) whose endpoint names, branch and machine hold hostile text,
    const fake = await startFake(onTestFinished)

    // when the report workflow compares them and comments,
    const step = await runStep({
      fakeUrl: fake.url,
      profile: '',
      files: {
        'result.json': serializeRunResult(hostileResult(1.3)),
        'baseline.json': serializeRunResult(hostileResult(1)),
      },
      inputs: {
        mode: 'report',
        'result-path': 'result.json',
        'baseline-path': 'baseline.json',
        'github-token': 'fake-token',
        comment: 'always',
      },
    })

    // then the comment and the summary hold the text only as inert characters,
    expect(step.outputs.verdict).toBe('regression')
    const [comment] = fake.state.commentsOn(PR)
    expect(comment).toBeDefined()
    for (const [channel, body] of [
      ['comment', comment!.body],
      ['summary', step.summary],
    ] as const) {
      expect(body, channel).not.toMatch(/<img|<script|<\/details><\/table>/i)
      expect(body, channel).not.toMatch(/@everyone|@octo\/admins/)
      expect(body, channel).not.toMatch(/\]\(javascript:|!\[img\]\(https:\/\/evil/)
      // Only the comment carries the sticky marker, once: a fake marker in the data cannot capture the comment.
      expect(body.match(/<!-- tailgate/g) ?? [], channel).toHaveLength(channel === 'comment' ? 1 : 0)
    }
    // and no log line starts a workflow command the result file wrote.
    const lines = step.stdout.split('\n')
    expect(lines.filter((line) => /^::(error title=pwned|add-mask::Tailgate|stop-commands)/.test(line))).toEqual([])
    expect(step.annotations.some((a) => a.properties.title === 'pwned')).toBe(false)
  })

  it('executes nothing and sends no load: start-command and the profile target are ignored', async ({
    onTestFinished,
  }) => {
    const fake = await startFake(onTestFinished)
    const canaryDir = await scratchDir('tailgate-canary-report-')
    const canary = join(canaryDir, 'started')
    const server = await startHealthy()
    onTestFinished(() => server.close())

    const step = await runStep({
      fakeUrl: fake.url,
      profile: `target: ${server.url.href}\nrate: 50\nduration: 1s\nrequests: [GET /]\n`,
      files: {
        'result.json': serializeRunResult(hostileResult(1)),
        'baseline.json': serializeRunResult(hostileResult(1)),
      },
      inputs: {
        mode: 'report',
        target: server.url.href,
        'start-command': `touch ${canary}`,
        'result-path': 'result.json',
        'baseline-path': 'baseline.json',
        'github-token': 'fake-token',
        comment: 'never',
      },
    })

    expect(step.outputs.verdict).toBeDefined()
    expect(existsSync(canary)).toBe(false)
    expect(server.requests()).toBe(0)
  })
})
