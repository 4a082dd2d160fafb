import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

// src/config/units.ts
var DURATION_UNITS_MS = { us: 1e-3, \u00B5s: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };
var DURATION_PART = /(\d+(?:\.\d+)?)\s*(us|µs|ms|s|m|h)/gy;
var DURATION_HINT = "write a number with a unit, e.g. 500ms, 10s, 2m or 1h30m";
function parseDurationMs(text, bareNumberUnit = null) {
  if (typeof text === "number") {
    if (!Number.isFinite(text) || text < 0 || bareNumberUnit === null) return void 0;
    return bareNumberUnit === "s" ? text * 1e3 : text;
  }
  const trimmed = text.trim();
  if (trimmed === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    if (bareNumberUnit === null) return void 0;
    const n = Number(trimmed);
    return bareNumberUnit === "s" ? n * 1e3 : n;
  }
  let totalMs = 0;
  let consumed = 0;
  DURATION_PART.lastIndex = 0;
  for (let match = DURATION_PART.exec(trimmed); match !== null; match = DURATION_PART.exec(trimmed)) {
    totalMs += Number(match[1]) * DURATION_UNITS_MS[match[2]];
    consumed = DURATION_PART.lastIndex;
    while (trimmed[consumed] === " ") consumed++;
    DURATION_PART.lastIndex = consumed;
  }
  return consumed === trimmed.length && consumed > 0 ? totalMs : void 0;
}
function parsePercentFraction(text) {
  if (typeof text === "number") return Number.isFinite(text) && text >= 0 && text <= 1 ? text : void 0;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (match) return Number(match[1]) / 100;
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 1 ? n : void 0;
}
function formatMs(ms) {
  if (!Number.isFinite(ms)) return String(ms);
  const abs = Math.abs(ms);
  if (abs < 1) return `${Math.round(ms * 1e3)} \xB5s`;
  if (abs < 10) return `${ms.toFixed(2)} ms`;
  if (abs < 1e3) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1e3).toFixed(2)} s`;
}

export {
  DURATION_HINT,
  parseDurationMs,
  parsePercentFraction,
  formatMs
};
