// Temporary directories that tests create under os.tmpdir(), removed after the test file's tests. The suite's global
// setup points TMPDIR at one directory per run and fails the run naming anything left in it (test/global-setup.ts).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const created = new Set<string>()

/**
 * A fresh directory `<tmpdir>/<prefix>XXXXXX`, removed after the tests of the file that made it (by
 * removeScratchDirs, which test/helpers/file-teardown.ts runs after every test file). Usable in tests, hooks and
 * helpers, and by concurrent tests.
 * @example const dir = await scratchDir('tailgate-demo-')
 */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  created.add(dir)
  return dir
}

/** Removes every directory scratchDir made so far (a worker runs one test file at a time). */
export async function removeScratchDirs(): Promise<void> {
  const dirs = [...created]
  created.clear()
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })))
}
