import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

// src/config/fingerprint.ts
import { createHash } from "node:crypto";
var SECRET_HEADER = /auth|token|key|secret|cookie|session|password|credential|signature/i;
function headersForFingerprint(headers) {
  return Object.entries(headers).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([name, value]) => SECRET_HEADER.test(name) ? [name] : [name, value]);
}
function stepLoad(step) {
  return {
    name: step.name,
    method: step.method,
    path: step.path,
    query: step.query,
    headers: headersForFingerprint(step.headers),
    body: step.body,
    timeoutMs: step.timeoutMs,
    think: step.think,
    captures: step.captures,
    expect: step.expect
  };
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
function profileFingerprint(profile) {
  const load = {
    v: 1,
    load: profile.load,
    warmupMs: profile.warmupMs,
    durationMs: profile.durationMs,
    rounds: profile.rounds,
    requestTimeoutMs: profile.requestTimeoutMs,
    // Only capacity profiles carry it (undefined is left out, so other profiles keep their fingerprints).
    capacity: profile.capacity ?? void 0,
    defaultHeaders: headersForFingerprint(profile.headers),
    scenarios: profile.scenarios.map((scenario) => ({
      name: scenario.name,
      weight: scenario.weight,
      steps: scenario.steps.map(stepLoad),
      data: scenario.data && {
        file: scenario.data.file,
        order: scenario.data.order,
        sha256: scenario.data.contentSha256
      }
    }))
  };
  return createHash("sha256").update(canonicalJson(load)).digest("hex").slice(0, 16);
}
function runFingerprint(profile) {
  return profile.wholeProfileFingerprint ?? profileFingerprint(profile);
}
var PROFILE_CHANGED = "profile changed in this PR";

export {
  canonicalJson,
  profileFingerprint,
  runFingerprint,
  PROFILE_CHANGED
};
