// The system's Chromium (Debian's `chromium` package), driven by playwright-core: never a downloaded browser build.
// A missing Chromium fails the tests that need it, with the command that installs it; they are skipped only when
// TAILGATE_SKIP_BROWSER_TESTS=1 says so explicitly (a silent skip would hide that the HTML was never rendered).
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

/** Where Debian's package puts Chromium; TAILGATE_CHROMIUM overrides it. */
export const CHROMIUM_PATH = process.env.TAILGATE_CHROMIUM ?? '/usr/bin/chromium'

/** True when the browser tests were explicitly asked to be skipped. */
export const SKIP_BROWSER_TESTS = process.env.TAILGATE_SKIP_BROWSER_TESTS === '1'

export const CHROMIUM_MISSING =
  `Chromium not found at ${CHROMIUM_PATH}. The HTML report tests drive the system's Chromium; install it with ` +
  '`apt-get update && apt-get install -y chromium` (Debian/Ubuntu; .ci/run does this), point TAILGATE_CHROMIUM at ' +
  'another Chromium binary, or set TAILGATE_SKIP_BROWSER_TESTS=1 to skip these tests knowingly.'

/** Flags for a quiet, offline, throw-away headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const

export interface Browser {
  readonly context: BrowserContext
  close(): Promise<void>
}

/** Launches the system's Chromium with a fresh profile directory (removed on close). */
export async function launchChromium(viewport = { width: 1100, height: 900 }): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING)
  const profileDir = await mkdtemp(join(tmpdir(), 'tailgate-chromium-'))
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport,
    offline: true,
  })
  return {
    context,
    async close() {
      await context.close()
      await rm(profileDir, { recursive: true, force: true })
    },
  }
}
