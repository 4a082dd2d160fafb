import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  gateWithStore
} from "./chunk-UJZXJGRA.js";
import {
  writeResult
} from "./chunk-ZSYZHNSO.js";
import {
  readProfile
} from "./chunk-4JS4PVKQ.js";
import {
  resolveMode
} from "./chunk-JWIS7KBH.js";
import "./chunk-XRAW6IL2.js";
import "./chunk-H6BQHNXA.js";
import "./chunk-ADRYNUIH.js";
import "./chunk-YKWO64P6.js";
import "./chunk-WW26TF7L.js";
import "./chunk-VSHOYYU7.js";
import {
  ResultFormatError,
  parseRunResult
} from "./chunk-HUK7SR2E.js";
import "./chunk-R6EOTZPH.js";
import "./chunk-AQQRMPL3.js";
import {
  mergeHistograms
} from "./chunk-U4VOYMDS.js";
import {
  ConfigError
} from "./chunk-K32UBI76.js";
import "./chunk-5DOGR3KY.js";

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

// src/action/shards.ts
import { join } from "node:path";
async function readShardResults(resultPath, deps) {
  const entries = (resultPath ?? "").split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
  if (entries.length === 0) {
    throw new ConfigError(
      "result-path",
      "mode: merge needs the shard results",
      "download each shard artifact into its own folder under one directory (actions/download-artifact with a pattern, no merge-multiple: every shard writes result.json) and set result-path to that directory"
    );
  }
  const files = [];
  for (const entry of entries) {
    const listed = await deps.files.list(entry);
    if (listed === null) files.push(entry);
    else
      files.push(
        ...listed.filter((name) => name.endsWith(".json")).sort().map((name) => join(entry, name))
      );
  }
  if (files.length === 0) {
    throw new ConfigError(
      "result-path",
      `no shard result (*.json) in '${entries.join(", ")}'`,
      "check the download step"
    );
  }
  deps.log.info(`Merging ${files.length} shard results: ${files.join(", ")}`);
  return Promise.all(files.map(async (file) => parseRunResult(await deps.files.readText(file), file)));
}

// src/action/mode-merge.ts
async function runMergeMode(settings, deps) {
  const profile = readProfile(settings.profilePath, { gateOnly: true }, deps.env);
  const candidate = mergeRunResults(await readShardResults(settings.resultPath, deps));
  await writeResult(candidate, settings.outputDir, deps);
  const mode = resolveMode("auto", deps.context) === "baseline" ? "baseline" : "compare";
  await gateWithStore(candidate, { settings, mode, deps, profile });
}
export {
  runMergeMode
};
