import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  performanceClock,
  runLoad
} from "./chunk-2EU32US7.js";
import {
  runFingerprint
} from "./chunk-WK3CQZHX.js";
import {
  createHistogram
} from "./chunk-XOUSJDCW.js";
import {
  ConfigError
} from "./chunk-7OYG44C3.js";

// src/load/live-ab.ts
var REWARM_MS = 250;
function abbaOrder(rounds) {
  return Array.from({ length: 2 * rounds }, (_, i) => i % 4 === 0 || i % 4 === 3 ? "A" : "B");
}
async function runLiveAb(options) {
  const { profile } = options;
  if (profile.model === "capacity") {
    throw new ConfigError(
      "model",
      "live A/B does not run capacity searches yet",
      "compare two capacity results with tailgate compare (stored baseline), or drop baseline-target"
    );
  }
  if (profile.model === "ramping-arrival-rate" || profile.model === "ramping-vus") {
    throw new ConfigError(
      "model",
      `live A/B cannot interleave a ramp ('${profile.model}')`,
      "use constant-arrival-rate or constant-vus with baseline-target"
    );
  }
  const roundMs = profile.durationMs / profile.rounds;
  const order = abbaOrder(profile.rounds);
  const runs = { A: [], B: [] };
  const clock = options.clock ?? performanceClock;
  const startMs = clock.now();
  let capped = false;
  for (const side of order) {
    if (options.signal?.aborted) break;
    const remainingMs = profile.maxDurationMs === null ? null : profile.maxDurationMs - (clock.now() - startMs);
    if (remainingMs !== null && remainingMs <= 0) {
      capped = true;
      break;
    }
    const first = runs[side].length === 0;
    const single = {
      ...profile,
      rounds: 1,
      durationMs: roundMs,
      warmupMs: first ? profile.warmupMs : Math.min(REWARM_MS, profile.warmupMs),
      maxDurationMs: remainingMs
    };
    const run = await runLoad({
      ...options,
      profile: single,
      target: side === "A" ? options.baselineTarget : options.candidateTarget
    });
    runs[side].push(run);
    if (remainingMs !== null && run.completion.status === "partial" && !options.signal?.aborted) {
      capped = true;
      break;
    }
  }
  const stopped = options.signal?.aborted ? "stopped" : capped ? `max-duration (${profile.maxDurationMs} ms) reached` : null;
  return {
    baseline: stitch(runs.A, profile, stopped),
    candidate: stitch(runs.B, profile, stopped),
    order
  };
}
function stitch(runs, profile, stopped) {
  return joinRuns(
    runs,
    profile,
    stopped === null ? { status: "complete" } : { status: "partial", reason: `${stopped} after ${runs.length} of ${profile.rounds} rounds` }
  );
}
function joinRuns(runs, profile, completion) {
  const first = runs[0];
  if (!first) throw new Error("live A/B was stopped before any round ran");
  const names = [...new Set(runs.flatMap((r) => r.endpoints.map((e) => e.name)))];
  const endpoints = names.map((name) => ({
    name,
    warmupRequests: runs.reduce((n, r) => n + (r.endpoints.find((e) => e.name === name)?.warmupRequests ?? 0), 0),
    rounds: runs.flatMap(
      (r) => r.endpoints.find((e) => e.name === name)?.rounds ?? Array.from({ length: r.rounds.length }, emptyRound)
    )
  }));
  const windows = runs.flatMap((r) => r.rounds);
  const roundMs = profile.durationMs / profile.rounds;
  let offsetS = 0;
  const timeline = [];
  for (const run of runs) {
    for (const point of run.timeline) timeline.push({ ...point, second: point.second + offsetS });
    offsetS += Math.ceil((run.warmupMs + run.durationMs) / 1e3);
  }
  const reasons = runs.flatMap((r, i) => r.health.invalidReasons.map((reason) => `round ${i + 1}: ${reason}`));
  const achieved = runs.reduce((sum, r) => sum + r.health.achievedRatePerSecond, 0) / runs.length;
  return {
    ...first,
    // The fingerprint of the whole profile, not of the single-round pieces it was measured in.
    profileFingerprint: runFingerprint(profile),
    rounds: windows.map((window, index) => ({ index, startMs: index * roundMs, durationMs: window.durationMs })),
    durationMs: windows.reduce((sum, window) => sum + window.durationMs, 0),
    warmupMs: profile.warmupMs,
    endpoints,
    timeline,
    health: {
      intendedRatePerSecond: first.health.intendedRatePerSecond,
      achievedRatePerSecond: achieved,
      maxEventLoopLagMs: Math.max(...runs.map((r) => r.health.maxEventLoopLagMs)),
      invalidReasons: reasons
    },
    completion
  };
}
function emptyRound() {
  return {
    latency: createHistogram(),
    actualLatency: createHistogram(),
    requests: 0,
    statusCounts: {},
    errors: {},
    bytesReceived: 0
  };
}

export {
  REWARM_MS,
  runLiveAb
};
