// What each bundle parses before it starts its work (issue 16): the files a start-up loads are the entry and what
// it imports statically (`import … from "./chunk.js"`), never what it imports on use (`import("./chunk.js")`).
// These guard the start-up by what is loaded, not by timing: the Action's first log line needs neither the HTTP
// stacks (@actions/http-client, Octokit, undici) nor the result codec (hdr-histogram-js); `--version` loads a few
// kB; `compare` gets zod without its locales, and the shared analysis code in a few chunks, not ~20.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../../dist/', import.meta.url))

/** The file and every file it imports statically, transitively (esbuild's ESM output: `from "./x.js"`, `import "./x.js"`). */
function staticGraph(entry: string): Map<string, string> {
  const files = new Map<string, string>()
  const visit = (path: string) => {
    if (files.has(path)) return
    const text = readFileSync(path, 'utf8')
    files.set(path, text)
    for (const match of text.matchAll(/(?:\bfrom|^import)\s+"(\.{1,2}\/[^"]+)"/gm))
      visit(join(dirname(path), match[1]!))
  }
  visit(join(dist, entry))
  return files
}

/** The bundled packages' source comments esbuild writes above each module (`// node_modules/<package>/…`). */
function bundledPaths(files: Map<string, string>): string[] {
  return [...files.values()].flatMap((text) => [...text.matchAll(/^\/\/ (node_modules\/\S+)$/gm)].map((m) => m[1]!))
}

const bytesOf = (files: Map<string, string>) => [...files.values()].reduce((sum, text) => sum + text.length, 0)

describe('what a start-up loads', () => {
  it('dist/index.js: no HTTP client, Octokit or result codec before the first log line', () => {
    const loaded = bundledPaths(staticGraph('index.js'))
    expect(loaded.some((path) => path.startsWith('node_modules/@actions/core/'))).toBe(true)
    for (const lazy of ['@actions/http-client/', '@actions/github/', '@octokit/', 'undici/', 'hdr-histogram-js/']) {
      expect(loaded.filter((path) => path.includes(lazy))).toEqual([])
    }
  })

  it('dist/cli.js --version and --help: the dispatcher only, no command', () => {
    const files = staticGraph('cli.js')
    expect(bundledPaths(files)).toEqual([])
    expect(bytesOf(files)).toBeLessThan(64 * 1024)
  })

  it('compare: zod with its English messages only, and the analysis code in a few files', () => {
    const cli = readFileSync(join(dist, 'cli.js'), 'utf8')
    const chunk = /import\("\.\/(cli-chunks\/compare-[A-Z0-9]+\.js)"\)/.exec(cli)?.[1]
    expect(chunk).toBeDefined()
    const files = new Map([...staticGraph('cli.js'), ...staticGraph(chunk!)])
    const locales = bundledPaths(files).filter((path) => path.includes('/zod/v4/locales/'))
    expect(locales).toEqual(['node_modules/zod/v4/locales/en.js'])
    expect(files.size).toBeLessThanOrEqual(16)
  })
})
