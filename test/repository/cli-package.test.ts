// The CLI installs like a tool: `dist/cli.js` is executable (in git, so every checkout has it, and after a build),
// and `npm pack` makes a package that installs into an empty project, offline, where `npx tailgate --version` works.
// The package is one self-contained bundle: it declares no runtime dependencies, so nothing else is installed.
import { execFile } from 'node:child_process'
import { statSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it, onTestFinished } from 'vitest'
import { TAILGATE_VERSION } from '../../src/version.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const run = promisify(execFile)

/** The environment without the npm_* variables of an enclosing `npm test` (they would steer the nested npm). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }
}

async function insideGitWorkTree(): Promise<boolean> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root })
    return stdout.trim() === 'true'
  } catch {
    return false
  }
}

describe('the CLI as a tool', () => {
  it('dist/cli.js is committed with its executable bit (mode 100755)', async ({ skip }) => {
    if (!(await insideGitWorkTree())) skip('not a git checkout (e.g. an unpacked source archive)')
    const { stdout } = await run('git', ['ls-files', '--stage', '--', 'dist/cli.js'], { cwd: root })
    expect(stdout.split(/\s+/)[0]).toBe('100755')
  })

  it('dist/cli.js is executable on disk (the build sets the mode) and starts with a node shebang', async () => {
    const cli = join(root, 'dist', 'cli.js')
    expect(statSync(cli).mode & 0o111).toBe(0o111)
    expect((await readFile(cli, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it('npm pack gives a package that installs into an empty project offline, where npx tailgate --version works', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tailgate-pack-'))
    onTestFinished(() => rm(dir, { recursive: true, force: true }))
    const env = cleanEnv()

    // given the package, packed from this checkout,
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, env })
    const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }]
    const files = info.files.map((f) => f.path)
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'action.yml', 'package.json']))
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('node_modules/'))).toEqual(
      [],
    )

    // when an empty project installs it, offline, from the tarball,
    const project = join(dir, 'project')
    await mkdir(project)
    await writeFile(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n')
    await run('npm', ['install', '--offline', '--save-dev', join(dir, info.filename)], { cwd: project, env })

    // then `npx tailgate --version` prints the version, and nothing but Tailgate itself was installed.
    const { stdout } = await run('npx', ['--offline', 'tailgate', '--version'], { cwd: project, env })
    expect(stdout.trim()).toBe(TAILGATE_VERSION)
    expect(await readdir(join(project, 'node_modules'))).toEqual(['.bin', '.package-lock.json', 'tailgate'])
  }, 120_000)

  it('the README says how to add it to a project, with the steps the test above takes', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8')
    const cli = readme.slice(readme.indexOf('## CLI'))
    for (const step of [
      'npm pack',
      `npm install --save-dev /path/to/tailgate-${TAILGATE_VERSION}.tgz`,
      'npx tailgate --version',
    ]) {
      expect(cli).toContain(step)
    }
  })
})
