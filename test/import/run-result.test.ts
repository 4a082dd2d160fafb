import { describe, expect, it } from 'vitest'
import { type ImportSource, importRun } from '../../src/import/index.js'
import { parseRunResult, serializeRunResult } from '../../src/results/codec.js'
import { fixture, testContext } from './helpers.js'

describe('imported RunResults', () => {
  it.each<{ source: ImportSource; files: string[] }>([
    { source: 'k6', files: ['k6-output.json'] },
    { source: 'autocannon', files: ['autocannon-slow-1.json', 'autocannon-slow-2.json'] },
    { source: 'autocannon', files: ['autocannon-teapot.json'] },
    { source: 'artillery', files: ['artillery-report.json'] },
  ])('survive the RunResult file format unchanged ($source: $files)', async ({ source, files }) => {
    // given
    const { result } = await importRun({ ...testContext, source, files: files.map(fixture) })

    // when
    const decoded = parseRunResult(serializeRunResult(result), 'imported.json')

    // then
    expect(decoded.source).toBe(source)
    expect(decoded.profileFingerprint).toBe(result.profileFingerprint)
    expect(decoded.endpoints.map((e) => e.name)).toEqual(result.endpoints.map((e) => e.name))
    for (const [e, endpoint] of decoded.endpoints.entries()) {
      expect(endpoint.rounds).toHaveLength(result.rounds.length)
      for (const [r, round] of endpoint.rounds.entries()) {
        const original = result.endpoints[e]!.rounds[r]!
        expect(round.requests).toBe(original.requests)
        expect(round.latency.count).toBe(original.latency.count)
        expect(round.latency.percentileUs(95)).toBe(original.latency.percentileUs(95))
        expect(round.errors).toEqual(original.errors)
      }
    }
  })

  it('leave out no-response statuses (k6 status 0) from status counts but count them as errors', async () => {
    const { result } = await importRun({ ...testContext, source: 'k6', files: [fixture('k6-output.json')] })

    const down = result.endpoints.find((e) => e.name === 'GET /down')!
    const requests = down.rounds.reduce((n, r) => n + r.requests, 0)
    expect(requests).toBeGreaterThan(0)
    expect(down.rounds.flatMap((r) => Object.keys(r.statusCounts))).toEqual([])
    expect(down.rounds.reduce((n, r) => n + (r.errors['connection-refused'] ?? 0), 0)).toBe(requests)
  })
})
