// docs/reliability.md stays true: every test it cites exists under that name, every benchmark it cites exists, and
// every fault of the reliability issue has a row.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const doc = readFileSync(`${ROOT}docs/reliability.md`, 'utf8')
const citations = [...doc.matchAll(/`(test\/[\w/.-]+\.test\.ts)` › "([^"]+)"/g)].map(([, file, name]) => ({
  file: file as string,
  name: name as string,
}))

describe('docs/reliability.md', () => {
  it('cites tests', () => {
    expect(citations.length).toBeGreaterThan(40)
  })

  it.each(citations)('cites an existing test: $file › $name', ({ file, name }) => {
    expect(existsSync(`${ROOT}${file}`), file).toBe(true)
    expect(readFileSync(`${ROOT}${file}`, 'utf8')).toContain(name)
  })

  it.each(['bench/soak/soak.ts', 'bench/soak/large-response.ts', 'SECURITY.md'])('cites %s, which exists', (path) => {
    expect(doc).toContain(path.replace('SECURITY.md', '../SECURITY.md'))
    expect(existsSync(`${ROOT}${path}`)).toBe(true)
  })

  it.each([
    'Connection refused mid-run',
    'Reset after headers',
    'Never-ending response',
    'Slowloris-style trickle',
    '100 % 5xx',
    'DNS failure',
    'TLS error',
    'Server dies mid-run and comes back',
    '100 MB responses',
    'REST 500',
    '403',
    'Secondary rate limit',
    'Cache service answering 500',
    'Cache service hanging',
    'Artifact services hanging',
    'During the load',
    'During the baseline restore',
    'During the comment post',
    'Secret leaks',
    'A user string reaching a shell',
    'Comment and log injection',
    '`mode: report` executing PR code',
    'over 50 MB',
    '100,000 levels',
    '`__proto__`',
    'Soak',
  ])('has a row for the issue fault "%s"', (fault) => {
    expect(doc).toContain(fault)
  })
})
