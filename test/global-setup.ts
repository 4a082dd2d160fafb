// Builds dist/ once before the suite, so the end-to-end tests run the bundle of the code under test.
// (.ci/run then checks that the committed dist/ equals this fresh build.) TAILGATE_SKIP_BUILD=1 skips it for quick
// unit-test runs that do not touch dist/.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  if (process.env.TAILGATE_SKIP_BUILD === '1') return
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    stdio: 'inherit',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  })
}
