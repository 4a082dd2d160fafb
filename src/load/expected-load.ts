// What a profile will send, computed before sending it: iterations and requests of the open models (their schedule
// is fixed), and the endpoints with their share. Closed models depend on the server's latency: no count.
import { isOpenModel, type Profile } from '../config/profile.js'
import { shapeLevelAt } from './stages.js'

export interface ExpectedEndpoint {
  readonly name: string
  /** Expected share of all requests, 0..1 (scenario weights × steps). */
  readonly share: number
}

export interface ExpectedLoad {
  /** Iterations started in the warm-up and in the measured window; null for closed models. */
  readonly warmupIterations: number | null
  readonly measuredIterations: number | null
  /** Requests per iteration, averaged over the scenarios by weight. */
  readonly requestsPerIteration: number
  readonly endpoints: readonly ExpectedEndpoint[]
}

/** Iterations an open model starts in the measured window: the area under its rate curve (linear ramps). */
function measuredIterations(profile: Profile): number {
  const load = profile.load
  switch (load.model) {
    case 'constant-arrival-rate':
      return (load.ratePerSecond * profile.durationMs) / 1000
    case 'ramping-arrival-rate': {
      let from = load.startRatePerSecond
      let total = 0
      for (const stage of load.stages) {
        total += ((from + stage.target) / 2) * (stage.durationMs / 1000)
        from = stage.target
      }
      return total
    }
    default:
      return 0
  }
}

/**
 * The load a profile asks for. Iteration counts are the schedule's (an open model starts them whatever the server
 * does); requests = iterations × requests per iteration.
 * @example expectedLoad(profile).measuredIterations // rate: 50, duration: 60s => 3000
 */
export function expectedLoad(profile: Profile): ExpectedLoad {
  const totalWeight = profile.scenarios.reduce((sum, s) => sum + s.weight, 0)
  const requestsPerIteration = profile.scenarios.reduce((sum, s) => sum + (s.weight / totalWeight) * s.steps.length, 0)
  const perEndpoint = new Map<string, number>()
  for (const scenario of profile.scenarios) {
    for (const step of scenario.steps) {
      perEndpoint.set(step.name, (perEndpoint.get(step.name) ?? 0) + scenario.weight / totalWeight)
    }
  }
  const endpoints = [...perEndpoint].map(([name, perIteration]) => ({
    name,
    share: perIteration / requestsPerIteration,
  }))
  const open = isOpenModel(profile.model)
  return {
    warmupIterations: open ? (shapeLevelAt(profile.load, -1) * profile.warmupMs) / 1000 : null,
    measuredIterations: open ? measuredIterations(profile) : null,
    requestsPerIteration,
    endpoints,
  }
}
