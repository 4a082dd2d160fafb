import { configDefaults, defineConfig } from 'vitest/config'
import type { TestSpecification } from 'vitest/node'
import { BaseSequencer } from 'vitest/node'

/**
 * Test files that measure latency and judge it (the gate, the demo, live A/B, capacity, the action and the documented
 * workflows end to end). They run in their own group, 2 files at a time, so the suite's CPU-bound files (fuzzing,
 * simulations) cannot blur what they measure on a 2-core runner.
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
 * The longest files of each group (20–35 s each on 2 quiet cores; docs/benchmarks.md, "Test suite"), started first so
 * that none of them begins near the end of its group and holds the run up alone. Vitest's own order (slowest first by
 * its cache of earlier runs; largest file first on a fresh clone) applies after them.
 */
const LONGEST_FIRST = [
  'test/e2e/workflows/previews.e2e.test.ts',
  'test/ab/auto-rounds.test.ts',
  'test/e2e/workflows/shards.e2e.test.ts',
  'test/capacity/live-ab.test.ts',
  'test/capacity/capacity.test.ts',
  'test/reliability/faults.test.ts',
  'test/reliability/github-failures.test.ts',
  'test/reliability/security.test.ts',
  'test/gate/simulation.test.ts',
]

/**
 * The shortest measuring files (about 5, 2 and 0 s), started last in this order: the group ends when its slower
 * worker does, and the file that starts last holds the other worker idle for at most its own length (the 15 s demo
 * did, when file size put it last on a fresh clone: the two workers ended 6 s apart).
 */
const SHORTEST_LAST = ['test/capacity/cli.test.ts', 'test/shard/shard.test.ts', 'test/ab/previews-doc.test.ts']

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (spec: TestSpecification) => {
      const first = LONGEST_FIRST.findIndex((file) => spec.moduleId.endsWith(`/${file}`))
      if (first !== -1) return first
      const last = SHORTEST_LAST.findIndex((file) => spec.moduleId.endsWith(`/${file}`))
      return last === -1 ? LONGEST_FIRST.length : LONGEST_FIRST.length + 1 + last
    }
    const group = (spec: TestSpecification) => spec.project.config.sequence.groupOrder
    // Files that need a fresh process (the ISOLATED ones) before those that share one: they mostly wait on fake
    // services, so at the end of their group they were a tail of ~10 s with the cores half idle; first, they overlap
    // the CPU-bound files. Vitest keeps a shared worker only while the next file in its queue can share it, so
    // putting them first (not between shared files) starts no extra processes.
    const fresh = (spec: TestSpecification) => (spec.project.config.isolate ? 0 : 1)
    // Stable: within a group the listed files move to the front (or the back); groups keep their order.
    return sorted
      .map((spec, position) => ({ spec, position }))
      .sort(
        (a, b) =>
          group(a.spec) - group(b.spec) ||
          fresh(a.spec) - fresh(b.spec) ||
          rank(a.spec) - rank(b.spec) ||
          a.position - b.position,
      )
      .map(({ spec }) => spec)
  }
}

/**
 * Files at once in each group. Vitest's default is one less than the cores: ONE file at a time on a 2-core runner,
 * though most long files wait on timers, loopback servers and child processes rather than burn CPU (measured in
 * docs/benchmarks.md, "Test suite"). TAILGATE_TEST_WORKERS caps both (e.g. 1 to run files one by one).
 */
const cap = Number(process.env.TAILGATE_TEST_WORKERS ?? Number.POSITIVE_INFINITY)
const WORKERS = { measuring: Math.min(2, cap), other: Math.min(4, cap) }

/**
 * Files of the CPU-bound group that run in a fresh process each (Vitest's default isolation): they point the GitHub
 * toolkit at a fake GitHub through the process's environment (runner variables set in-process), and the toolkit's
 * modules keep what they read there, so the next file would talk to a fake GitHub that is gone. Every other file of
 * that group shares its worker process with the files before it, which saves importing the same modules again for
 * each file: about a third of that group's CPU time (docs/benchmarks.md, "Test suite").
 */
const ISOLATED = [
  'test/baseline/artifact-store.test.ts',
  'test/baseline/cache-store.test.ts',
  'test/baseline/orchestrate.test.ts',
  'test/github/fake-github.test.ts',
  'test/action/secrets-and-target.test.ts',
]

const shared = {
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 30_000,
  setupFiles: ['test/helpers/file-teardown.ts'],
}

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default'],
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          ...shared,
          name: 'measuring',
          include: MEASURING,
          isolate: false,
          maxWorkers: WORKERS.measuring,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'other',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...MEASURING, ...ISOLATED],
          isolate: false,
          maxWorkers: WORKERS.other,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The same group as 'other' (the same order and workers): they share its workers.
        test: {
          ...shared,
          name: 'other-isolated',
          include: ISOLATED,
          maxWorkers: WORKERS.other,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
