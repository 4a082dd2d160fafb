// Compiles a profile's steps into ready-to-send requests: templates compiled once, static requests built once,
// each step mapped to its endpoint index (steps with the same name share an endpoint).
import type { Dispatcher } from 'undici'
import type { Profile, Scenario, Step } from '../config/profile.js'
import type { SendPolicy } from './http.js'
import { parseJsonPath } from './json-path.js'
import { compileTemplate, jsonHasTemplates, renderJson, type Template, type Variables } from './template.js'

/** What undici's dispatch() needs for one request. */
export interface RequestSpec {
  readonly origin: string
  readonly method: Dispatcher.HttpMethod
  readonly path: string
  /** Flat [name, value, name, value, …]: undici reads an array without the object form's iterator check and key list. */
  readonly headers: string[]
  /** A string for templated bodies; encoded once into a Buffer for static ones (undici encodes strings per request). */
  readonly body: string | Buffer | null
  /**
   * Always false. undici's default (true for every method but HEAD) holds further requests on the connection until
   * the response headers arrive, and pays one more pass of its dispatch loop per request to release them; with one
   * request per connection at a time (pipelining 1) there is nothing to hold.
   */
  readonly blocking: false
}

/** A step ready to send: `build` is cheap (returns a shared object) when the step holds no templates. */
export interface PreparedStep {
  readonly step: Step
  /** True when the request is the same for every iteration (no templates). */
  readonly isStatic: boolean
  readonly endpointIndex: number
  /** True when the response body must be kept (body checks, JSON captures). */
  readonly needsBody: boolean
  /** True when only the status is judged (no header, body or JSON checks, no captures): the fast path. */
  readonly statusOnly: boolean
  /** Timeout and body keeping, built once (the sender reads it per request). */
  readonly policy: SendPolicy
  readonly jsonCaptures: readonly { variable: string; segments: (string | number)[] }[]
  readonly jsonChecks: readonly { path: string; segments: (string | number)[]; expected: unknown }[]
  build(variables: Variables): RequestSpec
}

export interface PreparedScenario {
  readonly scenario: Scenario
  readonly steps: readonly PreparedStep[]
  /** False when no step uses a variable or captures one and there is no data: iterations then share one empty set. */
  readonly needsVariables: boolean
}

export interface RequestPlan {
  /** Endpoint names, in order of first appearance. */
  readonly endpointNames: readonly string[]
  readonly scenarios: readonly PreparedScenario[]
}

function queryString(query: readonly (readonly [string, Template])[], variables: Variables): string {
  if (query.length === 0) return ''
  const params = new URLSearchParams()
  for (const [key, value] of query) params.append(key, value.render(variables))
  return `?${params.toString()}`
}

/** The step's header templates over the profile's defaults; a JSON body without a content-type gets one. */
function compileHeaders(step: Step, defaultHeaders: Readonly<Record<string, string>>) {
  const entries = Object.entries({ ...defaultHeaders, ...step.headers }).map(
    ([k, v]) => [k, compileTemplate(v)] as const,
  )
  if (step.body.kind === 'json' && !('content-type' in step.headers) && !('content-type' in defaultHeaders)) {
    entries.push(['content-type', compileTemplate('application/json')])
  }
  return entries
}

/** A static request with its body encoded once (the same Buffer is written for every request: undici never changes it). */
function encodeBody(spec: RequestSpec): RequestSpec {
  return typeof spec.body === 'string' ? { ...spec, body: Buffer.from(spec.body) } : spec
}

function prepareStep(
  step: Step,
  endpointIndex: number,
  defaultHeaders: Readonly<Record<string, string>>,
  target: URL,
): PreparedStep {
  const basePath = target.pathname.replace(/\/+$/, '')
  const path = compileTemplate(basePath + step.path)
  const query = step.query.map(([key, value]) => [key, compileTemplate(value)] as const)
  const headerEntries = compileHeaders(step, defaultHeaders)
  const rawBody = step.body.kind === 'raw' ? compileTemplate(step.body.text) : null
  const jsonValue = step.body.kind === 'json' ? step.body.value : undefined
  const jsonIsStatic = step.body.kind !== 'json' || !jsonHasTemplates(jsonValue)
  const isStatic =
    path.isStatic &&
    query.every(([, t]) => t.isStatic) &&
    headerEntries.every(([, t]) => t.isStatic) &&
    (rawBody?.isStatic ?? true) &&
    jsonIsStatic
  const build = (variables: Variables): RequestSpec => {
    const headers: string[] = []
    for (const [name, template] of headerEntries) headers.push(name, template.render(variables))
    let body: string | null = null
    if (rawBody) body = rawBody.render(variables)
    else if (step.body.kind === 'json')
      body = JSON.stringify(jsonIsStatic ? jsonValue : renderJson(jsonValue, variables))
    return {
      origin: target.origin,
      method: step.method as Dispatcher.HttpMethod,
      path: path.render(variables) + queryString(query, variables),
      headers,
      body,
      blocking: false,
    }
  }
  const fixed = isStatic ? encodeBody(build({})) : null
  const jsonCaptures = step.captures.flatMap((c) =>
    c.from === 'json' ? [{ variable: c.variable, segments: parseJsonPath(c.path) ?? [] }] : [],
  )
  const jsonChecks = Object.entries(step.expect.json).map(([p, expected]) => ({
    path: p,
    segments: parseJsonPath(p) ?? [],
    expected,
  }))
  const needsBody = jsonCaptures.length > 0 || jsonChecks.length > 0 || step.expect.bodyContains.length > 0
  return {
    step,
    isStatic,
    endpointIndex,
    needsBody,
    statusOnly: !needsBody && step.captures.length === 0 && Object.keys(step.expect.headers).length === 0,
    policy: { timeoutMs: step.timeoutMs, keepBody: needsBody },
    jsonCaptures,
    jsonChecks,
    build: fixed ? () => fixed : build,
  }
}

/**
 * Prepares every scenario of a profile against a target. The target's path (e.g. `/api` in
 * `https://pr-42.example/api`) prefixes every step path.
 */
export function prepareRequests(profile: Profile, target: URL): RequestPlan {
  const endpointNames: string[] = []
  const indexOf = (name: string): number => {
    const found = endpointNames.indexOf(name)
    if (found >= 0) return found
    endpointNames.push(name)
    return endpointNames.length - 1
  }
  const scenarios = profile.scenarios.map((scenario) => {
    const steps = scenario.steps.map((step) => prepareStep(step, indexOf(step.name), profile.headers, target))
    const needsVariables = scenario.data !== null || steps.some((s) => !s.isStatic || s.step.captures.length > 0)
    return { scenario, steps, needsVariables }
  })
  return { endpointNames, scenarios }
}
