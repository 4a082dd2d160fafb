// The project's own CI workflow: tests on the Node versions users run (22 and 24; Node 20 reached its end of life in
// April 2026) with the current major versions of actions/checkout and actions/setup-node (v7 of both, July 2026).
// The workflows users copy from the docs use the current majors too: a v4 of the artifact actions still runs on the
// Node 20 runtime GitHub retired in June 2026.
import { readdirSync, readFileSync } from 'node:fs'
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
/** Current majors (December 2026) of every GitHub-owned action the documented workflows use. */
const DOCUMENTED_MAJORS: Readonly<Record<string, string>> = {
  ...CURRENT_MAJORS,
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
}

const repoFile = (path: string): URL => new URL(`../../${path}`, import.meta.url)
/** README.md, docs/*.md, examples/**, .github/workflows/*.yml: every file a user may copy a workflow from. */
function documentedFiles(): string[] {
  const under = (dir: string): string[] =>
    readdirSync(repoFile(dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(md|ya?ml)$/.test(entry.name))
      .map((entry) => `${entry.parentPath.slice(repoFile('').pathname.length)}/${entry.name}`)
  return ['README.md', ...under('docs'), ...under('examples'), ...under('.github/workflows')]
}

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

describe('workflows in the docs', () => {
  it.each(documentedFiles())('%s uses the current major of every actions/* action', (path) => {
    const text = readFileSync(repoFile(path), 'utf8')
    for (const [, action, version] of text.matchAll(/uses:\s*(actions\/[\w-]+)@([\w.-]+)/g)) {
      const major = DOCUMENTED_MAJORS[action!]
      expect(major, `${path}: ${action} is not in the table of current majors`).toBeDefined()
      expect(version, `${path}: ${action}@${version}`).toBe(major)
    }
  })

  it('covers the files that show workflows', () => {
    const withActions = documentedFiles().filter((path) =>
      /uses:\s*actions\//.test(readFileSync(repoFile(path), 'utf8')),
    )
    expect(withActions).toEqual(expect.arrayContaining(['README.md', 'docs/workflows.md', 'docs/previews.md']))
  })
})
