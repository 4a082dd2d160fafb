// docs/previews.md: every workflow is valid YAML, every Tailgate `with:` key is an input of action.yml, and every
// `headers` block parses with the env its step provides.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseSecretHeaders } from '../../src/action/preview/secret-headers.js'

const doc = readFileSync(new URL('../../docs/previews.md', import.meta.url), 'utf8')
const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, unknown>
}

interface Step {
  readonly uses?: string
  readonly id?: string
  readonly env?: Record<string, string>
  readonly with?: Record<string, unknown>
}
interface Workflow {
  readonly on: unknown
  readonly jobs: Record<string, { readonly steps: readonly Step[] }>
}

const workflows: { name: string; workflow: Workflow }[] = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => {
  const text = match[1] as string
  return { name: /^# (\S+)/.exec(text)?.[1] ?? text.slice(0, 40), workflow: parse(text) as Workflow }
})
const tailgateSteps = workflows.flatMap(({ name, workflow }) =>
  Object.values(workflow.jobs).flatMap((job) =>
    job.steps.filter((step) => step.uses?.startsWith('your-org/tailgate@')).map((step) => ({ name, step })),
  ),
)

describe('docs/previews.md', () => {
  it('has the five workflows: Vercel, Netlify, a server in the job, live A/B and calibration', () => {
    expect(workflows.map((w) => w.name)).toEqual([
      '.github/workflows/perf-vercel.yml',
      '.github/workflows/perf-netlify.yml',
      '.github/workflows/perf.yml',
      '.github/workflows/perf-ab.yml',
      '.github/workflows/perf-calibrate.yml',
    ])
    expect(tailgateSteps).toHaveLength(5)
  })

  it.each(tailgateSteps)('uses only inputs of action.yml in $name', ({ step }) => {
    const unknown = Object.keys(step.with ?? {}).filter((key) => !(key in action.inputs))

    expect(unknown).toEqual([])
  })

  it.each(tailgateSteps.filter(({ step }) => step.with?.headers !== undefined))(
    'has headers that parse with the env of their step in $name',
    ({ step }) => {
      const env = Object.fromEntries(Object.keys(step.env ?? {}).map((name) => [name, 'secret-value']))

      const parsed = parseSecretHeaders({ text: String(step.with?.headers), env })

      expect(Object.values(parsed.headers)).toEqual(['secret-value'])
    },
  )

  it('runs the Vercel workflow on successful deployment_status events, with no target input', () => {
    const vercel = workflows[0]?.workflow as Workflow & { jobs: Record<string, { if?: string }> }

    expect(Object.keys(vercel.on as object)).toEqual(['deployment_status'])
    expect(Object.values(vercel.jobs)[0]?.if).toBe("github.event.deployment_status.state == 'success'")
    expect(tailgateSteps[0]?.step.with?.target).toBeUndefined()
  })

  it("feeds the Netlify deploy step's deploy-url output into target", () => {
    const steps = Object.values(workflows[1]?.workflow.jobs ?? {})[0]?.steps ?? []
    const netlify = steps.find((step) => step.uses?.startsWith('nwtgck/actions-netlify@'))

    expect(tailgateSteps[1]?.step.with?.target).toBe(`\${{ steps.${netlify?.id}.outputs.deploy-url }}`)
  })

  it('starts a server in the job, and gives live A/B a baseline-target', () => {
    expect(tailgateSteps[2]?.step.with).toMatchObject({
      'start-command': 'npm start',
      target: 'http://127.0.0.1:3000',
      'health-path': '/health',
    })
    expect(tailgateSteps[3]?.step.with?.['baseline-target']).toBe('https://production.example.com')
  })
})
