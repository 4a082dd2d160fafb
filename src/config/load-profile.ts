// Reads a YAML profile into a frozen Profile, or throws ConfigErrors listing every problem with file:line:column,
// the field and the fix. YAML syntax errors, schema errors, model rules, data files and template variables alike.
import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { type Environment, expandEnvironment } from './env-vars.js'
import { ConfigError, ConfigErrors } from './errors.js'
import { GateSchema } from './gate-schema.js'
import { inferModel, modelKeyIssues } from './model-keys.js'
import { normalizeParts, PROFILE_DEFAULTS } from './normalize-profile.js'
import type { Profile } from './profile.js'
import { LOAD_MODELS } from './profile.js'
import { formatPath, type IssuePath, issuesFromZod, type ProfileIssue } from './profile-issues.js'
import { rawProfileSchema } from './profile-schema.js'
import { findSpike, SPIKE_FACTOR } from './spike.js'
import { yamlDepthProblem } from './yaml-depth.js'

/** Values given outside the profile (the `--target` flag, the `target` action input); they win over the file. */
export interface ProfileOverrides {
  readonly target?: string
}

export interface ParseProfileOptions {
  /** The YAML text. */
  readonly text: string
  /** The file name used in messages, the profile id fallback and to resolve data files. */
  readonly file: string
  readonly overrides?: ProfileOverrides
  /** Reads data files (absolute path); defaults to readFileSync as UTF-8. */
  readonly readTextFile?: (absolutePath: string) => string
  /** Where `${NAME}` in the target and header values is looked up; defaults to process.env. */
  readonly env?: Environment
}

const readUtf8 = (path: string): string => readFileSync(path, 'utf8')

const TARGET_FIX = "set 'target:' in the profile, or pass --target (CLI) / the 'target' input (action)"

/** Finds the YAML node for a path: the deepest existing node, or the key node when `atKey`. */
function nodeAt(root: Node | null, path: IssuePath, atKey: boolean): Node | null {
  let node: Node | null = root
  for (const [index, part] of path.entries()) {
    const last = index === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part))
      if (!pair) return node
      if (last && atKey) return pair.key as Node
      node = (pair.value as Node | null) ?? (pair.key as Node)
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined
      if (!item) return node
      node = item
    } else return node
  }
  return node
}

function targetUrl(text: string | undefined, issues: ProfileIssue[], fromOverride: boolean): URL | null {
  const path: IssuePath = fromOverride ? [] : ['target']
  if (text === undefined || text.trim() === '') {
    issues.push({ path: ['target'], problem: 'no target URL', fix: TARGET_FIX })
    return null
  }
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    issues.push({
      path,
      problem: `'${text}' is not a URL`,
      fix: 'write a full URL, e.g. https://pr-42.preview.example.com',
    })
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    issues.push({
      path,
      problem: `'${text}' is not an http(s) URL`,
      fix: 'use a URL starting with http:// or https://',
    })
    return null
  }
  return url
}

const byLocation = (a: ConfigError, b: ConfigError): number =>
  (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0)

/** Deep-freezes plain data (objects and arrays); URLs are frozen in place. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const item of Object.values(value)) deepFreeze(item)
  }
  return value
}

/**
 * Parses and validates a profile. Throws ConfigErrors (every problem at once, each with file:line:column) on any
 * mistake; never throws anything else for bad input.
 * @example parseProfile({ text: 'target: http://127.0.0.1:8080\nrate: 50\nduration: 10s\nrequests: [GET /]', file: 'tailgate.yml' })
 */
export function parseProfile(options: ParseProfileOptions): Profile {
  const { text, file } = options
  const tooDeep = yamlDepthProblem(text)
  if (tooDeep) {
    const { line, column, problem } = tooDeep
    const fix = 'a profile needs only a few levels; look for unbalanced brackets or a pasted file'
    throw new ConfigErrors([new ConfigError('(yaml)', problem, fix, { file, line, column })])
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const locate = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { file, line, column: col }
  }
  if (doc.errors.length > 0) {
    throw new ConfigErrors(
      doc.errors.map(
        (error) =>
          new ConfigError(
            '(yaml)',
            error.message.split('\n')[0] as string,
            'fix the YAML syntax at this place',
            locate(error.pos[0]),
          ),
      ),
    )
  }
  let raw: unknown
  try {
    raw = doc.toJS()
  } catch (error) {
    // yaml refuses alias bombs (a billion laughs) with a ReferenceError while building the value: a user error too.
    throw new ConfigErrors([
      new ConfigError(
        '(yaml)',
        (error as Error).message.split('\n')[0] as string,
        'use fewer aliases (*name); a profile needs few, if any',
        locate(0),
      ),
    ])
  }
  const issues: ProfileIssue[] = []
  let profile: Profile | null = null
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({
      path: [],
      problem: 'the profile is empty or not a mapping',
      fix: 'write key: value lines, e.g. target:, rate:, duration:, requests:',
    })
  } else {
    profile = buildProfile(raw as Record<string, unknown>, options, issues)
  }
  if (issues.length > 0 || profile === null) {
    const errors = issues.map((issue) => {
      const node = nodeAt(doc.contents as Node | null, issue.path, issue.atKey === true)
      const location = node?.range ? locate(node.range[0]) : { file, line: 1, column: 1 }
      return new ConfigError(formatPath(issue.path), issue.problem, issue.fix, location)
    })
    throw new ConfigErrors(errors.sort(byLocation))
  }
  return profile
}

function buildProfile(
  raw: Record<string, unknown>,
  options: ParseProfileOptions,
  issues: ProfileIssue[],
): Profile | null {
  const modelIsValid = raw.model === undefined || (LOAD_MODELS as readonly unknown[]).includes(raw.model)
  if (modelIsValid) issues.push(...modelKeyIssues(raw))
  expandEnvironment(raw, options.env ?? process.env, issues)
  const override = options.overrides?.target
  const target = targetUrl(
    override ?? (typeof raw.target === 'string' ? raw.target : undefined),
    issues,
    override !== undefined,
  )
  const parsed = rawProfileSchema.safeParse(raw)
  if (!parsed.success) {
    issues.push(...issuesFromZod({ issues: parsed.error.issues, schema: rawProfileSchema, input: raw }))
    return null
  }
  const rawProfile = parsed.data
  const model = inferModel(raw)
  const parts = normalizeParts(
    { raw: rawProfile, model, file: options.file, readTextFile: options.readTextFile ?? readUtf8 },
    issues,
  )
  const recoveryBudget = Object.entries(rawProfile.budgets ?? {}).find(([, list]) =>
    list.some((b) => b.metric === 'recovery'),
  )
  if (recoveryBudget !== undefined && findSpike(parts.load) === null) {
    issues.push({
      path: ['budgets', recoveryBudget[0]],
      problem: 'a recovery budget needs a spike to recover from',
      fix: `use model ramping-arrival-rate with stages that rise to at least ${SPIKE_FACTOR}× the base rate and come back`,
    })
  }
  if (issues.length > 0 || target === null) return null
  return deepFreeze({
    id: rawProfile.name ?? basename(options.file, extname(options.file)),
    file: options.file,
    target,
    model,
    load: parts.load,
    warmupMs:
      rawProfile.warmup ??
      (parts.capacity !== null ? PROFILE_DEFAULTS.capacityStepWarmupMs : PROFILE_DEFAULTS.warmupMs),
    durationMs: parts.durationMs,
    rounds: rawProfile.rounds ?? (parts.capacity !== null ? PROFILE_DEFAULTS.capacityRounds : PROFILE_DEFAULTS.rounds),
    requestTimeoutMs: rawProfile.timeout ?? PROFILE_DEFAULTS.requestTimeoutMs,
    maxDurationMs: rawProfile['max-duration'] ?? null,
    gracePeriodMs: rawProfile['grace-period'] ?? PROFILE_DEFAULTS.gracePeriodMs,
    maxEventLoopLagMs: rawProfile['max-event-loop-lag'] ?? PROFILE_DEFAULTS.maxEventLoopLagMs,
    headers: Object.fromEntries(Object.entries(rawProfile.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    tls: { insecure: rawProfile.tls?.insecure ?? false },
    scenarios: parts.scenarios,
    gate: rawProfile.gate ?? GateSchema.parse({}),
    budgets: rawProfile.budgets ?? {},
    capacity: parts.capacity,
  })
}

/**
 * Reads a profile file and parses it (see parseProfile). A missing or unreadable file is a ConfigError too.
 */
export function readProfile(path: string, overrides: ProfileOverrides = {}, env?: Environment): Profile {
  let text: string
  try {
    text = readUtf8(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const problem =
      code === 'ENOENT' ? `profile file '${path}' not found` : `cannot read profile file '${path}' (${code})`
    throw new ConfigErrors([
      new ConfigError('profile', problem, 'pass the path of your tailgate.yml (relative to the working directory)'),
    ])
  }
  return parseProfile({ text, file: path, overrides, env })
}
