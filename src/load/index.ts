// The load engine's public surface: runLoad and the types the shells need.
export type { Clock } from './clock.js'
export { performanceClock } from './clock.js'
export { defaultDispatcherFactory } from './dispatchers.js'
export { logProgress, progressText, ttyProgressBar } from './progress.js'
export { runLoad } from './run-load.js'
export type { DispatcherFactory, DispatcherRequest, ProgressSnapshot, RunLoadOptions, RunPhase } from './types.js'
