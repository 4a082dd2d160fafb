// Every profile the documentation shows (README.md, docs/, examples/) is accepted by the parser AND by the JSON
// Schema editors use (they must agree), and runs briefly against a loopback server: the target is rewritten to the
// local server and the load shortened, nothing else changes.
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { parseProfile } from '../../src/config/load-profile.js'
import { profileJsonSchema } from '../../src/config/profile-json-schema.js'
import { startServer, type TestServer } from '../helpers/servers.js'
import { run } from '../load/run-helpers.js'
import { EXAMPLE_PROFILES, profileBlocks, REPO_ROOT, shortened } from './doc-blocks.js'

const schema = JSON.parse(readFileSync(`${REPO_ROOT}schema/profile.schema.json`, 'utf8'))
const validateSchema = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema)

/** Parser and JSON Schema verdicts on one profile text: the parser's problems and the schema's. */
function bothVerdicts(text: string, file: string): { parser: string[]; schema: string[] } {
  let parser: string[] = []
  try {
    parseProfile({ text, file: `${REPO_ROOT}${file}`, env: {} })
  } catch (error) {
    parser = (error as Error).message.split('\n')
  }
  const valid = validateSchema(parseDocument(text).toJS())
  return {
    parser,
    schema: valid ? [] : (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`),
  }
}

const documented = [
  ...profileBlocks().map((block) => ({ where: block.where, file: block.file, text: block.text })),
  ...EXAMPLE_PROFILES.map((file) => ({ where: file, file, text: readFileSync(`${REPO_ROOT}${file}`, 'utf8') })),
]

describe('documented profiles', () => {
  it('are found: the README profile and every example', () => {
    expect(documented.some((p) => p.where.startsWith('README.md:'))).toBe(true)
    expect(documented.length).toBeGreaterThanOrEqual(EXAMPLE_PROFILES.length + 1)
  })

  it.each(documented)('$where is accepted by the parser and the JSON Schema', ({ text, file }) => {
    expect(bothVerdicts(text, file)).toEqual({ parser: [], schema: [] })
  })

  it('the JSON Schema is the same as the generated one, so the check above tests what editors use', () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(profileJsonSchema())))
  })
})

describe('parser and JSON Schema agree on refusals', () => {
  const base = 'target: http://127.0.0.1:8080\nduration: 10s\nrequests: [GET /]\n'
  it.each([
    { what: 'rate: 0', text: `${base}rate: 0\n` },
    { what: "rate: '0/s'", text: `${base}rate: 0/s\n` },
    { what: 'rate: -5', text: `${base}rate: -5\n` },
    { what: 'vus: 0', text: `${base}vus: 0\n` },
    { what: 'rounds: 0', text: `${base}rate: 5\nrounds: 0\n` },
    {
      what: 'a duration without unit',
      text: 'target: http://127.0.0.1:8080\nrate: 5\nduration: 10\nrequests: [GET /]\n',
    },
    { what: 'an unknown key', text: `${base}rate: 5\nrtae: 5\n` },
  ])('both refuse $what', ({ text }) => {
    const verdicts = bothVerdicts(text, 'agree.yml')

    expect(verdicts.parser).not.toEqual([])
    expect(verdicts.schema).not.toEqual([])
  })

  it.each([
    { what: "rate: '600/m'", text: `${base}rate: 600/m\n` },
    {
      what: 'a ramp that starts at 0',
      text: 'target: http://127.0.0.1:8080\nstart-rate: 0\nstages: [{ duration: 5s, target: 10 }]\nrequests: [GET /]\n',
    },
  ])('both accept $what', ({ text }) => {
    expect(bothVerdicts(text, 'agree.yml')).toEqual({ parser: [], schema: [] })
  })
})

describe('documented profiles run against a loopback server', () => {
  let server: TestServer
  const paths = new Set<string>()
  beforeAll(async () => {
    // One answer that satisfies every check the examples make (status, JSON paths, body and header checks).
    server = await startServer((req, res) => {
      paths.add(`${req.method} ${req.url?.split('?')[0]}`)
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ ok: true, data: { token: 't-1' }, order: 'o-1' }))
      })
    })
  })
  afterAll(() => server.close())

  // At once: the runs mostly wait on the server, and each asserts only what it sent and that every answer passed.
  it.concurrent.each(documented)(
    '$where sends its requests and every one passes',
    async ({ text, file }) => {
      const profile = parseProfile({ text: shortened(text, server.url), file: `${REPO_ROOT}${file}`, env: {} })

      const result = await run(profile)

      const rounds = result.endpoints.flatMap((endpoint) => endpoint.rounds)
      const requests = rounds.reduce((n, round) => n + round.requests, 0)
      const failed = rounds.flatMap((round) => Object.entries(round.errors).filter(([, count]) => (count ?? 0) > 0))
      expect(requests).toBeGreaterThan(0)
      expect(failed).toEqual([])
    },
    30_000,
  )
})
