import { spawnSync } from 'node:child_process'
import { describe, expect, it, vi } from 'vitest'
import { TIER_UP_FLAGS, tierUpFlags } from '../../src/load/tier-up.js'
import { nodeRuntimes } from '../helpers/node-binaries.js'

describe('tierUpFlags', () => {
  it.each([
    ['11.3.244.8-node.38', TIER_UP_FLAGS[11]],
    ['13.6.233.17-node.53', TIER_UP_FLAGS[13]],
    ['12.4.254.21-node.33', []],
    ['14.1.0', []],
    ['', []],
  ])('V8 %s → %j', (version, expected) => {
    expect(tierUpFlags(version)).toEqual(expected)
  })

  it.each(nodeRuntimes().map((runtime) => [runtime.label, runtime.path]))(
    'names only flags the V8 of %s knows (an unknown flag prints an error instead of taking effect)',
    (_label, nodePath) => {
      const v8Version = spawnSync(nodePath, ['-p', 'process.versions.v8'], { encoding: 'utf8' }).stdout.trim()
      const flags = tierUpFlags(v8Version)
      const child = spawnSync(
        nodePath,
        ['-e', `for (const f of ${JSON.stringify(flags)}) require('node:v8').setFlagsFromString(f)`],
        { encoding: 'utf8' },
      )
      expect(flags.length).toBeGreaterThan(0)
      expect(child.status).toBe(0)
      expect(child.stderr).toBe('')
    },
  )
})

describe('tierUpEarly', () => {
  it('sets the flags of this V8 once per process', async () => {
    vi.resetModules()
    const { tierUpEarly } = await import('../../src/load/tier-up.js')
    const set: string[] = []

    const first = tierUpEarly((flag) => set.push(flag))
    const second = tierUpEarly((flag) => set.push(flag))

    expect(first).toEqual(tierUpFlags(process.versions.v8))
    expect(second).toEqual([])
    expect(set).toEqual([...first])
  })
})
