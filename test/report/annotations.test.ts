import { describe, expect, it } from 'vitest'
import { annotationsFor } from '../../src/report/annotations.js'
import { budgetCheck, comparison, endpointVerdict, improvementOf, reportInput } from './builders.js'

const p95 = comparison({ shift: 4, outcome: 'regression', explanation: 'p95 +4 ms (+20.0 %), p=0.004, 5 vs 5 rounds' })
const p50 = comparison({ metric: 'p50', shift: 2, outcome: 'regression', explanation: 'p50 +2 ms, p=0.01' })

const input = () =>
  reportInput([
    endpointVerdict('GET /slow', { kind: 'regression', worst: p95 }, { comparisons: [p50, p95] }),
    endpointVerdict('GET /fat', { kind: 'no-change' }, { budgets: [budgetCheck('p99 < 30ms', 'p99', 30, 42.5)] }),
    endpointVerdict('GET /fast', improvementOf(), { budgets: [budgetCheck('p95 < 300ms', 'p95', 300, 16)] }),
    endpointVerdict('GET /new', { kind: 'no-baseline', reason: 'new endpoint' }),
  ])

describe('annotationsFor', () => {
  it('makes one error per regressed metric and per failed budget, and nothing else', () => {
    expect(annotationsFor(input())).toEqual([
      { level: 'error', title: 'Tailgate: GET /slow p50 regression', message: 'p50 +2 ms, p=0.01' },
      {
        level: 'error',
        title: 'Tailgate: GET /slow p95 regression',
        message: 'p95 +4 ms (+20.0 %), p=0.004, 5 vs 5 rounds',
      },
      { level: 'error', title: 'Tailgate: GET /fat over budget', message: 'p99 < 30ms exceeded: p99 = 42.5 ms' },
    ])
  })

  it('makes warnings naming the label and who applied it when the run was accepted', () => {
    const accepted = { ...input(), accepted: { label: 'perf-ok', by: 'octocat' } }

    const annotations = annotationsFor(accepted)

    expect(annotations.map((a) => a.level)).toEqual(['warning', 'warning', 'warning'])
    expect(annotations[2]!.message).toBe(
      "p99 < 30ms exceeded: p99 = 42.5 ms (accepted with the label 'perf-ok' by @octocat)",
    )
  })

  it('returns none when nothing regressed and every budget held', () => {
    expect(annotationsFor(reportInput([endpointVerdict('GET /a', { kind: 'no-change' })]))).toEqual([])
  })

  it('keeps each annotation on one line, without control characters from names', () => {
    const hostile = reportInput([
      endpointVerdict('GET /a\n::error::forged\u001b[2J', { kind: 'regression', worst: p95 }, { comparisons: [p95] }),
    ])

    const [annotation] = annotationsFor(hostile)

    expect(annotation!.title).toBe('Tailgate: GET /a ::error::forged [2J p95 regression')
  })
})
