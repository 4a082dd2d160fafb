// How long `node dist/index.js` takes, on a pull_request event with a token, from spawn to its first log line
// ("Tailgate mode: …": the runner's environment read, the inputs parsed, the mode chosen), beside the spawn-to-exit
// time of bare `node -e 0` measured the same way (issue 16: the Action starts its work within 300 ms).
//   node bench/startup/first-line.mjs [runs=20] [dist/index.js]      NODE=<node binary> picks the Node that runs both
// The child is killed at its first line, so no load is sent; the target in the profile is 127.0.0.1 anyway. Prints
// the load average beside the figures: on a busy machine they are upper bounds. Needs `npm run build` first.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const runs = Number(process.argv[2] ?? 20)
const entry = resolve(process.argv[3] ?? 'dist/index.js')
const node = process.env.NODE ?? process.execPath
const dir = mkdtempSync(join(tmpdir(), 'tailgate-first-line-'))
const CLOCK_TICK_MS = 10 // USER_HZ is 100 on Linux
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/** The runner's variables and files for a pull_request event, the way the hosted runner sets them. */
function runnerEnv() {
  const sha = 'a'.repeat(40)
  const payload = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { ref: 'feature', sha, repo: { full_name: 'octo/repo', fork: false } },
      base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'octo/repo', default_branch: 'main' } },
      labels: [],
    },
    repository: { full_name: 'octo/repo', default_branch: 'main', owner: { login: 'octo' } },
  }
  const workspace = join(dir, 'workspace')
  const runnerTemp = join(dir, 'runner-temp')
  mkdirSync(workspace, { recursive: true })
  mkdirSync(runnerTemp, { recursive: true })
  writeFileSync(join(dir, 'event.json'), JSON.stringify(payload))
  for (const file of ['output', 'summary', 'state', 'env', 'path']) writeFileSync(join(dir, file), '')
  const profile = 'version: 1\ntarget: http://127.0.0.1:9\nendpoints:\n  - name: home\n    path: /\n'
  writeFileSync(join(workspace, 'tailgate.yml'), profile)
  const { PATH, HOME } = process.env
  return {
    PATH,
    HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_HEAD_REF: 'feature',
    GITHUB_BASE_REF: 'main',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'perf',
    GITHUB_WORKFLOW_REF: 'octo/repo/.github/workflows/perf.yml@refs/pull/7/merge',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_NAME: 'GitHub Actions 1',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    'INPUT_GITHUB-TOKEN': 'ghs_startup_benchmark_token',
    INPUT_PROFILE: 'tailgate.yml',
  }
}

/** User + system CPU of a live process so far, from /proc (Linux; null elsewhere). */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS
  } catch {
    return null
  }
}

/** One spawn: ms until `until(line)` is true for a stdout line (or until exit when `until` is null), and CPU ms. */
function once(args, env, until) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint()
    const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let buffered = ''
    let finished = false
    const finish = (cpuMs) => {
      if (finished) return
      finished = true
      done({ wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs })
      child.kill('SIGKILL')
    }
    child.stdout.on('data', (chunk) => {
      buffered += chunk
      if (until && buffered.split('\n').some(until)) finish(cpuMsOf(child.pid))
    })
    child.on('exit', (code) => {
      if (until === null) finish(null)
      else if (!finished) fail(new Error(`exited (${code}) before its first line; stdout: ${buffered.slice(0, 400)}`))
    })
  })
}

function summary(name, samples) {
  const wall = samples.map((s) => s.wallMs)
  const mean = wall.reduce((a, b) => a + b, 0) / wall.length
  const sd = Math.sqrt(wall.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, wall.length - 1))
  const cpu = samples.map((s) => s.cpuMs).filter((c) => c !== null)
  const cpuMean = cpu.length ? (cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(0) : '–'
  const row = [mean.toFixed(0), sd.toFixed(0), Math.min(...wall).toFixed(0)]
  console.log(`| ${name} | ${row[0]} ± ${row[1]} | ${row[2]} | ${cpuMean} |`)
}

try {
  const env = runnerEnv()
  const version = await new Promise((done) => {
    const child = spawn(node, ['--version'])
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('exit', () => done(out.trim()))
  })
  console.log(`first-line: ${new Date().toISOString()}, node ${version}, load average before: ${load()}`)
  const isFirstLine = (line) => line.startsWith('Tailgate mode:')
  const bare = []
  const action = []
  for (let i = 0; i < runs + 3; i++) {
    // alternate, so a change of load hits both; the first 3 of each are a warm-up (file cache)
    const b = await once(['-e', '0'], env, null)
    const a = await once([entry], { ...env, GITHUB_ACTION: '__self' }, isFirstLine)
    if (i < 3) continue
    bare.push(b)
    action.push(a)
  }
  console.log('| command | wall mean ± sd [ms] | wall min [ms] | CPU at the line, mean [ms] (10 ms ticks) |')
  console.log('|---|---|---|---|')
  summary('`node -e 0` (to exit)', bare)
  summary(`\`node ${process.argv[3] ?? 'dist/index.js'}\` (pull_request, token) to "Tailgate mode: …"`, action)
  console.log(`load average after: ${load()}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
