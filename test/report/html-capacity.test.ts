// The HTML report of a capacity search: latency against arrival rate per endpoint, baseline and this PR on the same
// axes, with the SLO line and each run's knee; the steps in a table.
import { describe, expect, it } from 'vitest'
import { renderHtml } from '../../src/report/html/page.js'
import { capacityRun } from '../capacity/builders.js'
import { decidedInput, manyEndpointsCase } from './html-cases.js'

const chart = (html: string, kind: string): string[] =>
  html
    .split(`data-chart="${kind}"`)
    .slice(1)
    .map((part) => part.split('</svg>')[0]!)

describe('HTML report of a capacity run', () => {
  it('draws latency by rate per endpoint with the SLO line and both knees, numbers in a table', () => {
    const input = decidedInput({ candidate: capacityRun(300, 320), baseline: capacityRun(400, 420), budgets: {} })

    const html = renderHtml(input)
    const [capacity] = chart(html, 'capacity')

    expect(chart(html, 'capacity')).toHaveLength(1)
    expect([...capacity!.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1])).toEqual(['p95 baseline', 'p95 this PR'])
    expect(capacity).toContain('class="limit"')
    expect(capacity).toContain('SLO p95 &lt; 50.0 ms')
    expect(capacity).toMatch(/knee baseline: sustained 400\.0 req\/s; knee this PR: sustained 300\.0 req\/s/)
    expect(html).toContain('href="#capacity"')
    expect(html).toContain('<p id="capacity-finding">sustained 300/s.')
    // Every rate of either search is a row of the chart's table; the failing rate's p95 is its real value.
    const table = html.split('p95 (ms) by arrival rate')[1]!.split('</table>')[0]!
    expect(table.match(/<tr>/g)).toHaveLength(1 + 7)
    expect(table).toMatch(/<th>320\.0<\/th><td>–<\/td><td>1\d\d\.\d<\/td>/)
    expect(html).toContain('Capacity steps, this PR')
    expect(html).toContain('Capacity steps, baseline')
  })

  it('without a baseline: one line, this PR only; no capacity section for other runs', () => {
    const html = renderHtml(decidedInput({ candidate: capacityRun(300, 320), baseline: null, budgets: {} }))
    const [capacity] = chart(html, 'capacity')

    expect([...capacity!.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1])).toEqual(['p95 this PR'])
    expect(html).not.toContain('Capacity steps, baseline')

    const plain = renderHtml(manyEndpointsCase(1, 6, 0))

    expect(chart(plain, 'capacity')).toHaveLength(0)
    expect(plain).not.toContain('id="capacity"')
  })
})
