// Before the suite: builds dist/ once, so the end-to-end tests run the bundle of the code under test (.ci/run then
// checks that the committed dist/ equals this fresh build). TAILGATE_SKIP_BUILD=1 skips the build for quick
// unit-test runs that do not touch dist/.
// Around the suite: every test file (and every process it starts) gets one fresh temporary directory of this run as
// TMPDIR, so `os.tmpdir()` points there. At the end the run lists what is left in it (a test that did not remove
// what it created), removes it, and fails the run naming the leftovers. TAILGATE_TMP_LEAKS=warn only warns.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export default function setup(): () => void {
  if (process.env.TAILGATE_SKIP_BUILD !== '1') {
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      stdio: 'inherit',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    })
  }
  return isolateTemporaryFiles()
}

/** What tools (not tests) keep in TMPDIR: Node 22+'s module compile cache, which npm 11 turns on. */
const TOOL_CACHES = new Set(['node-compile-cache'])

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
