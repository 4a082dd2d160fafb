// Every shell command in README.md runs: the `tailgate` CLI commands here (in-process, in a scratch directory with
// the files they name; the README profile shortened and its target rewritten to a loopback server), the set-up
// commands in .ci/run and the demo's test. A command the table below does not classify fails the test.
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/cli/exit-codes.js'
import { main } from '../../src/cli/main.js'
import { type MemoryIo, memoryIo } from '../helpers/memory-io.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { startServer, type TestServer } from '../helpers/servers.js'
import { profileBlocks, REPO_ROOT, shellBlocks, shortened } from './doc-blocks.js'

/** Every command line of the README's shell blocks, comments and `$ ` prompts removed. */
const commands = shellBlocks('README.md').flatMap((block) =>
  block.text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*\$\s*/, '')
        .replace(/\s+#.*$/, '')
        .trim(),
    )
    .filter((line) => line !== '' && !line.startsWith('#')),
)

/** How each command is covered when it is not run here. */
const COVERED_ELSEWHERE: Readonly<Record<string, string>> = {
  'npm ci && npm test': '.ci/run (npm ci, then npm test)',
  'npm ci && npm run demo':
    ".ci/run runs npm ci; test/cli/demo.test.ts runs runDemo, what `tailgate demo` runs, with the demo's profile shortened",
  'npx tailgate demo':
    "test/cli/demo.test.ts runs runDemo, what `tailgate demo` runs, with the demo's profile shortened",
  'npm pack': 'test/repository/cli-package.test.ts packs this checkout',
  'npm install --save-dev /path/to/tailgate-0.1.0.tgz':
    'test/repository/cli-package.test.ts installs the packed tarball into an empty project, offline',
  'npm install --save-dev github:your-org/tailgate#v0':
    'not run (your-org is a placeholder, and the suite is offline): npm packs the same files from a git checkout',
  'npx tailgate --version': 'test/repository/cli-package.test.ts runs it in the project that installed the tarball',
}

const CLI = /^npx tailgate /

describe('shell commands in README.md', () => {
  it('are found, and each is run below or covered elsewhere', () => {
    expect(commands.length).toBeGreaterThanOrEqual(6)
    for (const command of commands) expect(CLI.test(command) || command in COVERED_ELSEWHERE, command).toBe(true)
  })

  it('the commands covered elsewhere exist where the table says', () => {
    const ci = readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8')
    const scripts = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>
    const demoTest = readFileSync(join(REPO_ROOT, 'test/cli/demo.test.ts'), 'utf8')

    expect(ci).toMatch(/npm ci\b/)
    expect(ci).toMatch(/npm test\b/)
    expect(scripts.test).toContain('vitest')
    expect(scripts.demo).toMatch(/dist\/cli\.js demo$/)
    expect(demoTest).toMatch(/runDemo\(/)
    const packageTest = readFileSync(join(REPO_ROOT, 'test/repository/cli-package.test.ts'), 'utf8')
    for (const step of ["'pack'", "'install', '--offline', '--save-dev'", "'tailgate', '--version'"]) {
      expect(packageTest).toContain(step)
    }
    expect(readFileSync(join(REPO_ROOT, 'src/cli/main.ts'), 'utf8')).toMatch(/case 'demo':[\s\S]*?runDemo\(/)
  })

  describe('the CLI commands, in order, in one scratch directory', () => {
    let server: TestServer
    let dir: string
    const cliCommands = commands.filter((c) => CLI.test(c) && !(c in COVERED_ELSEWHERE))

    beforeAll(async () => {
      server = await startServer((_req, res) => res.end('{"ok":true}'))
      dir = await scratchDir('tailgate-readme-commands-')
      const readmeProfile = profileBlocks().find((block) => block.file === 'README.md')?.text as string
      await writeFile(join(dir, 'tailgate.yml'), shortened(readmeProfile, server.url))
      // The sample files `compare --baseline a.txt --candidate b.txt` names.
      await writeFile(join(dir, 'a.txt'), '12\n14\n15\n18\n21\n')
      await writeFile(join(dir, 'b.txt'), '[19, 22, 24, 25, 30]')
    })
    afterAll(() => server.close())

    /** argv of a README command: `npx tailgate` dropped, files in the scratch dir, the target on the local server. */
    function argvOf(command: string): string[] {
      return command
        .replace(CLI, '')
        .split(/\s+/)
        .map((arg) => (/^https?:\/\/127\.0\.0\.1:\d+$/.test(arg) ? server.url.href : arg))
        .map((arg) => (/\.(ya?ml|json|txt|md|xml|html)$/.test(arg) ? join(dir, arg) : arg))
    }

    it('are the ones this test expects (check, run, compare of results, compare of samples, report)', () => {
      expect(cliCommands.map((c) => c.split(/\s+/)[2])).toEqual(['check', 'run', 'compare', 'compare', 'report'])
    })

    it('run as documented', async () => {
      /** Exit 0; or exit 1 from a compare (a verdict) or from a run the machine made invalid (no request failed). */
      const accepted = (command: string, code: number, io: MemoryIo): boolean =>
        code === EXIT.pass ||
        (code === EXIT.gateFailed &&
          (command.includes('compare') ||
            (/the run is invalid/.test(io.err()) && !/Failed requests by cause/.test(io.err()))))
      /**
       * Runs a README command. A measured run that a busy runner disturbed (exit 1, "the run is invalid") is measured
       * once more, its first exit left in the log: what is checked here is that the documented command works, not
       * that a loaded machine never disturbs it. Nothing else is retried: any other exit (a refused argument, an
       * internal error) is a bug, and a second attempt would hide a flaky one.
       */
      const execute = async (command: string, argv: string[]): Promise<{ io: MemoryIo; code: number }> => {
        const attempt = async () => {
          const io = memoryIo()
          return { io, code: await main(argv, io) }
        }
        const first = await attempt()
        const disturbed = first.code === EXIT.gateFailed && /the run is invalid/.test(first.io.err())
        if (!command.includes(' run ') || !disturbed) return first
        console.warn(`${command}: exit ${first.code} on the first attempt, run again\n${first.io.err()}`)
        return attempt()
      }
      const run = cliCommands.find((c) => c.includes(' run ')) as string
      const expectAccepted = (command: string, { io, code }: { io: MemoryIo; code: number }) =>
        expect(accepted(command, code, io), `${command}: exit ${code}\n${io.err()}\n${io.out()}`).toBe(true)

      // `compare --baseline baseline.json` needs a baseline: the README's own run command, measured twice.
      const baselineRun = run.replace('candidate.json', 'baseline.json')
      expectAccepted(baselineRun, await execute(baselineRun, argvOf(baselineRun).concat('--quiet')))
      // `report --history older.json`: an earlier baseline of the branch; the same run serves.
      await writeFile(join(dir, 'older.json'), await readFile(join(dir, 'baseline.json')))

      for (const command of cliCommands) {
        const argv = argvOf(command)
        const { io, code } = await execute(command, command === run ? [...argv, '--quiet'] : argv)
        expectAccepted(command, { io, code })
        expect(io.err(), command).not.toMatch(/internal error|\n\s+at /)
        if (command.includes('check')) expect(io.out()).toContain('nothing was sent')
        if (command.includes(' run '))
          expect(await readFile(join(dir, 'candidate.json'), 'utf8')).toContain('"endpoints"')
        if (command.includes('--format markdown')) expect(io.out()).toMatch(/\| *Endpoint/)
        if (command.includes('--junit junit.xml'))
          expect(await readFile(join(dir, 'junit.xml'), 'utf8')).toContain('<testsuite')
        if (command.includes('a.txt')) expect(JSON.parse(io.out())).toHaveProperty('hodgesLehmann')
        if (command.includes(' report '))
          expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain('data-chart="trend"')
      }
    }, 60_000)
  })
})
