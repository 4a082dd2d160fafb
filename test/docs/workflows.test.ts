// Workflows can't run here (no runner), so check them statically: they parse, and every `with:` key given to
// Tailgate (`uses: ./` or `.../tailgate@...`) is an input of action.yml. The same for YAML blocks in the docs.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { workflowBlocks } from './doc-blocks.js'

const root = new URL('../../', import.meta.url)
const actionInputs = Object.keys(parse(readFileSync(new URL('action.yml', root), 'utf8')).inputs)

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

function tailgateSteps(workflow: unknown): Step[] {
  const jobs = (workflow as { jobs?: Record<string, { steps?: Step[] }> })?.jobs ?? {}
  return Object.values(jobs)
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses === './' || /tailgate@/.test(step.uses ?? ''))
}

const workflowFiles = readdirSync(new URL('.github/workflows/', root)).filter((f) => f.endsWith('.yml'))

describe('workflows', () => {
  it.each(workflowFiles)('.github/workflows/%s parses and uses only declared inputs', (file) => {
    const workflow = parse(readFileSync(new URL(`.github/workflows/${file}`, root), 'utf8'))

    expect(workflow.jobs).toBeTypeOf('object')
    for (const step of tailgateSteps(workflow)) {
      for (const key of Object.keys(step.with ?? {})) expect(actionInputs).toContain(key)
    }
  })

  it.each(workflowBlocks())('$where parses and uses only declared inputs', ({ text }) => {
    const workflow = parse(text)

    for (const step of tailgateSteps(workflow)) {
      for (const key of Object.keys(step.with ?? {})) expect(actionInputs).toContain(key)
    }
  })
})
