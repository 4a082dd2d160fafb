import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  oneLine
} from "./chunk-K32UBI76.js";

// src/github/errors.ts
var GitHubContextError = class extends Error {
  constructor(field, problem) {
    super(oneLine(`${field}: ${problem}`));
    this.field = field;
    this.name = "GitHubContextError";
  }
  field;
};
function httpStatusOf(error) {
  if (typeof error === "object" && error !== null && "status" in error) {
    const status = error.status;
    if (typeof status === "number") return status;
  }
  return null;
}
function describeApiError(error) {
  const raw = error instanceof Error ? error.message : String(error);
  const message = (raw.split("\n")[0] ?? "").replace(/ - https?:\/\/\S+$/, "");
  const status = httpStatusOf(error);
  return status === null ? message : `GitHub answered ${status}: ${message}`;
}
function isRateLimitError(error) {
  const status = httpStatusOf(error);
  return status === 429 || status === 403 && isRateLimit(error, headersOf(error));
}
function isRateLimit(error, headers) {
  if (headers["retry-after"] !== void 0 || headers["x-ratelimit-remaining"] === "0") return true;
  return /rate limit/i.test(error instanceof Error ? error.message : "");
}
function headersOf(error) {
  const headers = error?.response?.headers ?? {};
  const out = {};
  for (const [name, value] of Object.entries(headers)) if (value !== void 0) out[name.toLowerCase()] = String(value);
  return out;
}

export {
  GitHubContextError,
  httpStatusOf,
  describeApiError,
  isRateLimitError,
  headersOf
};
