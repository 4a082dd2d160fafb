// Raw (schema-checked) profile -> Profile: defaults, the load shape, scenarios and steps, data files, and the
// template-variable check. Returns issues instead of throwing, so every problem is reported at once.
import { dirname, resolve } from 'node:path'
import { capacitySettings } from './capacity-settings.js'
import { parseDataFile, sha256Hex } from './data-files.js'
import { parseJsonPath } from './json-path.js'
import { loadShape, silentLoadIssues, sumMs } from './load-shape.js'
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
import { PROFILE_DEFAULTS } from './profile-defaults.js'
import type { IssuePath, ProfileIssue } from './profile-issues.js'
import type { RawProfile, RawRequest } from './profile-schema.js'
import { closestMatch } from './suggest.js'
import { BUILTIN_VARIABLES, jsonTemplateStrings, templateVariables } from './templates.js'

export { PROFILE_DEFAULTS } from './profile-defaults.js'

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
  /** The capacity search's settings (`model: capacity`), else null. */
  readonly capacity: CapacitySettings | null
  readonly scenarios: Scenario[]
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
  issues.push(...silentLoadIssues(load))
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
