import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-JENDGSX2.js";

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

// src/config/gate-schema.ts
var GATED_METRICS = ["p50", "p90", "p95", "p99", "mean", "error-rate", "throughput"];
var FAIL_ON = ["regression", "budget", "invalid", "inconclusive", "no-baseline"];
var BUDGET_METRICS = [
  "p50",
  "p90",
  "p95",
  "p99",
  "p99.9",
  "max",
  "mean",
  "error-rate",
  "rps",
  "recovery"
];
var BUDGET_OPERATORS = ["<", "<=", ">", ">="];
var DEFAULT_GATE = Object.freeze({
  metrics: Object.freeze(["p50", "p95"]),
  marginRelative: 0.05,
  marginAbsoluteMs: 1,
  alpha: 0.05,
  failOn: Object.freeze(["regression", "budget", "invalid"]),
  maxErrorRate: 0.5
});
var EVERY_ENDPOINT_KEY = "*";
var BUDGET_PATTERN = /^\s*([a-z0-9.-]+)\s*(<=|>=|<|>)\s*(.+?)\s*$/;
function parseBudget(expression) {
  const match = BUDGET_PATTERN.exec(expression);
  if (!match) return `'${expression}' is not a budget; write e.g. "p95 < 300ms", "error-rate < 1%" or "rps >= 50"`;
  const [, metricText, operator, valueText] = match;
  if (!BUDGET_METRICS.includes(metricText)) {
    return `unknown budget metric '${metricText}'; use one of ${BUDGET_METRICS.join(", ")}`;
  }
  const metric = metricText;
  let threshold;
  if (metric === "error-rate") {
    threshold = parsePercentFraction(valueText);
    if (threshold === void 0) return `'${valueText}' is not a rate for error-rate; write a percentage like 1%`;
  } else if (metric === "rps") {
    threshold = Number(valueText);
    if (!Number.isFinite(threshold) || threshold < 0) return `'${valueText}' is not a rate; write requests/s like 50`;
  } else {
    threshold = parseDurationMs(valueText);
    if (threshold === void 0) return `'${valueText}' is not a duration for ${metric}; ${DURATION_HINT}`;
  }
  return { expression: expression.trim(), metric, operator, threshold };
}
var budgetSchema = external_exports.string().transform((text, ctx) => {
  const parsed = parseBudget(text);
  if (typeof parsed === "string") {
    ctx.addIssue({ code: "custom", message: parsed });
    return external_exports.NEVER;
  }
  return parsed;
});
var BudgetsSchema = external_exports.record(external_exports.string(), external_exports.union([budgetSchema, external_exports.array(budgetSchema)])).transform((record) => {
  const out = {};
  for (const [endpoint, value] of Object.entries(record)) out[endpoint] = Array.isArray(value) ? value : [value];
  return out;
});
var SloSchema = external_exports.union([external_exports.array(budgetSchema).min(1, 'the SLO needs at least one objective, e.g. "p95 < 50ms"'), BudgetsSchema]).transform((value, ctx) => {
  const slo = Array.isArray(value) ? { [EVERY_ENDPOINT_KEY]: value } : value;
  for (const budget of Object.values(slo).flat()) {
    if (budget.metric === "rps" || budget.metric === "recovery") {
      ctx.addIssue({
        code: "custom",
        message: `'${budget.expression}' cannot be an SLO: a step is judged by latency or error-rate; use e.g. "p95 < 50ms"`
      });
      return external_exports.NEVER;
    }
  }
  return slo;
});
var percentSchema = external_exports.union([external_exports.string(), external_exports.number()]).transform((value, ctx) => {
  const fraction = parsePercentFraction(value);
  if (fraction === void 0) {
    ctx.addIssue({ code: "custom", message: `'${value}' is not a percentage; write e.g. 5%` });
    return external_exports.NEVER;
  }
  return fraction;
});
var msSchema = external_exports.union([external_exports.string(), external_exports.number()]).transform((value, ctx) => {
  const ms = parseDurationMs(value, "ms");
  if (ms === void 0) {
    ctx.addIssue({ code: "custom", message: `'${value}' is not a duration; ${DURATION_HINT}` });
    return external_exports.NEVER;
  }
  return ms;
});
var GateSchema = external_exports.strictObject({
  metrics: external_exports.array(external_exports.enum(GATED_METRICS)).min(1).optional(),
  margin: external_exports.strictObject({ relative: percentSchema.optional(), absolute: msSchema.optional() }).optional(),
  alpha: external_exports.number().gt(0).lt(1).optional(),
  "fail-on": external_exports.array(external_exports.enum(FAIL_ON)).optional(),
  "max-error-rate": percentSchema.optional()
}).transform(
  (gate) => ({
    metrics: gate.metrics ?? DEFAULT_GATE.metrics,
    marginRelative: gate.margin?.relative ?? DEFAULT_GATE.marginRelative,
    marginAbsoluteMs: gate.margin?.absolute ?? DEFAULT_GATE.marginAbsoluteMs,
    alpha: gate.alpha ?? DEFAULT_GATE.alpha,
    failOn: gate["fail-on"] ?? DEFAULT_GATE.failOn,
    maxErrorRate: gate["max-error-rate"] ?? DEFAULT_GATE.maxErrorRate
  })
);

export {
  DURATION_HINT,
  parseDurationMs,
  parsePercentFraction,
  formatMs,
  GATED_METRICS,
  FAIL_ON,
  BUDGET_METRICS,
  BUDGET_OPERATORS,
  DEFAULT_GATE,
  EVERY_ENDPOINT_KEY,
  parseBudget,
  BudgetsSchema,
  SloSchema,
  percentSchema,
  GateSchema
};
