// The project's own CI workflow: tests on the Node versions users run (22 and 24; Node 20 reached its end of life in
// April 2026) with the current major versions of actions/checkout and actions/setup-node (v7 of both, July 2026).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

interface Step {
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
}
interface Job {
  readonly strategy?: { readonly matrix?: Record<string, unknown[]> }
  readonly steps: Step[]
}

const workflow = parse(readFileSync(new URL('../../.github/workflows/ci.yml', import.meta.url), 'utf8')) as {
  jobs: Record<string, Job>
}
const CURRENT_MAJORS = { 'actions/checkout': 'v7', 'actions/setup-node': 'v7' } as const

describe('.github/workflows/ci.yml', () => {
  it('runs .ci/run on Node 22 and on Node 24', () => {
    const test = workflow.jobs.test!
    expect(test.steps.some((step) => step.run === 'bash .ci/run')).toBe(true)
    expect(test.strategy?.matrix?.node).toEqual([22, 24])
    const setupNode = test.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))
    expect(setupNode?.with?.['node-version']).toMatch(/^\$\{\{ matrix\.node \}\}$/)
  })

  it('uses the current major of actions/checkout and actions/setup-node in every job', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => step.uses ?? []))
    expect(uses.length).toBeGreaterThan(0)
    for (const [action, major] of Object.entries(CURRENT_MAJORS)) {
      const versions = uses.filter((u) => u.startsWith(`${action}@`)).map((u) => u.slice(action.length + 1))
      expect(versions.length, action).toBeGreaterThan(0)
      expect(new Set(versions), action).toEqual(new Set([major]))
    }
  })
})
