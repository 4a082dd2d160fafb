// Early JIT tier-up for load runs. V8 optimises a function on a background thread once it has run often enough
// (Node 20: 66 kB of bytecode executed; Node 24: 3,000 calls for TurboFan). At 200 req/s the engine's per-request
// functions get there one by one for a minute, and each compile (0.5-11 ms, `node --trace-opt`) shares the
// generator's core with the main thread, which then answers late: in the fifth session's perf sched traces the
// 20 worst requests of a 200 req/s run were, every one, a V8 background thread on the generator's or the server's
// core. With thresholds 8 times lower the compiles happen in the first second of the warm-up instead.
import { setFlagsFromString } from 'node:v8'

/** The V8 flags per V8 major version (the ones this project measured: Node 20 = V8 11, Node 24 = V8 13). */
export const TIER_UP_FLAGS: Readonly<Record<number, readonly string[]>> = {
  11: ['--interrupt-budget=8192', '--minimum-invocations-after-ic-update=50'],
  13: [
    '--invocation-count-for-turbofan=375',
    '--invocation-count-for-maglev=50',
    '--minimum-invocations-after-ic-update=50',
  ],
}

/** The flags `tierUpEarly` sets on this V8 version (none on a version this project has not measured). */
export function tierUpFlags(v8Version: string): readonly string[] {
  return TIER_UP_FLAGS[Number.parseInt(v8Version, 10)] ?? []
}

let applied = false

/**
 * Lowers V8's tier-up thresholds for the rest of the process, once (later calls set nothing). Other V8 versions keep
 * their defaults: V8 prints an error for a flag it does not know, and these flags change names between versions.
 * Changing them after start-up is safe where changing GC flags is not (`--single-threaded-gc` set at run time
 * aborts Node 20 in its next collection): V8 reads these counters whenever it computes a function's budget.
 * Returns the flags set by this call.
 */
export function tierUpEarly(setFlags: (flag: string) => void = setFlagsFromString): readonly string[] {
  if (applied) return []
  applied = true
  const flags = tierUpFlags(process.versions.v8)
  for (const flag of flags) setFlags(flag)
  return flags
}
