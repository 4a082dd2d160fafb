// Raw (schema-checked) profile -> Profile: defaults, the load shape, scenarios and steps, data files, and the
// template-variable check. Returns issues instead of throwing, so every problem is reported at once.
import { dirname, resolve } from 'node:path'
import { capacitySettings } from './capacity-settings.js'
import { parseDataFile, sha256Hex } from './data-files.js'
import type {
  CapacitySettings as Capacity,
  Capture,
  DataSource,
  LoadModel,
  LoadShape,
  Scenario,
  Step,
  ThinkTime,
} from './profile.js'
import { PROFILE_DEFAULTS } from './profile-defaults.js'
import type { IssuePath, ProfileIssue } from './profile-issues.js'
import type { RawProfile, RawRequest } from './profile-schema.js'
import { checkJsonPaths, checkVariables } from './step-checks.js'
import { closestMatch } from './suggest.js'
import { BUILTIN_VARIABLES, jsonTemplateStrings, templateVariables } from './templates.js'

export { PROFILE_DEFAULTS }

export interface NormalizeContext {
  readonly raw: RawProfile
  readonly model: LoadModel
  readonly file: string | null
  readonly readTextFile: (absolutePath: string) => string
}

/** The parts of a Profile that normalization builds (id, target, gate and budgets are handled by the caller). */
export interface NormalizedParts {
  readonly load: LoadShape
  readonly durationMs: number
  readonly scenarios: Scenario[]
  readonly capacity: Capacity | null
}

const sumMs = (stages: readonly { durationMs: number }[]): number =>
  stages.reduce((total, s) => total + s.durationMs, 0)

function loadShape(raw: RawProfile, model: LoadModel): LoadShape {
  const stages = (raw.stages ?? []).map((s) => ({ durationMs: s.duration, target: s.target }))
  const maxInFlight = raw['max-in-flight'] ?? PROFILE_DEFAULTS.maxInFlight
  const openConnections = raw['max-connections'] ?? PROFILE_DEFAULTS.openMaxConnections
  switch (model) {
    case 'constant-arrival-rate':
      return { model, ratePerSecond: raw.rate ?? 0, maxConnections: openConnections, maxInFlight }
    case 'capacity': // the first step's shape: the search runs every step as constant-arrival-rate at its own rate
      return {
        model: 'constant-arrival-rate',
        ratePerSecond: raw['start-rate'] ?? 0,
        maxConnections: openConnections,
        maxInFlight,
      }
    case 'ramping-arrival-rate':
      return { model, startRatePerSecond: raw['start-rate'] ?? 0, stages, maxConnections: openConnections, maxInFlight }
    case 'constant-vus':
      return { model, vus: raw.vus ?? 1, maxConnections: raw['max-connections'] ?? raw.vus ?? 1 }
    case 'ramping-vus': {
      const startVus = raw['start-vus'] ?? PROFILE_DEFAULTS.startVus
      const peakVus = Math.max(startVus, ...stages.map((s) => s.target))
      return { model, startVus, stages, maxConnections: raw['max-connections'] ?? Math.max(1, Math.ceil(peakVus)) }
    }
  }
}

/** The fields of a request in either form (the "GET /path" line form has only method and path). */
interface RequestFields {
  readonly name?: string
  readonly method?: string
  readonly path: string
  readonly query?: Record<string, string>
  readonly headers?: Record<string, string>
  readonly json?: unknown
  readonly body?: string
  readonly timeout?: number
  readonly think?: ThinkTime
  readonly capture?: Record<string, { json?: string; header?: string }>
  readonly expect?: {
    status?: number | number[]
    headers?: Record<string, string>
    'body-contains'?: string | string[]
    json?: Record<string, unknown>
  }
}

const lowerKeys = (record: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key.toLowerCase(), value]))

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

function stepFrom(request: RawRequest, timeoutMs: number, think: ThinkTime | null): Step {
  const raw = request as RequestFields
  const method = raw.method ?? 'GET'
  const captures = Object.entries(raw.capture ?? {}).map(
    ([variable, source]): Capture =>
      source.json !== undefined
        ? { variable, from: 'json', path: source.json }
        : { variable, from: 'header', header: (source.header as string).toLowerCase() },
  )
  return {
    name: raw.name ?? `${method} ${raw.path}`,
    method,
    path: raw.path,
    query: Object.entries(raw.query ?? {}),
    headers: lowerKeys(raw.headers),
    body:
      raw.json !== undefined
        ? { kind: 'json', value: raw.json }
        : raw.body !== undefined
          ? { kind: 'raw', text: raw.body }
          : { kind: 'none' },
    timeoutMs: raw.timeout ?? timeoutMs,
    think: raw.think ?? think,
    captures,
    expect: {
      status: asList(raw.expect?.status),
      headers: lowerKeys(raw.expect?.headers),
      bodyContains: asList(raw.expect?.['body-contains']),
      json: raw.expect?.json ?? {},
    },
  }
}

function readData(
  spec: { file: string; order: DataSource['order'] },
  path: IssuePath,
  context: NormalizeContext,
  issues: ProfileIssue[],
): { source: DataSource; columns: string[] } | null {
  const absolute = resolve(context.file ? dirname(context.file) : process.cwd(), spec.file)
  let text: string
  try {
    text = context.readTextFile(absolute)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const problem =
      code === 'ENOENT'
        ? `data file '${spec.file}' not found (looked at ${absolute})`
        : `cannot read data file '${spec.file}' (${code ?? (error as Error).message})`
    issues.push({ path, problem, fix: 'give a path relative to the profile file' })
    return null
  }
  const parsed = parseDataFile(spec.file, text)
  if ('error' in parsed) {
    const at = parsed.error.indexOf('; ')
    issues.push({
      path,
      problem: `data file '${spec.file}': ${parsed.error.slice(0, at)}`,
      fix: parsed.error.slice(at + 2),
    })
    return null
  }
  return {
    source: { file: spec.file, order: spec.order, rows: parsed.rows, contentSha256: sha256Hex(text) },
    columns: parsed.columns,
  }
}

/** Builds the load shape, the measured duration and the scenarios; pushes every problem found into `issues`. */
export function normalizeParts(context: NormalizeContext, issues: ProfileIssue[]): NormalizedParts {
  const { raw, model } = context
  const load = loadShape(raw, model)
  const capacity = capacitySettings(raw, model, issues)
  const durationMs =
    capacity !== null ? capacity.stepDurationMs : 'stages' in load ? sumMs(load.stages) : (raw.duration ?? 0)
  const timeoutMs = raw.timeout ?? PROFILE_DEFAULTS.requestTimeoutMs
  const scenarios: Scenario[] = []
  for (const [index, request] of (raw.requests ?? []).entries()) {
    const step = stepFrom(request, timeoutMs, null)
    checkVariables(
      step,
      new Set([...BUILTIN_VARIABLES, ...step.captures.map((c) => c.variable)]),
      ['requests', index],
      issues,
    )
    const weight =
      typeof request === 'object' && 'weight' in request && request.weight !== undefined ? request.weight : 1
    scenarios.push({ name: step.name, weight, steps: [step], data: null })
  }
  for (const [index, scenario] of (raw.scenarios ?? []).entries()) {
    const path: IssuePath = ['scenarios', index]
    const data = scenario.data ? readData(scenario.data, [...path, 'data'], context, issues) : null
    const known = new Set<string>([...BUILTIN_VARIABLES, ...(data?.columns ?? [])])
    const steps = scenario.steps.map((request, stepIndex) => {
      const step = stepFrom(request, timeoutMs, scenario.think ?? null)
      checkJsonPaths(step, [...path, 'steps', stepIndex], issues)
      if (data !== null || !scenario.data) checkVariables(step, known, [...path, 'steps', stepIndex], issues)
      for (const capture of step.captures) known.add(capture.variable)
      return step
    })
    if (scenarios.some((s) => s.name === scenario.name)) {
      issues.push({
        path: [...path, 'name'],
        problem: `scenario name '${scenario.name}' is used twice`,
        fix: 'give each scenario its own name',
      })
    }
    scenarios.push({ name: scenario.name, weight: scenario.weight, steps, data: data?.source ?? null })
  }
  if (scenarios.length === 0) {
    issues.push({ path: [], problem: 'no requests to send', fix: 'add requests: [GET /] or scenarios: with steps' })
  }
  return { load, durationMs, scenarios, capacity }
}
