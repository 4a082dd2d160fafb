// Which top-level keys each load model needs and refuses, checked on the raw YAML so that these problems are
// reported together with schema problems. Also infers the model when `model:` is absent.

import { LOAD_MODELS, type LoadModel } from './profile.js'
import type { ProfileIssue } from './profile-issues.js'

/** Keys only the capacity model reads. */
const CAPACITY_ONLY = ['max-rate', 'step-duration', 'growth', 'resolution', 'slo'] as const

const MODEL_KEYS = {
  'constant-arrival-rate': {
    required: ['rate', 'duration'],
    refused: ['vus', 'start-vus', 'start-rate', 'stages', ...CAPACITY_ONLY],
  },
  'ramping-arrival-rate': { required: ['stages'], refused: ['rate', 'vus', 'start-vus', 'duration', ...CAPACITY_ONLY] },
  'constant-vus': {
    required: ['vus', 'duration'],
    refused: ['rate', 'start-rate', 'start-vus', 'stages', 'max-in-flight', ...CAPACITY_ONLY],
  },
  'ramping-vus': {
    required: ['stages'],
    refused: ['rate', 'start-rate', 'vus', 'duration', 'max-in-flight', ...CAPACITY_ONLY],
  },
  capacity: {
    required: ['start-rate', 'max-rate', 'step-duration', 'slo'],
    refused: ['rate', 'vus', 'start-vus', 'stages', 'duration'],
  },
} as const satisfies Record<LoadModel, { required: readonly string[]; refused: readonly string[] }>

const EXAMPLES: Record<string, string> = {
  rate: 'rate: 100 (iterations per second)',
  duration: 'duration: 30s',
  stages: 'stages: [{ duration: 30s, target: 100 }]',
  vus: 'vus: 10',
  'start-rate': 'start-rate: 50/s (the first step of the search)',
  'max-rate': 'max-rate: 2000/s (no step goes above it)',
  'step-duration': 'step-duration: 5s (measured time of each step)',
  slo: 'slo: ["p95 < 50ms", "error-rate < 1%"]',
}

/**
 * The model a profile asks for: `model:` when set, otherwise inferred from its keys (VUs mean a closed model,
 * stages a ramp, an SLO or max-rate a capacity search); the open constant-arrival-rate model by default.
 */
export function inferModel(raw: Record<string, unknown>): LoadModel {
  const model = raw.model
  if (typeof model === 'string' && (LOAD_MODELS as readonly string[]).includes(model)) return model as LoadModel
  if (raw.slo !== undefined || raw['max-rate'] !== undefined) return 'capacity'
  const closed = raw.vus !== undefined || raw['start-vus'] !== undefined
  const ramping = raw.stages !== undefined
  if (closed) return ramping ? 'ramping-vus' : 'constant-vus'
  return ramping ? 'ramping-arrival-rate' : 'constant-arrival-rate'
}

/** Missing and misplaced keys for the profile's model, each with the fix. */
export function modelKeyIssues(raw: Record<string, unknown>): ProfileIssue[] {
  const model = inferModel(raw)
  const rules = MODEL_KEYS[model]
  const out: ProfileIssue[] = []
  for (const key of rules.required) {
    if (raw[key] === undefined) {
      // The key does not exist, so the location falls back to the top of the profile.
      out.push({ path: [key], problem: `missing for model ${model}`, fix: `add ${EXAMPLES[key]}` })
    }
  }
  for (const key of rules.refused) {
    if (raw[key] !== undefined) {
      const why =
        key === 'duration' && model === 'capacity'
          ? 'a capacity search lasts as many steps as it needs; set step-duration (and max-duration to cap it)'
          : key === 'duration'
            ? `a ${model} run lasts as long as its stages; remove duration`
            : `it does not apply to ${model}; remove it or change model:`
      out.push({ path: [key], problem: `'${key}' is not used by model ${model}`, fix: why, atKey: true })
    }
  }
  return out
}
