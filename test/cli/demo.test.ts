import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_PROFILE_YAML, runDemo } from '../../src/cli/demo/demo.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'

// The demo's own profile, shortened: same endpoints, model, lag limit and gate; 8 rounds of 0.5 s a side.
const SHORT_PROFILE = DEMO_PROFILE_YAML.replace('warmup: 2s', 'warmup: 1s')
  .replace('duration: 16s', 'duration: 4s')
  .replace('rounds: 16', 'rounds: 8')

describe('tailgate demo', () => {
  it('shortens its own profile in this test (the replacements above all applied)', () => {
    expect(SHORT_PROFILE).toMatch(/^warmup: 1s$/m)
    expect(SHORT_PROFILE).toMatch(/^duration: 4s$/m)
    expect(SHORT_PROFILE).toMatch(/^rounds: 8$/m)
  })

  it('keeps validity limits that fit a busy machine only in the demo: a profile keeps the 50 ms lag default', () => {
    expect(DEMO_PROFILE_YAML).toMatch(/^max-event-loop-lag: 1s$/m)
    const parse = (text: string) => parseProfile({ text, file: 'p.yml', overrides: { target: 'http://127.0.0.1:1' } })
    expect(parse(DEMO_PROFILE_YAML).maxEventLoopLagMs).toBe(1000)
    expect(parse(DEMO_PROFILE_YAML.replace(/^max-event-loop-lag: .*\n/m, '')).maxEventLoopLagMs).toBe(50)
  })

  it('marks the slowed endpoint as a regression and the others not, and writes the comment markdown', async () => {
    const dir = await scratchDir('tailgate-demo-')
    const io = memoryIo()
    const outPath = join(dir, 'tailgate-report.md')

    const code = await runDemo({ io, outPath, profileYaml: SHORT_PROFILE })

    expect(code).toBe(0)
    const lines = io.out().split('\n')
    // The verdict is the table's last column ("regression", or for an untouched endpoint "no regression",
    // "no change", "inconclusive": a word test on the whole row would take "no regression" for a regression).
    const verdict = (name: string) => (lines.find((line) => line.startsWith(name)) ?? '').split(/\s{2,}/).at(-1)
    expect(verdict('GET /api/search'), io.out()).toBe('regression')
    expect(verdict('GET /api/users/{{iteration}}'), io.out()).not.toBe('regression')
    expect(verdict('POST /api/orders'), io.out()).not.toBe('regression')
    const markdown = await readFile(outPath, 'utf8')
    expect(markdown).toMatch(/regression/i)
    expect(markdown).toContain('GET /api/search')
    expect(io.err()).toMatch(/would fail \(exit 1\)/)
    // docs/example-comment.md is this comment from an earlier demo run: same first line and section shape, only
    // the measured numbers (and the verdicts of the untouched endpoints) may differ.
    const example = await readFile(new URL('../../docs/example-comment.md', import.meta.url), 'utf8')
    const shape = (text: string) => ({
      firstLine: (text.split('\n')[0] ?? '').replace(/[+−-]?\d[\d.,]*/g, 'N'),
      headings: text.split('\n').filter((line) => /^(#|<summary>|<details>|\| Endpoint)/.test(line)),
    })
    expect(shape(example)).toEqual(shape(markdown))
  }, 60_000)
})
