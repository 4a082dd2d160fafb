import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  classifyError,
  classifyStatus,
  localEnvironment,
  localGitContext
} from "./chunk-HEYURCVP.js";
import {
  messageOf
} from "./chunk-57U746Z7.js";
import {
  canonicalJson,
  createHistogram,
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
import {
  array,
  looseObject,
  number,
  record,
  string,
  union
} from "./chunk-WSM33NK3.js";
import {
  ConfigError
} from "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";

// src/cli/import.ts
import { stat } from "node:fs/promises";

// src/export/bmf.ts
var BMF_MEASURES = {
  /** Median latency, ns. */
  latency: "latency",
  /** 95th percentile latency, ns. */
  p95: "p95-latency",
  /** 99th percentile latency, ns. */
  p99: "p99-latency",
  /** Requests per second over the measured duration. */
  throughput: "throughput",
  /** Failed requests / requests, a fraction in [0, 1]. */
  errorRate: "error-rate"
};
var NS_PER_US = 1e3;
function toBmf(result, options = {}) {
  const bmf = {};
  const roundSeconds = result.rounds.map((r) => r.durationMs / 1e3);
  const totalSeconds = roundSeconds.reduce((a, b) => a + b, 0);
  for (const endpoint of result.endpoints) {
    const histograms = endpoint.rounds.map((round) => gated(round, result));
    const pooled = mergeHistograms(histograms);
    const requests = sum(endpoint.rounds.map((r) => r.requests));
    const errors = sum(endpoint.rounds.map(errorCount));
    const summary = options.verdict?.endpoints.find((e) => e.endpoint === endpoint.name)?.candidate;
    const latency = (percentile, summaryMs) => metric(
      summaryMs === void 0 ? pooled.percentileUs(percentile) * NS_PER_US : Math.round(summaryMs * 1e6),
      histograms.filter((h) => h.count > 0).map((h) => h.percentileUs(percentile) * NS_PER_US)
    );
    bmf[`${options.prefix ? `${options.prefix}: ` : ""}${endpoint.name}`] = {
      [BMF_MEASURES.latency]: latency(50, summary?.p50Ms),
      [BMF_MEASURES.p95]: latency(95, summary?.p95Ms),
      [BMF_MEASURES.p99]: latency(99, summary?.p99Ms),
      [BMF_MEASURES.throughput]: metric(
        summary?.ratePerSecond ?? (totalSeconds > 0 ? requests / totalSeconds : 0),
        roundsWithDuration(endpoint, roundSeconds).map(({ round, seconds }) => round.requests / seconds)
      ),
      [BMF_MEASURES.errorRate]: metric(
        summary?.errorRate ?? (requests > 0 ? errors / requests : 0),
        endpoint.rounds.filter((r) => r.requests > 0).map((r) => errorCount(r) / r.requests)
      )
    };
  }
  return bmf;
}
function serializeBmf(bmf) {
  return `${JSON.stringify(bmf, null, 2)}
`;
}
function metric(value, perRound) {
  if (perRound.length < 2) return { value };
  return { value, lower_value: Math.min(...perRound), upper_value: Math.max(...perRound) };
}
function gated(round, result) {
  return result.gatedLatency === "intended" ? round.latency : round.actualLatency;
}
function roundsWithDuration(endpoint, roundSeconds) {
  return endpoint.rounds.map((round, i) => ({ round, seconds: roundSeconds[i] ?? 0 })).filter(({ seconds }) => seconds > 0);
}
function errorCount(round) {
  return sum(Object.values(round.errors).map((n) => n ?? 0));
}
function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

// src/import/index.ts
import { readFile } from "node:fs/promises";

// src/import/errors.ts
var ImportError = class extends Error {
  constructor(location, problem, fix) {
    const column = location.column === void 0 ? "" : `:${location.column}`;
    super(`${location.file}:${location.line}${column}: ${problem}; ${fix}`);
    this.location = location;
    this.problem = problem;
    this.fix = fix;
    this.name = "ImportError";
  }
  location;
  problem;
  fix;
};
function lineAndColumnAt(text, offset) {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < clamped; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

// src/import/imported-run.ts
import { createHash } from "node:crypto";
var IMPORT_SOURCES = ["k6", "autocannon", "artillery"];
function emptyRound() {
  return { latency: createHistogram(), requests: 0, statusCounts: {}, errors: {}, bytesReceived: 0 };
}
function isHttpStatus(status) {
  return /^[1-5]\d\d$/.test(status);
}
function addCount(record2, key, count2 = 1) {
  if (count2 > 0) record2[key] = (record2[key] ?? 0) + count2;
}
function importFingerprint(input) {
  const load = { v: 1, tool: input.tool, endpoints: [...input.endpoints].sort(), rounds: input.rounds };
  return createHash("sha256").update(canonicalJson(load)).digest("hex").slice(0, 16);
}
function toRunResult(run, context) {
  const durationMs = run.rounds.reduce((sum2, r) => sum2 + r.durationMs, 0);
  const endpoints = [...run.endpoints].map(([name, rounds]) => ({
    name,
    warmupRequests: 0,
    rounds: rounds.map(
      (round) => ({
        latency: round.latency,
        actualLatency: round.latency.clone(),
        requests: round.requests,
        statusCounts: { ...round.statusCounts },
        errors: { ...round.errors },
        bytesReceived: round.bytesReceived
      })
    )
  }));
  const requests = endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0);
  const result = {
    profileId: context.profileId ?? `${run.source}-import`,
    profileFingerprint: importFingerprint({
      tool: run.source,
      endpoints: endpoints.map((e) => e.name),
      rounds: run.rounds.length
    }),
    model: run.model,
    gatedLatency: "actual",
    startedAt: run.startedAt,
    warmupMs: 0,
    durationMs,
    rounds: run.rounds,
    endpoints,
    timeline: [],
    health: {
      intendedRatePerSecond: null,
      achievedRatePerSecond: durationMs > 0 ? requests * 1e3 / durationMs : 0,
      maxEventLoopLagMs: 0,
      invalidReasons: []
    },
    completion: { status: "complete" },
    environment: context.environment,
    git: context.git,
    source: run.source
  };
  return { result, warnings: run.warnings };
}
function endpointName(method, name) {
  const path = /^https?:\/\/[^/?#]*/i.test(name) ? name.replace(/^https?:\/\/[^/?#]*/i, "") || "/" : name;
  if (!method) return path;
  const upper = method.toUpperCase();
  return path.startsWith(`${upper} `) ? path : `${upper} ${path}`;
}

// src/import/json-document.ts
function parseJsonDocument(text, file, expected) {
  if (text.trim() === "") {
    throw new ImportError({ file, line: 1 }, `not ${expected.what}: the file is empty`, expected.fix);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = errorOffset(text, error.message);
    const { line, column } = lineAndColumnAt(text, offset);
    const truncated = text.slice(offset).trim() === "";
    const problem = truncated ? `not ${expected.what}: the JSON ends early at line ${line} (the file looks truncated)` : `not ${expected.what}: invalid JSON at line ${line}, column ${column} (${shortMessage(error)})`;
    throw new ImportError({ file, line, column }, problem, expected.fix);
  }
}
function errorOffset(text, message) {
  if (/Unexpected end of JSON input/.test(message)) return text.trimEnd().length;
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = low + high >>> 1;
    if (endsEarly(text.slice(0, mid + 1))) low = mid + 1;
    else high = mid;
  }
  return low;
}
function endsEarly(prefix) {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = error.message;
    if (/Unexpected end of JSON input/.test(message)) return true;
    const position = /at position (\d+)/.exec(message);
    return position !== null && Number(position[1]) >= prefix.length;
  }
}
function shortMessage(error) {
  const message = error.message;
  return message.split(/, "|\n/)[0]?.replace(/ in JSON at position \d+.*$/, "") ?? message;
}
function locateKey(text, key) {
  const at = text.indexOf(JSON.stringify(key));
  return at === -1 ? { line: 1, column: 1 } : lineAndColumnAt(text, at);
}
function schemaIssueError(issue, document, expected) {
  const path = issue.path.map(String);
  const key = path.at(-1) ?? "";
  const { text, file } = document;
  const missing = valueAt(document.json, path) === void 0;
  const where = missing ? locateKey(text, path.at(-2) ?? "") : locateKey(text, key);
  const dotted = path.join(".") || "(root)";
  const problem = missing ? `not ${expected.what}: no '${dotted}'` : `not ${expected.what}: '${dotted}' is invalid (${issue.message})`;
  return new ImportError({ file, ...where }, problem, expected.fix);
}
function valueAt(json, path) {
  let current = json;
  for (const key of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return void 0;
    current = current[key];
  }
  return current;
}

// src/import/percentile-histogram.ts
var MAX_STEPS_PER_SPAN = 2048;
function rankAtPercentile(percentile, count2) {
  const exact = Math.min(percentile, 100) / 100 * count2;
  const guarded = exact - ulp(exact);
  return Math.min(count2, Math.max(1, Math.ceil(guarded)));
}
function ddsketchRank(percentile, count2) {
  return Math.min(count2, Math.floor(Math.min(percentile, 100) / 100 * (count2 - 1)) + 1);
}
function ulp(x) {
  if (x === 0) return Number.MIN_VALUE;
  return 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);
}
function histogramFromPercentiles(summary) {
  const histogram = createHistogram();
  const count2 = Math.round(summary.count);
  if (!(count2 > 0)) return histogram;
  const knots = knotsOf(summary, count2);
  let previous = null;
  for (const knot of knots) {
    if (previous === null) {
      histogram.recordMany(knot.valueUs, knot.rank);
    } else if (knot.rank > previous.rank) {
      spread(histogram, previous.valueUs, knot.valueUs, knot.rank - previous.rank - 1);
      histogram.record(knot.valueUs);
    }
    previous = previous === null || knot.rank > previous.rank ? knot : previous;
  }
  const recorded = previous?.rank ?? 0;
  if (recorded < count2 && previous) histogram.recordMany(previous.valueUs, count2 - recorded);
  return histogram;
}
function knotsOf(summary, count2) {
  const raw = summary.points.filter(
    (p) => Number.isFinite(p.valueUs) && Number.isFinite(p.percentile) && p.percentile >= 0 && p.percentile <= 100
  );
  if (summary.minUs !== void 0 && Number.isFinite(summary.minUs)) raw.push({ percentile: 0, valueUs: summary.minUs });
  if (summary.maxUs !== void 0 && Number.isFinite(summary.maxUs))
    raw.push({ percentile: 100, valueUs: summary.maxUs });
  raw.sort((a, b) => a.percentile - b.percentile || a.valueUs - b.valueUs);
  const rankOf = summary.rank ?? rankAtPercentile;
  const ceilingUs = summary.maxUs !== void 0 && Number.isFinite(summary.maxUs) ? summary.maxUs : Infinity;
  const knots = [];
  let floorUs = 0;
  for (const point of raw) {
    floorUs = Math.min(ceilingUs, Math.max(floorUs, point.valueUs));
    const rank = point.percentile === 0 ? 1 : point.percentile === 100 ? count2 : rankOf(point.percentile, count2);
    knots.push({ percentile: point.percentile, valueUs: floorUs, rank });
  }
  return knots;
}
function spread(histogram, fromUs, toUs, n) {
  if (n <= 0) return;
  if (toUs <= fromUs) {
    histogram.recordMany(toUs, n);
    return;
  }
  const steps = Math.min(n, MAX_STEPS_PER_SPAN);
  for (let s = 1; s <= steps; s++) {
    const countHere = Math.floor(n * s / steps) - Math.floor(n * (s - 1) / steps);
    histogram.recordMany(fromUs + (toUs - fromUs) * s / (steps + 1), countHere);
  }
}

// src/import/sniff.ts
function sniffSource(head) {
  const firstLine = head.split("\n", 1)[0]?.trim() ?? "";
  if (/^\{"(type|metric)":"(Metric|Point|[a-z_]+)"/.test(firstLine) && /"type":"(Metric|Point)"/.test(firstLine)) {
    return "k6";
  }
  if (head.includes('"formatVersion"')) return "tailgate";
  if (head.includes('"aggregate"') || head.includes('"intermediate"')) return "artillery";
  if (head.includes('"statusCodeStats"') || head.includes('"latency"') && head.includes('"2xx"')) return "autocannon";
  return null;
}
function wrongToolFix(head, expected, howToMake) {
  const guess = sniffSource(head);
  if (guess === "tailgate") return "this is a Tailgate result already: use it directly with tailgate compare";
  if (guess !== null && guess !== expected) return `this looks like ${guess} output: use --source ${guess}`;
  return howToMake;
}

// src/import/artillery.ts
var HOW_TO = "run Artillery 2 with --output: artillery run --output report.json script.yml";
var WHAT = "an Artillery JSON report";
var ARTILLERY_PERIOD_MS = 1e4;
var ALL_REQUESTS = "(all requests)";
var BY_ENDPOINT = "plugins.metrics-by-endpoint.";
var RESPONSE_TIME = "http.response_time";
var summarySchema = looseObject({
  count: number().int().nonnegative(),
  min: number().optional(),
  max: number().optional(),
  p50: number().optional(),
  p75: number().optional(),
  p90: number().optional(),
  p95: number().optional(),
  p99: number().optional(),
  p999: number().optional()
});
var periodSchema = looseObject({
  counters: record(string(), number()),
  summaries: record(string(), summarySchema),
  firstMetricAt: number().optional(),
  lastMetricAt: number().optional(),
  period: union([string(), number()]).optional()
});
var reportSchema = looseObject({ aggregate: periodSchema, intermediate: array(periodSchema) });
var ARTILLERY_ERROR_CLASSES = { ESOCKETTIMEDOUT: "timeout" };
var PERCENTILES = [
  ["p50", 50],
  ["p75", 75],
  ["p90", 90],
  ["p95", 95],
  ["p99", 99],
  ["p999", 99.9]
];
function importArtillery(text, file) {
  const fix = wrongToolFix(text.slice(0, 4096), "artillery", HOW_TO);
  const json = parseJsonDocument(text, file, { what: WHAT, fix });
  if (typeof json === "object" && json !== null && "aggregate" in json) {
    const aggregate = json.aggregate;
    if (aggregate && "latency" in aggregate && !("summaries" in aggregate)) {
      throw new ImportError(
        { file, ...locateKey(text, "latency") },
        `${WHAT} from Artillery 1.x ('aggregate.latency' instead of 'aggregate.summaries')`,
        "Tailgate reads Artillery 2 reports: upgrade Artillery and run again"
      );
    }
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) throw schemaIssueError(parsed.error.issues[0], { json, text, file }, { what: WHAT, fix });
  const report = parsed.data;
  const periods = [...report.intermediate].sort((a, b) => Number(a.period ?? 0) - Number(b.period ?? 0));
  const used = periods.length > 0 ? periods : [report.aggregate];
  const names = endpointNames(report.aggregate, used);
  const runStartMs = report.aggregate.firstMetricAt ?? used[0]?.firstMetricAt ?? Number.NaN;
  if (!Number.isFinite(runStartMs)) {
    throw new ImportError({ file, line: 1 }, `not ${WHAT}: no 'aggregate.firstMetricAt'`, fix);
  }
  const runEndMs = report.aggregate.lastMetricAt ?? runStartMs;
  const warnings = [];
  const display = new Map(names.map((name) => [name, nativeName(name)]));
  const assumedGet = names.filter((name) => display.get(name) !== name && !HTTP_METHOD_PREFIX.test(name));
  if (assumedGet.length > 0) {
    warnings.push(
      `${file}: Artillery records no HTTP method; ${assumedGet.length} endpoint(s) named by path were imported as GET (e.g. '${display.get(assumedGet[0])}'). For other methods name the request "POST /path" and set the metrics-by-endpoint option useOnlyRequestNames: true`
    );
  }
  const endpoints = new Map(names.map((name) => [display.get(name), []]));
  for (const period of used) {
    for (const name of names) endpoints.get(display.get(name)).push(roundOf(period, name, names.length === 1));
    const unattributed = unattributedErrors(period, names);
    if (unattributed > 0) {
      warnings.push(`${file}: ${unattributed} errors in a period could not be tied to an endpoint and are not counted`);
    }
  }
  return {
    source: "artillery",
    startedAt: new Date(runStartMs).toISOString(),
    rounds: used.map((period, index) => windowOf(period, index, periods.length > 0, runStartMs, runEndMs)),
    endpoints,
    model: "open",
    warnings
  };
}
var HTTP_METHOD_PREFIX = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /;
function nativeName(name) {
  if (HTTP_METHOD_PREFIX.test(name) || !/^(\/|https?:\/\/)/i.test(name)) return name;
  return endpointName("GET", name);
}
function endpointNames(aggregate, periods) {
  const names = /* @__PURE__ */ new Set();
  for (const period of [aggregate, ...periods]) {
    for (const key of Object.keys(period.summaries)) {
      if (key.startsWith(`${BY_ENDPOINT}response_time.`)) names.add(key.slice(`${BY_ENDPOINT}response_time.`.length));
    }
    for (const key of Object.keys(period.counters)) {
      const match = /^plugins\.metrics-by-endpoint\.(.+)\.(codes|errors)\.[^.]+$/.exec(key);
      if (match && !match[1].startsWith("response_time.")) names.add(match[1]);
    }
  }
  return names.size > 0 ? [...names] : [ALL_REQUESTS];
}
function roundOf(period, name, onlyEndpoint) {
  const round = emptyRound();
  const plugin = name !== ALL_REQUESTS;
  const summary = period.summaries[plugin ? `${BY_ENDPOINT}response_time.${name}` : RESPONSE_TIME];
  if (summary) round.latency = rebuild(summary);
  const prefix = plugin ? `${BY_ENDPOINT}${name}.` : "http.";
  const errorPrefix = plugin ? `${BY_ENDPOINT}${name}.errors.` : "errors.";
  let responses = 0;
  let failures = 0;
  for (const [key, value] of Object.entries(period.counters)) {
    if (key.startsWith(`${prefix}codes.`)) {
      const status = key.slice(`${prefix}codes.`.length);
      if (!isHttpStatus(status)) continue;
      addCount(round.statusCounts, status, value);
      responses += value;
      const statusClass = classifyStatus(Number(status));
      if (statusClass) addCount(round.errors, statusClass, value);
    } else if (key.startsWith(errorPrefix)) {
      const code = key.slice(errorPrefix.length);
      addCount(round.errors, ARTILLERY_ERROR_CLASSES[code] ?? classifyError({ code }), value);
      failures += value;
    }
  }
  round.requests = Math.max(responses, summary?.count ?? 0) + failures;
  if (!plugin || onlyEndpoint) round.bytesReceived = period.counters["http.downloaded_bytes"] ?? 0;
  return round;
}
function rebuild(summary) {
  const points = PERCENTILES.flatMap(([key, percentile]) => {
    const ms = summary[key];
    return typeof ms === "number" ? [{ percentile, valueUs: ms * 1e3 }] : [];
  });
  return histogramFromPercentiles({
    points,
    count: summary.count,
    rank: ddsketchRank,
    ...summary.min === void 0 ? {} : { minUs: summary.min * 1e3 },
    ...summary.max === void 0 ? {} : { maxUs: summary.max * 1e3 }
  });
}
function unattributedErrors(period, names) {
  if (names.length === 1 && names[0] === ALL_REQUESTS) return 0;
  const total = sumOf(period.counters, (key) => key.startsWith("errors."));
  const tied = sumOf(period.counters, (key) => key.startsWith(BY_ENDPOINT) && /\.errors\.[^.]+$/.test(key));
  return names.length === 1 ? 0 : Math.max(0, total - tied);
}
function sumOf(counters, pick) {
  return Object.entries(counters).reduce((sum2, [key, value]) => pick(key) ? sum2 + value : sum2, 0);
}
function windowOf(period, index, isIntermediate, runStartMs, runEndMs) {
  const slotStart = isIntermediate ? Number(period.period ?? period.firstMetricAt ?? runStartMs) : runStartMs;
  const slotEnd = isIntermediate ? slotStart + ARTILLERY_PERIOD_MS : runEndMs;
  const startMs = Math.max(slotStart, runStartMs);
  const endMs = Math.min(slotEnd, Math.max(runEndMs, startMs));
  return { index, startMs: startMs - runStartMs, durationMs: Math.max(0, endMs - startMs) };
}

// src/import/autocannon.ts
var HOW_TO2 = "run autocannon with -j (--json) and redirect stdout to the file: autocannon -j URL > result.json";
var AUTOCANNON_PERCENTILES = [
  ["p0_001", 1e-3],
  ["p0_01", 0.01],
  ["p0_1", 0.1],
  ["p1", 1],
  ["p2_5", 2.5],
  ["p10", 10],
  ["p25", 25],
  ["p50", 50],
  ["p75", 75],
  ["p90", 90],
  ["p97_5", 97.5],
  ["p99", 99],
  ["p99_9", 99.9],
  ["p99_99", 99.99],
  ["p99_999", 99.999]
];
var count = number().int().nonnegative();
var latencySchema = looseObject({
  min: number().nonnegative(),
  max: number().nonnegative(),
  totalCount: count,
  p50: number().nonnegative(),
  p90: number().nonnegative(),
  p99: number().nonnegative()
});
var autocannonSchema = looseObject({
  title: string().optional(),
  url: string().optional(),
  start: union([string(), number()]),
  finish: union([string(), number()]).optional(),
  duration: number().nonnegative(),
  errors: count,
  timeouts: count,
  non2xx: count,
  mismatches: count.optional(),
  statusCodeStats: record(string(), looseObject({ count })),
  "2xx": count,
  "3xx": count.optional(),
  "4xx": count,
  "5xx": count,
  latency: latencySchema,
  throughput: looseObject({ total: number().nonnegative() }).optional()
});
function importAutocannon(text, file) {
  const fix = wrongToolFix(text.slice(0, 4096), "autocannon", HOW_TO2);
  const json = parseJsonDocument(text, file, { what: "an autocannon JSON result", fix });
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ImportError({ file, line: 1, column: 1 }, "not an autocannon JSON result: expected one JSON object", fix);
  }
  const parsed = autocannonSchema.safeParse(json);
  if (!parsed.success) {
    throw schemaIssueError(parsed.error.issues[0], { json, text, file }, { what: "an autocannon JSON result", fix });
  }
  return toImportedRun(parsed.data, text, file);
}
function toImportedRun(data, text, file) {
  const startedAt = instant(data.start, text, file, "start");
  const durationMs = Math.max(1, Math.round(data.duration * 1e3));
  const round = roundOf2(data);
  const name = data.title?.trim() || endpointName("GET", data.url ?? "/");
  return {
    source: "autocannon",
    startedAt,
    rounds: [{ index: 0, startMs: 0, durationMs }],
    endpoints: /* @__PURE__ */ new Map([[name, [round]]]),
    model: "closed",
    warnings: correctedLatencyWarning(data, file)
  };
}
function correctedLatencyWarning(data, file) {
  const responses = Object.values(data.statusCodeStats).reduce((sum2, { count: n }) => sum2 + n, 0);
  if (data.latency.totalCount <= responses) return [];
  return [
    `${file}: ${data.latency.totalCount} latencies for ${responses} responses: autocannon added corrected latencies (a rate with -R/--overallRate or --connectionRate and -C/--correctCoordinatedOmission), so its percentiles, p50 included, are not those of the responses. Compare it only with runs made the same way, or run autocannon again without -C`
  ];
}
function roundOf2(data) {
  const round = emptyRound();
  const latency = data.latency;
  const points = [];
  for (const [key, percentile] of AUTOCANNON_PERCENTILES) {
    const ms = latency[key];
    if (typeof ms === "number" && Number.isFinite(ms)) points.push({ percentile, valueUs: ms * 1e3 });
  }
  const lowestReportedMs = Math.min(...points.map((p) => p.valueUs / 1e3));
  round.latency = histogramFromPercentiles({
    points,
    count: latency.totalCount,
    // autocannon's min is the smallest non-zero value; below the lowest percentile it would distort, so skip it.
    ...latency.min <= lowestReportedMs ? { minUs: latency.min * 1e3 } : {},
    maxUs: latency.max * 1e3
  });
  let responses = 0;
  for (const [status, { count: n }] of Object.entries(data.statusCodeStats)) {
    if (isHttpStatus(status)) addCount(round.statusCounts, status, n);
    responses += n;
  }
  round.requests = responses + data.errors;
  addCount(round.errors, "timeout", Math.min(data.timeouts, data.errors));
  addCount(round.errors, "other", data.errors - Math.min(data.timeouts, data.errors));
  addCount(round.errors, "http-4xx", data["4xx"]);
  addCount(round.errors, "http-5xx", data["5xx"]);
  addCount(round.errors, "check-failed", Math.min(data.mismatches ?? 0, data["2xx"] + (data["3xx"] ?? 0)));
  round.bytesReceived = data.throughput?.total ?? 0;
  return round;
}
function instant(value, text, file, key) {
  const ms = typeof value === "number" ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new ImportError(
      { file, ...locateKey(text, key) },
      `not an autocannon JSON result: '${key}' is not a time ('${value}')`,
      HOW_TO2
    );
  }
  return new Date(ms).toISOString();
}

// src/import/combine.ts
function combineAsRounds(files) {
  const [first] = files;
  if (!first) throw new RangeError("combineAsRounds needs at least one file");
  if (files.length === 1) return first.run;
  const originMs = Math.min(...files.map((f) => Date.parse(f.run.startedAt)));
  const endpoints = /* @__PURE__ */ new Map();
  const windows = /* @__PURE__ */ new Map();
  const firstFileOf = /* @__PURE__ */ new Map();
  for (const { file, run } of files) {
    const offsetMs = Date.parse(run.startedAt) - originMs;
    for (const [name, rounds] of run.endpoints) {
      if (!endpoints.has(name)) {
        endpoints.set(name, []);
        windows.set(name, []);
        firstFileOf.set(name, file);
      }
      endpoints.get(name).push(...rounds);
      windows.get(name).push(...run.rounds.map((w) => ({ startMs: offsetMs + w.startMs, durationMs: w.durationMs })));
    }
  }
  const names = [...endpoints.keys()];
  const roundCount = endpoints.get(names[0]).length;
  for (const name of names) {
    const n = endpoints.get(name).length;
    if (n !== roundCount) {
      throw new ImportError(
        { file: firstFileOf.get(name), line: 1 },
        `endpoint '${name}' has ${n} round(s) across the files but '${names[0]}' has ${roundCount}`,
        "give every endpoint the same number of runs: one file per round for each URL"
      );
    }
  }
  return {
    source: first.run.source,
    startedAt: new Date(originMs).toISOString(),
    rounds: windows.get(names[0]).map((w, index) => ({ index, ...w })),
    endpoints,
    model: first.run.model,
    warnings: [...new Set(files.flatMap((f) => f.run.warnings))]
  };
}

// src/import/k6.ts
import { createReadStream } from "node:fs";

// src/import/k6-line.ts
var K6_FIX = "run k6 with --out json=FILE and import that file";
var EMPTY = Object.freeze({});
function parseK6Line(line, file, fix = K6_FIX) {
  if (line.text.trim() === "") return null;
  const fail = (problem, column, how = fix) => {
    throw new ImportError({ file, line: line.number, ...column === void 0 ? {} : { column } }, problem, how);
  };
  let json;
  try {
    json = JSON.parse(line.text);
  } catch (error) {
    if (!line.terminated) {
      fail(
        `the file ends in the middle of line ${line.number} (truncated k6 output)`,
        void 0,
        "let k6 finish writing, or delete the partial last line"
      );
    }
    const position = /at position (\d+)/.exec(error.message);
    const column = position ? lineAndColumnAt(line.text, Number(position[1])).column : void 0;
    fail(`not a k6 JSON output: line ${line.number} is not JSON`, column);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    fail(`not a k6 JSON output: line ${line.number} is not a JSON object`);
  }
  const record2 = json;
  if (record2.type === void 0) fail(`not a k6 JSON output: line ${line.number} has no 'type'`);
  if (record2.type !== "Point" && record2.type !== "Metric") {
    fail(`not a k6 JSON output: line ${line.number} has type ${JSON.stringify(record2.type)}, not "Metric" or "Point"`);
  }
  if (typeof record2.metric !== "string" || record2.metric === "") {
    fail(`not a k6 JSON output: line ${line.number} has no 'metric' name`);
  }
  const metric2 = record2.metric;
  if (record2.type === "Metric") return { type: "Metric", metric: metric2 };
  const data = record2.data;
  if (typeof data !== "object" || data === null)
    fail(`not a k6 JSON output: Point on line ${line.number} has no 'data'`);
  const timeMs = typeof data.time === "string" ? Date.parse(data.time) : Number.NaN;
  if (!Number.isFinite(timeMs)) {
    fail(`not a k6 JSON output: Point on line ${line.number} has no RFC 3339 'data.time' (${String(data.time)})`);
  }
  if (typeof data.value !== "number" || !Number.isFinite(data.value)) {
    fail(`not a k6 JSON output: Point on line ${line.number} has no numeric 'data.value'`);
  }
  return {
    type: "Point",
    metric: metric2,
    timeMs,
    value: data.value,
    tags: stringRecord(data.tags),
    metadata: stringRecord(data.metadata)
  };
}
function stringRecord(value) {
  if (typeof value !== "object" || value === null) return EMPTY;
  const out = /* @__PURE__ */ Object.create(null);
  for (const [key, item] of Object.entries(value)) if (typeof item === "string") out[key] = item;
  return out;
}

// src/import/k6-rounds.ts
function emptyK6Rounds(names, windows) {
  const perRound = (make) => Array.from({ length: windows.count }, make);
  return {
    windows,
    endpoints: new Map(names.map((name) => [name, perRound(emptyRound)])),
    checkFailures: new Map(names.map((name) => [name, perRound(() => 0)])),
    byBareName: bareNameIndex(names),
    lastEndpointOfVu: /* @__PURE__ */ new Map(),
    onlyEndpoint: names.length === 1 ? names[0] : void 0,
    flaggedFailures: 0,
    errorsFromRequests: 0,
    unattributedCheckFailures: 0
  };
}
function addK6Point(rounds, point) {
  if (point.metric === "http_req_duration") addRequest(rounds, point);
  else if (point.metric === "http_req_failed") {
    if (point.value > 0) rounds.flaggedFailures++;
  } else if (point.metric === "checks" && point.value === 0) addFailedCheck(rounds, point);
}
function requestName(point) {
  return endpointName(point.tags.method, point.tags.name ?? point.tags.url ?? "(unnamed)");
}
function withCheckFailures(rounds) {
  for (const [name, endpointRounds] of rounds.endpoints) {
    addCheckFailures(endpointRounds, rounds.checkFailures.get(name));
  }
  return rounds.endpoints;
}
function roundOf3(windows, timeMs) {
  return Math.min(windows.count - 1, Math.max(0, Math.floor((timeMs - windows.firstMs) / windows.roundMs)));
}
function addRequest(rounds, point) {
  const name = requestName(point);
  const round = rounds.endpoints.get(name)[roundOf3(rounds.windows, point.timeMs)];
  round.requests++;
  round.latency.record(point.value * 1e3);
  const status = point.tags.status ?? "0";
  if (isHttpStatus(status)) addCount(round.statusCounts, status);
  const errorClass = classifyK6(point.tags);
  if (errorClass) {
    addCount(round.errors, errorClass);
    rounds.errorsFromRequests++;
  }
  const vu = point.metadata.vu ?? point.tags.vu;
  if (vu !== void 0) rounds.lastEndpointOfVu.set(vu, name);
}
function addFailedCheck(rounds, point) {
  const vu = point.metadata.vu ?? point.tags.vu;
  const name = (point.tags.name === void 0 ? void 0 : rounds.byBareName.get(endpointName(point.tags.method, point.tags.name))) ?? (vu === void 0 ? void 0 : rounds.lastEndpointOfVu.get(vu)) ?? rounds.onlyEndpoint;
  const counts = name === void 0 ? void 0 : rounds.checkFailures.get(name);
  if (counts) counts[roundOf3(rounds.windows, point.timeMs)]++;
  else rounds.unattributedCheckFailures++;
}
function bareNameIndex(endpoints) {
  const index = /* @__PURE__ */ new Map();
  const ambiguous = /* @__PURE__ */ new Set();
  for (const name of endpoints) {
    const bare = name.replace(/^[A-Z]+ /, "");
    for (const key of /* @__PURE__ */ new Set([name, bare])) {
      if (index.has(key) && index.get(key) !== name) ambiguous.add(key);
      else index.set(key, name);
    }
  }
  for (const key of ambiguous) index.delete(key);
  return index;
}
function classifyK6(tags) {
  const status = Number(tags.status ?? "0");
  const failed = tags.expected_response !== void 0 ? tags.expected_response === "false" : !(status > 0 && status < 400);
  if (!failed) return null;
  if (status >= 500) return "http-5xx";
  if (status >= 400) return "http-4xx";
  const code = Number(tags.error_code ?? "");
  if (code === 1050 || code === 1211) return "timeout";
  if (code >= 1100 && code < 1200) return "dns";
  if (code === 1212) return "connection-refused";
  if (code === 1220 || code === 1201) return "connection-reset";
  if (code >= 1300 && code < 1400) return "tls";
  return "other";
}
function addCheckFailures(rounds, failures) {
  rounds.forEach((round, i) => {
    const errors = Object.values(round.errors).reduce((a, b) => a + (b ?? 0), 0);
    addCount(round.errors, "check-failed", Math.min(failures[i] ?? 0, round.requests - errors));
  });
}

// src/import/lines.ts
import { pipeline, Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
var MAX_LINE_CHARS = 1024 * 1024;
async function* readLines(open, file) {
  const raw = open();
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = typeof first.value === "string" ? Buffer.from(first.value) : first.value;
  const replay = Readable.from(
    (async function* () {
      yield head;
      for (; ; ) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    })()
  );
  const gzip = head[0] === 31 && head[1] === 139;
  const bytes = gzip ? pipeline(replay, createGunzip(), () => void 0) : replay;
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let number2 = 0;
  try {
    for await (const chunk of bytes) {
      pending += typeof chunk === "string" ? chunk : decoder.write(chunk);
      let start = 0;
      for (let newline = pending.indexOf("\n"); newline !== -1; newline = pending.indexOf("\n", start)) {
        number2++;
        yield { text: stripCr(pending.slice(start, newline)), number: number2, terminated: true };
        start = newline + 1;
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE_CHARS) {
        throw new ImportError(
          { file, line: number2 + 1 },
          `line ${number2 + 1} is longer than ${MAX_LINE_CHARS} characters`,
          "this is not a line-oriented output (k6 writes one short JSON object per line)"
        );
      }
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = error.code ?? "";
    if (gzip && /^Z_|ERR_/.test(code)) {
      throw new ImportError(
        { file, line: number2 + 1 },
        `the gzip data is broken after line ${number2} (${error.message}; the file looks truncated)`,
        "use the complete file k6 wrote"
      );
    }
    throw error;
  } finally {
    raw.destroy();
  }
  pending += decoder.end();
  if (pending.length > 0) yield { text: stripCr(pending), number: number2 + 1, terminated: false };
}
function stripCr(text) {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}

// src/import/k6.ts
var DEFAULT_K6_ROUNDS = 6;
var MAX_K6_ENDPOINTS = 1e3;
async function importK6(options) {
  const { file } = options;
  const open = options.open ?? (() => createReadStream(file));
  const roundCount = options.rounds ?? DEFAULT_K6_ROUNDS;
  if (!Number.isInteger(roundCount) || roundCount < 1) throw new RangeError(`rounds must be a positive integer`);
  const scan = await scanPass(open, file);
  const spanMs = Math.max(1, scan.lastMs - scan.firstMs);
  const windows = { firstMs: scan.firstMs, roundMs: spanMs / roundCount, count: roundCount };
  const rounds = await fillPass(open, file, emptyK6Rounds(scan.endpoints, windows));
  return {
    source: "k6",
    startedAt: new Date(scan.firstMs).toISOString(),
    rounds: Array.from({ length: roundCount }, (_, index) => ({
      index,
      startMs: index * windows.roundMs,
      durationMs: windows.roundMs
    })),
    endpoints: withCheckFailures(rounds),
    model: "closed",
    warnings: warningsOf({ file, rounds, scan })
  };
}
async function fillPass(open, file, rounds) {
  for await (const line of readLines(open, file)) {
    if (!line.text.includes('"Point"') || !RELEVANT.test(line.text)) continue;
    const point = parseK6Line(line, file);
    if (point !== null && point.type === "Point") addK6Point(rounds, point);
  }
  return rounds;
}
var RELEVANT = /"(http_req_duration|http_req_failed|checks)"/;
async function scanPass(open, file) {
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  const endpoints = /* @__PURE__ */ new Set();
  let lastLine = 0;
  let sawFailedMetric = false;
  let fix;
  for await (const line of readLines(open, file)) {
    lastLine = line.number;
    fix ??= line.text.trim() === "" ? void 0 : wrongToolFix(line.text, "k6", K6_FIX);
    const record2 = parseK6Line(line, file, fix);
    if (record2 === null || record2.type !== "Point") continue;
    if (record2.metric === "http_req_failed") sawFailedMetric = true;
    if (record2.metric !== "http_req_duration") continue;
    firstMs = Math.min(firstMs, record2.timeMs);
    lastMs = Math.max(lastMs, record2.timeMs);
    const name = requestName(record2);
    if (!endpoints.has(name)) {
      if (endpoints.size >= MAX_K6_ENDPOINTS || name.length > 500) {
        throw new ImportError(
          { file, line: line.number },
          endpoints.size >= MAX_K6_ENDPOINTS ? `more than ${MAX_K6_ENDPOINTS} distinct request names by line ${line.number} (URLs with ids in them?)` : `the request name on line ${line.number} is longer than 500 characters`,
          "name the requests in the k6 script: http.get(url, { tags: { name: 'GET /users/{id}' } })"
        );
      }
      endpoints.add(name);
    }
  }
  if (endpoints.size === 0) {
    throw new ImportError(
      { file, line: Math.max(1, lastLine) },
      lastLine === 0 ? "not a k6 JSON output: the file is empty" : `no http_req_duration points in ${lastLine} lines (k6 writes one per HTTP request)`,
      K6_FIX
    );
  }
  return { firstMs, lastMs, endpoints: [...endpoints], sawFailedMetric };
}
function warningsOf({ file, rounds, scan }) {
  const warnings = [];
  if (scan.sawFailedMetric && rounds.flaggedFailures !== rounds.errorsFromRequests) {
    warnings.push(
      `${file}: http_req_failed counts ${rounds.flaggedFailures} failed requests but the requests' tags give ${rounds.errorsFromRequests}; the errors follow the requests' tags (expected_response, status)`
    );
  }
  if (rounds.unattributedCheckFailures > 0) {
    warnings.push(
      `${file}: ${rounds.unattributedCheckFailures} failed k6 checks could not be tied to an endpoint (k6 check points carry no request tags) and are not counted; tag checks with the request's name to count them`
    );
  }
  return warnings;
}

// src/import/index.ts
async function importRun(options) {
  const readText = options.readText ?? ((path) => readFile(path, "utf8"));
  const files = [];
  for (const file of options.files) files.push({ file, run: await importOne(options, file, readText) });
  const run = combineAsRounds(files);
  return toRunResult({ ...run, warnings: [...run.warnings, ...sourceWarnings(run)] }, options);
}
async function importOne(options, file, readText) {
  switch (options.source) {
    case "k6": {
      const open = options.openStream;
      return importK6({
        file,
        ...options.rounds === void 0 ? {} : { rounds: options.rounds },
        ...open ? { open: () => open(file) } : {}
      });
    }
    case "autocannon":
      return importAutocannon(await readText(file), file);
    case "artillery":
      return importArtillery(await readText(file), file);
  }
}
var ROUNDS_FOR_REGRESSIONS = 4;
function sourceWarnings(run) {
  const rounds = run.rounds.length;
  const few = (how) => rounds < ROUNDS_FOR_REGRESSIONS ? [
    `only ${rounds} round(s): the gate compares rounds, and fewer than ${ROUNDS_FOR_REGRESSIONS} per side can never show a regression (the exact test's smallest p is 1/C(2k, k)): verdicts will be inconclusive, budgets still apply; ${how}`
  ] : [];
  switch (run.source) {
    case "k6":
      return [];
    case "autocannon":
      return [
        "autocannon writes no per-request samples: each latency histogram is rebuilt from the 15 percentiles it reports (exact at those percentiles, linear in between), and each file is one round",
        ...few("import several autocannon runs of the same URL, one file per round")
      ];
    case "artillery":
      return [
        "Artillery writes no per-request samples: each latency histogram is rebuilt from the percentiles it reports (min, p50-p999, max), one round per 10 s reporting period (the first and last are usually partial)",
        ...few(`run Artillery for at least ${ROUNDS_FOR_REGRESSIONS * 10 + 10} s, or import several reports`)
      ];
  }
}

// src/cli/import.ts
var IMPORT_HELP = `tailgate import --source k6|autocannon|artillery FILE... [--out result.json] [--rounds N]

Turns another load tool's output into a Tailgate RunResult file, for tailgate compare and the gate.

  k6          k6 run --out json=k6.json script.js  (NDJSON, .gz too; each request is a sample)
  autocannon  autocannon -j URL > run.json          (one summary per file: each file is one round)
  artillery   artillery run --output report.json script.yml  (one round per 10 s period)

Several files are several rounds (per endpoint, in the order given). autocannon and Artillery
report percentiles, not samples: their histograms are rebuilt from those percentiles.

Options:
  --source TOOL   k6 | autocannon | artillery (required)
  --out FILE      where to write the result (default: tailgate-result.json)
  --rounds N      k6 only: equal time windows per file (default 6)
  -h, --help      this help
`;
var EXPORT_HELP = `tailgate export --format bmf RESULT [--out FILE] [--prefix NAME]

Writes a RunResult file (from tailgate run or tailgate import) in another format.

  bmf   Bencher Metric Format JSON: one benchmark per endpoint with latency (p50), p95-latency and
        p99-latency in nanoseconds, throughput (requests/s) and error-rate; bounds are the
        smallest and largest per-round values. Schema: schema/bmf.schema.json.
        Use with: bencher run --adapter json --file FILE

Options:
  --format FORMAT   bmf (required)
  --out FILE        write here instead of stdout
  --prefix NAME     put 'NAME: ' before every benchmark name
  -h, --help        this help
`;
var MAX_ROUNDS = 100;
async function importCommand(args, io) {
  try {
    const source = importSource(args.source);
    if (args.files.length === 0) {
      throw new ConfigError(
        "FILE",
        "is missing",
        `pass the ${source} output file(s): tailgate import --source ${source} FILE`
      );
    }
    const rounds = roundsFlag(args.rounds, source);
    for (const file of args.files) await ensureReadable(file);
    const { result, warnings } = await importRun({
      source,
      files: args.files,
      ...rounds === void 0 ? {} : { rounds },
      readText: (path) => io.readText(path),
      environment: localEnvironment(),
      git: localGitContext()
    });
    for (const warning of warnings) io.stderr.write(`warning: ${warning}
`);
    const outPath = await io.writeText(args.out ?? "tailgate-result.json", serializeRunResult(result));
    const requests = result.endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0);
    io.stderr.write(
      `Imported ${requests} requests on ${result.endpoints.length} endpoint(s) in ${result.rounds.length} round(s) from ${args.files.length} ${source} file(s); result written to ${outPath}
`
    );
    return EXIT.pass;
  } catch (error) {
    return userError(error, io);
  }
}
async function exportCommand(args, io) {
  try {
    if (args.format !== "bmf") {
      throw new ConfigError(
        "--format",
        args.format === void 0 ? "is missing" : `'${args.format}' is not an export format`,
        "use --format bmf (the verdict as JSON is tailgate compare --format json)"
      );
    }
    if (args.files.length !== 1) {
      throw new ConfigError(
        "RESULT",
        `takes one result file, got ${args.files.length}`,
        "tailgate export --format bmf result.json"
      );
    }
    const path = args.files[0];
    await ensureReadable(path);
    const result = parseRunResult(await io.readText(path), path);
    const text = serializeBmf(toBmf(result, args.prefix ? { prefix: args.prefix } : {}));
    if (args.out) io.stderr.write(`BMF written to ${await io.writeText(args.out, text)}
`);
    else io.stdout.write(text);
    return EXIT.pass;
  } catch (error) {
    return userError(error, io);
  }
}
function importSource(value) {
  if (value === void 0) {
    throw new ConfigError(
      "--source",
      "is missing",
      `pass the tool that wrote the files: --source ${IMPORT_SOURCES.join("|")}`
    );
  }
  if (!IMPORT_SOURCES.includes(value)) {
    throw new ConfigError(
      "--source",
      `'${value}' is not a tool Tailgate imports`,
      `use one of ${IMPORT_SOURCES.join(", ")}`
    );
  }
  return value;
}
function roundsFlag(value, source) {
  if (value === void 0) return void 0;
  if (source !== "k6") {
    throw new ConfigError(
      "--rounds",
      `applies to k6 only`,
      source === "autocannon" ? "each autocannon file is one round: pass several files" : "Artillery rounds are its 10 s periods"
    );
  }
  const rounds = Number(value);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
    throw new ConfigError("--rounds", `'${value}' is not a round count`, `write a whole number from 1 to ${MAX_ROUNDS}`);
  }
  return rounds;
}
async function ensureReadable(path) {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
  } catch (error) {
    throw new ConfigError(
      "FILE",
      `cannot read '${path}' (${error.code ?? "error"})`,
      "check the path"
    );
  }
}
function userError(error, io) {
  if (error instanceof ConfigError || error instanceof ImportError || error instanceof ResultFormatError) {
    io.stderr.write(`tailgate: ${messageOf(error)}
`);
    return EXIT.usage;
  }
  throw error;
}
export {
  EXPORT_HELP,
  IMPORT_HELP,
  exportCommand,
  importCommand
};
