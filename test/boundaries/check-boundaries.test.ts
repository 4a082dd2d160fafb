// The boundary checker itself, on tiny trees written for each case, and on the real src/ with the real rule file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { type BoundaryRules, checkBoundaries } from '../../scripts/check-boundaries.js'

const rules: BoundaryRules = {
  layers: [
    { name: 'logging', units: ['log.ts'] },
    { name: 'leaves', units: ['core'] },
    { name: 'edges', units: ['client', 'tools'] },
    { name: 'shells', units: ['shell', 'other-shell'] },
  ],
  exceptions: [],
  packages: [{ package: '@actions/', onlyIn: ['shell/', 'client/'], reason: 'only the shell and the client' }],
  maxFileLines: 20,
  maxFunctionLines: 5,
}

let dir = ''
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Writes `files` (path -> text) under a fresh directory and returns it. */
function tree(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'tailgate-boundaries-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const clean = {
  'log.ts': 'export const log = 1\n',
  'core/a.ts': "import { log } from '../log.js'\nexport const a = log\n",
  'client/b.ts':
    "import * as core from '@actions/core'\nimport { a } from '../core/a.js'\nexport const b = [a, core]\n",
  'shell/c.ts': "import { b } from '../client/b.js'\nexport const c = b\n",
  'tools/t.ts': 'export const t = 1\n',
}

describe('check-boundaries', () => {
  it('passes a tree whose imports point down the layers', () => {
    expect(checkBoundaries(tree(clean), rules)).toEqual([])
  })

  it.each([
    {
      what: 'an edge up the layers',
      files: { ...clean, 'core/up.ts': "import { t } from '../tools/t.js'\nexport const up = t\n" },
      rule: 'layers',
      message:
        /src\/core\/up\.ts imports src\/tools\/t\.ts: 'core' \(layer 'leaves'\) may only import folders of lower layers/,
    },
    {
      what: 'an edge between the two shells of one layer',
      files: { ...clean, 'other-shell/d.ts': "import { c } from '../shell/c.js'\nexport const d = c\n" },
      rule: 'layers',
      message: /'other-shell' \(layer 'shells'\).*'shell' is in layer 'shells'/,
    },
    {
      what: '@actions/* outside the allowed folders',
      files: { ...clean, 'core/toolkit.ts': "import * as core from '@actions/core'\nexport const t = core\n" },
      rule: 'packages',
      message:
        /src\/core\/toolkit\.ts imports '@actions\/core', but rule packages\['@actions\/'\] allows it only in shell\/, client\//,
    },
    {
      what: 'a folder in no layer',
      files: { ...clean, 'stray/e.ts': 'export const e = 1\n' },
      rule: 'unknown-folder',
      message: /'stray' is in no layer/,
    },
    {
      what: 'a file over the line limit',
      files: { ...clean, 'core/long.ts': 'export const x = 1\n'.repeat(21) },
      rule: 'max-file-lines',
      message: /src\/core\/long\.ts has 21 lines \(max 20\)/,
    },
    {
      what: 'a function over the line limit',
      files: { ...clean, 'core/fn.ts': `export function tall(): number {\n${'  void 0\n'.repeat(4)}  return 1\n}\n` },
      rule: 'max-function-lines',
      message: /src\/core\/fn\.ts:1: function 'tall' has 7 lines \(max 5\)/,
    },
  ])('fails on $what, naming the rule', ({ files, rule, message }) => {
    const violations = checkBoundaries(tree(files), rules)

    expect(violations.map((v) => v.rule)).toEqual([rule])
    expect(violations[0]!.message).toMatch(message)
  })

  it('fails on a cycle between folders even when the rule file allows each edge', () => {
    const files = { ...clean, 'core/back.ts': "import { c } from '../shell/c.js'\nexport const back = c\n" }
    const allowing = { ...rules, exceptions: [{ from: 'core', to: 'shell', reason: 'test' }] }

    const violations = checkBoundaries(tree(files), allowing)

    expect(violations.map((v) => v.rule)).toEqual(['folder-cycle'])
    expect(violations[0]!.message).toMatch(/folders client, core, shell import each other in a cycle/)
  })

  it('lets an upward edge through when the rule file lists it with a reason', () => {
    const files = { ...clean, 'core/up.ts': "import { t } from '../tools/t.js'\nexport const up = t\n" }
    const allowing = { ...rules, exceptions: [{ from: 'core', to: 'tools', reason: 'test' }] }

    expect(checkBoundaries(tree(files), allowing)).toEqual([])
  })

  it("lets a long function through when a comment above it says why ('long-function: <why>')", () => {
    const body = `export function tall(): number {\n${'  void 0\n'.repeat(4)}  return 1\n}\n`
    const files = { ...clean, 'core/fn.ts': `// long-function: one table, clearer whole\n${body}` }

    expect(checkBoundaries(tree(files), rules)).toEqual([])
  })

  it('holds on the real src/ with the real boundaries.json', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url))
    const real = JSON.parse(readFileSync(join(root, 'boundaries.json'), 'utf8')) as BoundaryRules

    expect(checkBoundaries(join(root, 'src'), real).map((v) => v.message)).toEqual([])
  })
})
