import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  mergeHistograms,
  parseRunResult,
  serializeRunResult
} from "./chunk-OAPMMLO6.js";
import {
  EXIT,
  ResultFormatError
} from "./chunk-U34LIMCD.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-BOXC7D7V.js";
import "./chunk-WSM33NK3.js";
import {
  ConfigError
} from "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";

// src/results/merge.ts
function mergeRunResults(results) {
  const [first, ...rest] = results;
  if (!first) throw new ResultFormatError("merge", "needs at least one result");
  for (const [i, other] of rest.entries()) {
    if (other.profileFingerprint !== first.profileFingerprint) {
      throw new ResultFormatError(`shard ${i + 2}`, "was measured with a different profile (fingerprint differs)");
    }
    if (other.rounds.length !== first.rounds.length) {
      throw new ResultFormatError(
        `shard ${i + 2}`,
        `has ${other.rounds.length} rounds; shard 1 has ${first.rounds.length}`
      );
    }
  }
  const names = [...new Set(results.flatMap((r) => r.endpoints.map((e) => e.name)))];
  const endpoints = names.map((name) => {
    const parts = results.flatMap((r) => r.endpoints.filter((e) => e.name === name));
    const rounds = first.rounds.map((_, index) => {
      const measured = parts.map((p) => p.rounds[index]);
      return {
        latency: mergeHistograms(measured.map((m) => m.latency)),
        actualLatency: mergeHistograms(measured.map((m) => m.actualLatency)),
        requests: sum(measured.map((m) => m.requests)),
        statusCounts: addRecords(measured.map((m) => m.statusCounts)),
        errors: addRecords(measured.map((m) => m.errors)),
        bytesReceived: sum(measured.map((m) => m.bytesReceived))
      };
    });
    const timelines = parts.map((p) => p.timeline);
    return {
      name,
      rounds,
      warmupRequests: sum(parts.map((p) => p.warmupRequests)),
      // Present only when every shard recorded it (a shard written before format 1.2 has none).
      ...timelines.every((t) => t !== void 0) ? { timeline: mergeTimelines(timelines) } : {}
    };
  });
  const partial = results.find((r) => r.completion.status === "partial");
  const { generatorLateness: _firstShardOnly, liveAb: _oneRunOnly, ...firstRest } = first;
  const intended = results.map((r) => r.health.intendedRatePerSecond);
  return {
    ...firstRest,
    endpoints,
    timeline: mergeTimelines(results.map((r) => r.timeline)),
    health: {
      intendedRatePerSecond: intended.every((r) => r !== null) ? sum(intended) : null,
      achievedRatePerSecond: sum(results.map((r) => r.health.achievedRatePerSecond)),
      maxEventLoopLagMs: Math.max(...results.map((r) => r.health.maxEventLoopLagMs)),
      invalidReasons: results.flatMap((r, i) => r.health.invalidReasons.map((reason) => `shard ${i + 1}: ${reason}`))
    },
    completion: partial ? partial.completion : { status: "complete" },
    ...mergeLateness(results)
  };
}
function mergeLateness(results) {
  const all = results.map((r) => r.generatorLateness);
  if (!all.every((h) => h !== void 0)) return {};
  const shards = all;
  return { generatorLateness: shards[0].map((_, round) => mergeHistograms(shards.map((h) => h[round]))) };
}
function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}
function addRecords(records) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) out[key] = (out[key] ?? 0) + (value ?? 0);
  }
  return out;
}
function worse(a, b, key) {
  const x = a[key];
  const y = b[key];
  return x === void 0 || y === void 0 ? {} : { [key]: Math.max(x, y) };
}
function mergeTimelines(timelines) {
  const bySecond = /* @__PURE__ */ new Map();
  for (const timeline of timelines) {
    for (const point of timeline) {
      const seen = bySecond.get(point.second);
      bySecond.set(
        point.second,
        seen ? {
          second: point.second,
          requests: seen.requests + point.requests,
          errors: seen.errors + point.errors,
          // p95 of a merged second is not derivable from two p95s; keep the worse one (documented approximation).
          p95Us: Math.max(seen.p95Us, point.p95Us),
          ...worse(seen, point, "p50Us"),
          ...worse(seen, point, "p99Us")
        } : { ...point }
      );
    }
  }
  return [...bySecond.values()].sort((a, b) => a.second - b.second);
}

// src/cli/merge.ts
var MERGE_HELP = `tailgate merge SHARD.json... [--out merged.json]

Adds the RunResult files of the shards of one run (tailgate run --shard i/N, or the action's shard input)
into one result: histograms, counts and rates add. Shards of different profiles are refused.
`;
async function mergeCommand(args, io) {
  if (args.files.length === 0) throw new ConfigError("SHARD.json", "is missing", "pass the shard result files");
  const results = await Promise.all(
    args.files.map(async (file) => {
      let text;
      try {
        text = await io.readText(file);
      } catch (error) {
        throw new ConfigError(
          "SHARD.json",
          `cannot read '${file}' (${error.code})`,
          "check the path"
        );
      }
      return parseRunResult(text, file);
    })
  );
  const merged = mergeRunResults(results);
  const out = await io.writeText(args.out ?? "tailgate-result.json", serializeRunResult(merged));
  const requests = merged.endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0);
  io.stderr.write(`Merged ${results.length} shards: ${requests} requests; result written to ${out}
`);
  return EXIT.pass;
}
export {
  MERGE_HELP,
  mergeCommand
};
