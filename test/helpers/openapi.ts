// Checks REST requests against GitHub's own OpenAPI description of api.github.com (@octokit/openapi): the path and
// method exist, every path and query parameter is declared with a value of its type (and enum), and a JSON body has
// the operation's required properties with the declared types and nothing the schema forbids. The results service
// (Twirp), the blob data plane and GraphQL are not REST and are skipped.
import { createRequire } from 'node:module'
import type { RecordedRequest } from './fake-github/index.js'

interface Schema {
  readonly type?: string | readonly string[]
  readonly enum?: readonly unknown[]
  readonly properties?: Readonly<Record<string, Schema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | Schema
  readonly items?: Schema
  readonly oneOf?: readonly Schema[]
  readonly anyOf?: readonly Schema[]
  readonly $ref?: string
}

interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly schema?: Schema
  readonly $ref?: string
}

interface Operation {
  readonly operationId: string
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> }
}

interface OpenApi {
  readonly info: { readonly version: string }
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation | Parameter[]>>>>
  readonly components: {
    readonly parameters: Readonly<Record<string, Parameter>>
    readonly schemas: Record<string, Schema>
  }
}

interface CompiledPath {
  readonly template: string
  readonly pattern: RegExp
  readonly names: readonly string[]
}

let loaded: { readonly spec: OpenApi; readonly paths: readonly CompiledPath[] } | null = null

function openApi() {
  if (loaded) return loaded
  const spec = createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json') as OpenApi
  const paths = Object.keys(spec.paths)
    .map((template) => {
      const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
      const source = template
        .split('/')
        .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '([^/]+)' : segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')))
        .join('/')
      return { template, pattern: new RegExp(`^${source}$`), names }
    })
    // Literal segments win over parameters: fewer parameters first.
    .sort((a, b) => a.names.length - b.names.length)
  loaded = { spec, paths }
  return loaded
}

/** The description's version (`@octokit/openapi`'s package version), for messages. */
export function openApiVersion(): string {
  return openApi().spec.info.version
}

/** Requests that are GitHub REST calls (not the results service, blobs or GraphQL). */
export function isRestRequest(request: RecordedRequest): boolean {
  return !['cache', 'artifact', 'blob'].includes(request.family) && !request.path.startsWith('/graphql')
}

/**
 * Every way `requests` break api.github.com's OpenAPI description, one line each ("GET /x: ..."); empty when all
 * conform.
 * @example expect(openApiViolations(fake.state.requests)).toEqual([])
 */
export function openApiViolations(requests: readonly RecordedRequest[]): string[] {
  return requests.filter(isRestRequest).flatMap((request) => violationsOf(request))
}

function violationsOf(request: RecordedRequest): string[] {
  const { spec, paths } = openApi()
  const url = new URL(request.path, 'http://fake')
  const method = request.method.toLowerCase()
  const what = `${request.method} ${request.path}`
  const matches = paths
    .map((p) => ({ path: p, found: p.pattern.exec(url.pathname) }))
    .filter((m) => m.found && spec.paths[m.path.template]?.[method])
  const match = matches[0]
  if (!match?.found) return [`${what}: no such operation in api.github.com's OpenAPI description`]
  const operation = spec.paths[match.path.template]![method] as Operation
  const shared = (spec.paths[match.path.template]!.parameters ?? []) as Parameter[]
  const parameters = [...shared, ...(operation.parameters ?? [])].map((p) => resolveParameter(spec, p))
  const problems: string[] = []
  match.path.names.forEach((name, i) => {
    const value = decodeURIComponent(match.found![i + 1]!)
    const declared = parameters.find((p) => p.in === 'path' && p.name === name)
    problems.push(...valueProblems(spec, `path parameter ${name}`, value, declared?.schema))
  })
  for (const [name, value] of url.searchParams) {
    const declared = parameters.find((p) => p.in === 'query' && p.name === name)
    if (!declared) problems.push(`query parameter '${name}' is not a parameter of ${operation.operationId}`)
    else problems.push(...valueProblems(spec, `query parameter ${name}`, value, declared.schema))
  }
  for (const required of parameters.filter((p) => p.in === 'query' && p.required)) {
    if (!url.searchParams.has(required.name)) problems.push(`required query parameter '${required.name}' missing`)
  }
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema
  if (bodySchema && request.body !== '') {
    let body: unknown
    try {
      body = JSON.parse(request.body)
    } catch {
      problems.push('the body is not JSON')
    }
    if (body !== undefined) problems.push(...schemaProblems(spec, 'body', body, bodySchema))
  } else if (!bodySchema && request.body !== '' && ['post', 'patch', 'put'].includes(method)) {
    problems.push(`${operation.operationId} takes no JSON body`)
  }
  return problems.map((p) => `${what} (${operation.operationId}): ${p}`)
}

function resolveParameter(spec: OpenApi, parameter: Parameter): Parameter {
  if (!parameter.$ref) return parameter
  return spec.components.parameters[parameter.$ref.replace('#/components/parameters/', '')]!
}

function resolveSchema(spec: OpenApi, schema: Schema): Schema {
  return schema.$ref
    ? resolveSchema(spec, spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!)
    : schema
}

/** A path or query value (text) against its schema: integers are digits, booleans true/false, enums listed. */
function valueProblems(spec: OpenApi, what: string, value: string, schema: Schema | undefined): string[] {
  if (!schema) return []
  const resolved = resolveSchema(spec, schema)
  const types = [resolved.type].flat().filter(Boolean)
  if (value === '') return [`${what} is empty`]
  if (types.includes('integer') && !types.includes('string') && !/^-?\d+$/.test(value)) {
    return [`${what} '${value}' is not an integer`]
  }
  if (types.includes('boolean') && !types.includes('string') && !/^(true|false)$/.test(value)) {
    return [`${what} '${value}' is not a boolean`]
  }
  if (resolved.enum && !resolved.enum.includes(value))
    return [`${what} '${value}' is not one of ${resolved.enum.join(', ')}`]
  return []
}

/** A JSON value against a schema: types, enums, required and forbidden properties (oneOf/anyOf: any branch). */
function schemaProblems(spec: OpenApi, where: string, value: unknown, schema: Schema): string[] {
  const resolved = resolveSchema(spec, schema)
  const branches = resolved.oneOf ?? resolved.anyOf
  if (branches) {
    const results = branches.map((b) => schemaProblems(spec, where, value, b))
    return results.some((r) => r.length === 0)
      ? []
      : [`${where} matches none of the allowed shapes: ${results[0]!.join('; ')}`]
  }
  const types = [resolved.type].flat().filter((t): t is string => typeof t === 'string')
  if (types.length > 0 && !types.some((t) => hasType(value, t))) return [`${where} is not ${types.join(' or ')}`]
  if (resolved.enum && !resolved.enum.includes(value)) return [`${where} is not one of ${resolved.enum.join(', ')}`]
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  const problems: string[] = []
  const record = value as Record<string, unknown>
  for (const name of resolved.required ?? []) if (!(name in record)) problems.push(`${where}.${name} is required`)
  for (const [name, child] of Object.entries(record)) {
    const declared = resolved.properties?.[name]
    if (declared) problems.push(...schemaProblems(spec, `${where}.${name}`, child, declared))
    else if (resolved.additionalProperties === false) problems.push(`${where}.${name} is not allowed`)
  }
  return problems
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number'
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    default:
      return typeof value === type
  }
}
