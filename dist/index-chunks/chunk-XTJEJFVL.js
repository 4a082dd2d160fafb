import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  MAX_RESULT_BYTES,
  ResultFormatError,
  decodeRunResult,
  encodeRunResult
} from "./chunk-HUK7SR2E.js";
import {
  TAILGATE_VERSION
} from "./chunk-R6EOTZPH.js";

// src/baseline/bundle.ts
var BUNDLE_KIND = "tailgate-baseline-bundle";
var BUNDLE_VERSION = "1.0";
var BUNDLE_MAJOR = 1;
var MAX_BUNDLE_BYTES = 4 * MAX_RESULT_BYTES;
function serializeBundle(bundle) {
  return `${JSON.stringify({
    kind: BUNDLE_KIND,
    bundleVersion: BUNDLE_VERSION,
    current: encodeRunResult(bundle.current),
    history: bundle.history.map(encodeRunResult)
  })}
`;
}
function parseBundle(text, origin) {
  if (text.length > MAX_BUNDLE_BYTES) {
    throw new ResultFormatError(origin, `is ${text.length} bytes; baseline files over ${MAX_BUNDLE_BYTES} are refused`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ResultFormatError(origin, `is not valid JSON (${error.message}); is the file truncated?`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ResultFormatError(origin, "is not a Tailgate baseline (expected a JSON object)");
  }
  const record = json;
  if (record.kind !== BUNDLE_KIND) {
    if (text.length > MAX_RESULT_BYTES) {
      throw new ResultFormatError(origin, `is ${text.length} bytes; result files over ${MAX_RESULT_BYTES} are refused`);
    }
    return { current: decodeRunResult(json, origin), history: [], warnings: [] };
  }
  checkBundleVersion(record.bundleVersion, origin);
  const current = decodeRunResult(record.current, `${origin} (current baseline)`);
  const warnings = [];
  const history = [];
  const entries = Array.isArray(record.history) ? record.history : [];
  entries.forEach((entry, index) => {
    try {
      history.push(decodeRunResult(entry, `${origin} (history[${index}])`));
    } catch (error) {
      warnings.push(`Dropped an unreadable earlier baseline from the trend: ${error.message}`);
    }
  });
  return { current, history, warnings };
}
function checkBundleVersion(version, origin) {
  const major = typeof version === "string" ? Number.parseInt(version.split(".")[0] ?? "", 10) : Number.NaN;
  if (major === BUNDLE_MAJOR) return;
  throw new ResultFormatError(
    origin,
    major > BUNDLE_MAJOR ? `has baseline bundle format ${String(version)}, written by a newer Tailgate; this Tailgate (${TAILGATE_VERSION}) reads bundle format ${BUNDLE_MAJOR}.x: upgrade Tailgate, or re-run the baseline` : `has unknown baseline bundle format '${String(version)}'; this Tailgate reads bundle format ${BUNDLE_MAJOR}.x`
  );
}

export {
  serializeBundle,
  parseBundle
};
