import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  TAILGATE_VERSION,
  _enum,
  array,
  discriminatedUnion,
  literal,
  number,
  object,
  partialRecord,
  record,
  strictObject,
  string
} from "./chunk-R6EOTZPH.js";
import {
  decodeHistogram
} from "./chunk-U4VOYMDS.js";
import {
  oneLine
} from "./chunk-K32UBI76.js";

// src/results/errors.ts
var ResultFormatError = class extends Error {
  constructor(origin, problem) {
    super(oneLine(`${origin}: ${problem}`));
    this.origin = origin;
    this.name = "ResultFormatError";
  }
  origin;
};

// src/results/types.ts
var ERROR_CLASSES = [
  "timeout",
  "connection-refused",
  "connection-reset",
  "dns",
  "tls",
  "check-failed",
  "http-4xx",
  "http-5xx",
  "other"
];
var LATENCY_ORIGINS = ["intended", "actual"];
var CAPACITY_STEP_OUTCOMES = ["pass", "fail", "undecided", "invalid", "stopped"];
var SAFETY_STOPS = ["latency", "in-flight", "errors", "max-in-flight"];
var CAPACITY_STATUSES = ["found", "at-max-rate", "below-start-rate", "invalid", "stopped"];

// src/results/schema.ts
var FORMAT_VERSION = "1.2";
var FORMAT_MAJOR = 1;
var count = number().int().nonnegative();
var finite = number().refine(Number.isFinite, "must be a finite number");
var statusCode = string().regex(/^[1-5]\d\d$/, "must be a 3-digit HTTP status code");
var roundMeasurement = strictObject({
  latency: string().min(1),
  actualLatency: string().min(1),
  requests: count,
  statusCounts: record(statusCode, count),
  errors: partialRecord(_enum(ERROR_CLASSES), count),
  bytesReceived: count
});
var nullableString = string().nullable();
var roundWindows = array(object({ index: count, startMs: finite.nonnegative(), durationMs: finite.nonnegative() })).max(1e3);
var timeline = array(
  object({
    second: count,
    requests: count,
    errors: count,
    p95Us: finite.nonnegative(),
    p50Us: finite.nonnegative().optional(),
    p99Us: finite.nonnegative().optional()
  })
).max(1e6);
var endpointResults = array(
  object({
    name: string().min(1).max(500),
    warmupRequests: count,
    rounds: array(roundMeasurement),
    timeline: timeline.optional().meta({ description: "this endpoint's own per-second timeline (format 1.2; chart resolution)" })
  })
).max(1e4);
var health = object({
  intendedRatePerSecond: finite.nonnegative().nullable(),
  achievedRatePerSecond: finite.nonnegative(),
  maxEventLoopLagMs: finite.nonnegative(),
  invalidReasons: array(string().max(2e3)).max(100)
});
var rate = finite.nonnegative().meta({ description: "requests (iterations) per second" });
var capacityStep = object({
  index: count,
  ratePerSecond: rate,
  attempt: count,
  outcome: _enum(CAPACITY_STEP_OUTCOMES),
  reason: string().max(4e3),
  safetyStop: _enum(SAFETY_STOPS).nullable(),
  warmupMs: finite.nonnegative(),
  durationMs: finite.nonnegative(),
  rounds: roundWindows,
  endpoints: endpointResults,
  health,
  objectives: array(
    object({
      endpoint: string().max(500),
      objective: string().max(500),
      roundValues: array(finite).max(1e3),
      pooled: finite.nullable(),
      status: _enum(["holds", "broken", "undecided"]),
      pBroken: finite.min(0).max(1),
      pHolds: finite.min(0).max(1)
    })
  ).max(1e4)
});
var capacity = object({
  status: _enum(CAPACITY_STATUSES),
  sustainedRatePerSecond: rate.nullable().meta({ description: "the highest rate whose step held the SLO" }),
  firstFailingRatePerSecond: rate.nullable().meta({ description: "the lowest rate whose step broke it" }),
  resolution: finite.nonnegative(),
  maxRatePerSecond: rate,
  breaking: object({ endpoint: string().max(500), objective: string().max(500), actual: finite.nullable() }).nullable(),
  reason: string().max(4e3),
  slo: record(string().max(500), array(string().max(500)).max(100)),
  totalDurationMs: finite.nonnegative(),
  totalRequests: count,
  steps: array(capacityStep).max(1e3)
});
var RunResultFileSchema = object({
  formatVersion: string().regex(/^1\.\d+$/),
  tool: object({ name: string(), version: string() }),
  source: _enum(["tailgate", "k6", "autocannon", "artillery"]),
  profile: object({
    id: string().min(1).max(200),
    fingerprint: string().min(1).max(200),
    model: _enum(["open", "closed"]),
    gatedLatency: _enum(["intended", "actual"])
  }),
  startedAt: string(),
  warmupMs: finite.nonnegative(),
  durationMs: finite.nonnegative(),
  rounds: roundWindows.min(1),
  endpoints: endpointResults,
  timeline,
  health,
  completion: discriminatedUnion("status", [
    object({ status: literal("complete") }),
    object({ status: literal("partial"), reason: string() })
  ]),
  environment: object({
    os: string(),
    arch: string(),
    cpuModel: string(),
    cores: count,
    nodeVersion: string(),
    tailgateVersion: string(),
    runner: nullableString
  }),
  /** Per round (same length as `rounds`): the generator's send lateness, µs. Optional (added in format 1.0). */
  generatorLateness: array(string().min(1)).max(1e3).optional(),
  git: object({
    repository: nullableString,
    ref: nullableString,
    branch: nullableString,
    sha: nullableString,
    runId: nullableString,
    workflow: nullableString
  }),
  capacity: capacity.optional(),
  /** One half of a live A/B run (format 1.2): the run id both halves share, this half's side, the A/B order. */
  liveAb: strictObject({
    runId: string().min(1).max(200),
    side: _enum(["baseline", "candidate"]),
    order: string().regex(/^[AB]+$/, "write the measurement order as letters A and B, e.g. ABBAABBA").max(2e3)
  }).optional(),
  recovery: object({
    spikeStartMs: finite.nonnegative(),
    spikeEndMs: finite.nonnegative(),
    baseRatePerSecond: rate,
    peakRatePerSecond: rate,
    preSpikeP95Ms: finite.nonnegative().nullable(),
    limitMs: finite.nonnegative().nullable(),
    recoveredAfterMs: finite.nonnegative().nullable().meta({ description: "from the end of the spike until p95 is back within the margin; null: not recovered" })
  }).optional()
});

// src/results/codec.ts
var MAX_RESULT_BYTES = 50 * 1024 * 1024;
function encodeRunResult(result) {
  return {
    formatVersion: FORMAT_VERSION,
    tool: { name: "tailgate", version: TAILGATE_VERSION },
    source: result.source,
    profile: {
      id: result.profileId,
      fingerprint: result.profileFingerprint,
      model: result.model,
      gatedLatency: result.gatedLatency
    },
    startedAt: result.startedAt,
    warmupMs: result.warmupMs,
    durationMs: result.durationMs,
    rounds: result.rounds.map((r) => ({ ...r })),
    endpoints: result.endpoints.map(encodeEndpoint),
    timeline: result.timeline.map((p) => ({ ...p })),
    health: encodeHealth(result.health),
    completion: { ...result.completion },
    environment: { ...result.environment },
    git: { ...result.git },
    ...result.generatorLateness ? { generatorLateness: result.generatorLateness.map((h) => h.encode()) } : {},
    ...result.capacity ? { capacity: encodeCapacity(result.capacity) } : {},
    ...result.recovery ? { recovery: { ...result.recovery } } : {},
    ...result.liveAb ? { liveAb: { ...result.liveAb } } : {}
  };
}
function encodeEndpoint(endpoint) {
  return {
    name: endpoint.name,
    warmupRequests: endpoint.warmupRequests,
    ...endpoint.timeline ? { timeline: endpoint.timeline.map((p) => ({ ...p })) } : {},
    rounds: endpoint.rounds.map((round) => ({
      latency: round.latency.encode(),
      actualLatency: round.actualLatency.encode(),
      requests: round.requests,
      statusCounts: { ...round.statusCounts },
      errors: { ...round.errors },
      bytesReceived: round.bytesReceived
    }))
  };
}
var encodeHealth = (health2) => ({
  ...health2,
  invalidReasons: [...health2.invalidReasons]
});
function encodeCapacity(capacity2) {
  return {
    ...capacity2,
    breaking: capacity2.breaking && { ...capacity2.breaking },
    slo: Object.fromEntries(Object.entries(capacity2.slo).map(([key, list]) => [key, [...list]])),
    steps: capacity2.steps.map((step) => ({
      ...step,
      rounds: step.rounds.map((r) => ({ ...r })),
      endpoints: step.endpoints.map(encodeEndpoint),
      health: encodeHealth(step.health),
      objectives: step.objectives.map((check) => ({ ...check, roundValues: [...check.roundValues] }))
    }))
  };
}
function serializeRunResult(result) {
  return `${JSON.stringify(encodeRunResult(result))}
`;
}
function parseRunResult(text, origin) {
  if (text.length > MAX_RESULT_BYTES) {
    throw new ResultFormatError(origin, `is ${text.length} bytes; result files over ${MAX_RESULT_BYTES} are refused`);
  }
  let json;
  try {
    json = JSON.parse(text, refuseHostileKeys);
  } catch (error) {
    if (error instanceof ResultFormatError) throw new ResultFormatError(origin, error.message.replace(/^: /, ""));
    throw new ResultFormatError(origin, `is not valid JSON (${error.message}); is the file truncated?`);
  }
  return decodeRunResult(json, origin);
}
var HOSTILE_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function refuseHostileKeys(key, value) {
  if (HOSTILE_KEYS.has(key)) throw new ResultFormatError("", `has a forbidden key '${key}'`);
  return value;
}
function decodeRunResult(json, origin) {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ResultFormatError(origin, "is not a Tailgate result (expected a JSON object)");
  }
  const version = json.formatVersion;
  if (typeof version !== "string") {
    throw new ResultFormatError(origin, "is not a Tailgate result (no 'formatVersion')");
  }
  const major = Number.parseInt(version.split(".")[0] ?? "", 10);
  if (major !== FORMAT_MAJOR) {
    throw new ResultFormatError(
      origin,
      major > FORMAT_MAJOR ? `has result format ${version}, written by a newer Tailgate; this Tailgate (${TAILGATE_VERSION}) reads format ${FORMAT_MAJOR}.x: upgrade Tailgate, or re-run the baseline` : `has unknown result format '${version}'; this Tailgate reads format ${FORMAT_MAJOR}.x`
    );
  }
  const parsed = RunResultFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("");
    throw new ResultFormatError(
      origin,
      `has an invalid field '${path.replace(/^\./, "") || "(root)"}': ${issue.message}`
    );
  }
  return fromFile(parsed.data, origin);
}
function fromFile(file, origin) {
  const roundCount = file.rounds.length;
  const endpoints = decodeEndpoints(file.endpoints, roundCount, origin, "endpoints");
  const capacity2 = file.capacity && {
    ...file.capacity,
    steps: file.capacity.steps.map((step, index) => ({
      ...step,
      endpoints: decodeEndpoints(step.endpoints, step.rounds.length, origin, `capacity.steps[${index}].endpoints`)
    }))
  };
  const lateness = file.generatorLateness;
  if (lateness && lateness.length !== roundCount) {
    throw new ResultFormatError(
      origin,
      `has ${lateness.length} 'generatorLateness' histograms; the run has ${roundCount} rounds`
    );
  }
  const liveAb = file.liveAb;
  const ownRounds = liveAb ? [...liveAb.order].filter((l) => l === (liveAb.side === "baseline" ? "A" : "B")).length : 0;
  if (liveAb && ownRounds !== roundCount) {
    throw new ResultFormatError(
      origin,
      `has ${ownRounds} rounds of its side in 'liveAb.order'; the run has ${roundCount}`
    );
  }
  return deepFreeze({
    profileId: file.profile.id,
    profileFingerprint: file.profile.fingerprint,
    model: file.profile.model,
    gatedLatency: file.profile.gatedLatency,
    startedAt: file.startedAt,
    warmupMs: file.warmupMs,
    durationMs: file.durationMs,
    rounds: file.rounds,
    endpoints,
    timeline: file.timeline,
    health: file.health,
    completion: file.completion,
    environment: file.environment,
    git: file.git,
    source: file.source,
    ...lateness ? {
      generatorLateness: Object.freeze(
        lateness.map((encoded, r) => decodeAt(encoded, origin, `generatorLateness[${r}]`))
      )
    } : {},
    ...capacity2 ? { capacity: capacity2 } : {},
    ...file.recovery ? { recovery: file.recovery } : {},
    ...liveAb ? { liveAb } : {}
  });
}
function decodeEndpoints(list, roundCount, origin, at) {
  return list.map((endpoint, e) => {
    if (endpoint.rounds.length !== roundCount) {
      throw new ResultFormatError(
        origin,
        `endpoint '${endpoint.name}' has ${endpoint.rounds.length} rounds; the run has ${roundCount}`
      );
    }
    const rounds = endpoint.rounds.map((round, r) => {
      const where = `${at}[${e}].rounds[${r}]`;
      return Object.freeze({
        latency: decodeAt(round.latency, origin, `${where}.latency`),
        actualLatency: decodeAt(round.actualLatency, origin, `${where}.actualLatency`),
        requests: round.requests,
        statusCounts: Object.freeze(copyRecord(round.statusCounts)),
        errors: Object.freeze(copyRecord(round.errors)),
        bytesReceived: round.bytesReceived
      });
    });
    return Object.freeze({
      name: endpoint.name,
      warmupRequests: endpoint.warmupRequests,
      rounds: Object.freeze(rounds),
      ...endpoint.timeline ? { timeline: deepFreeze(endpoint.timeline) } : {}
    });
  });
}
function decodeAt(encoded, origin, path) {
  try {
    return decodeHistogram(encoded);
  } catch (error) {
    throw new ResultFormatError(origin, `has a broken histogram at '${path}': ${error.message}`);
  }
}
function copyRecord(record2) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const [key, value] of Object.entries(record2)) if (value !== void 0) out[key] = value;
  return out;
}
function deepFreeze(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      if (child && typeof child === "object" && Object.getPrototypeOf(child) === Object.prototype) deepFreeze(child);
      else if (Array.isArray(child)) deepFreeze(child);
    }
  }
  return value;
}

export {
  ResultFormatError,
  LATENCY_ORIGINS,
  CAPACITY_STATUSES,
  MAX_RESULT_BYTES,
  encodeRunResult,
  serializeRunResult,
  parseRunResult,
  decodeRunResult
};
