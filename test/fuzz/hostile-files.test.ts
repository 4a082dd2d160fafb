// Hostile and oversized inputs: files over 50 MB, 100,000 levels of nesting, prototype-pollution keys. Every parser
// (profile, RunResult, baseline bundle and store, event payload) refuses them with its typed one-line error (or
// ignores the hostile key), never overflows the stack into a crash, never pollutes Object.prototype.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBundle } from '../../src/baseline/bundle.js'
import { createFileStore } from '../../src/baseline/file-store.js'
import { ConfigErrors } from '../../src/config/errors.js'
import { parseProfile } from '../../src/config/load-profile.js'
import { parseGitHubContext } from '../../src/github/context.js'
import { GitHubContextError } from '../../src/github/errors.js'
import { encodeRunResult, MAX_RESULT_BYTES, parseRunResult } from '../../src/results/codec.js'
import { ResultFormatError } from '../../src/results/errors.js'
import { spreadMs, syntheticRun } from '../helpers/run-result.js'
import { scratchDir } from '../helpers/scratch-dir.js'
import { expectTypedFailure, prototypeIsClean } from './mutations.js'

const DEPTH = 100_000
const DEEP_TEXTS = [
  { what: `${DEPTH} unclosed '['`, text: '['.repeat(DEPTH) },
  { what: `${DEPTH} nested arrays`, text: `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}` },
  { what: `${DEPTH} nested objects`, text: `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}` },
  {
    what: `a valid-looking result holding ${DEPTH} nested arrays`,
    text: `{"formatVersion":"1.0","x":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`,
  },
]

const run = syntheticRun([{ name: 'GET /', roundsMs: [spreadMs(10, 5), spreadMs(10, 5), spreadMs(10, 5)] }])
/** A valid RunResult padded past 50 MB with an unknown field (which a lenient reader would drop and accept). */
const hugeResultText = () => JSON.stringify({ ...encodeRunResult(run), pad: 'x'.repeat(MAX_RESULT_BYTES + 1024) })

const ONE_LINE = /^[^\n]+$/
const prEnv = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: '/runner/event.json',
  GITHUB_REPOSITORY: 'octo/repo',
}

describe('files over 50 MB', () => {
  it('refuses a RunResult over 50 MB by its size, before parsing it', () => {
    const error = expectTypedFailure(
      () => parseRunResult(hugeResultText(), 'result.json'),
      [ResultFormatError],
      ONE_LINE,
    )

    expect(error?.message).toMatch(/^result\.json: is \d+ bytes; result files over 52428800 are refused$/)
  })

  // parseBundle caps bundles at 4 × 50 MB (they hold earlier results too) and a bare RunResult at 50 MB.
  it('refuses a bare RunResult over 50 MB given as a baseline', () => {
    const error = expectTypedFailure(
      () => parseBundle(hugeResultText(), 'baseline.json'),
      [ResultFormatError],
      ONE_LINE,
    )

    expect(error?.message).toMatch(/bytes; .* are refused/)
  })

  it('gives no baseline (with a warning, never a throw) for a 51 MB junk baseline file in the file store', async () => {
    const dir = await scratchDir('tailgate-huge-')
    const path = join(dir, 'baseline.json')
    await writeFile(path, `{"kind":"tailgate-baseline-bundle","pad":"${'x'.repeat(51 * 1024 * 1024)}"}`)
    const store = createFileStore({ path, machine: { cpuModel: 'Test CPU', cores: 2 } })

    const outcome = await store.restore({ profileId: 'p', profileFingerprint: 'f', branch: 'main', sha: null })

    expect(outcome.kind).toBe('missing')
    expect(outcome.warnings.join('\n')).toMatch(/Baseline not used: .*baseline\.json/)
  })

  it('refuses an event payload over 50 MB that is not an event without crashing', () => {
    const payload = `{"pad":"${'x'.repeat(51 * 1024 * 1024)}"}`

    const error = expectTypedFailure(
      () => parseGitHubContext({ env: prEnv, readFile: () => payload }),
      [GitHubContextError],
      ONE_LINE,
    )

    expect(error?.message).toMatch(/^event payload 'pull_request'/)
  })
})

describe(`${DEPTH} levels of nesting`, () => {
  it.each(DEEP_TEXTS)('RunResult: refuses $what with ResultFormatError', ({ text }) => {
    expect(expectTypedFailure(() => parseRunResult(text, 'r.json'), [ResultFormatError], ONE_LINE)).not.toBeNull()
  })

  it.each(DEEP_TEXTS)('baseline bundle: refuses $what with ResultFormatError', ({ text }) => {
    expect(expectTypedFailure(() => parseBundle(text, 'b.json'), [ResultFormatError], ONE_LINE)).not.toBeNull()
  })

  it.each(DEEP_TEXTS)('event payload: refuses $what with GitHubContextError', ({ text }) => {
    const parse = () => parseGitHubContext({ env: prEnv, readFile: () => text })
    expect(expectTypedFailure(parse, [GitHubContextError], ONE_LINE)).not.toBeNull()
  })

  it.each(DEEP_TEXTS)('profile: refuses $what with ConfigErrors', ({ text }) => {
    const error = expectTypedFailure(() => parseProfile({ text, file: 'deep.yml' }), [ConfigErrors], /^deep\.yml:\d+/)

    expect(error).not.toBeNull()
  })

  it('profile: refuses deep block indentation with ConfigErrors', () => {
    const text = `a:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}b:\n`).join('')}`

    expect(
      expectTypedFailure(() => parseProfile({ text, file: 'deep.yml' }), [ConfigErrors], /^deep\.yml:/),
    ).not.toBeNull()
  })
})

describe('prototype-pollution keys', () => {
  const pollutedResult = JSON.stringify(encodeRunResult(run)).replace(
    '"git":{',
    '"git":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
  )

  it('RunResult: refuses __proto__ and constructor keys', () => {
    const error = expectTypedFailure(() => parseRunResult(pollutedResult, 'r.json'), [ResultFormatError], ONE_LINE)

    expect(error?.message).toMatch(/forbidden key '(__proto__|constructor|prototype)'/)
    expect(prototypeIsClean()).toBe(true)
  })

  it('baseline bundle: reads the result without letting the hostile keys reach any object', () => {
    const bundle = `{"kind":"tailgate-baseline-bundle","bundleVersion":"1.0","__proto__":{"polluted":true},"current":${pollutedResult},"history":[${pollutedResult}]}`

    let parsed: ReturnType<typeof parseBundle> | undefined
    expectTypedFailure(
      () => {
        parsed = parseBundle(bundle, 'b.json')
      },
      [ResultFormatError],
      ONE_LINE,
    )

    expect(prototypeIsClean()).toBe(true)
    if (parsed) {
      expect(Object.getPrototypeOf(parsed.current.git)).toBe(Object.prototype)
      expect((parsed.current.git as unknown as { polluted?: unknown }).polluted).toBeUndefined()
    }
  })

  it('status counts keyed __proto__ are dropped, never turned into a prototype', () => {
    const text = JSON.stringify(encodeRunResult(run)).replace('"statusCounts":{', '"statusCounts":{"__proto__":5,')

    const { current } = parseBundle(text, 'b.json')

    const counts = current.endpoints[0]!.rounds[0]!.statusCounts
    expect(Object.keys(counts)).toEqual(['200'])
    expect([null, Object.prototype]).toContain(Object.getPrototypeOf(counts))
    expect(prototypeIsClean()).toBe(true)
  })

  it('profile: a __proto__ key is an unknown key, and __proto__ inside headers reaches no object', () => {
    const base = 'target: http://127.0.0.1:8080\nrate: 5\nduration: 1s\nrequests: [GET /]\n'

    const topLevel = expectTypedFailure(
      () => parseProfile({ text: `${base}__proto__: { polluted: true }\n`, file: 'p.yml' }),
      [ConfigErrors],
      /^p\.yml:/,
    )
    const profile = parseProfile({ text: `${base}headers: { __proto__: { polluted: true }, x-a: b }\n`, file: 'p.yml' })

    expect(topLevel?.message).toContain("'__proto__': unknown key")
    expect(profile.headers).toEqual({ 'x-a': 'b' })
    expect((profile.headers as { polluted?: unknown }).polluted).toBeUndefined()
    expect(prototypeIsClean()).toBe(true)
  })

  it('event payload: __proto__ keys do not pollute and do not change what is read', () => {
    const payload =
      '{"__proto__":{"polluted":true},"number":7,"pull_request":{"__proto__":{"number":99},"number":7,' +
      `"head":{"ref":"f","sha":"${'b'.repeat(40)}"},"base":{"ref":"main","sha":"${'a'.repeat(40)}"}}}`

    const context = parseGitHubContext({ env: prEnv, readFile: () => payload })

    expect(context.event.kind === 'pull_request' && context.event.number).toBe(7)
    expect(prototypeIsClean()).toBe(true)
  })
})
