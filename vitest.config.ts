import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Test files that measure latency and judge it (the gate, the demo, live A/B, capacity, the action and the documented
 * workflows end to end). They run in their own group, 2 files at a time, so the suite's CPU-bound files (fuzzing,
 * simulations) and too many neighbours of their own kind cannot blur what they measure on a 2-core runner.
 */
const MEASURING = [
  'test/e2e/**/*.test.ts',
  'test/ab/**/*.test.ts',
  'test/capacity/capacity.test.ts',
  'test/capacity/cli.test.ts',
  'test/capacity/live-ab.test.ts',
  'test/shard/**/*.test.ts',
  'test/import/round-trip.test.ts',
  'test/cli/demo.test.ts',
  'test/load/spike-recovery.test.ts',
  'test/calibrate/cli.test.ts',
]

/**
 * Files at once in each group. Vitest's default is one less than the cores: ONE file at a time on a 2-core runner,
 * though most long files wait on timers, loopback servers and child processes rather than burn CPU (measured in
 * docs/benchmarks.md, "Test suite"). TAILGATE_TEST_WORKERS caps both (e.g. 1 to run files one by one).
 */
const cap = Number(process.env.TAILGATE_TEST_WORKERS ?? Number.POSITIVE_INFINITY)
const WORKERS = { measuring: Math.min(2, cap), other: Math.min(4, cap) }

const shared = { pool: 'forks', testTimeout: 30_000, hookTimeout: 30_000 } as const

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default'],
    projects: [
      {
        test: {
          ...shared,
          name: 'measuring',
          include: MEASURING,
          maxWorkers: WORKERS.measuring,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'other',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...MEASURING],
          maxWorkers: WORKERS.other,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
