import { defineConfig } from 'vitest/config'

/**
 * Test files run at once. Vitest's default is one less than the cores, so on a 2-core runner it ran ONE file at a
 * time, though most long files wait on timers, loopback servers and child processes rather than burn CPU.
 * TAILGATE_TEST_WORKERS overrides it (e.g. 1 to run files one by one while hunting a flaky test).
 */
const maxWorkers = Number(process.env.TAILGATE_TEST_WORKERS ?? 4)

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers,
    reporters: ['default'],
  },
})
