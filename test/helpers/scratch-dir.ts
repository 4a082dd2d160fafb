// Temporary directories that tests create under os.tmpdir(), removed after the test file's tests. The suite's global
// setup points TMPDIR at one directory per run and fails the run naming anything left in it (test/global-setup.ts).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const created = new Set<string>()

// Registered when a test file imports this module (statically, during collection): it belongs to that file's suite,
// so it also covers directories made by concurrent tests and by helpers, whatever test is running when they call.
afterAll(async () => {
  const dirs = [...created]
  created.clear()
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })))
})

/**
 * A fresh directory `<tmpdir>/<prefix>XXXXXX`, removed after the tests of the file that imported this module.
 * Usable in tests, hooks and helpers.
 * @example const dir = await scratchDir('tailgate-demo-')
 */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  created.add(dir)
  return dir
}
