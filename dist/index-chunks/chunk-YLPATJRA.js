import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  formatMs
} from "./chunk-VSHOYYU7.js";

// src/action/preview/local-server-error.ts
var LocalServerError = class extends Error {
  constructor(message, output) {
    super(message);
    this.output = output;
    this.name = "LocalServerError";
  }
  output;
};

// src/action/preview/input-names.ts
var TARGET_INPUTS = {
  target: "target",
  waitTimeout: "wait-timeout",
  healthPath: "health-path",
  readyStatus: "ready-status",
  expectShaHeader: "expect-sha-header",
  expectShaPath: "expect-sha-path",
  headers: "headers",
  startCommand: "start-command",
  startCwd: "start-cwd"
};

// src/action/preview/served-sha.ts
var DEFAULT_SHA_FIELDS = ["sha", "commit", "version"];
var MIN_SHA_LENGTH = 7;
var HEX_SHA = /^[0-9a-f]{7,64}$/i;
var looksLikeSha = (text) => HEX_SHA.test(text);
function shaMatches(served, expected) {
  const a = served.trim().toLowerCase();
  const b = expected.trim().toLowerCase();
  if (a.length < MIN_SHA_LENGTH || b.length < MIN_SHA_LENGTH) return false;
  return a.startsWith(b) || b.startsWith(a);
}
function shortSha(text) {
  if (looksLikeSha(text)) return text.slice(0, MIN_SHA_LENGTH).toLowerCase();
  return text.length > 40 ? `${text.slice(0, 40)}\u2026` : text;
}
function shaFromHeader(headers, name) {
  const raw = headers[name.toLowerCase()];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  return value === "" ? null : value;
}
function shaFromBody(body, jsonField) {
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    const text = body.trim();
    return looksLikeSha(text) ? text : null;
  }
  if (typeof parsed === "string") return looksLikeSha(parsed.trim()) ? parsed.trim() : null;
  if (jsonField !== void 0) return scalarText(fieldAt(parsed, jsonField));
  for (const field of DEFAULT_SHA_FIELDS) {
    const value = scalarText(fieldAt(parsed, field));
    if (value !== null && looksLikeSha(value)) return value;
  }
  return null;
}
function fieldAt(value, path) {
  let current = value;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return void 0;
    current = current[key];
  }
  return current;
}
function scalarText(value) {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

// src/action/preview/not-ready.ts
var TargetNotReadyError = class extends Error {
  constructor(message, details) {
    super(message);
    this.details = details;
    this.name = "TargetNotReadyError";
  }
  details;
};
function notReadyError(facts) {
  const { outcome, expected, servedSha } = facts;
  const last = outcome.problem ?? "unknown";
  const kind = outcome.status !== void 0 || outcome.shaProblem ? "last answer" : "last error";
  const commits = expected !== null && !outcome.shaProblem ? ` (commit served: ${servedSha === null ? "unknown" : shortSha(servedSha)}, expected: ${shortSha(expected)})` : "";
  const fixes = [];
  if (outcome.shaProblem) {
    fixes.push(`wait for the deployment of ${shortSha(expected ?? "")} to finish`);
    fixes.push(`check that '${TARGET_INPUTS.expectShaHeader}' or '${TARGET_INPUTS.expectShaPath}' points at the commit`);
  } else {
    if (outcome.status === 401 || outcome.status === 403) {
      fixes.push(
        `if the preview is protected, pass its bypass header or basic-auth in the '${TARGET_INPUTS.headers}' input`
      );
    }
    fixes.push(
      `check that the preview is deployed and that '${TARGET_INPUTS.healthPath}' (${facts.healthPath}) answers ${facts.accept.text} (or set '${TARGET_INPUTS.readyStatus}')`
    );
  }
  fixes.push(`or increase '${TARGET_INPUTS.waitTimeout}' (now ${formatMs(facts.timeoutMs)})`);
  const message = facts.redact(
    `target ${facts.healthUrl.href} was not ready after ${formatMs(facts.waitedMs)} (${plural(facts.attempts)}): ${kind}: ${last}${commits}; no load was sent; ${fixes.join("; ")}`
  );
  return new TargetNotReadyError(message, {
    url: facts.redact(facts.healthUrl.href),
    lastProblem: facts.redact(last),
    attempts: facts.attempts,
    waitedMs: facts.waitedMs,
    servedSha,
    expectedSha: expected
  });
}
var plural = (attempts) => `${attempts} attempt${attempts === 1 ? "" : "s"}`;

export {
  LocalServerError,
  TARGET_INPUTS,
  looksLikeSha,
  shaMatches,
  shortSha,
  shaFromHeader,
  shaFromBody,
  TargetNotReadyError,
  notReadyError,
  plural
};
