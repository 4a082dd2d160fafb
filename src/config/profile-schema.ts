// The YAML profile as a zod schema: the shapes users write (k6-style keys, durations as "10s"). Normalization into
// a Profile (defaults, stages, data files) is in normalize-profile.ts. Messages read "problem; fix".
import * as z from 'zod'
import { BudgetsSchema, GateSchema, percentSchema, SloSchema } from './gate-schema.js'
import { DATA_ORDERS, LOAD_MODELS } from './profile.js'
import { DURATION_HINT, parseDurationMs } from './units.js'

/** The forms parseDurationMs accepts, for the JSON Schema (editors flag a bad duration while typing). */
const DURATION_PATTERN = /^\s*(\d+(\.\d+)?\s*(us|µs|ms|s|m|h)\s*)+$/

const notADuration = (input: unknown) => `'${String(input)}' is not a duration; ${DURATION_HINT}`

/** A duration with a unit ("500ms", "10s", "1m30s"), in ms. A bare number is refused: 30 could be s or ms. */
export const durationSchema = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : notADuration(issue.input)) })
  .regex(DURATION_PATTERN, { error: (issue) => notADuration(issue.input) })
  .transform((value) => parseDurationMs(value) as number)

const positiveDurationSchema = durationSchema.refine((ms) => ms > 0, {
  message: 'a duration of zero is not allowed here; write a positive duration, e.g. 10s',
})

const RATE_UNITS_PER_S = { s: 1, m: 1 / 60, h: 1 / 3600 } as const

/** The text forms of a rate ("50", "50/s", "600/m", "3600/h"), for the JSON Schema too. */
const RATE_TEXT = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|m|h))?\s*$/
/** RATE_TEXT without zero ("0", "0.0/s"): what `rate:` accepts. */
const POSITIVE_RATE_TEXT = /^\s*(?!0*(?:\.0*)?\s*(?:\/|$))(\d+(?:\.\d+)?)\s*(?:\/\s*(s|m|h))?\s*$/

const notARate = (value: unknown) => `'${String(value)}' is not a rate; write iterations per second, e.g. 200 or 600/m`
const ZERO_RATE = 'a rate of 0 sends nothing; write iterations per second above 0, e.g. 50 or 600/m'

/** Iterations per second of a rate in either form. */
function perSecond(value: string | number): number {
  if (typeof value === 'number') return value
  const match = RATE_TEXT.exec(value) as RegExpExecArray
  return Number(match[1]) * RATE_UNITS_PER_S[(match[2] ?? 's') as keyof typeof RATE_UNITS_PER_S]
}

/**
 * A rate: a number (per second) or "100/s", "600/m", "3600/h"; in iterations per second. `positive` refuses 0
 * (a constant rate of 0 would run for its whole duration and measure nothing); a ramp may start at 0.
 */
function rateSchema(positive: boolean) {
  const problem = (input: unknown): string =>
    Number(input) === 0 || (typeof input === 'string' && RATE_TEXT.test(input)) ? ZERO_RATE : notARate(input)
  const number = z.number({ error: (issue) => notARate(issue.input) })
  const bounded = positive
    ? number.positive({ error: (issue) => problem(issue.input) })
    : number.min(0, { error: (issue) => problem(issue.input) })
  const text = z.string().regex(positive ? POSITIVE_RATE_TEXT : RATE_TEXT, { error: (issue) => problem(issue.input) })
  return z.union([bounded, text]).transform(perSecond)
}

const positiveInt = (what: string) =>
  z
    .number({ message: `expected ${what}; write a whole number, e.g. 10` })
    .int(`expected ${what}; write a whole number`)
    .positive(`expected ${what}; write a number above 0`)

const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform(String)
const headersSchema = z.record(z.string(), scalarText)

const thinkSchema = z.union([
  durationSchema.transform((ms) => ({ minMs: ms, maxMs: ms })),
  z
    .strictObject({ min: durationSchema, max: durationSchema })
    .refine((t) => t.min <= t.max, { message: 'think.min is above think.max; swap them', path: ['max'] })
    .transform((t) => ({ minMs: t.min, maxMs: t.max })),
])

const captureSchema = z.union([
  z.strictObject({ json: z.string().min(1) }),
  z.strictObject({ header: z.string().min(1) }),
])

const statusSchema = z.number().int().min(100).max(599)

const expectSchema = z.strictObject({
  status: z.union([statusSchema, z.array(statusSchema).min(1)]).optional(),
  headers: z.record(z.string(), scalarText).optional(),
  'body-contains': z.union([z.string(), z.array(z.string())]).optional(),
  json: z.record(z.string(), z.unknown()).optional(),
})

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

const methodSchema = z
  .string()
  .transform((m) => m.toUpperCase())
  .pipe(z.enum(HTTP_METHODS, { message: `unknown method; use one of ${HTTP_METHODS.join(', ')}` }))

const pathSchema = z
  .string()
  .refine((p) => p.startsWith('/'), { message: "the path must start with '/'; write e.g. /users/{{id}}" })

/** The object form of a request (a step). */
export const requestObjectSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    method: methodSchema.optional(),
    path: pathSchema,
    query: z.record(z.string(), scalarText).optional(),
    headers: headersSchema.optional(),
    json: z.unknown().optional(),
    body: z.string().optional(),
    timeout: positiveDurationSchema.optional(),
    think: thinkSchema.optional(),
    capture: z.record(z.string().regex(/^[A-Za-z_][\w]*$/), captureSchema).optional(),
    expect: expectSchema.optional(),
    weight: z.number().positive().optional(),
  })
  .refine((r) => r.json === undefined || r.body === undefined, {
    message: 'json and body are both set; keep one (json sends application/json, body sends raw text)',
    path: ['body'],
  })

/** The short form of a request: "GET /users/{{id}}" (method optional, GET by default). */
const requestLineSchema = z.string().transform((line, ctx) => {
  const match = /^\s*(?:([A-Za-z]+)\s+)?(\/\S*)\s*$/.exec(line)
  const method = (match?.[1] ?? 'GET').toUpperCase()
  if (!match || !(HTTP_METHODS as readonly string[]).includes(method)) {
    ctx.addIssue({ code: 'custom', message: `'${line}' is not a request; write "GET /path" or an object with path:` })
    return z.NEVER
  }
  return { method: method as (typeof HTTP_METHODS)[number], path: match[2] as string }
})

export const requestSchema = z.union([requestLineSchema, requestObjectSchema])
export type RawRequest = z.output<typeof requestObjectSchema> | z.output<typeof requestLineSchema>

const dataSchema = z.union([
  z.string().transform((file) => ({ file, order: 'sequential' as const })),
  z.strictObject({ file: z.string().min(1), order: z.enum(DATA_ORDERS).default('sequential') }),
])

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  weight: z.number().positive().default(1),
  think: thinkSchema.optional(),
  data: dataSchema.optional(),
  steps: z.array(requestSchema).min(1, 'a scenario needs at least one step; add steps: [GET /]'),
})

const stageSchema = z.strictObject({
  duration: positiveDurationSchema,
  target: z.number().min(0, 'a stage target cannot be negative'),
})

/** `rounds`: a whole number from 1 to 100, or `auto` (add rounds until decided; see auto-rounds.ts). */
const roundsSchema = z.union([z.number(), z.literal('auto'), z.string()]).transform((value, ctx) => {
  if (value === 'auto' || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100))
    return value
  ctx.addIssue({
    code: 'custom',
    message: `'${value}' is not a number of rounds; write a whole number from 1 to 100, or auto`,
  })
  return z.NEVER
})

/** Every key a profile may hold (kebab-case, as k6 and Actions users write them). */
export const rawProfileSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[\w.-]+$/, 'use letters, digits, dot, dash and underscore only; e.g. checkout-api')
    .optional(),
  target: z.string().optional(),
  headers: headersSchema.optional(),
  timeout: positiveDurationSchema.optional(),
  tls: z.strictObject({ insecure: z.boolean().optional() }).optional(),
  model: z.enum(LOAD_MODELS).optional(),
  rate: rateSchema(true).optional(),
  'start-rate': rateSchema(false).optional(),
  vus: positiveInt('a number of virtual users').optional(),
  'start-vus': z.number().int().min(0).optional(),
  stages: z.array(stageSchema).min(1).optional(),
  duration: positiveDurationSchema.optional(),
  warmup: durationSchema.optional(),
  rounds: roundsSchema.optional(),
  'min-rounds': z.number().int().min(2).max(100).optional(),
  'max-rounds': z.number().int().min(2).max(100).optional(),
  'max-connections': positiveInt('a number of connections').optional(),
  'max-in-flight': positiveInt('a number of iterations').optional(),
  'max-duration': positiveDurationSchema.optional(),
  'max-rate': rateSchema(true).optional(),
  'step-duration': positiveDurationSchema.optional(),
  growth: z
    .number({ message: 'expected a growth factor; write a number above 1, e.g. 2' })
    .gt(1, 'growth must be above 1 (each passing step multiplies the rate by it); write e.g. 2')
    .max(10, 'growth above 10 skips too much; write e.g. 2')
    .optional(),
  resolution: percentSchema
    .refine((fraction) => fraction >= 0.005 && fraction <= 0.5, {
      message: 'resolution must be between 0.5% and 50%; write e.g. 5%',
    })
    .optional(),
  slo: SloSchema.optional(),
  'grace-period': durationSchema.optional(),
  'max-event-loop-lag': positiveDurationSchema.optional(),
  requests: z.array(requestSchema).min(1).optional(),
  scenarios: z.array(scenarioSchema).min(1).optional(),
  gate: GateSchema.optional(),
  budgets: BudgetsSchema.optional(),
})
export type RawProfile = z.output<typeof rawProfileSchema>
