// Before the suite: builds dist/ once, so the end-to-end tests run the bundle of the code under test (.ci/run then
// checks that the committed dist/ equals this fresh build). TAILGATE_SKIP_BUILD=1 skips the build for quick
// unit-test runs that do not touch dist/. The workflow harness's artifact step is bundled too (see bundleTools).
// Around the suite: every test file (and every process it starts) gets one fresh temporary directory of this run as
// TMPDIR, so `os.tmpdir()` points there. At the end the run lists what is left in it (a test that did not remove
// what it created), removes it, and fails the run naming the leftovers. TAILGATE_TMP_LEAKS=warn only warns.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export default async function setup(): Promise<() => void> {
  const teardown = isolateTemporaryFiles()
  // The build (a child process) and the tools' bundle at once: each waits on esbuild part of the time.
  const failed = (
    await Promise.allSettled([
      process.env.TAILGATE_SKIP_BUILD === '1' ? undefined : buildDist(),
      bundleTools(join(process.env.TMPDIR as string, TOOLS_DIR)),
    ])
  ).find((outcome) => outcome.status === 'rejected')
  if (failed === undefined) return teardown
  teardown()
  throw failed.reason
}

/** `node scripts/build.mjs` (output shown as it comes); rejects naming its exit when it fails. */
async function buildDist(): Promise<void> {
  const child = spawn(process.execPath, ['scripts/build.mjs'], {
    stdio: 'inherit',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  })
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null]
  if (code !== 0) throw new Error(`scripts/build.mjs failed (${signal ?? `exit ${code}`}): dist/ is not a fresh build`)
}

/** Where the run keeps the tools bundleTools makes (in the run's TMPDIR; not a leftover of a test). */
const TOOLS_DIR = 'tailgate-test-tools'

/**
 * The workflow harness's stand-in for actions/upload-artifact and download-artifact
 * (test/helpers/workflows/artifact-step.mjs) starts as one process per step: bundled once here, each start takes about
 * 0.5 s instead of 1.2 s of loading @actions/artifact's modules one by one (a sharded workflow runs 10 such steps).
 * The harness finds the bundle through TAILGATE_ARTIFACT_STEP, which the test workers inherit.
 */
async function bundleTools(dir: string): Promise<void> {
  const outfile = join(dir, 'artifact-step.mjs')
  await build({
    entryPoints: [fileURLToPath(new URL('helpers/workflows/artifact-step.mjs', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: {
      js: "import { createRequire as __toolCreateRequire } from 'node:module'; const require = __toolCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  })
  process.env.TAILGATE_ARTIFACT_STEP = outfile
}

/** What tools (not tests) keep in TMPDIR: Node 22+'s module compile cache, which npm 11 turns on, and bundleTools'. */
const TOOL_CACHES = new Set(['node-compile-cache', TOOLS_DIR])

/** Points TMPDIR at a fresh directory for this run; the returned teardown checks it is empty and removes it. */
function isolateTemporaryFiles(): () => void {
  const previous = process.env.TMPDIR
  const runDir = mkdtempSync(join(tmpdir(), 'tailgate-test-run-'))
  process.env.TMPDIR = runDir
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    const left = readdirSync(runDir)
      .filter((name) => !TOOL_CACHES.has(name))
      .sort()
    rmSync(runDir, { recursive: true, force: true })
    if (left.length === 0) return
    const message =
      `${left.length} temporary entr${left.length === 1 ? 'y was' : 'ies were'} left behind by the tests ` +
      `(each test must remove what it creates in its teardown; removed now): ${left.join(', ')}`
    if (process.env.TAILGATE_TMP_LEAKS === 'warn') console.warn(`WARNING: ${message}`)
    else throw new Error(message)
  }
}
