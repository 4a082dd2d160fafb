// The JSON Schema of a profile, generated from the zod schema (its input side: what users write), with titles
// and descriptions for editors. scripts/gen-schema.ts writes it to schema/profile.schema.json.
import * as z from 'zod'
import { rawProfileSchema } from './profile-schema.js'

/**
 * The schema's `$id` (a URN, like the report schema's: the repository's public URL is not fixed yet). Profiles
 * point editors at the file instead: `# yaml-language-server: $schema=../schema/profile.schema.json`.
 */
export const PROFILE_SCHEMA_ID = 'urn:tailgate:profile:1'

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  name: 'Profile id (defaults to the file name); baselines are stored per id',
  target: `Base URL of the deployment under test (\${NAME} reads an environment variable); the --target flag or the target input overrides it`,
  headers: `Headers sent with every request ({{var}} templates; \${NAME} reads an environment variable, for secrets)`,
  timeout: 'Per-request timeout, e.g. 10s (default 10s)',
  tls: 'TLS options; insecure: true accepts self-signed certificates of preview deployments',
  model:
    'Load model: constant-arrival-rate (open, default), ramping-arrival-rate, constant-vus, ramping-vus (closed), capacity (search for the highest rate that holds the SLO)',
  rate: 'Iterations started per second in constant-arrival-rate: 200, or 600/m',
  'start-rate': 'Initial rate of ramping-arrival-rate (default 0); the first step of a capacity search',
  'max-rate': 'capacity: no step runs above this rate, e.g. 2000/s',
  'step-duration': 'capacity: measured time of each step (each also has its own warm-up, default 1s), e.g. 5s',
  growth: 'capacity: factor the rate grows by after each passing step (default 2)',
  resolution:
    'capacity: bisection stops when the first failing rate is within this much of the sustained one (default 5%)',
  slo: 'capacity: the objective each step is judged by, like budgets: ["p95 < 50ms", "error-rate < 1%"] or a map per endpoint',
  vus: 'Virtual users of constant-vus (each loops over iterations on its own connection)',
  'start-vus': 'Initial virtual users of ramping-vus (default 1)',
  stages: 'Ramp stages: each moves linearly to target (rate or VUs) over duration',
  duration: 'Measured duration after the warm-up, e.g. 60s (not with ramping models: their stages set it)',
  warmup: 'Warm-up before measuring, excluded from every statistic (default 2s)',
  rounds:
    'Rounds the measured window is split into for the statistics (default 6); auto: keep adding rounds until every gated comparison is decided or max-duration is used up',
  'min-rounds':
    'rounds: auto only: rounds per side before the first look (default 6); duration is split into them, and every later round is as long',
  'max-rounds': 'rounds: auto only: the most rounds per side (default 100)',
  'max-connections': 'Connections to the target (open models default 100; closed models one per VU)',
  'max-in-flight':
    'Cap on iterations (one-step scenarios: requests) in flight in open models (default 10000); waiting on it makes the run invalid',
  'max-duration':
    'Hard cap on the whole run; the result is then marked partial. Required with rounds: auto (its time budget)',
  'grace-period': 'How long in-flight requests may finish after a stop (default 5s)',
  'max-event-loop-lag':
    'Generator event-loop lag (p99) above which the run is invalid (default 50ms; not applied to capacity steps, where lag only makes a step look worse)',
  requests:
    'Requests, each its own one-step scenario: "GET /path" or an object with path, method, ... A {{var}} template may use {{iteration}} and captures; data-file columns only in scenarios (`tailgate check` checks every variable)',
  scenarios: 'User journeys picked by weight; each runs its steps in order',
  gate: 'Regression rules: metrics, margin, alpha, fail-on, max-error-rate',
  budgets: 'Absolute limits per endpoint name (or "*"): "p95 < 300ms", "error-rate < 1%", "rps >= 50"',
}

/** The profile's JSON Schema (draft 2020-12), with descriptions on the top-level keys. */
export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(rawProfileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>
  // `rounds` is parsed by a transform (for its error message); editors get the shape it accepts.
  properties.rounds = {
    anyOf: [
      { type: 'integer', minimum: 1, maximum: 100 },
      { type: 'string', const: 'auto' },
    ],
  }
  for (const [key, description] of Object.entries(DESCRIPTIONS)) {
    const property = properties[key]
    if (property) property.description = description
  }
  return { $id: PROFILE_SCHEMA_ID, title: 'Tailgate load profile', ...schema }
}
