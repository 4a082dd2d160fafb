// The repository is self-contained: nothing that `npm test`, the demo or the build runs reads outside it. A fresh
// clone has no sibling `shared/` folder, so no file may point at one, and the statistics fixtures live in the
// repository itself. (`.ci/run` proves the same thing the hard way: it runs the suite from a copy of the repository
// placed where no `../shared` exists.)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FIXTURE_DIRECTORY, loadFixtureFiles } from '../stats/fixture-files.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const checkedFolders = ['src', 'test', 'scripts', 'bench', 'docs', 'examples', '.ci', '.github', 'dist']
const skippedFolders = new Set(['node_modules', '.git'])
const textFile = /\.(ts|mts|mjs|cjs|js|json|md|ya?ml|sh|txt)$|^run$/

function textFilesUnder(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : textFilesUnder(path)
    return entry.isFile() && textFile.test(entry.name) ? [path] : []
  })
}

// Built from pieces so that this file does not match itself.
const outsidePaths = [
  ['..', 'shared', ''].join('/'),
  ['', 'work', 'shared', ''].join('/'),
  ['shared', 'fixtures'].join('/'),
]

describe('the repository is self-contained', () => {
  it('no source, test, script, benchmark, doc, workflow or bundle refers to a path outside the repository', () => {
    const topLevel = readdirSync(root).filter((name) => textFile.test(name) && statSync(join(root, name)).isFile())
    const files = [
      ...topLevel.map((name) => join(root, name)),
      ...checkedFolders.flatMap((f) => textFilesUnder(join(root, f))),
    ]
    expect(files.length).toBeGreaterThan(100)
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      return outsidePaths.filter((path) => text.includes(path)).map((path) => `${relative(root, file)}: ${path}`)
    })
    expect(offenders).toEqual([])
  })

  it('keeps its own copy of the Mann-Whitney reference cases, with their README, inside test/fixtures/', () => {
    expect(relative(root, FIXTURE_DIRECTORY).replaceAll('\\', '/')).toBe('test/fixtures/mann-whitney')
    expect(existsSync(join(FIXTURE_DIRECTORY, 'README.md'))).toBe(true)
    const files = loadFixtureFiles()
    expect(files.map((f) => f.file)).toContain('basic.json')
    expect(files.every((f) => f.cases.length > 0)).toBe(true)
  })
})
