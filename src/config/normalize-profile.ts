// Raw (schema-checked) profile -> Profile: defaults, the load shape, scenarios and steps, data files, and the
// template-variable check. Returns issues instead of throwing, so every problem is reported at once.
import { dirname, resolve } from 'node:path'
import { parseDataFile, sha256Hex } from './data-files.js'
import { type Budget, EVERY_ENDPOINT_KEY } from './gate-schema.js'
import { parseJsonPath } from './json-path.js'
import type {
  CapacitySettings,
  Capture,
  DataSource,
  LoadModel,
  LoadShape,
  Scenario,
  Step,
  ThinkTime,
} from './profile.js'
import type { IssuePath, ProfileIssue } from './profile-issues.js'
import type { RawProfile, RawRequest } from './profile-schema.js'
import { closestMatch } from './suggest.js'
import { BUILTIN_VARIABLES, jsonTemplateStrings, templateVariables } from './templates.js'

/** Defaults of a profile, in one place (ms unless named otherwise). */
export const PROFILE_DEFAULTS = {
  requestTimeoutMs: 10_000,
  warmupMs: 2_000,
  rounds: 6,
  openMaxConnections: 100,
  maxInFlight: 10_000,
  gracePeriodMs: 5_000,
  maxEventLoopLagMs: 50,
  startVus: 1,
  /** Warm-up of each capacity step: short, since every step repeats it. */
  capacityStepWarmupMs: 1_000,
  capacityGrowthFactor: 2,
  /** Rounds per capacity step: 10 let a step hold with one stray round over the SLO (sign test, alpha 0.05). */
  capacityRounds: 10,
  capacityResolution: 0.05,
} as const

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
  readonly capacity: CapacitySettings | null
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
    case 'capacity':
      // The shape of the first step; the search runs every step as constant-arrival-rate at its own rate.
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

/** The ERROR_RATE objective added when an SLO sets none: a rate where requests fail is no capacity. */
const DEFAULT_ERROR_OBJECTIVE: Budget = Object.freeze({
  expression: 'error-rate < 1%',
  metric: 'error-rate',
  operator: '<',
  threshold: 0.01,
})

/** The capacity search's settings (null for the other models); start-rate above max-rate is an issue. */
function capacitySettings(raw: RawProfile, model: LoadModel, issues: ProfileIssue[]): CapacitySettings | null {
  if (model !== 'capacity') return null
  const startRatePerSecond = raw['start-rate'] ?? 0
  const maxRatePerSecond = raw['max-rate'] ?? 0
  if (raw['start-rate'] !== undefined && startRatePerSecond <= 0) {
    issues.push({ path: ['start-rate'], problem: 'start-rate must be above 0', fix: 'write e.g. start-rate: 50/s' })
  }
  if (raw['max-rate'] !== undefined && startRatePerSecond > maxRatePerSecond) {
    issues.push({
      path: ['max-rate'],
      problem: `max-rate (${maxRatePerSecond}/s) is below start-rate (${startRatePerSecond}/s)`,
      fix: 'raise max-rate or lower start-rate',
    })
  }
  const slo = { ...(raw.slo ?? {}) }
  const hasErrorObjective = Object.values(slo).some((list) => list.some((b) => b.metric === 'error-rate'))
  if (!hasErrorObjective) slo[EVERY_ENDPOINT_KEY] = [...(slo[EVERY_ENDPOINT_KEY] ?? []), DEFAULT_ERROR_OBJECTIVE]
  return {
    startRatePerSecond,
    maxRatePerSecond,
    growthFactor: raw.growth ?? PROFILE_DEFAULTS.capacityGrowthFactor,
    resolution: raw.resolution ?? PROFILE_DEFAULTS.capacityResolution,
    stepDurationMs: raw['step-duration'] ?? 0,
    slo,
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

/** Checks that the JSON paths of captures and `expect.json` can be read. */
function checkJsonPaths(step: Step, path: IssuePath, issues: ProfileIssue[]): void {
  const fix = 'write a path like $.data.token or items[0].id'
  for (const capture of step.captures) {
    if (capture.from === 'json' && parseJsonPath(capture.path) === undefined) {
      issues.push({
        path: [...path, 'capture', capture.variable, 'json'],
        problem: `'${capture.path}' is not a JSON path`,
        fix,
      })
    }
  }
  for (const jsonPath of Object.keys(step.expect.json)) {
    if (parseJsonPath(jsonPath) === undefined) {
      issues.push({
        path: [...path, 'expect', 'json', jsonPath],
        problem: `'${jsonPath}' is not a JSON path`,
        fix,
        atKey: true,
      })
    }
  }
}

/** Checks that every `{{var}}` in a step is a data column, an earlier capture or a builtin. */
function checkVariables(step: Step, known: ReadonlySet<string>, path: IssuePath, issues: ProfileIssue[]): void {
  const texts: { path: IssuePath; text: string }[] = [
    { path: [...path, 'path'], text: step.path },
    ...step.query.map(([key, value]) => ({ path: [...path, 'query', key], text: value })),
    ...Object.entries(step.headers).map(([key, value]) => ({ path: [...path, 'headers', key], text: value })),
  ]
  if (step.body.kind === 'raw') texts.push({ path: [...path, 'body'], text: step.body.text })
  if (step.body.kind === 'json') {
    for (const found of jsonTemplateStrings(step.body.value))
      texts.push({ path: [...path, 'json', ...found.path], text: found.text })
  }
  for (const { path: at, text } of texts) {
    for (const name of templateVariables(text)) {
      if (known.has(name)) continue
      const guess = closestMatch(name, [...known])
      const fix = guess
        ? `did you mean '${guess}'?`
        : known.size > 0
          ? `variables here: ${[...known].join(', ')}`
          : 'add a data: file with that column, or capture: it in an earlier step'
      issues.push({ path: at, problem: `unknown variable '{{${name}}}'`, fix })
    }
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
