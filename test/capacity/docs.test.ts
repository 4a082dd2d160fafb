// The capacity docs work as written: every profile in docs/capacity.md and the README's capacity section parses,
// and the workflow there runs only on a schedule or a label (workflows.test.ts checks its inputs).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseProfile } from '../../src/config/load-profile.js'
import { findSpike } from '../../src/config/spike.js'

const root = new URL('../../', import.meta.url)
const blocks = (file: string) =>
  [...readFileSync(new URL(file, root), 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1] as string)
const profiles = [
  ...blocks('docs/capacity.md').filter((text) => /^requests:/m.test(text)),
  ...blocks('README.md').filter((text) => /^model: capacity/m.test(text)),
]

describe('docs/capacity.md', () => {
  it.each(profiles.map((text, index) => ({ index, text })))('profile block $index parses', ({ text }) => {
    const profile = parseProfile({ text, file: 'docs.yml' })
    if (profile.model === 'capacity') expect(profile.capacity?.maxRatePerSecond).toBeGreaterThan(0)
    else expect(findSpike(profile.load)).not.toBeNull()
  })

  it('has the issue’s example, the spike example and the README’s capacity example', () => {
    expect(profiles.filter((text) => text.includes('model: capacity'))).toHaveLength(2)
    expect(profiles.some((text) => text.includes('recovery < 10s'))).toBe(true)
  })

  it('runs the capacity workflow on a schedule or a label, not on every push', () => {
    const workflow = parse(blocks('docs/capacity.md').find((text) => /\bjobs:/.test(text)) as string)
    expect(Object.keys(workflow.on)).toEqual(['schedule', 'pull_request'])
    expect(workflow.on.pull_request.types).toEqual(['labeled'])
    expect(workflow.jobs.capacity.if).toContain("github.event.label.name == 'capacity'")
  })
})
