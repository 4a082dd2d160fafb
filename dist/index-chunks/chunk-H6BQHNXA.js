import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

// src/config/profile.ts
var LOAD_MODELS = [
  "constant-arrival-rate",
  "ramping-arrival-rate",
  "constant-vus",
  "ramping-vus",
  "capacity"
];
function isOpenModel(model) {
  return model === "constant-arrival-rate" || model === "ramping-arrival-rate" || model === "capacity";
}
var DATA_ORDERS = ["sequential", "random", "unique"];

// src/config/spike.ts
var SPIKE_FACTOR = 2;
function findSpike(load) {
  if (load.model !== "ramping-arrival-rate") return null;
  const base = load.startRatePerSecond > 0 ? load.startRatePerSecond : load.stages[0]?.target ?? 0;
  if (base <= 0) return null;
  const peak = Math.max(...load.stages.map((s) => s.target));
  if (peak < SPIKE_FACTOR * base) return null;
  let atMs = 0;
  let startMs = null;
  let peaked = false;
  for (const stage of load.stages) {
    if (startMs === null && stage.target > base * 1.1) startMs = atMs;
    if (stage.target === peak) peaked = true;
    atMs += stage.durationMs;
    if (startMs !== null && peaked && stage.target <= base * 1.1) {
      return startMs > 0 ? { startMs, endMs: atMs, baseLevel: base, peakLevel: peak } : null;
    }
  }
  return null;
}

// src/config/json-path.ts
function parseJsonPath(path) {
  const text = path.trim().replace(/^\$/, "");
  const segments = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]|^([^.[\]]+)/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return void 0;
    if (match[2] !== void 0) segments.push(Number(match[2]));
    else {
      const key = match[1] ?? match[3] ?? match[4] ?? match[5];
      segments.push(/^\d+$/.test(key) ? Number(key) : key);
    }
    at = pattern.lastIndex;
  }
  return segments;
}

// src/config/templates.ts
var TEMPLATE_PATTERN = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;
var BUILTIN_VARIABLES = ["iteration"];
function templateVariables(text) {
  return Array.from(text.matchAll(TEMPLATE_PATTERN), (match) => match[1]);
}
function jsonTemplateStrings(value, path = []) {
  if (typeof value === "string") return [{ path: [...path], text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => jsonTemplateStrings(item, [...path, index]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => jsonTemplateStrings(item, [...path, key]));
  }
  return [];
}

export {
  LOAD_MODELS,
  isOpenModel,
  DATA_ORDERS,
  SPIKE_FACTOR,
  findSpike,
  parseJsonPath,
  TEMPLATE_PATTERN,
  BUILTIN_VARIABLES,
  templateVariables,
  jsonTemplateStrings
};
