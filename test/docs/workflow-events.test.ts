// The documented workflows do on each event what they say: on a push to main the Tailgate step measures a URL that
// exists on push (no PR-only context such as github.event.number) and saves the baseline (mode auto or baseline);
// on a pull request it measures the PR (a preview URL with the PR's number, or a server started in the job).
// Static: the expressions are evaluated against each event's context by the workflow harness's evaluator
// (test/helpers/workflows/expressions.ts), without running anything; test/e2e/workflows/ runs the workflows.
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  condition as conditionIn,
  type ExpressionContext,
  evaluateTracked,
  interpolateTracked,
  type Value,
} from '../helpers/workflows/expressions.js'
import { workflowBlocks } from './doc-blocks.js'

interface Step {
  readonly uses?: string
  readonly if?: unknown
  readonly with?: Record<string, unknown>
}
interface Job {
  readonly if?: unknown
  readonly steps?: Step[]
}
interface Workflow {
  readonly on: unknown
  readonly jobs: Record<string, Job>
}

const PR_NUMBER = 4242

const CONTEXTS = {
  push: {
    github: {
      event_name: 'push',
      ref: 'refs/heads/main',
      ref_name: 'main',
      sha: 'a'.repeat(40),
      repository: 'acme/shop',
      event: { ref: 'refs/heads/main', after: 'a'.repeat(40), repository: { default_branch: 'main' } },
    },
  },
  pull_request: {
    github: {
      event_name: 'pull_request',
      ref: `refs/pull/${PR_NUMBER}/merge`,
      sha: 'b'.repeat(40),
      head_ref: 'feature',
      base_ref: 'main',
      repository: 'acme/shop',
      event: {
        action: 'synchronize',
        number: PR_NUMBER,
        pull_request: { number: PR_NUMBER, head: { sha: 'c'.repeat(40) }, base: { ref: 'main' } },
        repository: { default_branch: 'main' },
      },
    },
  },
} as const

/** An event's context, read statically: run-time-only contexts (steps, secrets, …) become `<path>` placeholders. */
const on = (contexts: (typeof CONTEXTS)[keyof typeof CONTEXTS]): ExpressionContext => ({
  contexts: contexts as unknown as Record<string, Value>,
  failed: false,
  placeholders: true,
})
const condition = (value: unknown, contexts: (typeof CONTEXTS)[keyof typeof CONTEXTS]) =>
  conditionIn(value as string | boolean | undefined, on(contexts))
const interpolate = (value: unknown, contexts: (typeof CONTEXTS)[keyof typeof CONTEXTS]) =>
  interpolateTracked(value, on(contexts))
const evaluate = (expression: string, contexts: (typeof CONTEXTS)[keyof typeof CONTEXTS]) =>
  evaluateTracked(expression, on(contexts))

function events(on: unknown): string[] {
  if (typeof on === 'string') return [on]
  if (Array.isArray(on)) return on.map(String)
  return Object.keys((on ?? {}) as object)
}

/** The Tailgate steps that run on this event (their job's and their own `if:` hold). */
function tailgateStepsOn(workflow: Workflow, event: keyof typeof CONTEXTS): Step[] {
  const context = CONTEXTS[event]
  return Object.values(workflow.jobs)
    .filter((job) => condition(job.if, context))
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses === './' || /tailgate@/.test(step.uses ?? ''))
    .filter((step) => condition(step.if, context))
}

const workflows = workflowBlocks().map((block) => ({ where: block.where, workflow: parse(block.text) as Workflow }))
const onPush = workflows.filter(({ workflow }) => events(workflow.on).includes('push'))
const onPullRequest = workflows.filter(({ workflow }) => events(workflow.on).includes('pull_request'))

describe('documented workflows on push', () => {
  it('are found (README and docs/)', () => {
    expect(onPush.some(({ where }) => where.startsWith('README.md'))).toBe(true)
  })

  it.each(onPush)('$where measures a URL that exists on push and saves the baseline', ({ workflow }) => {
    const steps = tailgateStepsOn(workflow, 'push')
    const context = CONTEXTS.push

    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      const inputs = step.with ?? {}
      const target = interpolate(inputs.target, context)
      expect(target.missing, `target: ${String(inputs.target)}`).toEqual([])
      if (inputs.target !== undefined) expect(String(target.value)).toMatch(/^(https?:\/\/[^/]*[^./-][./:]|<steps)/)
      expect(interpolate(inputs['baseline-target'], context).missing).toEqual([])
      const mode = interpolate(inputs.mode ?? 'auto', context).value
      expect(['auto', 'baseline', 'merge']).toContain(mode)
    }
  })
})

describe('documented workflows on pull_request', () => {
  it.each(onPullRequest)('$where measures the PR (its preview, or a server started in the job)', ({ workflow }) => {
    const steps = tailgateStepsOn(workflow, 'pull_request')
    const context = CONTEXTS.pull_request

    for (const step of steps) {
      const inputs = step.with ?? {}
      const target = interpolate(inputs.target, context)
      expect(target.missing).toEqual([])
      const measuresThePr =
        String(target.value).includes(String(PR_NUMBER)) ||
        inputs['start-command'] !== undefined ||
        String(target.value).startsWith('<steps.') ||
        ['report', 'merge'].includes(String(inputs.mode))
      expect(measuresThePr, `target: ${String(inputs.target)}`).toBe(true)
    }
  })
})

describe('the expression evaluator', () => {
  it.each([
    { expression: "github.event_name == 'push' && 'a' || 'b'", event: 'push', value: 'a' },
    { expression: "github.event_name == 'push' && 'a' || 'b'", event: 'pull_request', value: 'b' },
    {
      expression: "format('https://pr-{0}.example.com', github.event.number)",
      event: 'pull_request',
      value: `https://pr-${PR_NUMBER}.example.com`,
    },
    { expression: "!(github.event_name != 'push')", event: 'push', value: true },
    { expression: "github.event.label.name == 'tailgate:accept'", event: 'pull_request', value: false },
  ] as const)('$expression on $event is $value', ({ expression, event, value }) => {
    expect(evaluate(expression, CONTEXTS[event]).value).toBe(value)
  })

  it('reports the PR-only context a push has not (the README bug: the PR number in the URL on push)', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JavaScript template
    const result = interpolate('https://pr-${{ github.event.number }}.preview.example.com', CONTEXTS.push)

    expect(result).toEqual({ value: 'https://pr-.preview.example.com', missing: ['github.event.number'] })
  })
})
