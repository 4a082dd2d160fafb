// Reads a YAML profile into a frozen Profile, or throws ConfigErrors listing every problem with file:line:column,
// the field and the fix. YAML syntax errors, schema errors, model rules, data files and template variables alike.
import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { isMap, isScalar, isSeq, type Node } from 'yaml'
import { autoRoundsOf } from './auto-rounds.js'
import { type Environment, expandEnvironment } from './env-vars.js'
import { ConfigError, ConfigErrors } from './errors.js'
import { GateSchema } from './gate-schema.js'
import { inferModel, modelKeyIssues } from './model-keys.js'
import { normalizeParts, PROFILE_DEFAULTS } from './normalize-profile.js'
import type { LoadShape, Profile } from './profile.js'
import { LOAD_MODELS } from './profile.js'
import { formatPath, type IssuePath, issuesFromZod, type ProfileIssue } from './profile-issues.js'
import { type RawProfile, rawProfileSchema } from './profile-schema.js'
import { findSpike, SPIKE_FACTOR } from './spike.js'
import { yamlDepthProblem } from './yaml-depth.js'
import { parseYaml } from './yaml-document.js'

/** Values given outside the profile (the `--target` flag, the `target` action input); they win over the file. */
export interface ProfileOverrides {
  readonly target?: string
  /** How the target override was given, for messages: '--target' (CLI, the default) or the action input's name. */
  readonly targetName?: string
  /**
   * Only the gate settings and budgets are used (compare, merge): nothing is loaded, so no target is needed and
   * `${NAME}` references (target, headers) are not looked up.
   */
  readonly gateOnly?: boolean
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

/** The target of a gate-only read (never contacted: `.invalid` cannot resolve). */
const GATE_ONLY_TARGET = 'http://gate-only.invalid'

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

function targetUrl(text: string | undefined, issues: ProfileIssue[], overrideName: string | null): URL | null {
  const path: IssuePath = ['target']
  const outside = overrideName === null ? {} : { outside: overrideName }
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
      ...outside,
      problem: `'${text}' is not a URL`,
      fix: 'write a full URL, e.g. https://pr-42.preview.example.com',
    })
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    issues.push({
      path,
      ...outside,
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
  const { doc, raw, locate } = parseYaml(text, file)
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
      if (issue.outside !== undefined) return new ConfigError(issue.outside, issue.problem, issue.fix)
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
  const overrides = options.overrides ?? {}
  const override = overrides.gateOnly ? GATE_ONLY_TARGET : overrides.target
  // An overridden target is never used, so its `${NAME}` need not be set; gate-only reads need no variable at all.
  if (override !== undefined && 'target' in raw) raw.target = override
  if (!overrides.gateOnly) expandEnvironment(raw, options.env ?? process.env, issues)
  const target = targetUrl(
    override ?? (typeof raw.target === 'string' ? raw.target : undefined),
    issues,
    override === undefined ? null : (overrides.targetName ?? '--target'),
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
  issues.push(...recoveryBudgetIssues(rawProfile, parts.load))
  const autoRounds = autoRoundsOf(rawProfile, model, issues)
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
    rounds:
      autoRounds?.minRounds ??
      (rawProfile.rounds as number | undefined) ??
      (parts.capacity !== null ? PROFILE_DEFAULTS.capacityRounds : PROFILE_DEFAULTS.rounds),
    autoRounds,
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

/** A `recovery` budget needs a spike to recover from: an issue on the first budget key that has one, else none. */
function recoveryBudgetIssues(rawProfile: RawProfile, load: LoadShape): ProfileIssue[] {
  const key = Object.entries(rawProfile.budgets ?? {}).find(([, list]) => list.some((b) => b.metric === 'recovery'))
  if (key === undefined || findSpike(load) !== null) return []
  return [
    {
      path: ['budgets', key[0]],
      problem: 'a recovery budget needs a spike to recover from',
      fix: `use model ramping-arrival-rate with stages that rise to at least ${SPIKE_FACTOR}× the base rate and come back`,
    },
  ]
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
